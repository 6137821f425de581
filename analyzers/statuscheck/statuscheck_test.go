package statuscheck_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/statuscheck"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestStatusCheck(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), statuscheck.Analyzer, "a", "cash", "helpers", "brexwrap", "flow")
}
