package ratelimit_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/ratelimit"
	"github.com/brexlint/brexlint/internal/teststubs"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestRateLimit(t *testing.T) {
	analysistest.Run(t, teststubs.GOPATH(t, analysistest.TestData(), "github.com/hashicorp/go-retryablehttp", "github.com/go-resty/resty/v2"), ratelimit.Analyzer, "a", "wrappers", "injclient", "transport", "brexwrap", "retryable", "restyapp", "doers", "doersapp", "flow")
}
