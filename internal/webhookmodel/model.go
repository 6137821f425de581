package webhookmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"sync"

	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/brexlint/brexlint/internal/webframe"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// SiteKind is what a [Site] does with the values it is given.
type SiteKind uint8

// The kinds of site.
const (
	SiteKey       SiteKind = iota + 1 // the key of an HMAC (A)
	SiteContent                       // what an HMAC is computed over (A)
	SiteCompare                       // A and B compared in variable time (==, bytes.Equal ...)
	SiteCompareCT                     // A and B compared in constant time (hmac.Equal ...)
)

// Site is one step of a verification, with the origins of its operands.
// Sites of a function travel to its callers (and, in facts, to other
// packages), where parameters are replaced with arguments.
type Site struct {
	Kind SiteKind
	A, B Origin
	// Op names the comparison for messages ("==", "bytes.Equal").
	Op string
	// In names the function of another package the site is in, "" when
	// it is in this package.
	In string
	// Lib: the site is a call of a verifying library (NewWebhook,
	// Verify ...), not an HMAC computed by hand.
	Lib bool

	pos token.Pos // where to report it in this package
}

// Pos is where the site is in this package: the site itself, or the call
// that hands it its parameters or reaches it in another package.
func (s Site) Pos() token.Pos { return s.pos }

// Summary is what a function does toward verifying a Standard Webhooks
// delivery: its own body (function literals included) and, merged in,
// what the functions it calls do (with their parameters replaced by its
// arguments).
type Summary struct {
	Headers  Flags // the Standard Webhooks headers it reads (FromID ...)
	Verifies bool  // it computes an HMAC or calls a verifying library
	Clock    bool  // it reads the clock (time.Now, time.Since ...)
	// Opaque: it hands the request, its headers, body or signature to
	// code the model cannot see (an interface method, a function value),
	// which may verify it.
	Opaque  bool
	Library string // the verifying library it calls, if any
	Returns Origin // what its results are made of
	Sites   []Site

	// TimestampPos is where it reads Webhook-Timestamp in this package.
	TimestampPos token.Pos
}

// Unit is a function declaration or literal of the package.
type Unit struct {
	Node ast.Node         // *ast.FuncDecl or *ast.FuncLit
	Func *types.Func      // the declared function; nil for a literal
	Body *ast.BlockStmt   //
	Sig  *types.Signature //
	// Request: the unit takes the request, as an *http.Request or as the
	// context of a web framework the model knows (gin's *gin.Context,
	// echo's echo.Context): it may be a handler.
	Request bool
	// summary is the unit's merged summary, computed for every unit of a
	// package that may verify (see Analyze); elsewhere for the handlers
	// that decode JSON or call a helper with a fact, their callees, and
	// the units [Model.UnitOf] returns; nil for the others. Unexported:
	// a check reads it through [Model.SummaryOf], which computes it under
	// the model's lock (another check may be computing it).
	summary *Summary
	// decodes are its decodings of a request body (json.Unmarshal and
	// (*json.Decoder).Decode of a reader over r.Body, a framework's bind:
	// c.ShouldBindJSON(&ev)), in its own body, found with its summary; a
	// check reads them through
	// [Model.DecodesOf].
	decodes []Decode
	// Outer is the declaration a literal is in; nil for a declaration.
	Outer *Unit

	body inspector.Cursor // of Body
}

// Decode is a decoding of a request body.
type Decode struct {
	Call   *ast.CallExpr
	Target types.Type // the type decoded into
}

// Model is the webhook half of the Brex model for one package.
//
// It is safe for concurrent use by the checks: what it computes on demand
// (units, summaries with their decodes, scopes) it computes under mu, and
// the checks read units, summaries and decodes through Units, SummaryOf
// and DecodesOf. A driver may run the checks of a package in parallel (the
// go/analysis checker does), and strictdecode (UnitOf) and
// webhooksignature (Covered) both ask.
type Model struct {
	mu    sync.Mutex
	units []*Unit // see Units

	pass   *analysis.Pass
	info   *types.Info
	funcs  *typesutil.Funcs        // the package's functions
	built  map[*ast.FuncDecl]*Unit // the declarations with units
	bodies map[*ast.BlockStmt]*Unit
	scopes map[ast.Node]*scope
	busy   map[*Unit]bool

	// Package-wide answers that do not change from one unit to the next,
	// each computed once, on first need (a check may ask from any
	// goroutine, with or without mu held).
	foreignOnce sync.Once
	foreign     []foreignMW // see foreignMiddleware
	usedOnce    sync.Once
	used        map[*types.Func]bool // see registered
}

