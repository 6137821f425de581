package ratelimit_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/ratelimit"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestRateLimit(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ratelimit.Analyzer, "a", "wrappers", "injclient", "transport", "brexwrap", "flow")
}
