package brexmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"strconv"

	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// The client a request is sent through, and whether its transport retries
// 429: http.DefaultClient and the default transport do not; a
// retryablehttp client or round tripper does; a RoundTripper or Doer type
// whose RoundTrip or Do retries 429 (in this package, or by a fact of its
// own package) does; //brexlint:retries429 on the type, function or method
// says so. A client that arrives as a parameter of a constructor, or in an
// exported field that the package never sets, is injected: the importer
// that passes it is judged.

// ClientKind is what the model knows of the 429 handling of a client.
type ClientKind uint8

const (
	// ClientUnknown: the model cannot tell (a client from a function it
	// cannot see, a fake transport).
	ClientUnknown ClientKind = iota
	// ClientRetries: the client or its transport retries 429 with a
	// growing wait.
	ClientRetries
	// ClientRetriesConstant: it retries 429, but with a constant wait or
	// none.
	ClientRetriesConstant
	// ClientNone: it does not retry 429 (the default transport).
	ClientNone
	// ClientInjected: the client comes from a parameter of a constructor
	// or an exported field; the code that passes it is judged.
	ClientInjected
)

// clientInfo is the judgement of one client expression.
type clientInfo struct {
	kind ClientKind
	// what describes a ClientNone or ClientRetriesConstant client for
	// messages ("http.DefaultClient", "an http.Client with the default
	// transport").
	what string
	// inj are the injection points of a ClientInjected client.
	inj []injection
}

// injection is where an injected client comes from: parameter param of fn,
// or the exported field field.
type injection struct {
	fn    *types.Func
	param int
	field *types.Var
}

// ClientParamFact marks a constructor or helper whose parameter Param is
// the client (or transport) through which Brex requests are sent with no
// other 429 handling: a caller that passes a client without 429 handling
// is a finding.
type ClientParamFact struct {
	Param     int
	Endpoints []string
	// PerCall: the function does not know that it sends Brex requests (a
	// sender helper given the client and the request): only its callers'
	// Brex calls are judged.
	PerCall bool
}

// ClientFieldFact marks an exported field holding the client through which
// Brex requests are sent with no other 429 handling, and which the package
// never sets: an importer that sets it to a client without 429 handling is
// a finding.
type ClientFieldFact struct {
	Endpoints []string
}

// Retries429Fact marks a type (a RoundTripper or a Doer) whose RoundTrip or
// Do method retries 429, or a function returning a client or transport
// that does. Constant: the wait does not grow.
type Retries429Fact struct {
	Constant bool
}

func (*ClientParamFact) AFact() {}
func (*ClientFieldFact) AFact() {}
func (*Retries429Fact) AFact()  {}

func (f *ClientParamFact) String() string {
	s := "clientparam($" + strconv.Itoa(f.Param)
	if f.PerCall {
		s += " per-call"
	}
	return s + ")"
}
func (*ClientFieldFact) String() string { return "clientfield" }
func (f *Retries429Fact) String() string {
	if f.Constant {
		return "retries429(constant)"
	}
	return "retries429"
}

// combine merges the judgements of the values a variable or field may
// hold: one without 429 handling decides; then a constant wait; then
// injections; a value the model cannot judge leaves it unknown.
func combine(cs []clientInfo) clientInfo {
	if len(cs) == 0 {
		return clientInfo{}
	}
	var out clientInfo
	allRetry := true
	for _, c := range cs {
		switch c.kind {
		case ClientNone:
			return c
		case ClientRetriesConstant:
			if out.kind != ClientRetriesConstant {
				out = c
			}
		case ClientInjected:
			allRetry = false
			if out.kind != ClientRetriesConstant {
				out.kind = ClientInjected
				out.inj = append(out.inj, c.inj...)
			}
		case ClientUnknown:
			allRetry = false
		}
	}
	if out.kind != 0 {
		if out.kind == ClientInjected {
			for _, c := range cs {
				if c.kind == ClientUnknown {
					return clientInfo{}
				}
			}
		}
		return out
	}
	if allRetry {
		return clientInfo{kind: ClientRetries}
	}
	return clientInfo{}
}