// Units returns the units the model has made so far: every function of
// the package that may verify (see Analyze), elsewhere the handlers and
// what the questions asked since needed. The caller must not change the
// slice.
func (m *Model) Units() []*Unit {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clip(m.units)
}

// SummaryOf returns u's summary, computed on first use: a package that is
// not eager (see Analyze) summarizes only its likely receivers up front,
// and a check may ask about any unit.
func (m *Model) SummaryOf(u *Unit) *Summary {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.summary(u)
}

// DecodesOf returns u's decodings of a request body (json.Unmarshal and
// (*json.Decoder).Decode of a reader over r.Body, a framework's bind of
// the body: gin's c.ShouldBindJSON(&ev), c.ShouldBindWith(&ev,
// binding.JSON), echo's c.Bind(&ev), see webframe.BodyDecode; in its own
// body), found with its summary. The caller must not change the slice.
func (m *Model) DecodesOf(u *Unit) []Decode {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.summary(u) // which finds the decodings
	return slices.Clip(u.decodes)
}

// UnitOf returns the unit whose body is body, with its summary, or nil.
func (m *Model) UnitOf(body *ast.BlockStmt) *Unit {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.bodies[body]; !ok {
		if fd := typesutil.FuncDeclAt(m.pass.Files, body.Pos()); fd != nil {
			m.build(fd)
		}
	}
	u := m.bodies[body]
	if u != nil {
		m.summary(u)
	}
	return u
}

// Analyze computes the webhook model of the package and exports a
// [FuncFact] for each function whose summary matters to callers. funcs is
// the index of the package's functions (the Brex model's).
func Analyze(pass *analysis.Pass, funcs *typesutil.Funcs) *Model {
	m := &Model{pass: pass, info: pass.TypesInfo, funcs: funcs,
		built: map[*ast.FuncDecl]*Unit{}, bodies: map[*ast.BlockStmt]*Unit{},
		scopes: map[ast.Node]*scope{}, busy: map[*Unit]bool{}}
	eager := m.verifies()
	for _, fd := range funcs.All() {
		// Tests are no receivers, and no other package calls them.
		if !m.inTest(fd) && (eager || m.takesRequest(fd)) {
			m.build(fd)
		}
	}
	// Without eager, only the package's handlers can matter (a receiver
	// that decodes a Brex payload, or reads a header by a constant of
	// another package): their callees are built and summarised on
	// demand; the rest is never looked at.
	for _, u := range m.units {
		if eager || u.Request && m.mayReceive(u) {
			m.summary(u)
		}
	}
	if eager {
		for fn, fd := range funcs.All() {
			if u := m.built[fd]; u != nil && u.summary != nil {
				if f := u.summary.fact(); f != nil {
					pass.ExportObjectFact(fn, f)
				}
			}
		}
	}
	return m
}

// mayReceive reports whether u, a handler of a package that verifies
// nothing itself, can be a receiver the checks judge: it decodes JSON, or
// calls a function of another package with a fact (a verification
// helper). Most handlers of most packages do neither.
func (m *Model) mayReceive(u *Unit) bool {
	var f FuncFact
	for cur := range u.body.Preorder((*ast.CallExpr)(nil)) {
		fn, ok := typeutil.Callee(m.info, cur.Node().(*ast.CallExpr)).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == m.pass.Pkg {
			continue
		}
		decodes := fn.Pkg().Path() == "encoding/json" && (fn.Name() == "Unmarshal" || fn.Name() == "NewDecoder") ||
			webframe.BodyDecode(m.info, cur.Node().(*ast.CallExpr)) != nil
		if _, lib := Libraries[fn.Pkg().Path()]; lib || decodes || m.pass.ImportObjectFact(fn.Origin(), &f) {
			return true
		}
	}
	return false
}

func (m *Model) inTest(fd *ast.FuncDecl) bool {
	return typesutil.InTestFile(m.pass.Fset, fd.Pos())
}

// takesRequest reports whether fd or a function literal in it takes an
// *http.Request or a framework's context.
func (m *Model) takesRequest(fd *ast.FuncDecl) bool {
	if takesRequest(m.info.TypeOf(fd.Name)) {
		return true
	}
	for lit := range m.funcs.Body(fd.Body).Preorder((*ast.FuncLit)(nil)) {
		if takesRequest(m.info.TypeOf(lit.Node().(*ast.FuncLit))) {
			return true
		}
	}
	return false
}

