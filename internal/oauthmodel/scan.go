package oauthmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/brexlint/brexlint/internal/urlfold"
	"github.com/brexlint/brexlint/internal/webframe"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// A unit is a function the model looks at as a whole: a declaration, or a
// function literal that takes an *http.Request (a handler closure) or that
// sits outside any declaration. Other function literals (a retry callback,
// a deferred func) belong to the unit that encloses them.
type unit struct {
	node   ast.Node // *ast.FuncDecl or *ast.FuncLit
	body   *ast.BlockStmt
	cur    inspector.Cursor // of body
	fn     *types.Func      // for a declaration
	inTest bool

	calls   []*ast.CallExpr
	returns []*ast.ReturnStmt // of the unit itself, not of nested literals
	assigns []*ast.AssignStmt
	specs   []*ast.ValueSpec
	ifs     []*ast.IfStmt
	// reads are the request parameters the unit reads, by key.
	reads map[string][]ast.Expr
	// callLHS maps a call to the variables its results are assigned to.
	callLHS map[*ast.CallExpr][]*types.Var

	exchanges []*Exchange
	authURLs  []*AuthURL
	// helpers are calls that pass the request to a function: what the
	// callee does with it (reads, verifies) counts for this unit.
	helpers []helperCall
	// stores are its writes to slots (see stores), once computed.
	stores     []store
	storesDone bool

	done bool
}

type helperCall struct {
	call *ast.CallExpr
	fn   *types.Func
	arg  int
}

// funcSummary is what the model knows of a function of the package.
type funcSummary struct {
	config   *Config
	authURL  *AuthURLFact
	exchange *ExchangeFact
	// Of a function given a request: what it does with it.
	reqParam      int
	readsCode     bool
	verifiesState bool
	readsError    bool
	exchanges     []*Exchange
}

func newModeler(pass *analysis.Pass, insp *inspector.Inspector, opts Options, res *Result) *modeler {
	funcs := opts.Funcs
	folder := opts.Folder
	if folder == nil {
		folder = urlfold.NewPackage(pass.Fset, pass.TypesInfo, pass.Files, funcs)
	}
	return &modeler{
		pass:      pass,
		info:      pass.TypesInfo,
		opts:      opts,
		res:       res,
		folder:    folder,
		insp:      insp,
		funcs:     funcs,
		sums:      map[*types.Func]*funcSummary{},
		units:     map[ast.Node]*unit{},
		configs:   map[*ast.CompositeLit]*Config{},
		varConfig: map[types.Object]*Config{},
		verified:  map[paramKey]bool{},
		testFiles: map[*token.File]bool{},
	}
}

func (m *modeler) inTest(pos token.Pos) bool {
	tf := m.pass.Fset.File(pos)
	if tf == nil {
		return false
	}
	if v, ok := m.testFiles[tf]; ok {
		return v
	}
	v := strings.HasSuffix(tf.Name(), "_test.go")
	m.testFiles[tf] = v
	return v
}

func (m *modeler) run() {
	m.indexValues()
	var roots []*unit
	// Units: declarations, handler closures, and literals outside any
	// declaration (var h = func(w, r) {...}), in one walk of the
	// package's functions that hands each its body's cursor.
	for cur := range m.insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				roots = append(roots, m.unitOf(n, cur.ChildAt(edge.FuncDecl_Body, -1)))
			}
		case *ast.FuncLit:
			nested := false
			for range cur.Parent().Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
				nested = true
				break
			}
			if m.isUnitLit(n) || !nested {
				roots = append(roots, m.unitOf(n, cur.ChildAt(edge.FuncLit_Body, -1)))
			}
		}
	}
	for _, u := range roots {
		m.scanUnit(u)
	}
	m.roots = roots
	// Configurations written in the package.
	for lit := range inspector.All[*ast.CompositeLit](m.insp) {
		k, ok := configType(m.info.TypeOf(lit))
		if !ok || k == EndpointConfig {
			continue
		}
		c := m.configLit(lit, 0)
		if c == nil {
			continue
		}
		// A literal that initializes a variable: the variable's config
		// (with the fields assigned later) is the better description.
		for v, ds := range m.vals.defs {
			if len(ds) == 1 && ds[0].idx < 0 && isLitOf(ds[0].expr, lit) {
				if vc := m.varConfigOf(v, 0); vc != nil {
					cc := *vc
					cc.Pos, cc.Lit, cc.InTest = lit.Pos(), lit, m.inTest(lit.Pos())
					c = &cc
				}
				break
			}
		}
		m.res.Configs = append(m.res.Configs, c)
	}
	for _, u := range roots {
		m.finishUnit(u)
	}
	for _, c := range m.res.Configs {
		if c.Brex() {
			m.res.brexConfig = true
		}
	}
	m.exportFacts()
}