// clientJudge judges clients and transports for one package.
type clientJudge struct {
	r      *responseAnalysis
	active map[any]bool // recursion guard
	fields map[*types.Var][]fieldValue
	pkgVar map[*types.Var][]fieldValue
	built  bool
	// overrides: the HTTP clients given through GetConfig, by client
	// variable, per generated package (configOverrides); nil when the
	// package reads configurations back in other ways.
	overrides map[*types.Package]map[*types.Var][]ast.Expr
	// cfgReads: the uses of methods that return a generated
	// configuration, by package (configReads); nil until asked.
	cfgReads map[*types.Package][]configRead
}

// fieldValue is a value stored in a field or package variable, with the
// function it is stored in (nil at package level).
type fieldValue struct {
	e  ast.Expr
	fn *types.Func
}

func (r *responseAnalysis) judge() *clientJudge {
	if r.cj == nil {
		r.cj = &clientJudge{r: r, active: map[any]bool{}}
	}
	return r.cj
}

// sendClient judges the client of a raw send call in flow f.
func (j *clientJudge) sendClient(f *respFlow, call *ast.CallExpr) clientInfo {
	info := j.r.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn != nil && fn.Signature().Recv() == nil {
		if _, ok := shorthandMethod(fn); ok {
			if fn.Pkg().Path() == retryablehttpPath {
				return clientInfo{kind: ClientRetries} // a default retryablehttp client
			}
			return clientInfo{kind: ClientNone, what: "http." + fn.Name() + ", which uses http.DefaultClient"}
		}
	}
	sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return clientInfo{}
	}
	recv := sel.X
	t := info.TypeOf(recv)
	switch {
	case typesutil.IsNamed(t, restyPath, "Request"):
		if _, _, req, ok := restySend(info, call); ok {
			return j.restyClient(f, req)
		}
		return clientInfo{}
	case typesutil.IsNamed(t, retryablehttpPath, "Client"):
		// Its default policy retries 429 with a growing wait that
		// honours Retry-After; a CheckRetry of its own is out of reach.
		return clientInfo{kind: ClientRetries}
	case typesutil.IsNamed(t, "net/http", "Client"):
		return j.client(f, recv)
	case isSendCall(info, call) && sel.Sel.Name == "RoundTrip":
		return j.transport(f, recv)
	case isSendCall(info, call):
		return j.doer(f, recv)
	}
	return clientInfo{}
}

// client judges an *http.Client (or http.Client) expression.
func (j *clientJudge) client(f *respFlow, e ast.Expr) clientInfo {
	info := j.r.pass.TypesInfo
	e = astutil.Unparen(e)
	if j.active[e] {
		return clientInfo{}
	}
	j.active[e] = true
	defer delete(j.active, e)
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return j.client(f, x.X)
		}
	case *ast.StarExpr:
		return j.client(f, x.X)
	case *ast.CompositeLit:
		if typesutil.IsNamed(info.TypeOf(x), "net/http", "Client") {
			for _, el := range x.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Transport" {
						return j.transport(f, kv.Value)
					}
				}
			}
			return clientInfo{kind: ClientNone, what: "an http.Client with the default transport"}
		}
	case *ast.CallExpr:
		return j.clientCall(f, x)
	case *ast.SelectorExpr:
		if s := info.Selections[x]; typesutil.IsFieldOf(s, retryablehttpPath, "Client", "HTTPClient") {
			return j.retryableInner(s.Obj().(*types.Var))
		}
	}
	if obj := objOf(info, e); obj != nil {
		if v, ok := obj.(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Name() == "DefaultClient" {
			return clientInfo{kind: ClientNone, what: "http.DefaultClient"}
		}
	}
	return j.stored(f, e, j.client)
}

// clientCall judges a call that returns a client.
func (j *clientJudge) clientCall(f *respFlow, call *ast.CallExpr) clientInfo {
	info := j.r.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return clientInfo{}
	}
	switch {
	case isMethod(fn, retryablehttpPath, "Client", "StandardClient"):
		return clientInfo{kind: ClientRetries}
	case isMethod(fn, restyPath, "Client", "GetClient"):
		if sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return j.restyInner(f, sel.X)
		}
		return clientInfo{}
	case isFunc(fn, oauth2Path, "NewClient") && len(call.Args) == 2,
		isMethod(fn, oauth2Path, "Config", "Client") && len(call.Args) == 2,
		isMethod(fn, oauth2Path+"/clientcredentials", "Config", "Client") && len(call.Args) == 1:
		// An oauth2 client: an oauth2.Transport over the client the
		// context carries, or the default one.
		return j.contextClient(f, call.Args[0])
	}
	return j.returned(f, fn, call, j.client)
}

