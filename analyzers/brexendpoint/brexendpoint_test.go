package brexendpoint_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/brexendpoint"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestBrexEndpoint(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), brexendpoint.Analyzer, "a", "b", "legacy")
}