func isLitOf(e ast.Expr, lit *ast.CompositeLit) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	return e == lit
}

// isUnitLit reports whether a function literal is a unit of its own: it
// takes an *http.Request or a framework's context (a handler closure given
// to a router).
func (m *modeler) isUnitLit(lit *ast.FuncLit) bool {
	for _, f := range lit.Type.Params.List {
		if webframe.CarriesRequest(m.info.TypeOf(f.Type)) {
			return true
		}
	}
	return false
}

// unitOf returns the unit of n, a function declaration or literal of the
// package whose body's cursor is body, made on first use.
func (m *modeler) unitOf(n ast.Node, body inspector.Cursor) *unit {
	if u, ok := m.units[n]; ok {
		return u
	}
	u := &unit{node: n, cur: body, reads: map[string][]ast.Expr{}, callLHS: map[*ast.CallExpr][]*types.Var{}}
	switch n := n.(type) {
	case *ast.FuncDecl:
		u.body = n.Body
		u.fn, _ = m.info.Defs[n.Name].(*types.Func)
	case *ast.FuncLit:
		u.body = n.Body
	}
	u.inTest = m.inTest(n.Pos())
	m.units[n] = u
	return u
}

// declUnit returns the unit of fd, a function declaration of the package
// with a body.
func (m *modeler) declUnit(fd *ast.FuncDecl) *unit {
	return m.unitOf(fd, m.funcs.Body(fd.Body))
}

// inspectOwn calls f, as Cursor.Inspect does, for the nodes of the unit's
// own code whose type is one of kinds: its body, and the bodies (not the
// signatures) of the function literals in it that are not units of their
// own, each where the literal is. own is false inside such a literal.
// kinds must not hold *ast.FuncLit.
func (m *modeler) inspectOwn(u *unit, kinds []ast.Node, f func(cur inspector.Cursor, own bool) (descend bool)) {
	withLits := append(slices.Clip(kinds), (*ast.FuncLit)(nil))
	var visit func(body inspector.Cursor, own bool)
	visit = func(body inspector.Cursor, own bool) {
		body.Inspect(withLits, func(cur inspector.Cursor) bool {
			if lit, ok := cur.Node().(*ast.FuncLit); ok {
				if !m.isUnitLit(lit) {
					visit(cur.ChildAt(edge.FuncLit_Body, -1), false)
				}
				return false
			}
			return f(cur, own)
		})
	}
	visit(u.cur, true)
}

