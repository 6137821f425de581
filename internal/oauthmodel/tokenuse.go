package oauthmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"net/http"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// analyzeTokens computes the token view of the package (see tokens.go)
// and exports its facts.
func (m *modeler) analyzeTokens() {
	m.tok = &tokenState{
		fresh:     map[*types.Var]*Exchange{},
		slots:     map[*types.Var]slotKind{},
		respTypes: map[*types.TypeName]bool{},
		respMaps:  map[*types.Var]bool{},
		decoded:   map[*types.Var]bool{},
		uses:      map[*unit][]*TokenUse{},
		sinks:     map[*types.Func][]TokenSink{},
		stored:    map[*types.Func]*StoredTokenFact{},
		parents:   map[*unit]map[ast.Node]ast.Node{},
		refreshes: map[*unit]int8{},
	}
	for _, u := range m.roots {
		for _, x := range u.exchanges {
			if x.TokenVar != nil && !x.HandRolled && isTokenType(x.TokenVar.Type()) {
				m.tok.fresh[x.TokenVar] = x
			}
		}
	}
	for _, u := range m.roots {
		m.indexDecodes(u)
	}
	for _, u := range m.roots {
		m.indexSlots(u)
	}
	m.tok.slotsDone = true
	for _, u := range m.roots {
		m.res.TokenUses = append(m.res.TokenUses, m.tokenUses(u)...)
	}
	m.collectRefreshUses()
	m.collectHandRefreshes()
	m.collectTokenCaches()
	m.exportTokenFacts()
}

// decoderTarget returns the target of a decoding call: json.Unmarshal(b,
// &v), (*json.Decoder).Decode(&v), (*gob.Decoder).Decode(&v).
func (m *modeler) decoderTarget(call *ast.CallExpr) ast.Expr {
	fn, _ := typeutil.Callee(m.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	switch {
	case funcKey(fn) == "encoding/json.Unmarshal" && len(call.Args) == 2:
		return call.Args[1]
	case (isMethod(fn, "encoding/json", "Decoder", "Decode") || isMethod(fn, "encoding/gob", "Decoder", "Decode")) && len(call.Args) == 1:
		return call.Args[0]
	}
	return nil
}

// indexDecodes records the unit's local variables filled by a decoder,
// and, in a unit that sends a request to Brex's token endpoint, the types
// (and maps) that its response is decoded into: those with an
// access_token.
func (m *modeler) indexDecodes(u *unit) {
	tokenReq := false
	for _, x := range u.exchanges {
		if x.HandRolled && x.Provider == ProviderBrex {
			tokenReq = true
		}
	}
	for _, call := range u.calls {
		target := m.decoderTarget(call)
		if target == nil {
			continue
		}
		v := m.targetVar(target)
		if v != nil {
			m.tok.decoded[v] = true
		}
		if !tokenReq {
			continue
		}
		t := deref(m.info.TypeOf(target))
		if n, ok := types.Unalias(t).(*types.Named); ok && !isTokenType(n) {
			if respField(n.Obj(), "access_token") != nil {
				m.tok.respTypes[n.Obj()] = true
			}
		} else if _, ok := t.Underlying().(*types.Map); ok && v != nil {
			m.tok.respMaps[v] = true
		}
	}
}

// indexSlots records the slots into which the unit stores Brex tokens.
func (m *modeler) indexSlots(u *unit) {
	for _, st := range m.stores(u) {
		m.classifyStore(u, st)
	}
}

// store is a value written to a slot: s.f = v, pkgVar = v, s.m[k] = v,
// T{f: v}, s.syncMap.Store(k, v); or the result idx of a call assigned to
// it (s.tok, err = conf.Exchange(...)).
type store struct {
	slot  *types.Var
	value ast.Expr
	idx   int      // -1 for a single value
	lhs   ast.Expr // the slot expression, for assignments
}

// stores returns the unit's writes to slots, computed once.
func (m *modeler) stores(u *unit) []store {
	if !u.storesDone {
		u.stores, u.storesDone = m.findStores(u), true
	}
	return u.stores
}

func (m *modeler) findStores(u *unit) []store {
	var out []store
	for _, as := range u.assigns {
		if as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
			continue
		}
		if len(as.Lhs) == len(as.Rhs) {
			for i, l := range as.Lhs {
				if s := m.slotOf(l); s != nil {
					out = append(out, store{slot: s, value: as.Rhs[i], idx: -1, lhs: l})
				}
			}
		} else if len(as.Rhs) == 1 {
			for i, l := range as.Lhs {
				if s := m.slotOf(l); s != nil {
					out = append(out, store{slot: s, value: as.Rhs[0], idx: i, lhs: l})
				}
			}
		}
	}
	kinds := []ast.Node{(*ast.FuncLit)(nil), (*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)}
	u.cur.Inspect(kinds, func(cur inspector.Cursor) bool {
		switch n := cur.Node().(type) {
		case *ast.FuncLit:
			return !m.isUnitLit(n)
		case *ast.CompositeLit:
			if _, ok := deref(m.info.TypeOf(n)).Underlying().(*types.Struct); !ok {
				return true
			}
			for _, el := range n.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if f := m.fieldKey(kv); f != nil {
					out = append(out, store{slot: f, value: kv.Value, idx: -1})
				}
			}
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(m.info, n).(*types.Func)
			if fn != nil && (fn.Name() == "Store" || fn.Name() == "Swap" || fn.Name() == "LoadOrStore") && len(n.Args) == 2 {
				if recv := fn.Signature().Recv(); recv != nil && typesutil.IsNamed(recv.Type(), "sync", "Map") {
					if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
						if s := m.slotOf(sel.X); s != nil {
							out = append(out, store{slot: s, value: n.Args[1], idx: -1})
						}
					}
				}
			}
		}
		return true
	})
	return out
}

