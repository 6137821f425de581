package oauthmodel

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// The scope view, for the oauthscopes check: the Brex authorization-code
// configurations a package sees (written in it, or imported through facts)
// and the Brex endpoints it calls (its own requests, and the calls of
// functions of other packages that call endpoints, through ScopeUseFacts).
//
// A package that sees no Brex configuration cannot compare; it exports a
// ScopeUseFact on each exported function and method that calls endpoints
// (directly, through functions of the package, or through functions of
// other packages that carry the fact), so that an importer that sees a
// configuration compares them at its call. A package that sees one
// compares its calls itself and exports nothing: each call is judged in
// one place. The checklist's whole-module view covers what no package
// sees together.

// EndpointCall is a call of a Brex endpoint that the HTTP half of the Brex
// model found (brexmodel.Request), handed to the OAuth model.
type EndpointCall struct {
	// Call is the call that names the endpoint.
	Call *ast.CallExpr
	// Func is the enclosing *ast.FuncDecl or *ast.FuncLit.
	Func     ast.Node
	Endpoint *brexapi.Endpoint
	// Auth is the value of the Authorization header set on the request,
	// when the model sees it; of a generated client's operation, worked
	// out only when the endpoint has scopes, the one use of Auth.
	Auth   ast.Expr
	InTest bool
}

// ScopeUseFact marks a function that calls Brex endpoints whose scopes the
// catalogue states, directly or through the functions it calls, in a
// package that sees no Brex OAuth configuration.
type ScopeUseFact struct {
	Uses []ScopeUse
}

// ScopeUse is one endpoint a function calls: its method and path template
// (as in the catalogue) and the function whose code holds the request
// (Origin, a FuncKey), so that the checklist can tell which requests an
// importer has judged.
type ScopeUse struct {
	Method, Path string
	Origin       string
}

func (*ScopeUseFact) AFact() {}

func (f *ScopeUseFact) String() string {
	var eps []string
	for _, u := range f.Uses {
		eps = append(eps, u.Method+" "+u.Path)
	}
	slices.Sort(eps)
	return "calls(" + strings.Join(slices.Compact(eps), ", ") + ")"
}

// maxScopeUses bounds a ScopeUseFact: a function that reaches more
// distinct (endpoint, origin) pairs is summarized by the first ones in a
// stable order. Importers then miss some comparisons; the checklist's
// whole-module view still makes them.
const maxScopeUses = 64

// EndpointUse is a call of a Brex endpoint whose scopes the catalogue
// states: a request of the package, or the call of a function of another
// package that reaches the endpoint (Via).
type EndpointUse struct {
	// Call is the call that names the endpoint, or the call of Via.
	Call *ast.CallExpr
	// Func is the enclosing *ast.FuncDecl or *ast.FuncLit.
	Func     ast.Node
	Endpoint *brexapi.Endpoint
	// Via is the function of another package whose ScopeUseFact names the
	// endpoint; nil for a request of the package.
	Via *types.Func
	// Origin is the FuncKey of the function whose code holds the request
	// ("" for a function literal outside any declaration).
	Origin string
	InTest bool
}

// FuncKey names a function for ScopeUse.Origin: types.Func.FullName,
// e.g. "example.com/brex.ListUsers" or "(*example.com/brex.Client).Get".
func FuncKey(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	return fn.Origin().FullName()
}

// IsScopeSource reports whether c is a configuration whose scopes decide
// what a Brex partner token may call: an authorization-code configuration
// on a Brex auth host, or a hand-built Brex authorization URL.
// Client-credentials configurations (the Onboarding API) and endpoints
// alone are not.
func (c *Config) IsScopeSource() bool {
	if !c.Brex() {
		return false
	}
	return c.Kind == AuthCodeConfig || c.Kind == HandBuiltConfig && (c.fromAuthURL || c.Pos == token.NoPos)
}

// HasScope reports whether the configuration's known scopes include s.
func (c *Config) HasScope(s string) bool { return slices.Contains(c.Scopes, s) }