// walk collects the unit's calls, returns, assignments and request reads,
// descending into function literals that are not units of their own.
func (m *modeler) walk(u *unit) {
	kinds := []ast.Node{(*ast.CallExpr)(nil), (*ast.IndexExpr)(nil), (*ast.ReturnStmt)(nil), (*ast.AssignStmt)(nil),
		(*ast.ValueSpec)(nil), (*ast.IfStmt)(nil)}
	m.inspectOwn(u, kinds, func(cur inspector.Cursor, own bool) bool {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			u.calls = append(u.calls, n)
			if key, ok := m.requestRead(n); ok {
				u.reads[key] = append(u.reads[key], n)
			}
		case *ast.IndexExpr:
			if key, ok := m.requestIndexRead(n); ok {
				u.reads[key] = append(u.reads[key], n)
			}
		case *ast.ReturnStmt:
			if own {
				u.returns = append(u.returns, n)
			}
		case *ast.AssignStmt:
			u.assigns = append(u.assigns, n)
			if len(n.Rhs) == 1 {
				if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
					for _, l := range n.Lhs {
						u.callLHS[call] = append(u.callLHS[call], m.varOf(l))
					}
				}
			}
		case *ast.ValueSpec:
			u.specs = append(u.specs, n)
			if len(n.Values) == 1 {
				if call, ok := ast.Unparen(n.Values[0]).(*ast.CallExpr); ok {
					for _, id := range n.Names {
						v, _ := m.info.Defs[id].(*types.Var)
						u.callLHS[call] = append(u.callLHS[call], v)
					}
				}
			}
		case *ast.IfStmt:
			u.ifs = append(u.ifs, n)
		}
		return true
	})
}

// scanUnit finds the unit's exchanges, authorization URLs and helper calls.
// It is idempotent, and runs on demand for callees (summary).
func (m *modeler) scanUnit(u *unit) {
	if u.done {
		return
	}
	u.done = true
	m.walk(u)
	for _, call := range u.calls {
		m.visitCall(u, call)
	}
	m.handBuilt(u)
}

func (m *modeler) visitCall(u *unit, call *ast.CallExpr) {
	callee, _ := typeutil.Callee(m.info, call).(*types.Func)
	if callee == nil {
		return
	}
	callee = callee.Origin()
	switch {
	case isMethod(callee, oauth2Path, "Config", "Exchange"):
		sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		x := &Exchange{Call: call, Func: u.node, Grant: "authorization_code", InTest: u.inTest}
		if sel != nil {
			x.Config = m.configOf(sel.X)
		}
		if x.Config != nil {
			x.Provider, x.Legacy = x.Config.Provider, x.Config.Legacy
		}
		x.PKCE = m.hasOption(call.Args, "VerifierOption")
		x.TokenVar = first(u.callLHS[call])
		u.exchanges = append(u.exchanges, x)
		return
	case isMethod(callee, oauth2Path, "Config", "AuthCodeURL"):
		sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		a := &AuthURL{Node: call, Func: u.node, InTest: u.inTest}
		if sel != nil {
			a.Config = m.configOf(sel.X)
		}
		if a.Config != nil {
			a.Provider, a.Legacy = a.Config.Provider, a.Config.Legacy
		}
		if len(call.Args) > 0 {
			a.State = m.classify(call.Args[0], u.node)
		}
		a.PKCE = m.hasOption(call.Args[1:], "S256ChallengeOption")
		u.authURLs = append(u.authURLs, a)
		m.res.authValues[call] = true
		return
	}
	if x := m.tokenRequest(u, call, callee); x != nil {
		u.exchanges = append(u.exchanges, x)
		return
	}
	// Helpers: functions that exchange, produce authorization URLs, or
	// are given the request.
	if callee.Pkg() == nil {
		return
	}
	if callee.Pkg() == m.pass.Pkg {
		s := m.summary(callee)
		if s == nil {
			return
		}
		if s.exchange != nil {
			u.exchanges = append(u.exchanges, m.viaExchange(u, call, callee, s.exchange))
		}
		if s.authURL != nil {
			u.authURLs = append(u.authURLs, m.viaAuthURL(u, call, callee, s.authURL))
		}
	} else if !isOAuthLibrary(callee.Pkg().Path()) {
		var xf ExchangeFact
		if m.pass.ImportObjectFact(callee, &xf) {
			u.exchanges = append(u.exchanges, m.viaExchange(u, call, callee, &xf))
		}
		var af AuthURLFact
		if m.pass.ImportObjectFact(callee, &af) {
			u.authURLs = append(u.authURLs, m.viaAuthURL(u, call, callee, &af))
		}
	}
	for i, arg := range call.Args {
		if webframe.CarriesRequest(m.info.TypeOf(arg)) {
			u.helpers = append(u.helpers, helperCall{call: call, fn: callee, arg: i})
		}
	}
}