// storedInfo describes the value of a store.
func (m *modeler) storedInfo(u *unit, st store) (info tokInfo, access bool, ok bool) {
	if st.idx >= 0 {
		call, isCall := ast.Unparen(st.value).(*ast.CallExpr)
		if !isCall || st.idx != 0 {
			return tokInfo{}, false, false
		}
		tup, _ := m.info.TypeOf(call).(*types.Tuple)
		if tup == nil || tup.Len() == 0 || !isTokenType(tup.At(0).Type()) {
			return tokInfo{}, false, false
		}
		return m.callTokenInfo(u, call, 0, 0), false, true
	}
	t := m.info.TypeOf(st.value)
	switch {
	case isTokenType(t):
		return m.tokenInfo(u, st.value, 0), false, true
	case isStringT(t):
		return m.accessInfo(u, st.value, 0), true, true
	}
	return tokInfo{}, false, false
}

// classifyStore marks a slot that receives a fresh Brex token. Slots of
// other packages (a database row type's field) count for this package's
// own reads; only this package's slots carry a fact.
func (m *modeler) classifyStore(u *unit, st store) {
	info, access, ok := m.storedInfo(u, st)
	if !ok || !info.brex || info.origin != OriginFresh {
		return
	}
	k := m.tok.slots[st.slot] | slotBrexToken
	if access {
		k |= slotAccess
	}
	if info.refresh {
		k |= slotRefreshed
	}
	m.tok.slots[st.slot] = k
}