func takesRequest(t types.Type) bool {
	sig, ok := t.(*types.Signature)
	if !ok {
		return false
	}
	for p := range sig.Params().Variables() {
		if webframe.CarriesRequest(p.Type()) {
			return true
		}
	}
	return false
}

// build makes the units of fd and its literals, once.
func (m *Model) build(fd *ast.FuncDecl) *Unit {
	if u, ok := m.built[fd]; ok {
		return u
	}
	fn, _ := m.info.Defs[fd.Name].(*types.Func)
	var sig *types.Signature
	if fn != nil {
		sig = fn.Signature()
	}
	body := m.funcs.Body(fd.Body)
	u := m.addUnit(fd, fn, body, sig, nil)
	m.built[fd] = u
	for cur := range body.Preorder((*ast.FuncLit)(nil)) {
		sig, _ := m.info.TypeOf(cur.Node().(*ast.FuncLit)).(*types.Signature)
		m.addUnit(cur.Node(), nil, cur.ChildAt(edge.FuncLit_Body, -1), sig, u)
	}
	return u
}

// verifies reports whether the package may read, sign or verify a
// Standard Webhooks delivery, and so needs every summary and its facts:
// it imports crypto/hmac or a verifying library, or holds a string
// literal that names a Standard Webhooks header. Other packages (most that
// import net/http) get summaries for their handlers only (which use the
// facts of the functions they call), and export nothing: a helper that
// only calls another package's helper passes nothing on.
func (m *Model) verifies() bool {
	for _, p := range m.pass.Pkg.Imports() {
		if _, lib := Libraries[p.Path()]; lib || p.Path() == "crypto/hmac" {
			return true
		}
	}
	return NamesHeader(m.funcs.Inspector())
}

// NamesHeader reports whether a string literal of the package of insp may
// name a Standard Webhooks header: it starts with "webhook-", in any case.
func NamesHeader(insp *inspector.Inspector) bool {
	for lit := range inspector.All[*ast.BasicLit](insp) {
		if lit.Kind == token.STRING && len(lit.Value) > 9 && strings.EqualFold(lit.Value[1:9], "webhook-") {
			return true
		}
	}
	return false
}

func (m *Model) addUnit(n ast.Node, fn *types.Func, body inspector.Cursor, sig *types.Signature, outer *Unit) *Unit {
	u := &Unit{Node: n, Func: fn, Body: body.Node().(*ast.BlockStmt), Sig: sig, Outer: outer, Request: sig != nil && takesRequest(sig),
		body: body}
	m.units = append(m.units, u)
	m.bodies[u.Body] = u
	return u
}

func (m *Model) scopeOf(u *Unit) *scope {
	top := u
	if u.Outer != nil {
		top = u.Outer
	}
	sc, ok := m.scopes[top.Node]
	if !ok {
		sc = newScope(m.info, top.body)
		m.scopes[top.Node] = sc
	}
	return sc
}

// funcOrigin returns the summary of fn for a caller: a declaration of this
// package, or a fact of another package's function; nil when there is
// none.
func (m *Model) funcOrigin(fn *types.Func) *Summary {
	fn = fn.Origin()
	if fd := m.funcs.FuncDecl(fn); fd != nil {
		return m.summary(m.build(fd))
	}
	if fn.Pkg() == m.pass.Pkg {
		return nil
	}
	var f FuncFact
	if m.pass.ImportObjectFact(fn, &f) {
		return f.summary(typesutil.FuncName(fn, m.pass.Pkg))
	}
	return nil
}