func first(vs []*types.Var) *types.Var {
	if len(vs) == 0 {
		return nil
	}
	return vs[0]
}

func (m *modeler) viaExchange(u *unit, call *ast.CallExpr, fn *types.Func, f *ExchangeFact) *Exchange {
	return &Exchange{Call: call, Func: u.node, Via: fn, Provider: f.Provider, Legacy: f.Legacy, HandRolled: f.HandRolled,
		Grant: "authorization_code", PKCE: f.PKCE, TokenVar: first(u.callLHS[call]), InTest: u.inTest}
}

func (m *modeler) viaAuthURL(u *unit, call *ast.CallExpr, fn *types.Func, f *AuthURLFact) *AuthURL {
	a := &AuthURL{Node: call, Func: u.node, Via: fn, Provider: f.Provider, Legacy: f.Legacy, PKCE: f.PKCE, InTest: u.inTest,
		Scopes: f.Scopes, ScopesKnown: f.ScopesKnown}
	if f.StateParam >= 0 && f.StateParam < len(call.Args) && !variadicAt(fn, f.StateParam) {
		a.State = m.classify(call.Args[f.StateParam], u.node)
	}
	m.res.authValues[call] = true
	return a
}

func variadicAt(fn *types.Func, i int) bool {
	sig := fn.Signature()
	return sig.Variadic() && i >= sig.Params().Len()-1
}

// hasOption reports whether one of args is a call of oauth2.NAME.
func (m *modeler) hasOption(args []ast.Expr, name string) bool {
	for _, a := range args {
		if call, ok := ast.Unparen(a).(*ast.CallExpr); ok {
			if fn, _ := typeutil.Callee(m.info, call).(*types.Func); fn != nil && fn.Pkg() != nil &&
				fn.Pkg().Path() == oauth2Path && fn.Name() == name {
				return true
			}
		}
		if v := m.varOf(a); v != nil {
			if x, ok := m.single(v); ok && m.hasOption([]ast.Expr{x}, name) {
				return true
			}
		}
	}
	return false
}

// summary returns what the model knows of a function of the package,
// scanning its declaration on demand (recursion yields nil).
func (m *modeler) summary(fn *types.Func) *funcSummary {
	fn = fn.Origin()
	if s, ok := m.sums[fn]; ok {
		return s
	}
	fd := m.funcs.FuncDecl(fn)
	if fd == nil {
		return nil
	}
	m.sums[fn] = nil
	u := m.declUnit(fd)
	m.scanUnit(u)
	s := &funcSummary{reqParam: -1}
	// Configuration returned.
	if r := resultType(fn); r != nil {
		if _, ok := configType(r); ok {
			var c *Config
			for _, ret := range u.returns {
				if len(ret.Results) == 0 {
					c = nil
					break
				}
				rc := m.configOf(ret.Results[0])
				if rc == nil || c != nil && rc.Provider != c.Provider {
					c = nil
					break
				}
				if c == nil {
					c = rc
				}
			}
			if c != nil {
				cc := *c
				cc.Obj = fn
				s.config = &cc
			}
		}
	}
	// Authorization URL returned.
	for _, ret := range u.returns {
		if len(ret.Results) == 0 {
			continue
		}
		if a := m.authURLOf(u, ret.Results[0]); a != nil {
			f := &AuthURLFact{StateParam: -1, Provider: a.Provider, Legacy: a.Legacy, PKCE: a.PKCE,
				HandBuilt: a.HandBuilt || a.Via != nil && a.ScopesKnown, Scopes: a.Scopes, ScopesKnown: a.ScopesKnown}
			if a.State.Class == StateParam && a.Func == fd {
				f.StateParam = a.State.Param
			}
			s.authURL = f
			break
		}
	}
	// Code exchanges.
	for _, x := range u.exchanges {
		if !x.CodeExchange() {
			continue
		}
		if s.exchange == nil {
			s.exchange = &ExchangeFact{}
		}
		if x.Provider > s.exchange.Provider {
			s.exchange.Provider, s.exchange.Legacy = x.Provider, x.Legacy
		}
		s.exchange.HandRolled = s.exchange.HandRolled || x.HandRolled
		s.exchange.PKCE = s.exchange.PKCE || x.PKCE
	}
	// What it does with a request it is given.
	ps := fn.Signature().Params()
	for i := 0; i < ps.Len(); i++ {
		if webframe.CarriesRequest(ps.At(i).Type()) {
			s.reqParam = i
			break
		}
	}
	if s.reqParam >= 0 {
		cb := m.callbackOf(u)
		s.readsCode, s.verifiesState, s.readsError = len(cb.codeReads) > 0, cb.verifiesState, cb.handlesError
		s.exchanges = cb.exchanges
	}
	m.sums[fn] = s
	return s
}

