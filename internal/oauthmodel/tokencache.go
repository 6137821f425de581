package oauthmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"time"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Hand-written refreshes and access-token caches (see tokens.go).

// collectHandRefreshes finds hand-written refresh_token grants to Brex
// whose response is decoded, and says whether the new refresh token is
// kept.
func (m *modeler) collectHandRefreshes() {
	for _, u := range m.roots {
		var refresh *Exchange
		for _, x := range u.exchanges {
			if x.HandRolled && x.Provider == ProviderBrex && x.Grant == "refresh_token" {
				refresh = x
				break
			}
		}
		if refresh == nil {
			continue
		}
		for _, call := range u.calls {
			target := m.decoderTarget(call)
			if target == nil {
				continue
			}
			t := deref(m.info.TypeOf(target))
			hr := &HandRefresh{Exchange: refresh, Decode: call, InTest: u.inTest}
			if n, ok := types.Unalias(t).(*types.Named); ok && !isTokenType(n) {
				tn := n.Obj()
				acc, ref := respField(tn, "access_token"), respField(tn, "refresh_token")
				if acc == nil || !m.fieldSelected(acc) {
					continue // the access token is not kept either
				}
				hr.Type = tn.Name()
				switch {
				case ref == nil:
					hr.DropsRefresh, hr.Why = true, "has no refresh_token field"
				case !m.fieldSelected(ref) && !tn.Exported() && m.onlySelected(u, target):
					hr.DropsRefresh, hr.Why = true, "has a refresh_token field that nothing reads"
				}
			} else if _, ok := t.Underlying().(*types.Map); ok {
				v := m.targetVar(target)
				if v == nil || !m.onlySelected(u, target) {
					continue
				}
				hr.Type = types.TypeString(t, types.RelativeTo(m.pass.Pkg))
				if m.mapKeyRead(u, v, "access_token") && !m.mapKeyRead(u, v, "refresh_token") {
					hr.DropsRefresh, hr.Why = true, `never reads "refresh_token" from it`
				}
			} else {
				continue
			}
			m.res.HandRefreshes = append(m.res.HandRefreshes, hr)
		}
	}
}

// fieldSelected reports whether some selector of the package selects f.
func (m *modeler) fieldSelected(f *types.Var) bool {
	if m.tok.selected == nil {
		m.tok.selected = map[*types.Var]bool{}
		for _, s := range m.info.Selections {
			if s.Kind() == types.FieldVal {
				if v, ok := s.Obj().(*types.Var); ok {
					m.tok.selected[v] = true
				}
			}
		}
	}
	return m.tok.selected[f]
}

// targetVar returns the local variable a decoding target (&v, or a
// pointer variable) denotes.
func (m *modeler) targetVar(target ast.Expr) *types.Var {
	if un, ok := ast.Unparen(target).(*ast.UnaryExpr); ok && un.Op == token.AND {
		return m.localVar(un.X)
	}
	return m.localVar(target)
}

// onlySelected reports whether the decoded variable is used, besides
// being decoded into, only by selecting its fields or indexing it: it is
// not handed to a function, stored, returned or sent, where its refresh
// token might be kept.
func (m *modeler) onlySelected(u *unit, target ast.Expr) bool {
	v := m.targetVar(target)
	if v == nil {
		return false
	}
	parents := m.parentsOf(u)
	ok := true
	ast.Inspect(u.body, func(n ast.Node) bool {
		id, isID := n.(*ast.Ident)
		if !ok || !isID || m.info.Uses[id] != v {
			return ok
		}
		var e ast.Node = id
		p := parents[e]
		for {
			if pe, isParen := p.(*ast.ParenExpr); isParen {
				e, p = pe, parents[pe]
				continue
			}
			break
		}
		switch p := p.(type) {
		case *ast.SelectorExpr:
			if p.X == e {
				return true
			}
		case *ast.IndexExpr:
			if p.X == e {
				return true
			}
		case *ast.UnaryExpr:
			if p.Op == token.AND && ast.Unparen(target) == p {
				return true // the decoding target itself
			}
		}
		if e == ast.Unparen(target) {
			return true
		}
		ok = false
		return false
	})
	return ok
}

// mapKeyRead reports whether the unit reads key from the map variable v.
func (m *modeler) mapKeyRead(u *unit, v *types.Var, key string) bool {
	found := false
	ast.Inspect(u.body, func(n ast.Node) bool {
		ix, ok := n.(*ast.IndexExpr)
		if !ok || found {
			return !found
		}
		if id, ok := ast.Unparen(ix.X).(*ast.Ident); ok && m.info.Uses[id] == v {
			if k, ok := typesutil.ConstStringOK(m.info, ix.Index); ok && k == key {
				found = true
			}
		}
		return !found
	})
	return found
}