// summary computes u's merged summary once; a function being computed
// (recursion) has an empty summary.
func (m *Model) summary(u *Unit) *Summary {
	if u.summary != nil {
		return u.summary
	}
	if m.busy[u] {
		return &Summary{}
	}
	m.busy[u] = true
	defer delete(m.busy, u)
	s := &Summary{}
	ev := m.newEval(m.scopeOf(u), u.Sig)
	u.body.Inspect(summaryKinds, func(cur inspector.Cursor) bool {
		switch n := cur.Node().(type) {
		case *ast.FuncLit:
			// A literal's parameters are not the unit's: it has its own
			// summary, merged here.
			if lu := m.bodies[n.Body]; lu != nil {
				ls := m.summary(lu)
				s.Headers |= ls.Headers
				s.Verifies = s.Verifies || ls.Verifies
				s.Clock = s.Clock || ls.Clock
				s.Opaque = s.Opaque || ls.Opaque
				if s.Library == "" {
					s.Library = ls.Library
				}
				if !s.TimestampPos.IsValid() {
					s.TimestampPos = ls.TimestampPos
				}
				s.Sites = append(s.Sites, ls.Sites...)
			}
			return false
		case *ast.CallExpr:
			m.callSites(ev, u, s, n)
		case *ast.IndexExpr:
			m.headerRead(s, n)
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && typesutil.IsStringOrBytes(m.info.TypeOf(n.X)) {
				m.addCompare(s, SiteCompare, n.Op.String(), ev.origin(n.X), ev.origin(n.Y), n.Pos())
			}
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				s.Returns = s.Returns.union(ev.origin(r))
			}
		}
		return true
	})
	u.summary = s
	return s
}

// summaryKinds are the kinds of node summary looks at.
var summaryKinds = []ast.Node{
	(*ast.FuncLit)(nil),
	(*ast.CallExpr)(nil),
	(*ast.IndexExpr)(nil),
	(*ast.BinaryExpr)(nil),
	(*ast.ReturnStmt)(nil),
}

func (m *Model) headerRead(s *Summary, e ast.Expr) {
	f := HeaderRead(m.info, e)
	s.Headers |= f
	if f == FromTimestamp && !s.TimestampPos.IsValid() {
		s.TimestampPos = e.Pos()
	}
}

// interesting: an operand of a comparison worth keeping as a site.
func interesting(o Origin) bool {
	return o.Params != 0 || o.Flags&(MAC|FromSignature) != 0
}

// addCompare keeps a comparison whose operands may be a MAC and a
// signature: both may be (a parameter, a MAC, the header), or one is a
// MAC. A comparison with a constant is none.
func (m *Model) addCompare(s *Summary, kind SiteKind, op string, a, b Origin, pos token.Pos) {
	if interesting(a) && interesting(b) || a.Flags&MAC != 0 || b.Flags&MAC != 0 {
		s.Sites = append(s.Sites, Site{Kind: kind, Op: op, A: a, B: b, pos: pos})
	}
}

// variableTimeCompare and constantTimeCompare are the comparisons of
// bytes and strings the model knows.
var (
	variableTimeCompare = map[string]bool{
		"bytes.Equal": true, "bytes.EqualFold": true, "bytes.Compare": true,
		"strings.EqualFold": true, "strings.Compare": true,
		"reflect.DeepEqual": true, "slices.Equal": true,
	}
	constantTimeCompare = map[string]bool{"crypto/hmac.Equal": true, "crypto/subtle.ConstantTimeCompare": true}
)