// retryableInner judges the HTTPClient field of a retryablehttp.Client
// (field): the http.Client it sends each attempt with, which itself sends
// once. NewClient puts a plain pooled client there; when the package
// stores a client of its own in the field anywhere, which one a given
// retryablehttp client holds is not told apart, and it is unknown.
func (j *clientJudge) retryableInner(field *types.Var) clientInfo {
	j.collectStores()
	if len(j.fields[field.Origin()]) > 0 {
		return clientInfo{}
	}
	return clientInfo{kind: ClientNone, what: "retryablehttp's inner HTTPClient"}
}

// restyInner judges the *http.Client that a resty client c hands out
// (c.GetClient()): resty retries its own requests only, so that client
// retries 429 only if its transport does (SetTransport, or the client
// given to NewWithClient).
func (j *clientJudge) restyInner(f *respFlow, c ast.Expr) clientInfo {
	ci, known := j.restyTransport(f, j.r.http.restyConfigOf(c))
	if !known || ci.kind != ClientNone {
		return ci
	}
	return clientInfo{kind: ClientNone, what: "resty's GetClient()"}
}

// contextClient judges the base client of an oauth2 client made with ctx:
// the client given with the oauth2.HTTPClient key (ctxLeaves), or none in
// a context that carries no values. A context that may be made in more
// than one way is unknown.
func (j *clientJudge) contextClient(f *respFlow, ctx ast.Expr) clientInfo {
	isHTTPClient := func(k types.Object) bool {
		return k.Pkg() != nil && k.Pkg().Path() == oauth2Path && k.Name() == "HTTPClient"
	}
	var leaves []ctxLeaf
	for leaf := range j.r.ctxLeaves(f, ctx, isHTTPClient) {
		if leaves = append(leaves, leaf); len(leaves) > 1 {
			return clientInfo{}
		}
	}
	switch {
	case len(leaves) != 1:
	case leaves[0].val != nil:
		return j.client(leaves[0].f, leaves[0].val)
	case leaves[0].root:
		// No oauth2.HTTPClient in it: an incoming request's context
		// carries none unless middleware put one there.
		return clientInfo{kind: ClientNone, what: "an oauth2 client over http.DefaultClient"}
	}
	return clientInfo{}
}

// ctxLeaf is where one way back through a context expression ends: at a
// context.WithValue(parent, key, val) whose key the walk looks for (val,
// an expression of flow f); at a context that carries no values
// (context.Background(), context.TODO(), an incoming request's
// r.Context(): root); or at an expression the walk cannot follow (a
// parameter, a function of another package: neither).
type ctxLeaf struct {
	f    *respFlow
	val  ast.Expr
	root bool
}

// ctxLeaves walks back from ctx, a context expression of flow f, through
// the contexts it is made from (context.WithValue with a key that isKey
// rejects, the values assigned to a local variable, what a helper of this
// package returns) and yields where each way ends, in the order of the
// source. Both the credential a generated operation's context carries
// (ctxAuth) and the client an oauth2 client is made over (contextClient)
// are read so.
func (r *responseAnalysis) ctxLeaves(f *respFlow, ctx ast.Expr, isKey func(types.Object) bool) iter.Seq[ctxLeaf] {
	info := r.pass.TypesInfo
	return func(yield func(ctxLeaf) bool) {
		var walk func(f *respFlow, e ast.Expr, depth int) bool
		walk = func(f *respFlow, e ast.Expr, depth int) bool {
			if depth > 4 {
				return yield(ctxLeaf{})
			}
			call, ok := astutil.Unparen(e).(*ast.CallExpr)
			if !ok {
				v := typesutil.VarOf(info, e)
				if v == nil || f == nil {
					return yield(ctxLeaf{})
				}
				vals := f.assignedValues(v)
				if _, isParam := f.params[v]; len(vals) == 0 || isParam {
					// A parameter also holds what its caller gave it
					// (if ctx == nil { ctx = context.Background() }).
					if !yield(ctxLeaf{}) {
						return false
					}
				}
				for _, val := range vals {
					if !walk(f, val, depth+1) {
						return false
					}
				}
				return true
			}
			fn, _ := typeutil.Callee(info, call).(*types.Func)
			switch {
			case fn == nil:
			case isFunc(fn, "context", "Background") || isFunc(fn, "context", "TODO") || isMethod(fn, "net/http", "Request", "Context"):
				return yield(ctxLeaf{f: f, root: true})
			case isFunc(fn, "context", "WithValue") && len(call.Args) == 3:
				if k := objOf(info, call.Args[1]); k != nil && isKey(k) {
					return yield(ctxLeaf{f: f, val: call.Args[2]})
				}
				return walk(f, call.Args[0], depth+1)
			case fn.Pkg() == r.pass.Pkg:
				// A helper of this package (p.authed(ctx)): what it
				// returns.
				g := r.flows[fn.Origin()]
				if g == nil || len(g.returns) == 0 {
					break
				}
				for _, ret := range g.returns {
					if len(ret.Results) == 0 {
						if !yield(ctxLeaf{}) {
							return false
						}
						continue
					}
					if !walk(g, ret.Results[0], depth+1) {
						return false
					}
				}
				return true
			}
			return yield(ctxLeaf{})
		}
		walk(f, ctx, 0)
	}
}

