package oauthmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"net/http"
	"strings"

	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/brexlint/brexlint/internal/webframe"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Reading the callback request, finding hand-rolled token requests, and
// deciding whether a value read from the request is checked.

// requestRead returns the key of a call that reads a request parameter:
// r.FormValue(k), r.PostFormValue(k), Get or Has on the request's values
// (r.URL.Query(), r.Form, r.PostForm, url.ParseQuery(r.URL.RawQuery), a
// framework's c.QueryParams(), or a variable holding one of those), and a
// framework context's reads of a parameter (gin's c.Query(k),
// c.DefaultQuery(k, d), echo's c.QueryParam(k) ...).
func (m *modeler) requestRead(call *ast.CallExpr) (string, bool) {
	fn, _ := typeutil.Callee(m.info, call).(*types.Func)
	if fn == nil || len(call.Args) == 0 {
		return "", false
	}
	if webframe.CallAccess(fn) == webframe.Param {
		return typesutil.ConstStringOK(m.info, call.Args[0])
	}
	if len(call.Args) != 1 {
		return "", false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	switch {
	case isMethod(fn, "net/http", "Request", "FormValue"), isMethod(fn, "net/http", "Request", "PostFormValue"):
	case isMethod(fn, "net/url", "Values", "Get"), isMethod(fn, "net/url", "Values", "Has"):
		if !m.isRequestValues(sel.X, 0) {
			return "", false
		}
	default:
		return "", false
	}
	return typesutil.ConstStringOK(m.info, call.Args[0])
}

// requestIndexRead returns the key of values[k] on the request's values.
func (m *modeler) requestIndexRead(ix *ast.IndexExpr) (string, bool) {
	if !m.isRequestValues(ix.X, 0) {
		return "", false
	}
	return typesutil.ConstStringOK(m.info, ix.Index)
}

// isRequestValues reports whether e is the url.Values of a request.
func (m *modeler) isRequestValues(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if (e.Sel.Name == "Form" || e.Sel.Name == "PostForm") && isRequestPtr(m.info.TypeOf(e.X)) {
			return true
		}
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(m.info, e).(*types.Func)
		if webframe.CallAccess(fn) == webframe.Values {
			return true
		}
		if isMethod(fn, "net/url", "URL", "Query") {
			if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
				return m.isRequestURL(sel.X)
			}
		}
	case *ast.Ident:
		v := m.varOf(e)
		if v == nil || m.vals.mutated[v] {
			return false
		}
		ds := m.vals.defs[v]
		if len(ds) != 1 {
			return false
		}
		if ds[0].idx < 0 {
			return m.isRequestValues(ds[0].expr, depth+1)
		}
		if call, ok := ast.Unparen(ds[0].expr).(*ast.CallExpr); ok && ds[0].idx == 0 {
			fn, _ := typeutil.Callee(m.info, call).(*types.Func)
			if webframe.CallAccess(fn) == webframe.Values {
				return true // echo's c.FormParams()
			}
			if fn != nil && funcKey(fn) == "net/url.ParseQuery" && len(call.Args) == 1 {
				if sel, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr); ok && sel.Sel.Name == "RawQuery" {
					return m.isRequestURL(sel.X)
				}
			}
		}
	}
	return false
}

// isRequestURL reports whether e is r.URL of a request.
func (m *modeler) isRequestURL(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "URL" && isRequestPtr(m.info.TypeOf(sel.X))
}

// tokenRequest recognizes a request to a token endpoint made without an
// OAuth library: http.PostForm, http.Post, the same methods of
// *http.Client, and http.NewRequest(WithContext) with method POST, whose
// URL folds to a Brex token endpoint (current or legacy), or to another
// host's .../token or .../access_token path with a visible grant_type.
func (m *modeler) tokenRequest(u *unit, call *ast.CallExpr, fn *types.Func) *Exchange {
	if fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
		return nil
	}
	var method, urlArg, body ast.Expr
	recv := fn.Signature().Recv()
	isClient := recv != nil && typesutil.IsNamed(recv.Type(), "net/http", "Client")
	switch {
	case (recv == nil || isClient) && fn.Name() == "PostForm" && len(call.Args) == 2:
		urlArg, body = call.Args[0], call.Args[1]
	case (recv == nil || isClient) && fn.Name() == "Post" && len(call.Args) == 3:
		urlArg, body = call.Args[0], call.Args[2]
	case recv == nil && fn.Name() == "NewRequest" && len(call.Args) == 3:
		method, urlArg, body = call.Args[0], call.Args[1], call.Args[2]
	case recv == nil && fn.Name() == "NewRequestWithContext" && len(call.Args) == 4:
		method, urlArg, body = call.Args[1], call.Args[2], call.Args[3]
	default:
		return nil
	}
	if method != nil {
		if s, ok := m.folder.Fold(method).Complete(); !ok || !strings.EqualFold(s, http.MethodPost) {
			return nil
		}
	}
	uv := m.folder.Fold(urlArg)
	host, ok := uv.Host()
	if !ok {
		return nil
	}
	s := uv.String()
	x := &Exchange{Call: call, Func: u.node, HandRolled: true, TokenURL: s, InTest: u.inTest}
	x.Grant = m.grantOf(u, body)
	if brex, legacy := brexapi.IsAuthHost(host); brex {
		if !brexapi.IsTokenURL(s) {
			return nil
		}
		x.Provider, x.Legacy = ProviderBrex, legacy
		return x
	}
	path, _ := uv.Path()
	path = strings.TrimSuffix(path, "/")
	if x.Grant == "" || !(strings.HasSuffix(path, "/token") || strings.HasSuffix(path, "/access_token")) {
		return nil
	}
	x.Provider = ProviderOther
	return x
}

