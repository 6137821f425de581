package pagelimit_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/pagelimit"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestPageLimit(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pagelimit.Analyzer, "a")
}