// transport judges an http.RoundTripper expression.
func (j *clientJudge) transport(f *respFlow, e ast.Expr) clientInfo {
	info := j.r.pass.TypesInfo
	e = astutil.Unparen(e)
	if j.active[e] {
		return clientInfo{}
	}
	j.active[e] = true
	defer delete(j.active, e)
	if tv, ok := info.Types[e]; ok && tv.IsNil() {
		return clientInfo{kind: ClientNone, what: "an http.Client with the default transport"}
	}
	if obj := objOf(info, e); obj != nil {
		if v, ok := obj.(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Name() == "DefaultTransport" {
			return clientInfo{kind: ClientNone, what: "http.DefaultTransport"}
		}
	}
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return j.transport(f, x.X)
		}
	case *ast.CompositeLit:
		return j.transportLit(f, x)
	case *ast.CallExpr:
		if fn, _ := typeutil.Callee(info, x).(*types.Func); fn != nil {
			if isMethod(fn, "net/http", "Transport", "Clone") {
				return clientInfo{kind: ClientNone, what: "an http.Transport"}
			}
			return j.returned(f, fn, x, j.transport)
		}
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return j.transport(f, x.Args[0])
		}
		return clientInfo{}
	case *ast.TypeAssertExpr:
		return j.transport(f, x.X)
	}
	return j.stored(f, e, j.transport)
}

// transportLit judges a composite literal used as a transport.
func (j *clientJudge) transportLit(f *respFlow, lit *ast.CompositeLit) clientInfo {
	info := j.r.pass.TypesInfo
	t := info.TypeOf(lit)
	switch {
	case typesutil.IsNamed(t, "net/http", "Transport"):
		return clientInfo{kind: ClientNone, what: "an http.Transport"}
	case typesutil.IsNamed(t, retryablehttpPath, "RoundTripper"):
		return clientInfo{kind: ClientRetries}
	case typesutil.IsNamed(t, oauth2Path, "Transport"):
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Base" {
					return j.transport(f, kv.Value)
				}
			}
		}
		return clientInfo{kind: ClientNone, what: "an oauth2.Transport over http.DefaultTransport"}
	}
	named, ok := types.Unalias(derefType(t)).(*types.Named)
	if !ok {
		return clientInfo{}
	}
	if c, ok := j.typeRetries(named, "RoundTrip"); ok {
		return c
	}
	// A transport that does not retry itself: it delegates to the
	// transports or clients it holds.
	var inner []clientInfo
	for i, el := range lit.Elts {
		var ft types.Type
		var v ast.Expr
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			ft, v = info.TypeOf(kv.Key), kv.Value
		} else if st, ok := named.Underlying().(*types.Struct); ok && i < st.NumFields() {
			ft, v = st.Field(i).Type(), el
		}
		switch {
		case ft == nil:
		case typesutil.IsNamed(ft, "net/http", "Client"):
			inner = append(inner, j.client(f, v))
		case isRoundTripperType(ft):
			inner = append(inner, j.transport(f, v))
		}
	}
	if len(inner) == 0 {
		if named.Obj().Pkg() == j.r.pass.Pkg && !j.methodSends(named, "RoundTrip") {
			return clientInfo{} // a fake transport: it sends nothing
		}
		if named.Obj().Pkg() != j.r.pass.Pkg {
			return clientInfo{}
		}
		return clientInfo{kind: ClientNone, what: "the transport " + named.Obj().Name() + ", which does not retry 429"}
	}
	return combine(inner)
}