// tokenUses returns the token uses of a unit (memoized; a unit in
// progress has none, which ends recursion).
func (m *modeler) tokenUses(u *unit) []*TokenUse {
	if us, ok := m.tok.uses[u]; ok {
		return us
	}
	m.tok.uses[u] = nil
	var out []*TokenUse
	refresh := m.refreshOnPath(u)
	newUse := func(kind TokenUseKind, node ast.Node, tokExpr ast.Expr, info tokInfo) *TokenUse {
		use := &TokenUse{Kind: kind, Node: node, Func: u.node, Token: tokExpr, Origin: info.origin, Param: info.param,
			Rebuilt: info.rebuilt, Brex: info.brex, SlotRefreshed: info.refreshed, RefreshOnPath: refresh, InTest: u.inTest}
		out = append(out, use)
		return use
	}
	for _, call := range u.calls {
		fn, _ := typeutil.Callee(m.info, call).(*types.Func)
		if fn == nil {
			continue
		}
		fn = fn.Origin()
		sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		switch {
		case funcKey(fn) == oauth2Path+".StaticTokenSource" && len(call.Args) == 1:
			info := m.tokenInfo(u, call.Args[0], 0)
			use := newUse(StaticSourceUse, call, call.Args[0], info)
			if info.origin == OriginFresh || info.origin == OriginParam {
				use.Kept = m.kept(u, call)
			}
		case (isMethod(fn, oauth2Path, "Config", "Client") || isMethod(fn, oauth2Path, "Config", "TokenSource")) && len(call.Args) == 2:
			kind := ConfigClientUse
			if fn.Name() == "TokenSource" {
				kind = ConfigSourceUse
			}
			info := m.tokenInfo(u, call.Args[1], 0)
			use := newUse(kind, call, call.Args[1], info)
			if sel != nil {
				use.Config = m.configOf(sel.X)
			}
			use.Brex = use.Config.Brex()
			if kind == ConfigSourceUse {
				use.Persisted = m.sourcePersisted(u, call)
			}
		case (isMethod(fn, "net/http", "Header", "Set") || isMethod(fn, "net/http", "Header", "Add")) && len(call.Args) == 2:
			if k, ok := typesutil.ConstStringOK(m.info, call.Args[0]); ok && http.CanonicalHeaderKey(k) == "Authorization" {
				newUse(AuthHeaderUse, call, call.Args[1], m.accessInfo(u, call.Args[1], 0))
			}
		case isMethod(fn, oauth2Path, "Token", "SetAuthHeader") && sel != nil:
			newUse(AuthHeaderUse, call, sel.X, m.tokenInfo(u, sel.X, 0))
		default:
			for _, s := range m.sinksFor(fn) {
				if s.Param >= len(call.Args) || variadicAt(fn, s.Param) {
					continue
				}
				arg := call.Args[s.Param]
				var info tokInfo
				if s.Kind == AuthHeaderUse && isStringT(m.info.TypeOf(arg)) {
					info = m.accessInfo(u, arg, 0)
				} else {
					info = m.tokenInfo(u, arg, 0)
				}
				use := newUse(s.Kind, call, arg, info)
				use.Via = fn
				use.Persisted = s.Persisted
				use.RefreshOnPath = refresh || s.RefreshOnPath
				if s.Kind == ConfigClientUse || s.Kind == ConfigSourceUse {
					use.Brex = s.Brex
				}
				if s.Kind == StaticSourceUse && (info.origin == OriginFresh || info.origin == OriginParam) {
					use.Kept = s.Kept || m.kept(u, call)
				}
			}
		}
	}
	// req.Header["Authorization"] = []string{v}
	for _, as := range u.assigns {
		for i, l := range as.Lhs {
			ix, ok := ast.Unparen(l).(*ast.IndexExpr)
			if !ok || i >= len(as.Rhs) || !typesutil.IsNamed(m.info.TypeOf(ix.X), "net/http", "Header") {
				continue
			}
			if k, ok := typesutil.ConstStringOK(m.info, ix.Index); !ok || http.CanonicalHeaderKey(k) != "Authorization" {
				continue
			}
			if cl, ok := ast.Unparen(as.Rhs[i]).(*ast.CompositeLit); ok && len(cl.Elts) == 1 {
				newUse(AuthHeaderUse, as, cl.Elts[0], m.accessInfo(u, cl.Elts[0], 0))
			}
		}
	}
	m.tok.uses[u] = out
	return out
}

