package statuscheck_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/statuscheck"
	"github.com/brexlint/brexlint/internal/teststubs"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestStatusCheck(t *testing.T) {
	analysistest.Run(t, teststubs.GOPATH(t, analysistest.TestData(), "github.com/hashicorp/go-retryablehttp", "github.com/go-resty/resty/v2", "github.com/acmepay", "github.com/oapi-codegen/runtime", "golang.org/x/oauth2"), statuscheck.Analyzer, "a", "cash", "helpers", "brexwrap", "retryable", "restyapp", "flow", "genapp")
}