// doer judges the receiver of a Do(*http.Request) call that is not an
// *http.Client: a Doer interface, or a type with a Do method.
func (j *clientJudge) doer(f *respFlow, e ast.Expr) clientInfo {
	info := j.r.pass.TypesInfo
	e = astutil.Unparen(e)
	t := info.TypeOf(e)
	if typesutil.IsNamed(t, "net/http", "Client") {
		return j.client(f, e) // before the guard, which client keeps too
	}
	if typesutil.IsNamed(t, retryablehttpPath, "Client") {
		return clientInfo{kind: ClientRetries} // as a Doer: its Do retries 429
	}
	if j.active[e] {
		return clientInfo{}
	}
	j.active[e] = true
	defer delete(j.active, e)
	if named, ok := types.Unalias(derefType(t)).(*types.Named); ok {
		if _, isIface := named.Underlying().(*types.Interface); !isIface {
			if c, ok := j.typeRetries(named, "Do"); ok {
				return c
			}
			return clientInfo{}
		}
	}
	switch x := e.(type) {
	case *ast.UnaryExpr, *ast.CompositeLit:
		return j.client(f, x)
	case *ast.CallExpr:
		if fn, _ := typeutil.Callee(info, x).(*types.Func); fn != nil {
			return j.returned(f, fn, x, j.doer)
		}
		return clientInfo{}
	}
	return j.stored(f, e, j.doer)
}

// typeRetries reports what is known of a type's method name (RoundTrip or
// Do): taught //brexlint:retries429, or a Retries429Fact, or (in this
// package) a method whose own sends retry 429.
func (j *clientJudge) typeRetries(named *types.Named, method string) (clientInfo, bool) {
	tn := named.Origin().Obj()
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(named), false, tn.Pkg(), method)
	m, _ := obj.(*types.Func)
	if j.r.taught429(tn) || m != nil && j.r.taught429(m) {
		return clientInfo{kind: ClientRetries}, true
	}
	if tn.Pkg() != j.r.pass.Pkg {
		var rf Retries429Fact
		if j.r.pass.ImportObjectFact(tn, &rf) {
			if rf.Constant {
				return clientInfo{kind: ClientRetriesConstant, what: "the transport " + tn.Name()}, true
			}
			return clientInfo{kind: ClientRetries}, true
		}
		return clientInfo{}, false
	}
	if m == nil {
		return clientInfo{}, false
	}
	switch j.r.retries429(m.Origin()) {
	case retryGrowing:
		return clientInfo{kind: ClientRetries}, true
	case retryConstant:
		return clientInfo{kind: ClientRetriesConstant, what: "the transport " + tn.Name()}, true
	}
	return clientInfo{}, false
}

// methodSends reports whether the method of a type of this package sends
// a request.
func (j *clientJudge) methodSends(named *types.Named, method string) bool {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(named), false, named.Obj().Pkg(), method)
	m, _ := obj.(*types.Func)
	if m == nil {
		return false
	}
	f := j.r.flows[m.Origin()]
	if f == nil {
		return false
	}
	for _, src := range f.sources {
		if src.call != nil {
			return true
		}
	}
	return false
}

// returned judges the client or transport a function returns.
func (j *clientJudge) returned(f *respFlow, fn *types.Func, call *ast.CallExpr, judge func(*respFlow, ast.Expr) clientInfo) clientInfo {
	fn = fn.Origin()
	if j.r.taught429(fn) {
		return clientInfo{kind: ClientRetries}
	}
	if fn.Pkg() != j.r.pass.Pkg {
		var rf Retries429Fact
		if j.r.pass.ImportObjectFact(fn, &rf) {
			if rf.Constant {
				return clientInfo{kind: ClientRetriesConstant, what: "the client of " + fn.Name()}
			}
			return clientInfo{kind: ClientRetries}
		}
		return clientInfo{}
	}
	g := j.r.flows[fn]
	if g == nil || j.active[fn] {
		return clientInfo{}
	}
	j.active[fn] = true
	defer delete(j.active, fn)
	var cs []clientInfo
	for _, ret := range g.returns {
		if len(ret.Results) == 0 {
			return clientInfo{}
		}
		c := judge(g, ret.Results[0])
		if c.kind == ClientInjected {
			// A parameter of the factory: the caller's argument.
			var resolved []clientInfo
			for _, in := range c.inj {
				if in.fn == fn && in.param >= 0 && in.param < len(call.Args) {
					resolved = append(resolved, judge(f, call.Args[in.param]))
				} else {
					resolved = append(resolved, clientInfo{kind: ClientInjected, inj: []injection{in}})
				}
			}
			c = combine(resolved)
		}
		cs = append(cs, c)
	}
	return combine(cs)
}