func (m *Model) callSites(ev *eval, u *Unit, s *Summary, call *ast.CallExpr) {
	m.headerRead(s, call)
	obj := typeutil.Callee(m.info, call)
	if m.dynamic(call, obj) && m.handsOverDelivery(ev, call, obj) {
		s.Opaque = true
	}
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil {
		if len(call.Args) == 0 && typesutil.IsNamed(m.info.TypeOf(call), "time", "Time") {
			s.Clock = true // a clock of the program's own (s.now())
		}
		return
	}
	path, name := fn.Pkg().Path(), fn.Name()
	qual := path + "." + name
	if target := webframe.BodyDecode(m.info, call); target != nil {
		u.decodes = append(u.decodes, Decode{Call: call, Target: m.info.TypeOf(target)})
		return
	}
	switch {
	case qual == "encoding/json.Unmarshal" && len(call.Args) == 2:
		if ev.origin(call.Args[0]).Flags&FromBody != 0 {
			u.decodes = append(u.decodes, Decode{Call: call, Target: m.info.TypeOf(call.Args[1])})
		}
		return
	case path == "encoding/json" && name == "Decode" && len(call.Args) == 1:
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && ev.origin(sel.X).Flags&FromBody != 0 {
			u.decodes = append(u.decodes, Decode{Call: call, Target: m.info.TypeOf(call.Args[0])})
		}
		return
	case qual == "crypto/hmac.New" && len(call.Args) == 2:
		s.Verifies = true
		s.Sites = append(s.Sites, Site{Kind: SiteKey, A: ev.origin(call.Args[1]), pos: call.Args[1].Pos()})
		if content, pos, ok := m.macContent(ev, u, call); ok {
			s.Sites = append(s.Sites, Site{Kind: SiteContent, A: content, pos: pos})
		}
		return
	case variableTimeCompare[qual] && len(call.Args) == 2:
		m.addCompare(s, SiteCompare, fn.Pkg().Name()+"."+name, ev.origin(call.Args[0]), ev.origin(call.Args[1]), call.Pos())
		return
	case constantTimeCompare[qual] && len(call.Args) == 2:
		m.addCompare(s, SiteCompareCT, fn.Pkg().Name()+"."+name, ev.origin(call.Args[0]), ev.origin(call.Args[1]), call.Pos())
		return
	case path == "time" && (name == "Now" || name == "Since" || name == "Until"):
		s.Clock = true
		return
	case name == "Now" && typesutil.IsNamed(fn.Signature().Results().At(0).Type(), "time", "Time") && fn.Signature().Results().Len() == 1:
		s.Clock = true // a clock of the program's own (clock.Now(), s.now())
		return
	}
	if lib, ok := libraryCall(fn); ok {
		m.libraryCall(ev, s, lib, call)
		return
	}
	callee := m.funcOrigin(fn)
	if callee == nil {
		return
	}
	s.Headers |= callee.Headers
	s.Verifies = s.Verifies || callee.Verifies
	s.Clock = s.Clock || callee.Clock
	s.Opaque = s.Opaque || callee.Opaque
	if s.Library == "" {
		s.Library = callee.Library
	}
	if !s.TimestampPos.IsValid() && callee.Headers&FromTimestamp != 0 {
		s.TimestampPos = callee.TimestampPos
		if fn.Pkg() != m.pass.Pkg {
			s.TimestampPos = call.Pos()
		}
	}
	for _, site := range callee.Sites {
		out := site
		out.A = ev.subst(site.A, fn, call)
		out.B = ev.subst(site.B, fn, call)
		if !site.pos.IsValid() {
			out.pos = call.Pos() // in another package
		}
		s.Sites = append(s.Sites, out)
	}
}

// dynamic reports whether call goes to code the model cannot name: a
// function value, or a method of an interface of the program (not of the
// standard library, whose hash.Hash and io.Writer the model knows, nor of
// a framework's context: echo.Context's methods verify nothing).
func (m *Model) dynamic(call *ast.CallExpr, callee types.Object) bool {
	if tv, ok := m.info.Types[call.Fun]; ok && tv.IsType() {
		return false // a conversion
	}
	switch fn := callee.(type) {
	case nil:
		return true
	case *types.Var:
		return true // a function value: a field, a parameter, a variable
	case *types.Func:
		recv := fn.Signature().Recv()
		if recv == nil || !types.IsInterface(recv.Type()) || fn.Pkg() == nil || isFrameworkMethod(fn) {
			return false
		}
		first, _, _ := strings.Cut(fn.Pkg().Path(), "/")
		return fn.Pkg() == m.pass.Pkg || strings.Contains(first, ".")
	}
	return false
}

// handsOverDelivery reports whether call, of callee, is given the
// request, its headers, its body or its signature: what a verifier needs.
// A framework's context counts when the callee takes it as one
// (v.Verify(c)), not as a context.Context (s.store.Save(c, ev): gin's
// context is one, and handlers hand it to every service they call), and
// not when the callee is a function value of echo's handler shape: an
// echo middleware's next(c) passes the request down the chain to the
// handler, which the model judges on its own. gin chains with c.Next(): a
// gin.HandlerFunc value a handler calls inline (s.verify(c); if
// c.IsAborted() { return }) is a verifier the model cannot see.
func (m *Model) handsOverDelivery(ev *eval, call *ast.CallExpr, callee types.Object) bool {
	var sig *types.Signature
	if t := m.info.TypeOf(call.Fun); t != nil {
		sig, _ = t.Underlying().(*types.Signature)
	}
	next := webframe.CallsNext(m.info, call) == webframe.EchoPath
	for i, a := range call.Args {
		t := m.info.TypeOf(a)
		if typesutil.IsNamed(t, "net/http", "Request") || typesutil.IsNamed(t, "net/http", "Header") ||
			ev.origin(a).Flags&(FromBody|FromSignature) != 0 {
			return true
		}
		if webframe.IsContext(t) && sig != nil && webframe.IsContext(typesutil.ParamType(sig, i)) && !next {
			return true
		}
	}
	return false
}

