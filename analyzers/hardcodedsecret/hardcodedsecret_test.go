package hardcodedsecret_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/hardcodedsecret"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestHardcodedSecret(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedsecret.Analyzer, "a", "clean", "example.com/testdata/fx", "example.com/app/internal/testutil", "example.com/app/attest")
}
