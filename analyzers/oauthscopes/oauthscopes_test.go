package oauthscopes_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/oauthscopes"
	"github.com/brexlint/brexlint/internal/teststubs"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestOAuthScopes(t *testing.T) {
	analysistest.Run(t, teststubs.GOPATH(t, analysistest.TestData(), "github.com/acmepay", "github.com/oapi-codegen/runtime"), oauthscopes.Analyzer,
		"brexauth", "brexcalls", "service", "app", "direct", "unknown", "customer", "handbuilt", "brexauthlegacy", "app2", "genscopes")
}

// TestOfflineAccessFix checks the fix that adds offline_access to a
// configuration's Scopes, on one line and on several.
func TestOfflineAccessFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), oauthscopes.Analyzer, "offline")
}