// sinksFor returns the token sinks of a function: from its body for one
// of the package, from a TokenSinkFact otherwise.
func (m *modeler) sinksFor(fn *types.Func) []TokenSink {
	if fn.Pkg() == nil {
		return nil
	}
	if fn.Pkg() == m.pass.Pkg {
		return m.sinksOf(fn)
	}
	if isOAuthLibrary(fn.Pkg().Path()) {
		return nil
	}
	var f TokenSinkFact
	if m.pass.ImportObjectFact(fn, &f) {
		return f.Sinks
	}
	return nil
}

// sinksOf computes the token sinks of a function of the package: its
// token uses whose token is one of its parameters.
func (m *modeler) sinksOf(fn *types.Func) []TokenSink {
	fn = fn.Origin()
	if s, ok := m.tok.sinks[fn]; ok {
		return s
	}
	fd := m.funcs.FuncDecl(fn)
	if fd == nil {
		return nil
	}
	m.tok.sinks[fn] = nil
	u := m.declUnit(fd)
	m.scanUnit(u)
	var out []TokenSink
	for _, use := range m.tokenUses(u) {
		if use.Origin != OriginParam {
			continue
		}
		if (use.Kind == ConfigClientUse || use.Kind == ConfigSourceUse) && !use.Brex {
			continue
		}
		out = append(out, TokenSink{Param: use.Param, Kind: use.Kind, Brex: use.Brex, Persisted: use.Persisted,
			RefreshOnPath: use.RefreshOnPath, Kept: use.Kept})
	}
	m.tok.sinks[fn] = out
	return out
}

// storedFunc returns what a function of the package returns when it
// returns a stored token (or access token): every return that is not nil
// or "" is one. Nil otherwise.
func (m *modeler) storedFunc(fn *types.Func) *StoredTokenFact {
	if !m.tok.slotsDone {
		return nil
	}
	fn = fn.Origin()
	if f, ok := m.tok.stored[fn]; ok {
		return f
	}
	m.tok.stored[fn] = nil
	fd := m.funcs.FuncDecl(fn)
	r := resultType(fn)
	if fd == nil || r == nil || !isTokenType(r) && !isStringT(r) {
		return nil
	}
	access := isStringT(r)
	u := m.declUnit(fd)
	m.scanUnit(u)
	var f *StoredTokenFact
	for _, ret := range u.returns {
		if len(ret.Results) == 0 {
			return nil // named results: not followed
		}
		e := ret.Results[0]
		if id, ok := ast.Unparen(e).(*ast.Ident); ok && id.Name == "nil" {
			continue
		}
		if s, ok := typesutil.ConstStringOK(m.info, e); ok && s == "" {
			continue
		}
		var info tokInfo
		if access {
			info = m.accessInfo(u, e, 0)
		} else {
			info = m.tokenInfo(u, e, 0)
		}
		if info.origin != OriginStored {
			return nil
		}
		if f == nil {
			f = &StoredTokenFact{Brex: info.brex, Access: access, Refreshed: info.refreshed}
		} else {
			f.Brex = f.Brex && info.brex
			f.Refreshed = f.Refreshed || info.refreshed
		}
	}
	m.tok.stored[fn] = f
	return f
}

// parentsOf returns the parent of each node of the unit's body.
func (m *modeler) parentsOf(u *unit) map[ast.Node]ast.Node {
	if p, ok := m.tok.parents[u]; ok {
		return p
	}
	p := map[ast.Node]ast.Node{}
	var stack []ast.Node
	ast.Inspect(u.body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			p[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		return true
	})
	m.tok.parents[u] = p
	return p
}