// analyzeScopes computes the scope view of the package and exports its
// ScopeUseFacts.
func analyzeScopes(pass *analysis.Pass, opts Options, res *Result) {
	for _, c := range res.Configs {
		if c.IsScopeSource() && !c.InTest {
			res.ScopeConfigs = append(res.ScopeConfigs, c)
		}
	}
	res.ScopeConfigs = append(res.ScopeConfigs, importedScopeConfigs(opts.Imported)...)

	s := &scopeScan{pass: pass, info: pass.TypesInfo, funcs: opts.Funcs, calls: map[*types.Func][]*ast.CallExpr{}, direct: map[*types.Func][]ScopeUse{},
		closure: map[*types.Func][]ScopeUse{}}
	s.index()
	seen := map[*ast.CallExpr]map[*brexapi.Endpoint]bool{}
	add := func(u *EndpointUse) {
		if seen[u.Call] == nil {
			seen[u.Call] = map[*brexapi.Endpoint]bool{}
		}
		if seen[u.Call][u.Endpoint] {
			return
		}
		seen[u.Call][u.Endpoint] = true
		res.EndpointUses = append(res.EndpointUses, u)
	}
	for _, c := range opts.Calls {
		if c.Endpoint == nil || len(c.Endpoint.Scopes) == 0 || userToken(pass.TypesInfo, c.Auth) {
			continue
		}
		fn := s.declOf(c.Call.Pos())
		origin := FuncKey(fn)
		add(&EndpointUse{Call: c.Call, Func: c.Func, Endpoint: c.Endpoint, Origin: origin, InTest: c.InTest})
		if fn != nil && !c.InTest {
			s.direct[fn] = append(s.direct[fn], ScopeUse{Method: c.Endpoint.Method, Path: c.Endpoint.Path, Origin: origin})
		}
	}
	for _, fc := range s.factCalls {
		for _, su := range fc.fact.Uses {
			ep, ok := brexapi.Lookup(su.Method, su.Path)
			if !ok || ep.Path != su.Path || len(ep.Scopes) == 0 {
				continue
			}
			add(&EndpointUse{Call: fc.call, Func: fc.encl, Endpoint: ep, Via: fc.callee, Origin: su.Origin, InTest: fc.inTest})
		}
	}
	if len(res.ScopeConfigs) > 0 {
		return // judged here: nothing to hand on
	}
	for fn := range s.funcs.All() {
		if !fn.Exported() || s.inTest(fn.Pos()) {
			continue
		}
		if recv := fn.Signature().Recv(); recv != nil && !exportedRecv(recv.Type()) {
			continue
		}
		uses := s.usesOf(fn)
		if len(uses) > 0 {
			pass.ExportObjectFact(fn, &ScopeUseFact{Uses: uses})
		}
	}
}

// userToken reports whether an Authorization header value is a
// customer's user token rather than an OAuth token: read from the
// environment (os.Getenv, os.LookupEnv) or a constant, alone or after
// "Bearer ". Its scopes are chosen in the dashboard, not by the
// configuration.
func userToken(info *types.Info, e ast.Expr) bool {
	if e == nil {
		return false
	}
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			_, constX := typesutil.ConstStringOK(info, x.X)
			_, constY := typesutil.ConstStringOK(info, x.Y)
			return constX && userToken(info, x.Y) || constY && userToken(info, x.X)
		}
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, x).(*types.Func)
		if fn == nil {
			return false
		}
		switch funcKey(fn) {
		case "os.Getenv", "os.LookupEnv":
			return true
		case "fmt.Sprintf":
			var vars []ast.Expr
			for _, a := range x.Args[1:] {
				if _, ok := typesutil.ConstStringOK(info, a); !ok {
					vars = append(vars, a)
				}
			}
			return len(vars) == 1 && userToken(info, vars[0])
		}
	}
	return false
}

// exportedRecv reports whether a method's receiver type is exported, so
// that importers can call the method.
func exportedRecv(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Exported()
}

// importedScopeConfigs returns the Brex authorization-code configurations
// of other packages that the package sees through facts: configuration
// variables and functions (ConfigFact), and producers of hand-built Brex
// authorization URLs (AuthURLFact).
func importedScopeConfigs(facts []analysis.ObjectFact) []*Config {
	var out []*Config
	for _, of := range facts {
		switch f := of.Fact.(type) {
		case *ConfigFact:
			if f.Provider == ProviderBrex && f.Kind == AuthCodeConfig {
				out = append(out, configFromFact(f, of.Object))
			}
		case *AuthURLFact:
			if f.Provider == ProviderBrex && f.HandBuilt {
				out = append(out, &Config{Obj: of.Object, Kind: HandBuiltConfig, Provider: ProviderBrex, Legacy: f.Legacy,
					Scopes: f.Scopes, ScopesKnown: f.ScopesKnown})
			}
		}
	}
	// Facts come in map order: sort for stable messages.
	slices.SortFunc(out, func(a, b *Config) int { return strings.Compare(objKey(a.Obj), objKey(b.Obj)) })
	return out
}

func objKey(o types.Object) string {
	if o == nil {
		return ""
	}
	if fn, ok := o.(*types.Func); ok {
		return fn.FullName()
	}
	if o.Pkg() == nil {
		return o.Name()
	}
	return o.Pkg().Path() + "." + o.Name()
}

