package oauthlib

import (
	"fmt"
	"strings"

	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/oauthmodel"
	"golang.org/x/tools/go/analysis"
)

// Analyzer reports hand-rolled requests to Brex's OAuth token endpoint.
var Analyzer = &analysis.Analyzer{
	Name:     checks.OAuthLib,
	Doc:      "report hand-rolled OAuth token requests to Brex's token endpoint instead of an OAuth 2.0 library",
	URL:      checks.DocURL(checks.OAuthLib),
	Requires: []*analysis.Analyzer{brexmodel.Analyzer, directives.Analyzer},
	Run:      run,
}

// kindHandRolled is the one kind of finding ("oauthlib/hand-rolled-token-request").
const kindHandRolled = "hand-rolled-token-request"

func run(pass *analysis.Pass) (any, error) {
	r := directives.NewReporter(pass)
	defer r.Finish()
	m := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model).OAuth
	for _, x := range m.Exchanges {
		if x.InTest || !x.HandRolled || x.Provider != oauthmodel.ProviderBrex || x.Via != nil {
			continue
		}
		r.Reportf(x.Call.Pos(), kindHandRolled, "%s", checks.Message(describe(x)+" is a hand-rolled Brex token exchange",
			"it skips the OAuth 2.0 library Brex asks for", "use oauth2.Config or clientcredentials.Config"))
	}
	return nil, nil
}

func describe(x *oauthmodel.Exchange) string {
	ep := "POST " + pathOf(x.TokenURL)
	if x.Grant != "" {
		return fmt.Sprintf("this %s (grant_type=%s)", ep, x.Grant)
	}
	return "this " + ep
}

func pathOf(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexByte(u, '/'); i >= 0 {
		u = u[i:]
	} else {
		return "/"
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return u
}
