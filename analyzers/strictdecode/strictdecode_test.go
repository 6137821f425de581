package strictdecode_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/strictdecode"
	"github.com/brexlint/brexlint/internal/teststubs"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestStrictDecode(t *testing.T) {
	analysistest.Run(t, teststubs.GOPATH(t, analysistest.TestData(), "github.com/hashicorp/go-retryablehttp"), strictdecode.Analyzer, "resp", "webhook", "secrets", "otherwebhooks", "enums", "notbrex", "webhookapp", "retryable")
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), strictdecode.Analyzer, "fix")
}
