package enumdefault_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/enumdefault"
	"github.com/brexlint/brexlint/internal/teststubs"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestEnumDefault covers Brex enum types (of this package and others),
// literal switches, and the look-alikes that stay quiet: ambiguous value
// sets, the program's own enums, request-only enums, packages that are not
// Brex code.
func TestEnumDefault(t *testing.T) {
	analysistest.Run(t, teststubs.GOPATH(t, analysistest.TestData(), "github.com/hashicorp/go-retryablehttp", "github.com/go-resty/resty/v2"), enumdefault.Analyzer, "a", "app", "notbrex", "taught", "retryable", "restyapp")
}

// TestDecodedFromBrex covers switches over fields of types that the Brex
// model says are decoded from Brex responses, here and (through its facts)
// in another package, and from the Body of a generated Brex client's
// parsed response.
func TestDecodedFromBrex(t *testing.T) {
	analysistest.Run(t, teststubs.GOPATH(t, analysistest.TestData(), "github.com/acmepay", "github.com/oapi-codegen/runtime"), enumdefault.Analyzer, "model", "modelapp", "genresp")
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), enumdefault.Analyzer, "fix")
}
