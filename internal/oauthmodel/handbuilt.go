package oauthmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"strings"

	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/brexlint/brexlint/internal/urlfold"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Authorization URLs built by hand: a string or url.URL whose folded value
// is an authorization endpoint and whose query names a client_id (or a
// response_type): the parameters of an authorization request.

// IsAuthorizeEndpoint reports whether the folded URL s (holes as "{}") is an
// OAuth authorization endpoint: Brex's (brexapi.IsAuthorizeURL), or a path
// that ends in /authorize, /oauth2/auth, /o/oauth2/auth or /oauth2/v2/auth
// on a known host. The query is ignored.
func IsAuthorizeEndpoint(s string) (ok bool, p Provider, legacy bool) {
	if brexapi.IsAuthorizeURL(s) {
		host := s
		if i := strings.Index(host, "://"); i >= 0 {
			host = host[i+3:]
		}
		if i := strings.IndexAny(host, "/?#"); i >= 0 {
			host = host[:i]
		}
		_, legacy = brexapi.IsAuthHost(host)
		return true, ProviderBrex, legacy
	}
	v := urlfold.Lit(s)
	host, hok := v.Host()
	if !hok || host == "" || strings.Contains(host, "{}") {
		return false, 0, false
	}
	if brex, _ := brexapi.IsAuthHost(host); brex {
		return false, 0, false
	}
	path, _ := v.Path()
	path = strings.TrimSuffix(path, "/")
	switch {
	case strings.HasSuffix(path, "/authorize"),
		strings.HasSuffix(path, "/oauth2/auth"),
		strings.HasSuffix(path, "/oauth2/v2/auth"):
		return true, ProviderOther, false
	}
	return false, 0, false
}

// QueryKeys returns the parameter names in the query of a folded URL
// (holes as "{}"), and whether a hole stands where a name should be.
func QueryKeys(s string) (keys []string, holes int) {
	i := strings.IndexByte(s, '?')
	if i < 0 {
		return nil, 0
	}
	q := s[i+1:]
	if j := strings.IndexByte(q, '#'); j >= 0 {
		q = q[:j]
	}
	for _, part := range strings.Split(q, "&") {
		if part == "" {
			continue
		}
		k, _, _ := strings.Cut(part, "=")
		if strings.HasPrefix(k, "{}") {
			holes++
			continue
		}
		keys = append(keys, k)
	}
	return keys, holes
}

// queryValue returns the literal value of key in a folded URL's query, and
// whether it is entirely literal.
func queryValue(s, key string) (string, bool) {
	i := strings.IndexByte(s, '?')
	if i < 0 {
		return "", false
	}
	for _, part := range strings.Split(s[i+1:], "&") {
		k, v, _ := strings.Cut(part, "=")
		if k == key {
			return v, !strings.Contains(v, "{}")
		}
	}
	return "", false
}

// handBuilt finds the unit's hand-built authorization URLs.
func (m *modeler) handBuilt(u *unit) {
	kinds := []ast.Node{(*ast.BinaryExpr)(nil), (*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)}
	m.inspectOwn(u, kinds, func(cur inspector.Cursor, _ bool) bool {
		e := cur.Node().(ast.Expr)
		if !m.urlish(e) {
			return true
		}
		v := m.folder.Fold(e)
		s := v.String()
		ok, p, legacy := IsAuthorizeEndpoint(s)
		if !ok {
			return true
		}
		if a := m.handBuiltURL(u, e, s, p, legacy); a != nil {
			u.authURLs = append(u.authURLs, a)
			m.res.authValues[e] = true
		}
		return false
	})
}

// urlish reports whether e is a string or url.URL expression that builds
// something: a concatenation, a call (fmt.Sprintf, url.Parse, ...) or a
// url.URL literal.
func (m *modeler) urlish(e ast.Expr) bool {
	t := m.info.TypeOf(e)
	if t == nil {
		return false
	}
	if tv := m.info.Types[e]; tv.Value != nil {
		return false
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		return e.Op == token.ADD && isStringType(t)
	case *ast.CallExpr:
		if tv := m.info.Types[e.Fun]; tv.IsType() {
			return false
		}
		fn, _ := typeutil.Callee(m.info, e).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		switch funcKey(fn) {
		case "fmt.Sprintf", "net/url.Parse", "net/url.ParseRequestURI", "net/url.JoinPath", "path.Join":
			return true
		}
		return false
	case *ast.CompositeLit:
		return typesutil.IsNamed(t, "net/url", "URL")
	}
	return false
}

