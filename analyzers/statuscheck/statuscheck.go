package statuscheck

import (
	"fmt"
	"go/ast"

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
		report(r, d.Call, kindUnchecked, d.Endpoints, checks.Message(what+" before any check of resp.StatusCode",
			"a Brex error body (insufficient scopes, 401, 429) is read as data", "check StatusCode first"))
	}
	for _, e := range m.Cash401Effects() {
		if e.InTest {
			continue
		}
		kind := "a Brex Cash endpoint"
		if len(e.Endpoints) > 1 {
			kind = "Brex Cash endpoints"
		}
		report(r, e.Node, kindCash401, e.Endpoints, checks.Message(
			fmt.Sprintf("401 from %s (%s) %s here", brexmodel.EndpointList(e.Endpoints, "a Brex response"), kind, e.What),
			"a working token is lost (a Cash 401 usually means no Cash access)", "keep it, tell the user"))
	}
	return nil, nil
}

// report reports a finding at n whose message names eps, and every one of
// eps as related information when the message names only some.
func report(r *directives.Reporter, n ast.Node, kind string, eps []string, msg string) {
	r.Report(analysis.Diagnostic{Pos: n.Pos(), Category: kind, Message: msg, Related: brexmodel.EndpointsRelated(n.Pos(), eps)})
}
