package brexendpoint

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer reports Brex calls to deprecated, undocumented or disallowed
// endpoints, and the legacy OAuth host.
var Analyzer = &analysis.Analyzer{
	Name:     checks.BrexEndpoint,
	Doc:      "report Brex calls to deprecated or undocumented endpoints, methods a documented path does not allow, and the legacy OAuth host",
	URL:      checks.DocURL(checks.BrexEndpoint),
	Requires: []*analysis.Analyzer{brexmodel.Analyzer, directives.Analyzer, inspect.Analyzer},
	Run:      run,
}

// The kinds of finding (categories "brexendpoint/KIND").
const (
	kindDeprecated       = "deprecated"
	kindUndocumented     = "undocumented"
	kindMethodNotAllowed = "method-not-allowed"
	kindLegacyAuthHost   = "legacy-auth-host"
)

func run(pass *analysis.Pass) (any, error) {
	r := directives.NewReporter(pass)
	defer r.Finish()
	m := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model)
	for _, req := range m.Requests {
		if req.InTest || req.Method == "" || req.Path == "" {
			continue
		}
		checkRequest(r, req)
	}
	checkLegacyHost(pass, r)
	return nil, nil
}

func checkRequest(r *directives.Reporter, req *brexmodel.Request) {
	if ep := req.Endpoint; ep != nil {
		if d := ep.Deprecated; d != nil {
			msg := fmt.Sprintf("%s is deprecated", ep)
			if d.Since != "" {
				msg += " since " + month(d.Since)
			}
			if d.Replacement != "" {
				msg += "; use " + d.Replacement + " instead"
			}
			r.Reportf(req.Pos(), kindDeprecated, "%s (catalogue of %s)", msg, month(brexapi.Date))
		}
		return
	}
	if eps := brexapi.PathEndpoints(req.Path); len(eps) > 0 {
		var methods []string
		for _, e := range eps {
			if e.Path == eps[0].Path && !slices.Contains(methods, e.Method) {
				methods = append(methods, e.Method)
			}
		}
		r.Reportf(req.Pos(), kindMethodNotAllowed, "%s is not documented on %s (documented: %s; catalogue of %s)",
			req.Method, eps[0].Path, strings.Join(methods, ", "), month(brexapi.Date))
		return
	}
	if req.Host == "" || !brexapi.KnownBad(req.Path) {
		// Without a Brex host the model matched a catalogue template, so
		// this is unreachable; paths under resources the catalogue does
		// not know are never reported (Brex adds endpoints without notice).
		return
	}
	res, _ := brexapi.ResourceOf(req.Path)
	where := fmt.Sprintf("beside the documented resource %s", res)
	if !res.Documented() {
		where = fmt.Sprintf("where Brex documents %s only at %s", res.Name, strings.Join(res.Versions(), ", "))
	}
	r.Reportf(req.Pos(), kindUndocumented, "%s %s is not a documented Brex endpoint, %s (catalogue of %s)",
		req.Method, req.Path, where, month(brexapi.Date))
}

// checkLegacyHost reports string constants naming the legacy OAuth host
// accounts.brex.com, where each is written.
func checkLegacyHost(pass *analysis.Pass, r *directives.Reporter) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	insp.Preorder([]ast.Node{(*ast.BasicLit)(nil)}, func(n ast.Node) {
		lit := n.(*ast.BasicLit)
		if lit.Kind != token.STRING || !strings.Contains(lit.Value, "accounts.brex.com") {
			return
		}
		if strings.HasSuffix(pass.Fset.File(lit.Pos()).Name(), "_test.go") {
			return
		}
		tv, ok := pass.TypesInfo.Types[lit]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return
		}
		if !namesLegacyHost(constant.StringVal(tv.Value)) {
			return
		}
		r.Reportf(lit.Pos(), kindLegacyAuthHost, "accounts.brex.com is Brex's legacy OAuth host; since Nov 2022 new integrations use accounts-api.brex.com")
	})
}

// namesLegacyHost reports whether s is a URL (or bare host) on the legacy
// Brex auth host.
func namesLegacyHost(s string) bool {
	host := s
	if u, err := url.Parse(s); err == nil && u.Host != "" {
		host = u.Hostname()
	}
	ok, legacy := brexapi.IsAuthHost(host)
	return ok && legacy
}

// month renders "2025-05" as "May 2025"; other forms unchanged.
func month(ym string) string {
	t, err := time.Parse("2006-01", ym)
	if err != nil {
		return ym
	}
	return t.Format("Jan 2006")
}
