package embeddedwebview_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/embeddedwebview"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestEmbeddedWebview(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), embeddedwebview.Analyzer, "a", "nohttp", "quickstart")
}