// authURLOf returns the authorization URL that e is: an AuthCodeURL or
// producer call of the unit, a hand-built URL, or a variable holding one.
func (m *modeler) authURLOf(u *unit, e ast.Expr) *AuthURL {
	e = ast.Unparen(e)
	for _, a := range u.authURLs {
		if a.Node == e {
			return a
		}
	}
	if v := m.varOf(e); v != nil && v.Pkg() == m.pass.Pkg {
		if x, ok := m.single(v); ok && x != e {
			return m.authURLOf(u, x)
		}
	}
	// url.URL values and their String().
	if call, ok := e.(*ast.CallExpr); ok {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "String" &&
			typesutil.IsNamed(m.info.TypeOf(sel.X), "net/url", "URL") {
			return m.authURLOf(u, sel.X)
		}
	}
	return nil
}

// callback is what a unit does as a callback handler.
type callback struct {
	codeReads     []ast.Expr
	stateReads    []ast.Expr
	verifiesState bool
	handlesError  bool
	exchanges     []*Exchange
}

// callbackOf gathers the unit's reads, verification and exchanges, with
// those of the helpers it gives the request to.
func (m *modeler) callbackOf(u *unit) *callback {
	cb := &callback{codeReads: u.reads["code"], stateReads: u.reads["state"]}
	for _, x := range u.exchanges {
		if x.CodeExchange() {
			if x.At == nil {
				x.At = m.exchangeAt(x, 0)
			}
			cb.exchanges = append(cb.exchanges, x)
		}
	}
	cb.handlesError = len(u.reads["error"]) > 0 || len(u.reads["error_description"]) > 0 || m.emptyCodeCheck(u)
	if len(cb.stateReads) > 0 {
		cb.verifiesState = m.usesValue(u, cb.stateReads, nil, false)
	}
	for _, h := range u.helpers {
		if h.fn.Pkg() == m.pass.Pkg {
			s := m.summary(h.fn)
			if s == nil || s.reqParam != h.arg {
				continue
			}
			if s.readsCode {
				cb.codeReads = append(cb.codeReads, h.call)
			}
			cb.verifiesState = cb.verifiesState || s.verifiesState
			cb.handlesError = cb.handlesError || s.readsError
			continue
		}
		var f CallbackHelperFact
		if m.pass.ImportObjectFact(h.fn, &f) && f.ReqParam == h.arg {
			cb.verifiesState = cb.verifiesState || f.VerifiesState
			cb.handlesError = cb.handlesError || f.ReadsError
			continue
		}
		// A helper from a package the model knows nothing of: trust a
		// name that says it checks the state.
		if !isStd(h.fn.Pkg().Path()) {
			name := strings.ToLower(h.fn.Name())
			for _, w := range []string{"state", "csrf", "verif", "valid"} {
				if strings.Contains(name, w) {
					cb.verifiesState = true
				}
			}
		}
	}
	return cb
}