// stored judges what a variable, parameter or field holds.
func (j *clientJudge) stored(f *respFlow, e ast.Expr, judge func(*respFlow, ast.Expr) clientInfo) clientInfo {
	info := j.r.pass.TypesInfo
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return clientInfo{}
		}
		if f != nil {
			if i, ok := f.params[v]; ok {
				return clientInfo{kind: ClientInjected, inj: []injection{{fn: f.fn, param: i}}}
			}
		}
		if v.Parent() == v.Pkg().Scope() {
			return j.varValues(v, judge)
		}
		if f == nil {
			return clientInfo{}
		}
		vals := f.assignedValues(v)
		if len(vals) == 0 {
			return j.zero(v.Type())
		}
		var cs []clientInfo
		for _, val := range vals {
			cs = append(cs, judge(f, val))
		}
		return combine(cs)
	case *ast.SelectorExpr:
		s, ok := info.Selections[x]
		if !ok || s.Kind() != types.FieldVal {
			return clientInfo{} // a package variable of another package, a method value
		}
		v := s.Obj().(*types.Var).Origin()
		return j.fieldValues(v, judge)
	}
	return clientInfo{}
}

// zero judges the zero value of a client of type t.
func (j *clientJudge) zero(t types.Type) clientInfo {
	if _, ok := types.Unalias(t).(*types.Pointer); !ok && typesutil.IsNamed(t, "net/http", "Client") {
		return clientInfo{kind: ClientNone, what: "a zero http.Client (the default transport)"}
	}
	return clientInfo{}
}

// fieldValues judges what the package stores in a field.
func (j *clientJudge) fieldValues(v *types.Var, judge func(*respFlow, ast.Expr) clientInfo) clientInfo {
	if v.Pkg() != j.r.pass.Pkg {
		return clientInfo{}
	}
	if j.active[v] {
		return clientInfo{}
	}
	j.active[v] = true
	defer delete(j.active, v)
	j.collectStores()
	vals := j.fields[v]
	var cs []clientInfo
	for _, fv := range vals {
		cs = append(cs, judge(j.r.flows[fv.fn], fv.e))
	}
	if v.Exported() {
		// Importers may set it too.
		cs = append(cs, clientInfo{kind: ClientInjected, inj: []injection{{field: v, param: -1}}})
	}
	if len(cs) == 0 {
		return j.zero(v.Type())
	}
	return combine(cs)
}

// varValues judges what the package stores in a package-level variable.
func (j *clientJudge) varValues(v *types.Var, judge func(*respFlow, ast.Expr) clientInfo) clientInfo {
	if v.Pkg() != j.r.pass.Pkg || j.active[v] {
		return clientInfo{}
	}
	j.active[v] = true
	defer delete(j.active, v)
	j.collectStores()
	var cs []clientInfo
	for _, fv := range j.pkgVar[v] {
		cs = append(cs, judge(j.r.flows[fv.fn], fv.e))
	}
	if len(cs) == 0 {
		return j.zero(v.Type())
	}
	if v.Exported() {
		return clientInfo{} // importers may set it
	}
	return combine(cs)
}

