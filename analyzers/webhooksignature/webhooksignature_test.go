package webhooksignature_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/webhooksignature"
	"github.com/brexlint/brexlint/internal/teststubs"
	"golang.org/x/tools/go/analysis/analysistest"
)

// libraries are the stubs of the verifying libraries the check accepts.
var libraries = []string{
	"github.com/standard-webhooks/standard-webhooks/libraries/go",
	"github.com/svix/svix-webhooks/go",
}

func TestWebhookSignature(t *testing.T) {
	dir := teststubs.GOPATH(t, analysistest.TestData(), libraries...)
	analysistest.Run(t, dir, webhooksignature.Analyzer, "brexhooks", "whsig", "usehelper", "libhooks", "otherhooks")
}