// exchangeAt returns where the exchange x is made in this package: inside
// the helper x goes through when the helper is of this package and is
// given the callback's request (it can read the error parameter, so the
// fix belongs there), else at x.Call.
func (m *modeler) exchangeAt(x *Exchange, depth int) *ast.CallExpr {
	if x.Via == nil || x.Via.Pkg() != m.pass.Pkg || depth > 4 {
		return x.Call
	}
	givenRequest := false
	for _, a := range x.Call.Args {
		if webframe.CarriesRequest(m.info.TypeOf(a)) {
			givenRequest = true
		}
	}
	fd := m.funcs.FuncDecl(x.Via.Origin())
	u := m.units[fd]
	if !givenRequest || fd == nil || u == nil {
		return x.Call
	}
	for _, inner := range u.exchanges {
		if inner.CodeExchange() {
			return m.exchangeAt(inner, depth+1)
		}
	}
	return x.Call
}

// finishUnit records the unit's findings in the result.
func (m *modeler) finishUnit(u *unit) {
	m.res.AuthURLs = append(m.res.AuthURLs, u.authURLs...)
	m.res.Exchanges = append(m.res.Exchanges, u.exchanges...)
	for _, x := range u.exchanges {
		if x.Provider == ProviderBrex && x.HandRolled {
			m.res.brexConfig = true
			m.res.Configs = append(m.res.Configs, &Config{Pos: x.Call.Pos(), Kind: HandBuiltConfig, Provider: ProviderBrex,
				Legacy: x.Legacy, TokenURL: x.TokenURL, InTest: x.InTest})
		}
	}
	for _, a := range u.authURLs {
		if a.HandBuilt && a.Provider == ProviderBrex {
			m.res.brexConfig = true
			m.res.Configs = append(m.res.Configs, &Config{Pos: a.Node.Pos(), Kind: HandBuiltConfig, Provider: ProviderBrex,
				Legacy: a.Legacy, InTest: a.InTest, Scopes: a.Scopes, ScopesKnown: a.ScopesKnown, fromAuthURL: true})
		}
	}
	cb := m.callbackOf(u)
	if len(cb.codeReads) == 0 || len(cb.exchanges) == 0 {
		return
	}
	// A function that the package calls with a request is a helper of
	// its callers' handlers, which are judged with what it does.
	if u.fn != nil && m.calledWithRequest()[u.fn] {
		return
	}
	m.res.Handlers = append(m.res.Handlers, &Handler{
		Func:          u.node,
		CodeReads:     cb.codeReads,
		StateReads:    cb.stateReads,
		VerifiesState: cb.verifiesState,
		HandlesError:  cb.handlesError,
		Exchanges:     cb.exchanges,
		InTest:        u.inTest,
	})
}

// calledWithRequest returns the functions of the package that some unit
// gives a request to.
func (m *modeler) calledWithRequest() map[*types.Func]bool {
	if m.withReq != nil {
		return m.withReq
	}
	m.withReq = map[*types.Func]bool{}
	for _, u := range m.units {
		for _, h := range u.helpers {
			if h.fn.Pkg() == m.pass.Pkg {
				m.withReq[h.fn] = true
			}
		}
	}
	return m.withReq
}

// exportFacts exports the facts of the package's variables and functions.
func (m *modeler) exportFacts() {
	scope := m.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok {
			continue
		}
		if c := m.varConfigOf(v, 0); c != nil && (c.Provider != ProviderUnknown || c.ScopesKnown) {
			m.pass.ExportObjectFact(v, c.fact())
		}
	}
	for fn := range m.funcs.All() {
		s := m.summary(fn)
		if s == nil {
			continue
		}
		if s.config != nil && (s.config.Provider != ProviderUnknown || s.config.ScopesKnown) {
			m.pass.ExportObjectFact(fn, s.config.fact())
		}
		if s.authURL != nil {
			m.pass.ExportObjectFact(fn, s.authURL)
			m.res.producers[fn] = true
		}
		if s.exchange != nil {
			m.pass.ExportObjectFact(fn, s.exchange)
		}
		cf := &CallbackHelperFact{ReqParam: -1, StateParam: -1}
		if s.reqParam >= 0 && (s.verifiesState || s.readsError) {
			cf.ReqParam, cf.VerifiesState, cf.ReadsError = s.reqParam, s.verifiesState, s.readsError
		}
		if i, ok := m.verifierParam(fn); ok {
			cf.StateParam = i
		}
		if cf.ReqParam >= 0 || cf.StateParam >= 0 {
			m.pass.ExportObjectFact(fn, cf)
		}
	}
	for _, u := range m.units {
		for _, a := range u.authURLs {
			if a.Via != nil {
				m.res.producers[a.Via] = true
			}
		}
	}
}