// flow follows a value through the unit: from seed, through the local
// variables it is assigned to (each occurrence of them in turn). At each
// other occurrence, step is given the expression and its parent (parens
// skipped); it returns an expression to follow further (the value built
// from the occurrence), or done to stop.
func (m *modeler) flow(u *unit, seed ast.Expr, step func(e ast.Expr, parent ast.Node) (next ast.Expr, done bool)) {
	parents := m.parentsOf(u)
	work := []ast.Expr{seed}
	seen := map[ast.Node]bool{}
	seenVar := map[*types.Var]bool{}
	for len(work) > 0 {
		e := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[e] {
			continue
		}
		seen[e] = true
		p := parents[e]
		for {
			if pe, ok := p.(*ast.ParenExpr); ok {
				e, p = pe, parents[pe]
				continue
			}
			break
		}
		if v := m.assignedLocal(p, e); v != nil {
			if !seenVar[v] {
				seenVar[v] = true
				for cur := range u.cur.Preorder((*ast.Ident)(nil)) {
					if id := cur.Node().(*ast.Ident); m.info.Uses[id] == v {
						work = append(work, id)
					}
				}
			}
			continue
		}
		next, done := step(e, p)
		if done {
			return
		}
		if next != nil {
			work = append(work, next)
		}
	}
}

// assignedLocal returns the local variable that the statement p assigns e
// to, if any.
func (m *modeler) assignedLocal(p ast.Node, e ast.Expr) *types.Var {
	switch p := p.(type) {
	case *ast.AssignStmt:
		for i, r := range p.Rhs {
			if r != e {
				continue
			}
			if len(p.Lhs) == len(p.Rhs) {
				return m.localVar(p.Lhs[i])
			}
			if len(p.Rhs) == 1 {
				return m.localVar(p.Lhs[0])
			}
		}
	case *ast.ValueSpec:
		for i, r := range p.Values {
			if r != e {
				continue
			}
			if len(p.Names) == len(p.Values) {
				v, _ := m.info.Defs[p.Names[i]].(*types.Var)
				return v
			}
			if len(p.Values) == 1 {
				v, _ := m.info.Defs[p.Names[0]].(*types.Var)
				return v
			}
		}
	}
	return nil
}

// isClientHolder reports whether values of type t carry an HTTP client or
// token source: *http.Client, a RoundTripper, an oauth2 source or
// transport, or a struct (or pointer to one) with a field of such a type.
func isClientHolder(t types.Type) bool {
	if t == nil {
		return false
	}
	if holdsClient(t) {
		return true
	}
	st, ok := deref(t).Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if holdsClient(st.Field(i).Type()) {
			return true
		}
	}
	return false
}

func holdsClient(t types.Type) bool {
	return typesutil.IsNamed(t, "net/http", "Client") || typesutil.IsNamed(t, "net/http", "RoundTripper") ||
		typesutil.IsNamed(t, oauth2Path, "TokenSource") || typesutil.IsNamed(t, oauth2Path, "Transport")
}

// kept reports whether a static token source (or what is built from it:
// a client, a transport, a struct holding one) outlives the function:
// stored in a field, package variable or map, used by a goroutine that
// loops, or used in a polling loop (a loop that sleeps or waits on a
// timer).
func (m *modeler) kept(u *unit, src ast.Expr) bool {
	kept := false
	parents := m.parentsOf(u)
	m.flow(u, src, func(e ast.Expr, p ast.Node) (ast.Expr, bool) {
		if m.inPollingLoop(u, e) || m.inLoopingGoroutine(u, e) {
			kept = true
			return nil, true
		}
		switch p := p.(type) {
		case *ast.AssignStmt:
			for i, r := range p.Rhs {
				if r == e && len(p.Lhs) == len(p.Rhs) && m.slotOf(p.Lhs[i]) != nil {
					kept = true
					return nil, true
				}
			}
		case *ast.UnaryExpr:
			if p.Op == token.AND {
				return p, false
			}
		case *ast.KeyValueExpr:
			if p.Value == e {
				if cl, ok := parents[p].(*ast.CompositeLit); ok {
					return cl, false
				}
			}
		case *ast.CompositeLit:
			return p, false
		case *ast.CallExpr:
			if ast.Unparen(p.Fun) == e {
				return nil, false
			}
			if m.goCallKeeps(u, p) {
				kept = true
				return nil, true
			}
			fn, _ := typeutil.Callee(m.info, p).(*types.Func)
			if fn != nil && fn.Pkg() != nil {
				switch funcKey(fn) {
				case oauth2Path + ".NewClient", oauth2Path + ".ReuseTokenSource", oauth2Path + ".ReuseTokenSourceWithExpiry":
					return p, false
				}
			}
			if isClientHolder(firstResult(m.info.TypeOf(p))) {
				return p, false
			}
		}
		return nil, false
	})
	return kept
}

