package oauthcallback_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/oauthcallback"
	"github.com/brexlint/brexlint/internal/teststubs"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestOAuthCallback(t *testing.T) {
	analysistest.Run(t, teststubs.GOPATH(t, analysistest.TestData(), "golang.org/x/oauth2", "github.com/gin-gonic/gin", "github.com/labstack/echo/v4"), oauthcallback.Analyzer, "a", "app", "quickstart", "frameworks")
}
