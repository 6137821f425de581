package oauthstate_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/oauthstate"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestOAuthState(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), oauthstate.Analyzer, "a", "handlers", "app", "quickstart")
}