// scopeScan is the call graph of the package's declarations, as much as
// the scope view needs.
type scopeScan struct {
	pass  *analysis.Pass
	info  *types.Info
	funcs *typesutil.Funcs // the package's functions
	// calls are the static calls of functions of the package, by caller.
	calls map[*types.Func][]*ast.CallExpr
	// factCalls are the calls of functions of other packages with a
	// ScopeUseFact.
	factCalls []factCall
	direct    map[*types.Func][]ScopeUse
	closure   map[*types.Func][]ScopeUse // nil entry: in progress
}

type factCall struct {
	call   *ast.CallExpr
	encl   ast.Node
	caller *types.Func
	callee *types.Func
	fact   *ScopeUseFact
	inTest bool
}

func (s *scopeScan) inTest(pos token.Pos) bool {
	return typesutil.InTestFile(s.pass.Fset, pos)
}

// index walks the declarations once: calls of the package's functions and
// of functions with a ScopeUseFact.
func (s *scopeScan) index() {
	for fn, fd := range s.funcs.All() {
		inTest := s.inTest(fd.Pos())
		for curCall := range s.funcs.Decl(fd).Preorder((*ast.CallExpr)(nil)) {
			call := curCall.Node().(*ast.CallExpr)
			callee := typeutil.StaticCallee(s.info, call)
			if callee == nil || callee.Pkg() == nil {
				continue
			}
			callee = callee.Origin()
			if callee.Pkg() == s.pass.Pkg {
				s.calls[fn] = append(s.calls[fn], call)
				continue
			}
			var f ScopeUseFact
			if s.pass.ImportObjectFact(callee, &f) {
				s.factCalls = append(s.factCalls, factCall{call: call, encl: enclosingFunc(curCall), caller: fn, callee: callee,
					fact: &f, inTest: inTest})
			}
		}
	}
}

// enclosingFunc returns the innermost function literal or declaration
// around cur.
func enclosingFunc(cur inspector.Cursor) ast.Node {
	for cur := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		return cur.Node()
	}
	return nil
}

// declOf returns the function declared with a body that holds pos, a
// position in its body.
func (s *scopeScan) declOf(pos token.Pos) *types.Func {
	fd := typesutil.FuncDeclAt(s.pass.Files, pos)
	if fd == nil {
		return nil
	}
	fn, _ := s.info.Defs[fd.Name].(*types.Func)
	return fn
}

// usesOf returns the endpoints fn reaches: its requests, the functions of
// the package it calls, and the functions of other packages it calls that
// carry a ScopeUseFact; sorted, deduplicated, bounded.
func (s *scopeScan) usesOf(fn *types.Func) []ScopeUse {
	if u, ok := s.closure[fn]; ok {
		return u
	}
	s.closure[fn] = nil // recursion: what is known so far
	seen := map[ScopeUse]bool{}
	var out []ScopeUse
	add := func(u ScopeUse) {
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	for _, u := range s.direct[fn] {
		add(u)
	}
	for _, fc := range s.factCalls {
		if fc.caller == fn {
			for _, u := range fc.fact.Uses {
				add(u)
			}
		}
	}
	for _, call := range s.calls[fn] {
		callee := typeutil.StaticCallee(s.info, call).Origin()
		for _, u := range s.usesOf(callee) {
			add(u)
		}
	}
	slices.SortFunc(out, func(a, b ScopeUse) int {
		return strings.Compare(a.Path+" "+a.Method+" "+a.Origin, b.Path+" "+b.Method+" "+b.Origin)
	})
	if len(out) > maxScopeUses {
		out = out[:maxScopeUses]
	}
	s.closure[fn] = out
	return out
}

// String describes a use for tests and messages: "GET /v2/users" or
// "GET /v2/users via brex.ListUsers".
func (u *EndpointUse) String() string {
	if u.Via == nil {
		return u.Endpoint.String()
	}
	return fmt.Sprintf("%s via %s.%s", u.Endpoint, u.Via.Pkg().Name(), u.Via.Name())
}

// handBuiltScopes returns the scopes that a hand-built authorization URL
// (folded to s) requests: the value given to its scope parameter (e, from
// url.Values), or the scope in its literal query; a constant, or
// strings.Join of a constant list.
func (m *modeler) handBuiltScopes(s string, e ast.Expr) ([]string, bool) {
	if e == nil {
		if v, ok := queryValue(s, "scope"); ok {
			return brexapi.ParseScopes(v), true
		}
		return nil, false
	}
	if str, ok := m.folder.Fold(e).Complete(); ok {
		return brexapi.ParseScopes(str), true
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 2 {
		if fn, _ := typeutil.Callee(m.info, call).(*types.Func); fn != nil && funcKey(fn) == "strings.Join" {
			if sep, ok := typesutil.ConstStringOK(m.info, call.Args[1]); ok && strings.TrimSpace(sep) == "" {
				return m.scopesOf(call.Args[0], 0)
			}
		}
	}
	return nil, false
}
