package oauthstate_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/oauthstate"
	"github.com/brexlint/brexlint/internal/teststubs"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestOAuthState(t *testing.T) {
	analysistest.Run(t, teststubs.GOPATH(t, analysistest.TestData(), "golang.org/x/oauth2", "github.com/gin-gonic/gin", "github.com/labstack/echo/v4"), oauthstate.Analyzer, "a", "handlers", "app", "quickstart", "frameworks")
}
