package idempotencykey_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/idempotencykey"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestIdempotencyKey(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), idempotencykey.Analyzer, "a", "b", "travel", "perattempt", "callerretry")
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
