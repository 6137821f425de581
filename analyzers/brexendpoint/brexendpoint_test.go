package brexendpoint_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/brexendpoint"
	"github.com/brexlint/brexlint/internal/teststubs"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestBrexEndpoint(t *testing.T) {
	analysistest.Run(t, teststubs.GOPATH(t, analysistest.TestData(), "github.com/hashicorp/go-retryablehttp", "github.com/go-resty/resty/v2"), brexendpoint.Analyzer, "a", "b", "builders", "flow", "legacy")
}