// Params reports whether the site depends on the parameters of its
// function.
func (s Site) Params() bool { return s.A.Params != 0 || s.B.Params != 0 }

// assignedVar returns the variable that call is assigned to in u's scope
// (mac := hmac.New(...), var mac = ..., mac = ...), or nil.
func (m *Model) assignedVar(u *Unit, call *ast.CallExpr) *types.Var {
	var v *types.Var
	top := u
	if u.Outer != nil {
		top = u.Outer
	}
	ast.Inspect(top.Body, func(n ast.Node) bool {
		if v != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, r := range n.Rhs {
				if ast.Unparen(r) == call && i < len(n.Lhs) {
					v = typesutil.VarOf(m.info, n.Lhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, r := range n.Values {
				if ast.Unparen(r) == call && i < len(n.Names) {
					v, _ = m.info.Defs[n.Names[i]].(*types.Var)
				}
			}
		}
		return true
	})
	return v
}

// macContent returns what the HMAC made by call is computed over: the
// writes to the variable it is assigned to (h.Write(x),
// io.WriteString(h, x), fmt.Fprint*(h, ...)).
func (m *Model) macContent(ev *eval, u *Unit, call *ast.CallExpr) (Origin, token.Pos, bool) {
	mac := m.assignedVar(u, call)
	if mac == nil {
		return Origin{}, token.NoPos, false
	}
	isMAC := func(e ast.Expr) bool { return typesutil.VarOf(m.info, e) == mac }
	var content Origin
	pos := token.NoPos
	found := false
	ast.Inspect(u.Body, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, ok := typeutil.Callee(m.info, c).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return true
		}
		var args []ast.Expr
		switch {
		case fn.Name() == "Write" && fn.Signature().Recv() != nil:
			if s, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok && isMAC(s.X) {
				args = c.Args
			}
		case fn.Pkg().Path() == "io" && fn.Name() == "WriteString" && len(c.Args) == 2 && isMAC(c.Args[0]):
			args = c.Args[1:]
		case fn.Pkg().Path() == "fmt" && strings.HasPrefix(fn.Name(), "Fprint") && len(c.Args) > 0 && isMAC(c.Args[0]):
			args = c.Args[1:]
		}
		if args != nil {
			content = content.union(ev.args(args))
			if !found {
				pos, found = c.Pos(), true
			}
		}
		return true
	})
	return content, pos, found
}

// Covered reports whether the package does for u what ok asks (verify,
// read the clock) around it: u (a declaration's value, or the literal
// itself) is handed to a function whose summary satisfies ok (a verifying
// middleware: requireSignature(handle)), or a function whose summary
// satisfies ok calls u (it verifies, then hands over the request), or u
// is a framework's handler and the package has a middleware of that
// framework whose summary satisfies ok (see frameworkMiddleware).
func (m *Model) Covered(u *Unit, ok func(*Summary) bool) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, fd := range m.funcs.FuncDecls() {
		m.build(fd) // every function may hand u over
	}
	if m.frameworkMiddleware(u, ok) {
		return true
	}
	is := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if call, isCall := e.(*ast.CallExpr); isCall && len(call.Args) == 1 {
			if tv, isType := m.info.Types[call.Fun]; isType && tv.IsType() {
				e = ast.Unparen(call.Args[0]) // http.HandlerFunc(handle)
			}
		}
		if u.Func == nil {
			return e == u.Node
		}
		var id *ast.Ident
		switch x := e.(type) {
		case *ast.Ident:
			id = x
		case *ast.SelectorExpr:
			id = x.Sel
		}
		f, isFunc := m.info.Uses[id].(*types.Func)
		return id != nil && isFunc && f.Origin() == u.Func
	}
	for _, caller := range m.units {
		if caller == u {
			continue
		}
		found := false
		ast.Inspect(caller.Body, func(n ast.Node) bool {
			if found {
				return false
			}
			if lit, isLit := n.(*ast.FuncLit); isLit && lit.Body != caller.Body && lit != u.Node {
				return false // the literal's own unit
			}
			call, isCall := n.(*ast.CallExpr)
			if !isCall {
				return true
			}
			if is(call.Fun) && ok(m.summary(caller)) {
				found = true
				return false
			}
			for _, a := range call.Args {
				if !is(a) {
					continue
				}
				if fn, isFunc := typeutil.Callee(m.info, call).(*types.Func); isFunc {
					if s := m.funcOrigin(fn); s != nil && ok(s) {
						found = true
					}
				}
			}
			return true
		})
		if found {
			return true
		}
	}
	return false
}