// fieldKey returns the struct field a key-value element sets.
func (m *modeler) fieldKey(kv *ast.KeyValueExpr) *types.Var {
	if id, ok := kv.Key.(*ast.Ident); ok {
		if f, ok := m.info.Uses[id].(*types.Var); ok && f.IsField() {
			return f
		}
	}
	return nil
}

func firstResult(t types.Type) types.Type {
	if tup, ok := t.(*types.Tuple); ok {
		if tup.Len() == 0 {
			return nil
		}
		return tup.At(0).Type()
	}
	return t
}

// goCallKeeps reports whether call is the call of a go statement whose
// function loops: go poll(client) with a loop in poll, or go
// func(){for...}(), or a function of another package.
func (m *modeler) goCallKeeps(u *unit, call *ast.CallExpr) bool {
	g, ok := m.parentsOf(u)[call].(*ast.GoStmt)
	if !ok || g.Call != call {
		return false
	}
	if f, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		return m.hasLoop(f.Body)
	}
	if fn := typeutil.StaticCallee(m.info, call); fn != nil {
		if fd := m.funcs.FuncDecl(fn.Origin()); fd != nil {
			return m.hasLoop(fd.Body)
		}
	}
	return false
}

// inLoopingGoroutine reports whether e sits in a function literal run by a
// go statement whose body loops.
func (m *modeler) inLoopingGoroutine(u *unit, e ast.Node) bool {
	parents := m.parentsOf(u)
	for n := parents[e]; n != nil; n = parents[n] {
		lit, ok := n.(*ast.FuncLit)
		if !ok {
			continue
		}
		if call, ok := parents[lit].(*ast.CallExpr); ok && call.Fun == lit {
			if _, ok := parents[call].(*ast.GoStmt); ok && m.hasLoop(lit.Body) {
				return true
			}
		}
	}
	return false
}

// hasLoop reports whether a body has a for statement or a range over a
// channel (a range over a collection ends).
func (m *modeler) hasLoop(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.ForStmt:
			found = true
		case *ast.RangeStmt:
			if t := m.info.TypeOf(n.X); t != nil {
				if _, ok := t.Underlying().(*types.Chan); ok {
					found = true
				}
			}
		case *ast.FuncLit:
			return false
		}
		return true
	})
	return found
}

// inPollingLoop reports whether e sits in a for loop of the unit whose
// body waits on time: time.Sleep, a receive from a timer or ticker
// channel (time.After, time.Tick, a Ticker's C).
func (m *modeler) inPollingLoop(u *unit, e ast.Node) bool {
	parents := m.parentsOf(u)
	for n := parents[e]; n != nil; n = parents[n] {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		loop, ok := n.(*ast.ForStmt)
		if !ok {
			continue
		}
		waits := false
		ast.Inspect(loop.Body, func(x ast.Node) bool {
			if waits {
				return false
			}
			switch x := x.(type) {
			case *ast.CallExpr:
				if fn, _ := typeutil.Callee(m.info, x).(*types.Func); fn != nil && funcKey(fn) == "time.Sleep" {
					waits = true
				}
			case *ast.UnaryExpr:
				if x.Op == token.ARROW {
					if ch, ok := m.info.TypeOf(x.X).Underlying().(*types.Chan); ok && typesutil.IsNamed(ch.Elem(), "time", "Time") {
						waits = true
					}
				}
			}
			return true
		})
		if waits {
			return true
		}
	}
	return false
}

