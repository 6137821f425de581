package strictdecode_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/strictdecode"
	"github.com/brexlint/brexlint/internal/teststubs"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestStrictDecode(t *testing.T) {
	dir := teststubs.GOPATH(t, analysistest.TestData(), "github.com/hashicorp/go-retryablehttp", "github.com/standard-webhooks/standard-webhooks/libraries/go", "github.com/acmepay", "github.com/oapi-codegen/runtime", "github.com/gin-gonic/gin", "github.com/labstack/echo/v4")
	analysistest.Run(t, dir, strictdecode.Analyzer, "resp", "webhook", "secrets", "otherwebhooks", "enums", "notbrex", "webhookapp", "retryable", "crosshelper", "genresp", "frameworkhooks", "ginstrict", "ginstrictapi", "ginstrictbind", "ginstrictown")
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), strictdecode.Analyzer, "fix")
}
