package oauthcallback_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/oauthcallback"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestOAuthCallback(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), oauthcallback.Analyzer, "a", "app", "quickstart")
}