// sourcePersisted reports whether the refreshed tokens of a TokenSource
// may be persisted: some Token() result is persisted (see
// tokenPersisted), or the source goes where the model cannot follow (a
// wrapper type or function, a field, a return, a goroutine). Its use by
// oauth2.NewClient, ReuseTokenSource or an oauth2.Transport hides the
// refreshed tokens.
func (m *modeler) sourcePersisted(u *unit, src ast.Expr) bool {
	persisted := false
	parents := m.parentsOf(u)
	m.flow(u, src, func(e ast.Expr, p ast.Node) (ast.Expr, bool) {
		switch p := p.(type) {
		case *ast.SelectorExpr:
			if p.X == e && p.Sel.Name == "Token" {
				if call, ok := parents[p].(*ast.CallExpr); ok && call.Fun == p && m.tokenPersisted(u, call) {
					persisted = true
					return nil, true
				}
			}
			return nil, false
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(m.info, p).(*types.Func)
			if fn != nil && fn.Pkg() != nil {
				switch funcKey(fn) {
				case oauth2Path + ".NewClient":
					return nil, false
				case oauth2Path + ".ReuseTokenSource", oauth2Path + ".ReuseTokenSourceWithExpiry":
					return p, false
				}
			}
			persisted = true
			return nil, true
		case *ast.KeyValueExpr:
			if cl, ok := parents[p].(*ast.CompositeLit); ok && typesutil.IsNamed(m.info.TypeOf(cl), oauth2Path, "Transport") {
				return nil, false
			}
			persisted = true
			return nil, true
		case *ast.AssignStmt, *ast.ReturnStmt, *ast.GoStmt, *ast.SendStmt, *ast.CompositeLit:
			persisted = true
			return nil, true
		}
		return nil, false
	})
	return persisted
}

// tokenPersisted reports whether a token obtained from a source's Token()
// may be persisted: it is stored in a slot, returned, sent, given to a
// function (a store), or its RefreshToken is read. Reading its access
// token, type, expiry or validity, or setting a header, is not.
func (m *modeler) tokenPersisted(u *unit, call *ast.CallExpr) bool {
	persisted := false
	m.flow(u, call, func(e ast.Expr, p ast.Node) (ast.Expr, bool) {
		switch p := p.(type) {
		case *ast.SelectorExpr:
			if p.X == e {
				switch p.Sel.Name {
				case "AccessToken", "TokenType", "Type", "Valid", "Expiry", "ExpiresIn", "SetAuthHeader", "Extra":
					return nil, false
				}
				persisted = true
				return nil, true
			}
		case *ast.StarExpr:
			return p, false
		case *ast.CallExpr:
			if fn, _ := typeutil.Callee(m.info, p).(*types.Func); fn != nil && funcKey(fn) == oauth2Path+".StaticTokenSource" {
				return nil, false
			}
			persisted = true
			return nil, true
		case *ast.AssignStmt, *ast.ReturnStmt, *ast.SendStmt, *ast.CompositeLit, *ast.KeyValueExpr, *ast.GoStmt:
			persisted = true
			return nil, true
		}
		return nil, false
	})
	return persisted
}