func isStringType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// handBuiltURL describes the hand-built URL e (folded to s): its query
// names, from the literal text, the url.Values it encodes, and the
// RawQuery assigned to the url.URL variable that holds it. It returns nil
// when the names cannot all be seen, or when they are not those of an
// authorization request.
func (m *modeler) handBuiltURL(u *unit, e ast.Expr, s string, p Provider, legacy bool) *AuthURL {
	keys, holes := QueryKeys(s)
	captured := map[string]ast.Expr{}
	// url.Values encoded inside the expression.
	open := false
	ast.Inspect(e, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if x, ok := m.encodeOf(call); ok {
			ks, vs, known := m.valuesKeys(u, x)
			if !known {
				open = true
			}
			keys = append(keys, ks...)
			maps.Copy(captured, vs)
			holes--
		}
		return true
	})
	// A url.URL held in a variable whose RawQuery is assigned, or a
	// url.URL literal with a RawQuery field.
	var urlVar *types.Var
	et := m.info.TypeOf(e)
	if tup, ok := et.(*types.Tuple); ok && tup.Len() > 0 {
		et = tup.At(0).Type() // url.Parse's (*URL, error)
	}
	if typesutil.IsNamed(et, "net/url", "URL") {
		for call, vs := range u.callLHS {
			if call == e && len(vs) > 0 {
				urlVar = vs[0]
			}
		}
		for _, as := range u.assigns {
			if len(as.Lhs) == len(as.Rhs) {
				for i, r := range as.Rhs {
					if isLitOf(r, asComposite(e)) || ast.Unparen(r) == e {
						urlVar = m.varOf(as.Lhs[i])
					}
				}
			}
		}
	}
	if urlVar != nil {
		for _, as := range u.assigns {
			for i, l := range as.Lhs {
				sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "RawQuery" || m.varOf(sel.X) != urlVar || i >= len(as.Rhs) {
					continue
				}
				call, ok := ast.Unparen(as.Rhs[i]).(*ast.CallExpr)
				if !ok {
					open = true
					continue
				}
				x, ok := m.encodeOf(call)
				if !ok {
					open = true
					continue
				}
				ks, vs, known := m.valuesKeys(u, x)
				if !known {
					open = true
				}
				keys = append(keys, ks...)
				maps.Copy(captured, vs)
				holes--
			}
		}
	}
	if open || holes > 0 {
		return nil
	}
	has := func(k string) bool {
		for _, x := range keys {
			if x == k {
				return true
			}
		}
		return false
	}
	if !has("client_id") && !has("response_type") {
		return nil
	}
	a := &AuthURL{Node: e, Func: u.node, HandBuilt: true, Provider: p, Legacy: legacy, InTest: u.inTest,
		PKCE: has("code_challenge")}
	switch {
	case !has("state"):
		a.State = State{Class: StateAbsent}
	case captured["state"] != nil:
		a.State = m.classify(captured["state"], u.node)
	default:
		if v, ok := queryValue(s, "state"); ok {
			a.State = State{Class: StateConstant, ConstLen: len(v)}
		}
	}
	a.Scopes, a.ScopesKnown = m.handBuiltScopes(s, captured["scope"])
	return a
}

func asComposite(e ast.Expr) *ast.CompositeLit {
	cl, _ := ast.Unparen(e).(*ast.CompositeLit)
	return cl
}

