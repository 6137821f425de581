package oauthlib_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/oauthlib"
	"github.com/brexlint/brexlint/internal/teststubs"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestOAuthLib(t *testing.T) {
	analysistest.Run(t, teststubs.GOPATH(t, analysistest.TestData(), "golang.org/x/oauth2"), oauthlib.Analyzer, "a", "brexauth", "quickstart")
}