// frameworkMiddleware reports whether u takes a framework's context and
// the package has a middleware of that framework whose summary satisfies
// ok, other than u and its literals, or calls a function of another
// package that returns one (see foreignMiddleware). A middleware of the
// package is a unit of the framework's handler shape (func(*gin.Context),
// func(echo.Context) error: the function that an echo middleware
// returns) that runs the rest of the chain (gin's c.Next(), echo's call
// of its next handler), or, with no such call, one that decodes no
// request body (a handler that verifies and binds refuses bad requests
// with c.Abort*() too, and covers no other handler); or a unit of
// net/http's handler shape (the handler a net/http middleware returns,
// which echo.WrapMiddleware puts in the chain; gin has no such adapter)
// that verifies and decodes no body.
// A framework's middleware never receives the handler: gin chains it
// (r.POST(path, verify, handle), r.Use(verify), a group's), echo wraps
// the handler where it is registered. Where it is registered is not
// followed: one verifying middleware covers the package's handlers of
// that framework.
func (m *Model) frameworkMiddleware(u *Unit, ok func(*Summary) bool) bool {
	fw := u.Framework()
	if fw == "" {
		return false
	}
	if m.foreignMiddleware(fw, ok) {
		return true
	}
	for _, mw := range m.units {
		if mw == u || mw.Outer == u || u.Outer == mw {
			continue
		}
		// A net/http middleware's handler that calls next(w, r), a
		// function value given the request, is opaque to the model: it
		// counts only when it verifies.
		same, httpShape := webframe.HandlerFramework(mw.Sig) == fw, isHTTPHandler(mw.Sig)
		if !same && !httpShape {
			continue
		}
		s := m.summary(mw)
		if !ok(s) || !same && !s.Verifies {
			continue
		}
		if len(mw.decodes) == 0 || same && m.chains(mw, fw) {
			return true
		}
	}
	return false
}

// chains reports whether u, of framework fw's handler shape, runs the
// rest of the handler chain as a middleware does: gin's c.Next(), or a
// call of echo's next handler (a function value of echo's handler shape).
// A middleware may also bind the body (c.ShouldBindBodyWith(&env,
// binding.JSON)) and stays one.
func (m *Model) chains(u *Unit, fw string) bool {
	for cur := range u.body.Preorder((*ast.CallExpr)(nil)) {
		if webframe.CallsNext(m.info, cur.Node().(*ast.CallExpr)) == fw {
			return true
		}
	}
	return false
}

// Framework returns the import path of the framework whose context u
// takes (webframe.GinPath, webframe.EchoPath), or "".
func (u *Unit) Framework() string {
	if u.Sig != nil {
		for p := range u.Sig.Params().Variables() {
			if fw := webframe.ContextFramework(p.Type()); fw != "" {
				return fw
			}
		}
	}
	return ""
}

// isHTTPHandler reports whether sig is net/http's handler shape (a
// method's receiver aside): func(http.ResponseWriter, *http.Request).
func isHTTPHandler(sig *types.Signature) bool {
	return sig != nil && sig.Params().Len() == 2 && sig.Results().Len() == 0 &&
		typesutil.IsNamed(sig.Params().At(0).Type(), "net/http", "ResponseWriter") &&
		typesutil.IsNamed(sig.Params().At(1).Type(), "net/http", "Request")
}

// foreignMiddleware reports whether the package (outside its tests) calls
// a function of another package, not of the framework's own module, whose
// result is a handler or middleware of framework fw (brexauth.Verify(secret)
// in r.POST("/wh", brexauth.Verify(secret), h.brexWebhook) or r.Use(...):
// a gin.HandlerFunc; an echo.MiddlewareFunc; a func(http.Handler)
// http.Handler given to echo.WrapMiddleware), unless the function's fact
// says it does not do what ok asks. A concrete function without a fact
// reads no Standard Webhooks header and computes no MAC (the model
// summarises every function of a package that can verify, under every
// driver, since each analyzes the dependencies for their facts): it
// verifies nothing (gin-contrib's cors.Default(), a request logger). An
// interface's method may be anything, and covers the handlers.
func (m *Model) foreignMiddleware(fw string, ok func(*Summary) bool) bool {
	m.foreignOnce.Do(m.findForeignMiddleware)
	for _, f := range m.foreign {
		if f.fw == fw && (f.fact == nil || ok(f.fact)) {
			return true
		}
	}
	return false
}

