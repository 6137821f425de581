package oauthcallback

import (
	"go/ast"

	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/oauthmodel"
	"golang.org/x/tools/go/analysis"
)

// Analyzer reports Brex OAuth callbacks that do not handle a denial.
var Analyzer = &analysis.Analyzer{
	Name:     checks.OAuthCallback,
	Doc:      "report Brex OAuth callback handlers that exchange the code without handling the error (denied consent) response",
	URL:      checks.DocURL(checks.OAuthCallback),
	Requires: []*analysis.Analyzer{brexmodel.Analyzer, directives.Analyzer},
	Run:      run,
}

// kindUnhandledDenial is the one kind of finding
// ("oauthcallback/unhandled-denial").
const kindUnhandledDenial = "unhandled-denial"

func run(pass *analysis.Pass) (any, error) {
	r := directives.NewReporter(pass)
	defer r.Finish()
	m := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model).OAuth
	seen := map[*ast.CallExpr]bool{} // two routes may share the helper that exchanges
	for _, h := range m.Handlers {
		if h.InTest || h.HandlesError {
			continue
		}
		for _, x := range h.Exchanges {
			if x.Provider != oauthmodel.ProviderBrex {
				continue
			}
			at := x.At
			if at == nil {
				at = x.Call
			}
			if seen[at] {
				break
			}
			seen[at] = true
			r.Reportf(at.Pos(), kindUnhandledDenial, "%s", checks.Message("this Brex OAuth callback exchanges the code without looking at the error parameter",
				"a customer who denies access gets a confusing token-exchange failure", "handle error=access_denied first"))
			break
		}
	}
	return nil, nil
}