// encodeOf returns X of a call X.Encode() on url.Values.
func (m *modeler) encodeOf(call *ast.CallExpr) (ast.Expr, bool) {
	fn, _ := typeutil.Callee(m.info, call).(*types.Func)
	if !isMethod(fn, "net/url", "Values", "Encode") {
		return nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	return sel.X, true
}

// valuesKeys returns the names set in the url.Values x of the unit, the
// expressions given to "state" and "scope" (see captureKeys), and whether
// every name is known: x is a local variable made in the unit
// (url.Values{...}, make(url.Values), or u.Query()) and used only through
// Set, Add, Del, Get, Has, Encode and v[k] = ... with constant names.
func (m *modeler) valuesKeys(u *unit, x ast.Expr) (keys []string, vals map[string]ast.Expr, known bool) {
	if cl, ok := ast.Unparen(x).(*ast.CompositeLit); ok {
		return m.valuesLitKeys(cl)
	}
	v := m.varOf(x)
	if v == nil || v.Parent() == m.pass.Pkg.Scope() || m.vals.mutated[v] {
		return nil, nil, false
	}
	init, ok := m.single(v)
	if !ok {
		return nil, nil, false
	}
	switch init := ast.Unparen(init).(type) {
	case *ast.CompositeLit:
		ks, vs, ok := m.valuesLitKeys(init)
		if !ok {
			return nil, nil, false
		}
		keys, vals = ks, vs
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(m.info, init).(*types.Func)
		switch {
		case isMethod(fn, "net/url", "URL", "Query"):
		default:
			if id, ok := ast.Unparen(init.Fun).(*ast.Ident); !ok || id.Name != "make" {
				return nil, nil, false
			}
		}
	default:
		return nil, nil, false
	}
	if vals == nil {
		vals = map[string]ast.Expr{}
	}
	allowed := map[*ast.Ident]bool{}
	for _, call := range u.calls {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok || m.info.Uses[id] != v {
			continue
		}
		switch sel.Sel.Name {
		case "Set", "Add":
			if len(call.Args) != 2 {
				return nil, nil, false
			}
			k, ok := typesutil.ConstStringOK(m.info, call.Args[0])
			if !ok {
				return nil, nil, false
			}
			keys = append(keys, k)
			if captureKeys[k] {
				vals[k] = call.Args[1]
			}
		case "Del", "Get", "Has", "Encode":
		default:
			continue
		}
		allowed[id] = true
	}
	for _, as := range u.assigns {
		for i, l := range as.Lhs {
			ix, ok := ast.Unparen(l).(*ast.IndexExpr)
			if !ok {
				continue
			}
			id, ok := ast.Unparen(ix.X).(*ast.Ident)
			if !ok || m.info.Uses[id] != v {
				continue
			}
			k, ok := typesutil.ConstStringOK(m.info, ix.Index)
			if !ok {
				return nil, nil, false
			}
			keys = append(keys, k)
			if captureKeys[k] && i < len(as.Rhs) {
				if cl, ok := ast.Unparen(as.Rhs[i]).(*ast.CompositeLit); ok && len(cl.Elts) == 1 {
					vals[k] = cl.Elts[0]
				}
			}
			allowed[id] = true
		}
	}
	escapes := false
	ast.Inspect(u.body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && m.info.Uses[id] == v && !allowed[id] {
			escapes = true
		}
		return !escapes
	})
	if escapes {
		return nil, nil, false
	}
	return keys, vals, true
}

// captureKeys are the query parameters whose values the model reads: the
// state (oauthstate) and the requested scopes (oauthscopes).
var captureKeys = map[string]bool{"state": true, "scope": true}

// valuesLitKeys returns the names of a url.Values literal, and the values
// of captureKeys.
func (m *modeler) valuesLitKeys(cl *ast.CompositeLit) (keys []string, vals map[string]ast.Expr, known bool) {
	if !typesutil.IsNamed(m.info.TypeOf(cl), "net/url", "Values") {
		return nil, nil, false
	}
	vals = map[string]ast.Expr{}
	for _, el := range cl.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return nil, nil, false
		}
		k, ok := typesutil.ConstStringOK(m.info, kv.Key)
		if !ok {
			return nil, nil, false
		}
		keys = append(keys, k)
		if captureKeys[k] {
			if vl, ok := ast.Unparen(kv.Value).(*ast.CompositeLit); ok && len(vl.Elts) == 1 {
				vals[k] = vl.Elts[0]
			}
		}
	}
	return keys, vals, true
}
