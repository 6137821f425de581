package embeddedwebview_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/embeddedwebview"
	"github.com/brexlint/brexlint/internal/teststubs"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestEmbeddedWebview(t *testing.T) {
	analysistest.Run(t, teststubs.GOPATH(t, analysistest.TestData(), "golang.org/x/oauth2"), embeddedwebview.Analyzer, "a", "nohttp", "quickstart")
}
