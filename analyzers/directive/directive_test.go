package directive_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/directive"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestDirective(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), directive.Analyzer, "a")
}
