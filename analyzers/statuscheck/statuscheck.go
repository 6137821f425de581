package statuscheck

import (
	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/analysis"
)

// Analyzer reports Brex response bodies decoded before any status check,
// and 401s from Brex Cash endpoints treated as a bad credential.
var Analyzer = &analysis.Analyzer{
	Name:     checks.StatusCheck,
	Doc:      "report Brex response bodies decoded before or without a StatusCode check, and 401s from Brex Cash endpoints that lead to re-authentication",
	URL:      checks.DocURL(checks.StatusCheck),
	Requires: []*analysis.Analyzer{brexmodel.Analyzer, directives.Analyzer},
	Run:      run,
}

// The kinds of finding (categories "statuscheck/KIND").
const (
	kindUnchecked = "unchecked-decode"
	kindCash401   = "cash-401-credential"
)

func run(pass *analysis.Pass) (any, error) {
	r := directives.NewReporter(pass)
	defer r.Finish()
	m := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model)
	for _, d := range m.Decodes() {
		if d.InTest || d.Checked {
			continue
		}
		what := "the body of " + brexmodel.EndpointList(d.Endpoints, "a Brex response") + " is decoded"
		if d.Via != nil {
			what = typesutil.FuncName(d.Via, pass.Pkg) + " decodes the body of " + brexmodel.EndpointList(d.Endpoints, "a Brex response")
		}
		r.Reportf(d.Call.Pos(), kindUnchecked, "%s before any check of resp.StatusCode: a Brex error body ({type, message, code}) then reads as data "+
			"(an empty page, a zero value); check StatusCode first and decode a non-2xx body into an error that keeps Brex's type, message, code "+
			"and the X-Brex-Trace-Id header", what)
	}
	for _, e := range m.Cash401Effects() {
		if e.InTest {
			continue
		}
		kind := "a Brex Cash endpoint"
		if len(e.Endpoints) > 1 {
			kind = "Brex Cash endpoints"
		}
		r.Reportf(e.Node.Pos(), kindCash401, "a 401 from %s (%s) %s here: on Brex Cash endpoints 401 means Brex Cash is not enabled "+
			"for the account or the user's role lacks access, not a bad token; report the missing access (Brex's error message) instead of re-authenticating",
			brexmodel.EndpointList(e.Endpoints, "a Brex response"), kind, e.What)
	}
	return nil, nil
}
