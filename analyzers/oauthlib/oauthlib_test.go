package oauthlib_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/oauthlib"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestOAuthLib(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), oauthlib.Analyzer, "a", "brexauth", "quickstart")
}