// nowAdd returns d of time.Now().Add(d) with a constant d, found in e.
func (m *modeler) nowAdd(e ast.Expr) (*ast.CallExpr, time.Duration, bool) {
	var call *ast.CallExpr
	var d time.Duration
	ast.Inspect(e, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || call != nil {
			return call == nil
		}
		fn, _ := typeutil.Callee(m.info, c).(*types.Func)
		if !isMethod(fn, "time", "Time", "Add") || len(c.Args) != 1 {
			return true
		}
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		now, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			return true
		}
		if nf, _ := typeutil.Callee(m.info, now).(*types.Func); nf == nil || funcKey(nf) != "time.Now" {
			return true
		}
		if v, ok := m.constDuration(c.Args[0]); ok {
			call, d = c, v
		}
		return false
	})
	return call, d, call != nil
}

// valueInfo describes a token or access-token value of any type.
func (m *modeler) valueInfo(u *unit, e ast.Expr) (tokInfo, bool) {
	t := m.info.TypeOf(e)
	switch {
	case isTokenType(t):
		return m.tokenInfo(u, e, 0), true
	case isStringT(t):
		return m.accessInfo(u, e, 0), true
	}
	return tokInfo{}, false
}

// collectTokenCaches finds access tokens kept with a lifetime of their
// own.
func (m *modeler) collectTokenCaches() {
	for _, u := range m.roots {
		m.litCaches(u)
		m.storeCaches(u)
		m.libCaches(u)
		m.lazyCaches(u)
	}
	// A token rebuilt from stored parts without its Expiry: x/oauth2
	// takes a zero Expiry for "never expires" and never refreshes it.
	for _, use := range m.res.TokenUses {
		if use.Rebuilt == nil || !use.Brex || use.Via != nil || (use.Kind != ConfigClientUse && use.Kind != ConfigSourceUse) {
			continue
		}
		f := litFields(use.Rebuilt)
		_, access := f["AccessToken"]
		_, refresh := f["RefreshToken"]
		if _, exp := f["Expiry"]; access && refresh && !exp {
			m.res.TokenCaches = append(m.res.TokenCaches, &TokenCache{Node: use.Rebuilt, Func: use.Func, NoExpiry: true,
				How: "this oauth2.Token rebuilt from stored parts has no Expiry", InTest: use.InTest})
		}
	}
}

// litCaches: composite literals that hold a Brex access token (or token)
// next to an expiry of time.Now().Add(d): oauth2.Token{Expiry: ...} or a
// cache entry of the program's own.
func (m *modeler) litCaches(u *unit) {
	u.cur.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.CompositeLit)(nil)}, func(cur inspector.Cursor) bool {
		if lit, ok := cur.Node().(*ast.FuncLit); ok {
			return !m.isUnitLit(lit)
		}
		lit := cur.Node().(*ast.CompositeLit)
		if _, ok := deref(m.info.TypeOf(lit)).Underlying().(*types.Struct); !ok {
			return true
		}
		var hasToken bool
		var add *ast.CallExpr
		var d time.Duration
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if isTokenType(m.info.TypeOf(lit)) {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "AccessToken" {
					if info := m.accessInfo(u, kv.Value, 0); info.brex {
						hasToken = true
					}
				}
			} else if info, ok := m.valueInfo(u, kv.Value); ok && info.brex && info.origin != OriginOther {
				hasToken = true
			}
			if c, v, ok := m.nowAdd(kv.Value); ok {
				add, d = c, v
			}
		}
		if hasToken && add != nil {
			m.addLifetime(u, add, d, "the expiry stored with this access token")
		}
		return true
	})
}

func (m *modeler) addLifetime(u *unit, at ast.Node, d time.Duration, how string) {
	m.res.TokenCaches = append(m.res.TokenCaches, &TokenCache{Node: at, Func: u.node, Lifetime: d, How: how, InTest: u.inTest})
}

// storeCaches: a unit that stores a Brex access token (or token) in a
// field of X and an expiry of time.Now().Add(d) in another field of the
// same X (or both in package variables).
func (m *modeler) storeCaches(u *unit) {
	owners := map[string]bool{}
	for _, st := range m.stores(u) {
		if st.lhs == nil {
			continue
		}
		if info, _, ok := m.storedInfo(u, st); ok && info.brex && (info.origin == OriginFresh || info.origin == OriginStored) {
			owners[ownerOf(st.lhs)] = true
		}
	}
	if len(owners) == 0 {
		return
	}
	for _, as := range u.assigns {
		if len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, l := range as.Lhs {
			if m.slotOf(l) == nil || !owners[ownerOf(l)] {
				continue
			}
			if c, d, ok := m.nowAdd(as.Rhs[i]); ok {
				m.addLifetime(u, c, d, "the expiry stored with this access token")
			}
		}
	}
}