// isRequestPtr reports whether t is *net/http.Request.
func isRequestPtr(t types.Type) bool {
	if t == nil {
		return false
	}
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && typesutil.IsNamed(p.Elem(), "net/http", "Request")
}

// isMethod reports whether fn is the method name of pkg.typ.
func isMethod(fn *types.Func, pkg, typ, name string) bool {
	if fn == nil || fn.Name() != name {
		return false
	}
	recv := fn.Signature().Recv()
	return recv != nil && typesutil.IsNamed(recv.Type(), pkg, typ)
}

// isStd reports whether path is a standard-library package.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// isAuthValue reports whether e is an authorization URL: a recorded one, a
// call of a producer, a variable of the package defined once from one, the
// String() of one, or a constant string that is an authorization endpoint
// with a client_id (or any Brex authorization endpoint).
func (m *modeler) isAuthValue(e ast.Expr, depth int) bool {
	if e == nil || depth > maxDepth {
		return false
	}
	e = ast.Unparen(e)
	if m.res.authValues[e] {
		return true
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(m.info, x).(*types.Func)
		if fn == nil {
			return false
		}
		fn = fn.Origin()
		if fn.Name() == "String" && len(x.Args) == 0 {
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && typesutil.IsNamed(m.info.TypeOf(sel.X), "net/url", "URL") {
				return m.isAuthValue(sel.X, depth+1)
			}
		}
		if isMethod(fn, oauth2Path, "Config", "AuthCodeURL") {
			return true
		}
		if fn.Pkg() == m.pass.Pkg {
			s := m.summary(fn)
			return s != nil && s.authURL != nil
		}
		if fn.Pkg() != nil && !isOAuthLibrary(fn.Pkg().Path()) {
			return m.pass.ImportObjectFact(fn, new(AuthURLFact))
		}
		return false
	case *ast.Ident, *ast.SelectorExpr:
		if v := m.varOf(x); v != nil && v.Pkg() == m.pass.Pkg {
			if d, ok := m.single(v); ok {
				return m.isAuthValue(d, depth+1)
			}
			ds := m.vals.defs[v]
			if len(ds) == 1 && ds[0].idx == 0 && !m.vals.mutated[v] {
				return m.isAuthValue(ds[0].expr, depth+1) // u, err := url.Parse(...)
			}
		}
	}
	if tv, ok := m.info.Types[e]; ok && tv.Value != nil {
		s, _ := typesutil.ConstStringOK(m.info, e)
		return IsAuthorizeURLString(s)
	}
	return false
}

// IsAuthorizeURLString reports whether the constant s is an authorization
// URL: a Brex authorization endpoint, or another provider's authorization
// endpoint whose query names a client_id or a response_type.
func IsAuthorizeURLString(s string) bool {
	ok, p, _ := IsAuthorizeEndpoint(s)
	if !ok {
		return false
	}
	if p == ProviderBrex {
		return true
	}
	keys, _ := QueryKeys(s)
	for _, k := range keys {
		if k == "client_id" || k == "response_type" {
			return true
		}
	}
	return false
}

// funcKey returns "pkgpath.Name" of a function.
func funcKey(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Path() + "." + fn.Name()
}