// grantOf returns the grant_type a hand-rolled token request sends: from
// the folded body ("grant_type=..."), or the one grant_type value that the
// unit sets (url.Values literals, Set/Add, map literals).
func (m *modeler) grantOf(u *unit, body ast.Expr) string {
	if body != nil {
		if g := grantInText(m.folder.Fold(body).String()); g != "" {
			return g
		}
		if call, ok := ast.Unparen(body).(*ast.CallExpr); ok && len(call.Args) >= 1 {
			// strings.NewReader(s), bytes.NewBufferString(s), ...
			if g := grantInText(m.folder.Fold(call.Args[0]).String()); g != "" {
				return g
			}
		}
	}
	grants := map[string]bool{}
	for cur := range u.cur.Preorder((*ast.KeyValueExpr)(nil), (*ast.CallExpr)(nil), (*ast.BasicLit)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.KeyValueExpr:
			if k, ok := typesutil.ConstStringOK(m.info, n.Key); ok && k == "grant_type" {
				if g, ok := m.constElem(n.Value); ok {
					grants[g] = true
				}
			}
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(m.info, n).(*types.Func)
			if (isMethod(fn, "net/url", "Values", "Set") || isMethod(fn, "net/url", "Values", "Add")) && len(n.Args) == 2 {
				if k, ok := typesutil.ConstStringOK(m.info, n.Args[0]); ok && k == "grant_type" {
					if g, ok := typesutil.ConstStringOK(m.info, n.Args[1]); ok {
						grants[g] = true
					}
				}
			}
		case *ast.BasicLit:
			if g := grantInText(strings.Trim(n.Value, "`\"")); g != "" {
				grants[g] = true
			}
		}
	}
	if len(grants) == 1 {
		for g := range grants {
			return g
		}
	}
	return ""
}

// constElem returns the constant of e or of the one element of a
// composite literal ({"authorization_code"}).
func (m *modeler) constElem(e ast.Expr) (string, bool) {
	if s, ok := typesutil.ConstStringOK(m.info, e); ok {
		return s, true
	}
	if cl, ok := ast.Unparen(e).(*ast.CompositeLit); ok && len(cl.Elts) == 1 {
		return typesutil.ConstStringOK(m.info, cl.Elts[0])
	}
	return "", false
}

func grantInText(s string) string {
	i := strings.Index(s, "grant_type=")
	if i < 0 {
		return ""
	}
	g := s[i+len("grant_type="):]
	if j := strings.IndexAny(g, "&{ \"'"); j >= 0 {
		g = g[:j]
	}
	return g
}

