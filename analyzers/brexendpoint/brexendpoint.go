package brexendpoint

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/typesutil"
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
	checkLegacyHost(pass, r, m)
	return nil, nil
}

func checkRequest(r *directives.Reporter, req *brexmodel.Request) {
	if ep := req.Endpoint; ep != nil {
		if d := ep.Deprecated; d != nil {
			what := fmt.Sprintf("%s is deprecated", ep)
			if d.Since != "" {
				what += " since " + month(d.Since)
			}
			fix := "move to the endpoint that Brex documents in its place"
			if d.Replacement != "" {
				fix = "use " + d.Replacement + " instead"
			}
			r.Reportf(req.Pos(), kindDeprecated, "%s", checks.Message(
				fmt.Sprintf("%s (catalogue of %s)", what, month(brexapi.Date)), "Brex may remove it", fix))
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
		r.Reportf(req.Pos(), kindMethodNotAllowed, "%s", checks.Message(
			fmt.Sprintf("%s is not documented on %s (documented: %s) (catalogue of %s)", req.Method, eps[0].Path, strings.Join(methods, ", "), month(brexapi.Date)),
			"Brex may reject it", "use a documented method"))
		return
	}
	if req.Host == "" || !brexapi.KnownBad(req.Path) {
		// Without a Brex host the model matched a catalogue template, so
		// this is unreachable; paths under resources the catalogue does
		// not know are never reported (Brex adds endpoints without notice).
		return
	}
	res, _ := brexapi.ResourceOf(req.Path)
	where := fmt.Sprintf("beside %s", res)
	if !res.Documented() {
		where = fmt.Sprintf("where Brex documents %s only at %s", res.Name, strings.Join(res.Versions(), ", "))
	}
	r.Reportf(req.Pos(), kindUndocumented, "%s", checks.Message(
		fmt.Sprintf("%s %s is not a documented Brex endpoint, %s (catalogue of %s)", req.Method, req.Path, where, month(brexapi.Date)),
		"it may fail or change without notice", "use a documented endpoint"))
}

// checkLegacyHost reports the legacy OAuth host accounts.brex.com where it
// reaches a request: an OAuth configuration or endpoint, an authorization
// URL, a token exchange or an HTTP request on that host, as the Brex model
// sees them. The finding lands on each string literal of the package that
// names the host and flows into such a use (directly, or through the
// constants, variables and struct fields it initialises); a use whose
// host comes from another package is reported at the use. A literal that
// is only compared, logged or documented reaches no request and is quiet.
func checkLegacyHost(pass *analysis.Pass, r *directives.Reporter, m *brexmodel.Model) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	uses := legacyUses(pass, insp, m)
	if len(uses) == 0 {
		return
	}
	defs := map[types.Object][]ast.Node{} // what initialises or is assigned to an object
	var lits []*ast.BasicLit              // literals naming the legacy host
	insp.Preorder([]ast.Node{(*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil), (*ast.KeyValueExpr)(nil), (*ast.BasicLit)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if obj := pass.TypesInfo.Defs[id]; obj != nil && i < len(n.Values) {
					defs[obj] = append(defs[obj], n.Values[i])
				} else if obj != nil && len(n.Values) == 1 {
					defs[obj] = append(defs[obj], n.Values[0])
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return
			}
			for i, lhs := range n.Lhs {
				if obj := assigned(pass.TypesInfo, lhs); obj != nil {
					defs[obj] = append(defs[obj], n.Rhs[i])
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				if v, ok := pass.TypesInfo.Uses[id].(*types.Var); ok && v.IsField() {
					defs[v] = append(defs[v], n.Value)
				}
			}
		case *ast.BasicLit:
			if n.Kind != token.STRING || !strings.Contains(n.Value, "accounts.brex.com") ||
				typesutil.InTestFile(pass.Fset, n.Pos()) {
				return
			}
			if tv, ok := pass.TypesInfo.Types[n]; ok && tv.Value != nil && tv.Value.Kind() == constant.String &&
				namesLegacyHost(constant.StringVal(tv.Value)) {
				lits = append(lits, n)
			}
		}
	})
	msg := checks.Message("accounts.brex.com is Brex's legacy OAuth host",
		"it is not where Brex has sent new integrations since Nov 2022",
		"use accounts-api.brex.com unless Brex told you to stay until it migrates you")
	reported := map[token.Pos]bool{}
	for _, use := range uses {
		// The nodes whose literals flow into the use: the use itself,
		// and what initialises the objects it reads, transitively.
		nodes := []ast.Node{use.node}
		seen := map[types.Object]bool{}
		for i := 0; i < len(nodes); i++ {
			keys := map[*ast.Ident]bool{} // field names in literals: written, not read
			ast.Inspect(nodes[i], func(n ast.Node) bool {
				if kv, ok := n.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						keys[id] = true
					}
				}
				id, ok := n.(*ast.Ident)
				if !ok || keys[id] {
					return true
				}
				if obj := pass.TypesInfo.Uses[id]; obj != nil && !seen[obj] {
					seen[obj] = true
					nodes = append(nodes, defs[obj]...)
				}
				return true
			})
		}
		found := false
		for _, lit := range lits {
			if slices.ContainsFunc(nodes, func(n ast.Node) bool { return n.Pos() <= lit.Pos() && lit.End() <= n.End() }) {
				found = true
				if !reported[lit.Pos()] {
					reported[lit.Pos()] = true
					r.Reportf(lit.Pos(), kindLegacyAuthHost, "%s", msg)
				}
			}
		}
		if !found && use.legacy && !reported[use.node.Pos()] {
			// The host comes from another package's constant.
			reported[use.node.Pos()] = true
			r.Reportf(use.node.Pos(), kindLegacyAuthHost, "%s", msg)
		}
	}
}

