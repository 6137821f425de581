package idempotencykey_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/idempotencykey"
	"github.com/brexlint/brexlint/internal/teststubs"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestIdempotencyKey(t *testing.T) {
	analysistest.Run(t, teststubs.GOPATH(t, analysistest.TestData(), "github.com/hashicorp/go-retryablehttp", "github.com/go-resty/resty/v2"), idempotencykey.Analyzer, "a", "b", "builders", "flow", "travel", "perattempt", "callerretry")
}

// TestOptional runs with -idempotencykey.optional=true, which also reports
// endpoints whose key is optional.
func TestOptional(t *testing.T) {
	if err := idempotencykey.Analyzer.Flags.Set("optional", "true"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idempotencykey.Analyzer.Flags.Set("optional", "false") })
	analysistest.Run(t, analysistest.TestData(), idempotencykey.Analyzer, "optional")
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), idempotencykey.Analyzer, "fix")
}
