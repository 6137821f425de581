package hardcodedsecret

import (
	"sync/atomic"
	"testing"

	"github.com/brexlint/brexlint/internal/secrets"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestDetectorBuiltLazily checks that the analyzer asks for the detector
// only for packages with candidate literals outside test code: building it
// costs a tenth of a second, and most packages hold no secret-shaped
// literal at all.
func TestDetectorBuiltLazily(t *testing.T) {
	// The driver analyzes a package and its test variant concurrently.
	var calls atomic.Int32
	detector = func() *secrets.D { calls.Add(1); return secrets.Detector() }
	t.Cleanup(func() { detector = secrets.Detector })

	dir := analysistest.TestData()
	for _, tc := range []struct {
		pkg  string
		want bool
	}{
		{"clean", false},    // no candidate literal
		{"testonly", false}, // candidates in test code only
		{"a", true},
	} {
		calls.Store(0)
		analysistest.Run(t, dir, Analyzer, tc.pkg)
		if n := calls.Load(); (n > 0) != tc.want {
			t.Errorf("package %s: detector requested %d times, want requested = %v", tc.pkg, n, tc.want)
		}
	}
}