// ownerOf names the value whose field an assignment writes ("c" of
// c.token, "s.cache" of s.cache.token), or "" for a package variable.
func ownerOf(lhs ast.Expr) string {
	switch x := ast.Unparen(lhs).(type) {
	case *ast.SelectorExpr:
		return types.ExprString(x.X)
	case *ast.IndexExpr:
		return ownerOf(x.X)
	}
	return ""
}

// Cache libraries whose Set takes a lifetime.
const (
	goCachePath  = "github.com/patrickmn/go-cache"
	goRedisPath  = "github.com/redis/go-redis/v9"
	goRedis8Path = "github.com/go-redis/redis/v8"
)

// libCaches: go-cache's Set/Add/Replace(k, v, d) and go-redis's
// Set/SetNX/SetEx(ctx, k, v, d) of a Brex access token with a lifetime
// over an hour or none (go-cache.NoExpiration, go-redis's 0).
func (m *modeler) libCaches(u *unit) {
	for _, call := range u.calls {
		fn, _ := typeutil.Callee(m.info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			continue
		}
		var val, dur ast.Expr
		var lib string
		var noExpiry func(time.Duration) bool
		switch path := fn.Pkg().Path(); {
		case path == goCachePath && (fn.Name() == "Set" || fn.Name() == "Add" || fn.Name() == "Replace") && len(call.Args) == 3:
			val, dur, lib = call.Args[1], call.Args[2], "go-cache "+fn.Name()
			noExpiry = func(d time.Duration) bool { return d == -1 } // cache.NoExpiration
		case (path == goRedisPath || path == goRedis8Path) && (fn.Name() == "Set" || fn.Name() == "SetNX" || fn.Name() == "SetEx") && len(call.Args) == 4:
			val, dur, lib = call.Args[2], call.Args[3], "go-redis "+fn.Name()
			noExpiry = func(d time.Duration) bool { return d == 0 && fn.Name() != "SetEx" }
		default:
			continue
		}
		info, ok := m.valueInfo(u, val)
		if !ok || !info.brex || info.origin == OriginOther {
			continue
		}
		d, ok := m.constDuration(dur)
		if !ok {
			continue
		}
		if noExpiry(d) {
			m.res.TokenCaches = append(m.res.TokenCaches, &TokenCache{Node: dur, Func: u.node, NoExpiry: true,
				How: lib + " without expiration", InTest: u.inTest})
		} else if d > 0 {
			m.addLifetime(u, dur, d, "the "+lib+" expiration of this access token")
		}
	}
}

// lazyCaches: a slot tested only for emptiness (if c.token != "" { return
// c.token }) into which the unit stores a fresh Brex token, in a unit
// that never looks at an expiry: the token is cached forever.
func (m *modeler) lazyCaches(u *unit) {
	if m.refreshOnPath(u) {
		return
	}
	filled := map[*types.Var]bool{}
	for _, st := range m.stores(u) {
		if info, _, ok := m.storedInfo(u, st); ok && info.brex && info.origin == OriginFresh {
			filled[st.slot] = true
		}
	}
	if len(filled) == 0 {
		return
	}
	for _, ifs := range u.ifs {
		if s := m.emptinessTest(ifs.Cond); s != nil && filled[s] {
			m.res.TokenCaches = append(m.res.TokenCaches, &TokenCache{Node: ifs.Cond, Func: u.node, NoExpiry: true,
				How: "this cached access token is checked only for emptiness", InTest: u.inTest})
		}
	}
}

// emptinessTest returns the slot that cond tests for emptiness (s == "",
// s != "", s == nil, s != nil, len(s) > 0, len(s) == 0), when every
// operand of && and || is such a test of it.
func (m *modeler) emptinessTest(cond ast.Expr) *types.Var {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND, token.LOR:
			a, b := m.emptinessTest(c.X), m.emptinessTest(c.Y)
			if a != nil && a == b {
				return a
			}
			return nil
		case token.EQL, token.NEQ, token.GTR, token.LSS, token.GEQ, token.LEQ:
			for _, pair := range [][2]ast.Expr{{c.X, c.Y}, {c.Y, c.X}} {
				x, y := ast.Unparen(pair[0]), ast.Unparen(pair[1])
				if call, ok := x.(*ast.CallExpr); ok && len(call.Args) == 1 {
					if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "len" {
						if _, ok := m.info.Uses[id].(*types.Builtin); ok {
							if _, ok := m.constDuration(y); ok {
								return m.slotOf(call.Args[0])
							}
						}
					}
				}
				if id, ok := y.(*ast.Ident); ok && id.Name == "nil" {
					if _, ok := m.info.Uses[id].(*types.Nil); ok && (c.Op == token.EQL || c.Op == token.NEQ) {
						return m.slotOf(x)
					}
				}
				if s, ok := typesutil.ConstStringOK(m.info, y); ok && s == "" && (c.Op == token.EQL || c.Op == token.NEQ) {
					return m.slotOf(x)
				}
			}
		}
	}
	return nil
}