// foreignMW is a call of a function of another package that returns a
// middleware of framework fw, with the summary its fact gives; fact is nil
// for an interface's method, which may do anything.
type foreignMW struct {
	fw   string
	fact *Summary
}

// findForeignMiddleware lists, once for all the questions of
// foreignMiddleware, the package's calls of functions of other packages
// that return a middleware and may verify: those with a fact, and
// interfaces' methods.
func (m *Model) findForeignMiddleware() {
	for file := range typesutil.NonTestFiles(m.pass.Fset, m.funcs.Inspector()) {
		for cur := range file.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			fn, isFunc := typeutil.Callee(m.info, call).(*types.Func)
			if !isFunc || fn.Pkg() == nil || fn.Pkg() == m.pass.Pkg || webframe.InFramework(fn.Pkg().Path()) ||
				fn.Signature().Results().Len() != 1 {
				continue
			}
			res := fn.Signature().Results().At(0).Type()
			fw := webframe.MiddlewareFramework(res)
			if fw == "" && isHTTPMiddleware(res) && m.wrappedForEcho(cur) {
				fw = webframe.EchoPath
			}
			if fw == "" {
				continue
			}
			var f FuncFact
			switch {
			case m.pass.ImportObjectFact(fn.Origin(), &f):
				m.foreign = append(m.foreign, foreignMW{fw, f.summary(typesutil.FuncName(fn, m.pass.Pkg))})
			case fn.Signature().Recv() != nil && types.IsInterface(fn.Signature().Recv().Type()):
				m.foreign = append(m.foreign, foreignMW{fw, nil})
			}
		}
	}
}

// isHTTPMiddleware reports whether t is a net/http middleware:
// func(http.Handler) http.Handler.
func isHTTPMiddleware(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		typesutil.IsNamed(sig.Params().At(0).Type(), "net/http", "Handler") &&
		typesutil.IsNamed(sig.Results().At(0).Type(), "net/http", "Handler")
}

// wrappedForEcho reports whether the call at cur is the argument of
// echo.WrapMiddleware.
func (m *Model) wrappedForEcho(cur inspector.Cursor) bool {
	parent, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(m.info, parent).(*types.Func)
	return webframe.IsMiddlewareAdapter(fn)
}

// WrappedElsewhere reports whether u is a receiver that code out of the
// package's sight may wrap in a verifying middleware, so that the package
// need not verify in it: a function that a package other than main
// exports and that reads no Standard Webhooks header (an importer may
// wrap it), or a framework handler the package never registers (see
// registered). It says nothing of what u verifies itself: that is still
// the package's to get right.
func (m *Model) WrappedElsewhere(u *Unit) bool {
	if u.Framework() != "" && !m.registered(u) {
		return true
	}
	return u.Func != nil && u.Func.Exported() && m.pass.Pkg.Name() != "main" && m.SummaryOf(u).Headers == 0
}

// registered reports whether u, a function that takes a framework's
// context, is used by the package outside its tests: a declaration
// named (registered, given to a router, called), a literal that is not
// returned by a declaration, or one returned by a declaration that is. A
// framework handler the package never registers is registered in another
// package, which may put a verifying middleware before it.
func (m *Model) registered(u *Unit) bool {
	if u.Outer != nil {
		p := u.body.Parent().Parent() // of the literal
		if call, ok := p.Node().(*ast.CallExpr); ok && len(call.Args) == 1 {
			if tv, isType := m.info.Types[call.Fun]; isType && tv.IsType() {
				p = p.Parent() // gin.HandlerFunc(func(c *gin.Context) {...})
			}
		}
		if _, ret := p.Node().(*ast.ReturnStmt); !ret {
			return true
		}
		u = u.Outer
	}
	if u.Func == nil {
		return true
	}
	m.usedOnce.Do(func() {
		m.used = map[*types.Func]bool{}
		for file := range typesutil.NonTestFiles(m.pass.Fset, m.funcs.Inspector()) {
			for cur := range file.Preorder((*ast.Ident)(nil)) {
				if f, ok := m.info.Uses[cur.Node().(*ast.Ident)].(*types.Func); ok && f.Pkg() == m.pass.Pkg {
					m.used[f.Origin()] = true
				}
			}
		}
	})
	return m.used[u.Func]
}
