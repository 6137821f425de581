package strictdecode_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/strictdecode"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestStrictDecode(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), strictdecode.Analyzer, "resp", "webhook", "secrets", "otherwebhooks", "enums", "notbrex", "webhookapp")
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), strictdecode.Analyzer, "fix")
}