// collectStores finds, once, every value stored in a field (composite
// literals, assignments) or a package variable in the package, outside
// its _test.go files.
func (j *clientJudge) collectStores() {
	if j.built {
		return
	}
	j.built = true
	j.fields = map[*types.Var][]fieldValue{}
	j.pkgVar = map[*types.Var][]fieldValue{}
	info := j.r.pass.TypesInfo
	kinds := []ast.Node{(*ast.FuncDecl)(nil), (*ast.GenDecl)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)}
	for file := range j.r.model.insp.Root().Children() {
		if j.r.inTest(file.Node().Pos()) {
			// A test's fake or httptest client is not the program's:
			// clients are judged by what the package assigns outside
			// its tests.
			continue
		}
		var fn *types.Func
		for cur := range file.Preorder(kinds...) {
			switch n := cur.Node().(type) {
			case *ast.FuncDecl:
				fn, _ = info.Defs[n.Name].(*types.Func)
				if fn != nil {
					fn = fn.Origin()
				}
			case *ast.GenDecl:
				if n.Tok == token.VAR {
					for _, spec := range n.Specs {
						vs := spec.(*ast.ValueSpec)
						for i, name := range vs.Names {
							if v, ok := info.Defs[name].(*types.Var); ok && v.Parent() == j.r.pass.Pkg.Scope() && i < len(vs.Values) && len(vs.Names) == len(vs.Values) {
								j.pkgVar[v] = append(j.pkgVar[v], fieldValue{vs.Values[i], nil})
							}
						}
					}
				}
			case *ast.CompositeLit:
				st, ok := info.TypeOf(n).Underlying().(*types.Struct)
				if !ok {
					break
				}
				for i, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok {
							if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() {
								j.fields[v.Origin()] = append(j.fields[v.Origin()], fieldValue{kv.Value, fn})
							}
						}
					} else if i < st.NumFields() {
						v := st.Field(i).Origin()
						j.fields[v] = append(j.fields[v], fieldValue{el, fn})
					}
				}
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					// s.client, err = brexsdk.NewClientWithResponses(...):
					// the field holds the call's first result.
					if len(n.Rhs) == 1 {
						if l, ok := astutil.Unparen(n.Lhs[0]).(*ast.SelectorExpr); ok {
							if s, ok := info.Selections[l]; ok && s.Kind() == types.FieldVal {
								v := s.Obj().(*types.Var).Origin()
								j.fields[v] = append(j.fields[v], fieldValue{n.Rhs[0], fn})
							}
						}
					}
					break
				}
				for i, l := range n.Lhs {
					switch l := astutil.Unparen(l).(type) {
					case *ast.SelectorExpr:
						if s, ok := info.Selections[l]; ok && s.Kind() == types.FieldVal {
							v := s.Obj().(*types.Var).Origin()
							j.fields[v] = append(j.fields[v], fieldValue{n.Rhs[i], fn})
						}
					case *ast.Ident:
						if v, ok := info.Uses[l].(*types.Var); ok && v.Parent() == j.r.pass.Pkg.Scope() {
							j.pkgVar[v] = append(j.pkgVar[v], fieldValue{n.Rhs[i], fn})
						}
					}
				}
			}
		}
	}
}

// assignedValues returns the values assigned to a local variable of f.
func (f *respFlow) assignedValues(v *types.Var) []ast.Expr {
	var out []ast.Expr
	for _, as := range f.assigns {
		if as.lhs == v {
			out = append(out, as.rhs)
		}
	}
	return out
}

// objOf returns the object an identifier or qualified identifier denotes.
func objOf(info *types.Info, e ast.Expr) types.Object {
	switch e := astutil.Unparen(e).(type) {
	case *ast.Ident:
		return info.Uses[e]
	case *ast.SelectorExpr:
		if _, ok := info.Selections[e]; !ok {
			return info.Uses[e.Sel]
		}
	}
	return nil
}

// isRoundTripperType reports whether t is http.RoundTripper or has its
// RoundTrip method.
func isRoundTripperType(t types.Type) bool {
	if typesutil.IsNamed(t, "net/http", "RoundTripper") {
		return true
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "RoundTrip")
	fn, ok := obj.(*types.Func)
	return ok && isSendSignature(fn.Signature())
}

// taught429 reports whether obj (a type, function or method, or a
// method's receiver type) carries //brexlint:retries429.
func (r *responseAnalysis) taught429(obj types.Object) bool {
	one := func(o types.Object) bool {
		if o.Pkg() == r.pass.Pkg {
			return r.http.teach[o]&directives.Retries429 != 0
		}
		var t TeachingFact
		return r.pass.ImportObjectFact(o, &t) && t.Retries429
	}
	if one(obj) {
		return true
	}
	if fn, ok := obj.(*types.Func); ok {
		if recv := fn.Signature().Recv(); recv != nil {
			if n, ok := types.Unalias(derefType(recv.Type())).(*types.Named); ok {
				return one(n.Origin().Obj())
			}
		}
	}
	return false
}

const (
	retryablehttpPath = "github.com/hashicorp/go-retryablehttp"
	oauth2Path        = "golang.org/x/oauth2"
)