// refreshOnPath reports whether the unit checks a token's expiry or
// refreshes one: it reads Expiry or calls Valid on an oauth2.Token, uses
// a configuration's TokenSource or Client or ReuseTokenSource, sends a
// refresh_token grant, reads a token response's expires_in, compares
// times, or calls a function of the package that does one of these.
func (m *modeler) refreshOnPath(u *unit) bool {
	switch m.tok.refreshes[u] {
	case 1:
		return true
	case -1, 2:
		return false
	}
	m.tok.refreshes[u] = 2 // in progress
	found := false
	for _, x := range u.exchanges {
		if x.Grant == "refresh_token" {
			found = true
		}
	}
	for cur := range u.cur.Preorder((*ast.SelectorExpr)(nil), (*ast.CallExpr)(nil)) {
		if found {
			break
		}
		switch n := cur.Node().(type) {
		case *ast.SelectorExpr:
			if (n.Sel.Name == "Expiry" || n.Sel.Name == "ExpiresIn") && isTokenType(m.info.TypeOf(n.X)) {
				found = true
			}
			if f := m.fieldOf(n); f != nil && m.isRespField(f, "expires_in") {
				found = true
			}
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(m.info, n).(*types.Func)
			if fn == nil {
				continue
			}
			fn = fn.Origin()
			switch {
			case isMethod(fn, oauth2Path, "Token", "Valid"),
				isMethod(fn, oauth2Path, "Config", "TokenSource"), isMethod(fn, oauth2Path, "Config", "Client"),
				isMethod(fn, clientCredentialsPath, "Config", "TokenSource"), isMethod(fn, clientCredentialsPath, "Config", "Client"),
				funcKey(fn) == oauth2Path+".ReuseTokenSource", funcKey(fn) == oauth2Path+".ReuseTokenSourceWithExpiry",
				funcKey(fn) == "time.Until", funcKey(fn) == "time.Since",
				isMethod(fn, "time", "Time", "Before"), isMethod(fn, "time", "Time", "After"), isMethod(fn, "time", "Time", "Compare"):
				found = true
			case fn.Pkg() == m.pass.Pkg:
				if fd := m.funcs.FuncDecl(fn); fd != nil {
					cu := m.declUnit(fd)
					m.scanUnit(cu)
					if m.refreshOnPath(cu) {
						found = true
					}
				}
			}
		}
	}
	if found {
		m.tok.refreshes[u] = 1
	} else {
		m.tok.refreshes[u] = -1
	}
	return found
}

// collectRefreshUses records where Brex configurations are used with
// refresh, for oauthscopes' offline_access finding.
func (m *modeler) collectRefreshUses() {
	for _, use := range m.res.TokenUses {
		if use.Via != nil || use.Config == nil || !use.Config.Brex() {
			continue
		}
		if use.Kind == ConfigSourceUse || use.Kind == ConfigClientUse && use.Origin == OriginStored {
			m.res.RefreshUses = append(m.res.RefreshUses, &RefreshUse{Node: use.Node, Func: use.Func, Config: use.Config, InTest: use.InTest})
		}
	}
	for _, x := range m.res.Exchanges {
		if x.HandRolled && x.Provider == ProviderBrex && x.Grant == "refresh_token" {
			m.res.RefreshUses = append(m.res.RefreshUses, &RefreshUse{Node: x.Call, Func: x.Func, HandRolled: true, InTest: x.InTest})
		}
	}
}

// exportTokenFacts exports the token facts of the package's functions and
// slots.
func (m *modeler) exportTokenFacts() {
	for fn := range m.funcs.All() {
		if m.inTest(fn.Pos()) {
			continue
		}
		if s := m.sinksOf(fn); len(s) > 0 {
			m.pass.ExportObjectFact(fn, &TokenSinkFact{Sinks: s})
		}
		if f := m.storedFunc(fn); f != nil && (f.Brex || !f.Access) {
			m.pass.ExportObjectFact(fn, f)
		}
	}
	for v, k := range m.tok.slots {
		if v.Pkg() == m.pass.Pkg && k&slotBrexToken != 0 {
			m.pass.ExportObjectFact(v, &TokenSlotFact{Access: k&slotAccess != 0, Refreshed: k&slotRefreshed != 0})
		}
	}
}