// emptyCodeCheck reports whether the unit tests the code for emptiness in
// an if statement (code == "", len(code) == 0): the denial path, where no
// code comes back.
func (m *modeler) emptyCodeCheck(u *unit) bool {
	if len(u.reads["code"]) == 0 {
		return false
	}
	mentions := m.mentioner(u, u.reads["code"], nil)
	found := false
	for _, ifs := range u.ifs {
		ast.Inspect(ifs.Cond, func(n ast.Node) bool {
			be, ok := n.(*ast.BinaryExpr)
			if !ok || found {
				return !found
			}
			switch be.Op {
			case token.EQL, token.NEQ, token.LSS, token.GTR, token.LEQ, token.GEQ:
			default:
				return true
			}
			for _, pair := range [][2]ast.Expr{{be.X, be.Y}, {be.Y, be.X}} {
				if s, ok := typesutil.ConstStringOK(m.info, pair[1]); ok && s == "" && mentions(pair[0]) {
					found = true
				}
				if call, ok := ast.Unparen(pair[0]).(*ast.CallExpr); ok && len(call.Args) == 1 && mentions(call.Args[0]) {
					if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "len" {
						if _, ok := m.info.Uses[id].(*types.Builtin); ok {
							found = true
						}
					}
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// mentioner returns a predicate for "e contains one of seeds, or a
// variable of the unit derived from them or from vars".
func (m *modeler) mentioner(u *unit, seeds []ast.Expr, vars map[*types.Var]bool) func(ast.Expr) bool {
	seedSet := map[ast.Node]bool{}
	for _, s := range seeds {
		seedSet[s] = true
	}
	derived := map[*types.Var]bool{}
	for v := range vars {
		derived[v] = true
	}
	mentions := func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if found {
				return false
			}
			if seedSet[n] {
				found = true
				return false
			}
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := m.info.Uses[id].(*types.Var); ok && derived[v] {
					found = true
				}
			}
			return !found
		})
		return found
	}
	addLHS := func(lhs ast.Expr) bool {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok || id.Name == "_" {
			return false
		}
		v, _ := m.info.Defs[id].(*types.Var)
		if v == nil {
			v, _ = m.info.Uses[id].(*types.Var)
		}
		if v == nil || derived[v] || v.Parent() == m.pass.Pkg.Scope() {
			return false
		}
		derived[v] = true
		return true
	}
	for round := 0; round < 4; round++ {
		changed := false
		for _, as := range u.assigns {
			if len(as.Lhs) == len(as.Rhs) {
				for i, r := range as.Rhs {
					if mentions(r) && addLHS(as.Lhs[i]) {
						changed = true
					}
				}
			} else if len(as.Rhs) == 1 && mentions(as.Rhs[0]) {
				for _, l := range as.Lhs {
					if addLHS(l) {
						changed = true
					}
				}
			}
		}
		for _, vs := range u.specs {
			for i, id := range vs.Names {
				var r ast.Expr
				if len(vs.Values) == len(vs.Names) {
					r = vs.Values[i]
				} else if len(vs.Values) == 1 {
					r = vs.Values[0]
				}
				if r != nil && mentions(r) && addLHS(id) {
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
	return mentions
}

// verifierFuncs compare or look up values.
var verifierFuncs = map[string]bool{
	"crypto/subtle.ConstantTimeCompare": true,
	"crypto/hmac.Equal":                 true,
	"bytes.Equal":                       true,
	"strings.EqualFold":                 true,
	"strings.Compare":                   true,
	"slices.Contains":                   true,
	"slices.Index":                      true,
}

// usesValue reports whether the unit checks a value (the seeds, or the
// variables vars): compares it (other than with ""), looks it up (a map
// index, a switch), or gives it to a comparing function. Unless strict, a
// value that leaves the unit (stored in a field, returned, sent, given to
// code of another module) also counts, because the model cannot follow it.
func (m *modeler) usesValue(u *unit, seeds []ast.Expr, vars map[*types.Var]bool, strict bool) bool {
	mentions := m.mentioner(u, seeds, vars)
	lhsIndex := map[ast.Node]bool{}
	for _, as := range u.assigns {
		for _, l := range as.Lhs {
			if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok {
				lhsIndex[ix] = true
			}
		}
	}
	found := false
	u.cur.Inspect(usesKinds, func(cur inspector.Cursor) bool {
		if found {
			return false
		}
		switch n := cur.Node().(type) {
		case *ast.FuncLit:
			if m.isUnitLit(n) {
				return false
			}
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				for _, pair := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
					if mentions(pair[0]) {
						if s, ok := typesutil.ConstStringOK(m.info, pair[1]); ok && (s == "" || strict) {
							// Against "": a presence check. Against
							// another constant: a mode or kind, not
							// a stored state (strictly).
							continue
						}
						found = true
					}
				}
			}
		case *ast.IndexExpr:
			if !lhsIndex[n] && mentions(n.Index) {
				found = true
			}
			if lhsIndex[n] && !strict && mentions(n.Index) {
				found = true
			}
		case *ast.SwitchStmt:
			if n.Tag != nil && mentions(n.Tag) && (!strict || m.switchesOnValue(n)) {
				found = true
			}
		case *ast.CallExpr:
			if m.callUses(n, mentions, strict) {
				found = true
			}
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if !strict && mentions(r) {
					found = true
				}
			}
		case *ast.SendStmt:
			if !strict && mentions(n.Value) {
				found = true
			}
		case *ast.CompositeLit:
			if !strict && mentions(n) {
				found = true
			}
		case *ast.AssignStmt:
			if !strict && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if _, local := ast.Unparen(l).(*ast.Ident); !local && mentions(n.Rhs[i]) {
						found = true
					}
					if id, ok := ast.Unparen(l).(*ast.Ident); ok && mentions(n.Rhs[i]) {
						if v, _ := m.info.Uses[id].(*types.Var); v != nil && v.Parent() == m.pass.Pkg.Scope() {
							found = true
						}
					}
				}
			}
		}
		return !found
	})
	return found
}

// usesKinds are the kinds of node usesValue looks at.
var usesKinds = []ast.Node{
	(*ast.FuncLit)(nil),
	(*ast.BinaryExpr)(nil),
	(*ast.IndexExpr)(nil),
	(*ast.SwitchStmt)(nil),
	(*ast.CallExpr)(nil),
	(*ast.ReturnStmt)(nil),
	(*ast.SendStmt)(nil),
	(*ast.CompositeLit)(nil),
	(*ast.AssignStmt)(nil),
}

// callUses reports whether call checks a mentioned value given as an
// argument: a comparing function of the standard library, a function of
// the package that checks that parameter, a function that a fact says
// checks it, or (unless strict) any function of another module.
func (m *modeler) callUses(call *ast.CallExpr, mentions func(ast.Expr) bool, strict bool) bool {
	if tv := m.info.Types[call.Fun]; tv.IsType() {
		return false // a conversion: the enclosing expression decides
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if _, ok := m.info.Uses[id].(*types.Builtin); ok {
			return false
		}
	}
	idx := -1
	for i, a := range call.Args {
		if mentions(a) {
			idx = i
			break
		}
	}
	if idx < 0 {
		return false
	}
	fn, _ := typeutil.Callee(m.info, call).(*types.Func)
	if fn == nil {
		return !strict // a function value: cannot follow
	}
	fn = fn.Origin()
	if fn.Pkg() == nil {
		return false
	}
	path := fn.Pkg().Path()
	if isStd(path) {
		if verifierFuncs[funcKey(fn)] {
			return true
		}
		if recv := fn.Signature().Recv(); recv != nil && typesutil.IsNamed(recv.Type(), "sync", "Map") {
			switch fn.Name() {
			case "Load", "LoadAndDelete", "LoadOrStore", "CompareAndDelete", "CompareAndSwap", "Swap":
				return true
			}
		}
		return false
	}
	if fn.Pkg() == m.pass.Pkg {
		if idx >= fn.Signature().Params().Len() {
			idx = fn.Signature().Params().Len() - 1
		}
		return m.verifiesParam(fn, idx, strict)
	}
	var f CallbackHelperFact
	if m.pass.ImportObjectFact(fn, &f) && f.StateParam == idx {
		return true
	}
	return !strict
}

// switchesOnValue reports whether a case of sw is not a constant: a
// switch over constants tells modes or kinds apart (stripe-go's
// GetBackend(backendType)), it does not compare with a stored state.
func (m *modeler) switchesOnValue(sw *ast.SwitchStmt) bool {
	for _, st := range sw.Body.List {
		for _, e := range st.(*ast.CaseClause).List {
			if tv, ok := m.info.Types[e]; !ok || tv.Value == nil {
				return true
			}
		}
	}
	return false
}

// verifiesParam reports whether the function of the package checks its
// parameter i (see usesValue).
func (m *modeler) verifiesParam(fn *types.Func, i int, strict bool) bool {
	key := paramKey{fn, i, strict}
	if v, ok := m.verified[key]; ok {
		return v
	}
	fd := m.funcs.FuncDecl(fn)
	if fd == nil || i < 0 || i >= fn.Signature().Params().Len() {
		return !strict
	}
	m.verified[key] = false // recursion: not on this path
	u := m.declUnit(fd)
	m.scanUnit(u)
	v := m.usesValue(u, nil, map[*types.Var]bool{fn.Signature().Params().At(i): true}, strict)
	m.verified[key] = v
	return v
}

// verifierParam returns the string parameter that a function of the
// package compares or looks up (strictly), for its CallbackHelperFact.
func (m *modeler) verifierParam(fn *types.Func) (int, bool) {
	ps := fn.Signature().Params()
	for i := 0; i < ps.Len(); i++ {
		// A state is a plain string (r.FormValue's); a parameter of a
		// named string type is a kind or a mode (stripe-go's
		// GetBackend(backendType SupportedBackend) looks it up in a map).
		if types.Identical(ps.At(i).Type(), types.Typ[types.String]) {
			if m.verifiesParam(fn, i, true) {
				return i, true
			}
		}
	}
	return 0, false
}