// legacyUses are the places, outside tests, where the package may use the
// legacy OAuth host for a request: the OAuth endpoints it writes (every
// golang.org/x/oauth2.Endpoint literal: the type exists to hold an
// authorization server's URLs), and the OAuth configurations,
// authorization URLs, token exchanges and HTTP requests on that host that
// the Brex model sees.
func legacyUses(pass *analysis.Pass, insp *inspector.Inspector, m *brexmodel.Model) []legacyUse {
	var uses []legacyUse
	add := func(n ast.Node, legacy bool) {
		if n.Pos().IsValid() && !typesutil.InTestFile(pass.Fset, n.Pos()) {
			uses = append(uses, legacyUse{n, legacy})
		}
	}
	insp.Preorder([]ast.Node{(*ast.CompositeLit)(nil)}, func(n ast.Node) {
		if typesutil.IsNamed(pass.TypesInfo.TypeOf(n.(*ast.CompositeLit)), "golang.org/x/oauth2", "Endpoint") {
			add(n, false)
		}
	})
	for _, c := range m.OAuth.Configs {
		if c.Legacy && c.Lit != nil {
			add(c.Lit, true)
		}
	}
	for _, a := range m.OAuth.AuthURLs {
		if a.Legacy && a.Node != nil {
			add(a.Node, true)
		}
	}
	for _, x := range m.OAuth.Exchanges {
		if x.Legacy && x.Call != nil {
			add(x.Call, true)
		}
	}
	for _, req := range m.Requests {
		if req.Host != "" && namesLegacyHost(req.Host) {
			add(req.Call, true)
		}
	}
	return uses
}

// legacyUse is a place that may use the legacy OAuth host; legacy: the
// model knows that it does.
type legacyUse struct {
	node   ast.Node
	legacy bool
}

// assigned is the variable or field that an assignment's left-hand side
// sets, or nil.
func assigned(info *types.Info, lhs ast.Expr) types.Object {
	switch e := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if obj := info.Defs[e]; obj != nil {
			return obj
		}
		return info.Uses[e]
	case *ast.SelectorExpr:
		return info.Uses[e.Sel]
	}
	return nil
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
