package brexmodel

import (
	"go/ast"
	"go/types"
	"net/http"

	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/brexlint/brexlint/internal/urlfold"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// funcScan is one pass over a function declaration's body (nested function
// literals included): the requests it makes, the headers set on them, where
// they are sent, and what the function is to its callers.
type funcScan struct {
	a      *httpAnalysis
	fn     *types.Func // nil for a declaration go/types could not resolve
	fd     *ast.FuncDecl
	params map[*types.Var]int // the declaration's parameters, by index
	recv   *types.Var         // the method's receiver, or nil

	calls         []callSite
	callVar       map[*ast.CallExpr]*types.Var // request-producing call → its variable
	derived       map[*types.Var]*types.Var    // request made from another (WithContext ...) → that one
	returnedVar   map[*types.Var]bool
	returnedCall  map[*ast.CallExpr]bool
	headers       map[*types.Var][]*Header
	sends         map[*types.Var][]*ast.CallExpr
	origins       []*origin
	requests      []*Request
	wrapperOrigin *origin

	// Header maps (map[string]string, http.Header) built in the body,
	// for a wrapper that is given one: the entries of each local map
	// variable, whether one is filled in a way the scan cannot read, and
	// the map each range key variable ranges over.
	mapEntries map[*types.Var][]*Header
	opaqueMap  map[*types.Var]bool
	rangeKey   map[*types.Var]*types.Var
	headerMaps []headerMapSet

	// Options structs built in the body, for a wrapper that reads a
	// header from one of their fields: the values assigned to each local
	// struct variable (zeroOptions for a declaration without one), the
	// fields set on it afterwards, and how many calls it is given to
	// (as an argument or a method's receiver: more than one, and a call
	// other than the wrapper's may fill it).
	optDefs   map[*types.Var][]ast.Expr
	optFields map[*types.Var][]*ast.AssignStmt
	optUses   map[*types.Var]int

	// In a generated file (openapigen.go): the range keys over the
	// configuration's DefaultHeader, and the maps each header map is
	// copied from.
	configHeaderKey map[*types.Var]bool
	mapCopies       map[*types.Var][]*types.Var
}

type callSite struct {
	call *ast.CallExpr
	encl ast.Node // *ast.FuncDecl or *ast.FuncLit
}

// origin is a call that produces a request: a NewRequest, an http.Get-like
// call, or a wrapper call instantiated with its arguments.
type origin struct {
	site        callSite
	method      urlfold.Value
	url         urlfold.Value
	noHeaders   bool
	sendsItself bool
	via         *types.Func
	signal      bool // the wrapper carries a Brex signal
	headers     []*Header
	// serverHole: the URL's leading hole is a generated client's
	// server (WrapperFact.ServerHole), with its default.
	serverHole bool
	// clientParam: the URL's leading hole is the server of a generated
	// client that is a parameter of the function (a wrapper whatever its
	// path: its callers' clients say where it goes).
	clientParam   bool
	defaultServer string
	opServer      bool
}

func (a *httpAnalysis) newFuncScan(fn *types.Func, fd *ast.FuncDecl) *funcScan {
	fs := &funcScan{
		a: a, fn: fn, fd: fd,
		params:       map[*types.Var]int{},
		callVar:      map[*ast.CallExpr]*types.Var{},
		derived:      map[*types.Var]*types.Var{},
		returnedVar:  map[*types.Var]bool{},
		returnedCall: map[*ast.CallExpr]bool{},
		headers:      map[*types.Var][]*Header{},
		sends:        map[*types.Var][]*ast.CallExpr{},
		mapEntries:   map[*types.Var][]*Header{},
		optDefs:      map[*types.Var][]ast.Expr{},
		optFields:    map[*types.Var][]*ast.AssignStmt{},
		optUses:      map[*types.Var]int{},
		opaqueMap:    map[*types.Var]bool{},
		rangeKey:     map[*types.Var]*types.Var{},
	}
	if fn != nil {
		ps := fn.Signature().Params()
		for i := 0; i < ps.Len(); i++ {
			fs.params[ps.At(i)] = i
		}
		fs.recv = fn.Signature().Recv()
	}
	return fs
}

func (fs *funcScan) run() {
	fs.walk(fs.a.model.bodyCursor(fs.fd), fs.fd)
	// A variable that also holds another request (r = http.NewRequest(...)
	// later on) is not only the first request: it stays its own.
	made := map[*types.Var]int{}
	for _, v := range fs.callVar {
		made[v]++
	}
	for v := range fs.derived {
		if made[v] > 1 {
			delete(fs.derived, v)
		}
	}
	// A request made from another is that request: returning it returns
	// the first one.
	for v := range fs.returnedVar {
		fs.returnedVar[fs.root(v)] = true
	}
	for call := range fs.returnedCall {
		if v := fs.requestVar(call); v != nil {
			fs.returnedVar[v] = true
		}
	}
	for _, cs := range fs.calls {
		fs.visitCall(cs)
	}
	for _, hm := range fs.headerMaps {
		fs.headers[hm.req] = append(fs.headers[hm.req], fs.mapHeaders(hm.m, hm.pos)...)
	}
	for _, o := range fs.origins {
		fs.place(o)
	}
}

// walkKinds are the kinds of node that walk and noteMapsAndOptions look at.
var walkKinds = []ast.Node{(*ast.FuncLit)(nil), (*ast.CallExpr)(nil), (*ast.AssignStmt)(nil),
	(*ast.ValueSpec)(nil), (*ast.ReturnStmt)(nil), (*ast.RangeStmt)(nil)}

// walk collects the calls, request variables and returns of body; encl is
// the innermost enclosing function.
func (fs *funcScan) walk(body inspector.Cursor, encl ast.Node) {
	info := fs.a.pass.TypesInfo
	body.Inspect(walkKinds, func(cur inspector.Cursor) bool {
		n := cur.Node()
		fs.noteMapsAndOptions(n)
		switch n := n.(type) {
		case *ast.FuncLit:
			fs.walk(cur.Child(n.Body), n)
			return false
		case *ast.CallExpr:
			fs.calls = append(fs.calls, callSite{n, encl})
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 && len(n.Lhs) >= 1 {
				if call, ok := astutil.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
					// Only a request variable: err := c.do(...) holds
					// no request, and returning err returns none.
					if v := typesutil.VarOf(info, n.Lhs[0]); v != nil && isRequestPtr(v.Type()) {
						fs.callVar[call] = v
						fs.noteDerived(v, call)
					}
				}
			}
			for i, lhs := range n.Lhs {
				if i < len(n.Rhs) && len(n.Lhs) == len(n.Rhs) {
					fs.headerIndexAssign(lhs, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Values) == 1 && len(n.Names) >= 1 {
				if call, ok := astutil.Unparen(n.Values[0]).(*ast.CallExpr); ok {
					if v, ok := info.Defs[n.Names[0]].(*types.Var); ok && isRequestPtr(v.Type()) {
						fs.callVar[call] = v
						fs.noteDerived(v, call)
					}
				}
			}
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				switch r := astutil.Unparen(r).(type) {
				case *ast.Ident:
					if v := typesutil.VarOf(info, r); v != nil {
						fs.returnedVar[v] = true
					}
				case *ast.CallExpr:
					// return c.do(...) returns the request only if the
					// call yields one.
					if returnsRequest(info, r) {
						fs.returnedCall[r] = true
					}
				}
			}
		}
		return true
	})
}

// noteDerived records that v holds a request made from another by call
// (req2 := req.WithContext(ctx)).
func (fs *funcScan) noteDerived(v *types.Var, call *ast.CallExpr) {
	src, ok := requestSource(fs.a.pass.TypesInfo, call)
	if !ok {
		return
	}
	if u := fs.requestVar(src); u != nil && u != v {
		fs.derived[v] = u
	}
}

// root returns the variable of the request v was first made as (v itself
// unless it holds a request made from another).
func (fs *funcScan) root(v *types.Var) *types.Var {
	for i := 0; i < 8; i++ {
		u, ok := fs.derived[v]
		if !ok {
			break
		}
		v = u
	}
	return v
}

// requestVar returns the variable of the request e denotes: a request
// variable, a request made from one (req.WithContext(ctx)), or the
// *http.Request a retryablehttp request embeds (rreq.Request), resolved to
// the variable of the request it was first made as.
func (fs *funcScan) requestVar(e ast.Expr) *types.Var {
	e = astutil.Unparen(e)
	switch x := e.(type) {
	case *ast.CallExpr:
		if src, ok := requestSource(fs.a.pass.TypesInfo, x); ok {
			return fs.requestVar(src)
		}
		return nil
	case *ast.SelectorExpr:
		if typesutil.IsFieldOf(fs.a.pass.TypesInfo.Selections[x], retryablehttpPath, "Request", "Request") {
			return fs.requestVar(x.X)
		}
		return nil
	}
	v := typesutil.VarOf(fs.a.pass.TypesInfo, e)
	if v == nil || !isRequestPtr(v.Type()) {
		return nil
	}
	return fs.root(v)
}

// headerIndexAssign records req.Header[key] = value.
func (fs *funcScan) headerIndexAssign(lhs, rhs ast.Expr) {
	ix, ok := astutil.Unparen(lhs).(*ast.IndexExpr)
	if !ok {
		return
	}
	v := fs.headerOwner(ix.X)
	if v == nil {
		return
	}
	name, ok := canonical(fs.a.pass.TypesInfo, ix.Index)
	if !ok {
		return
	}
	fs.headers[v] = append(fs.headers[v], &Header{Name: name, Pos: ix.Pos(), Value: headerValue(rhs)})
}

// headerValue returns the value of a header written whole, h[key] = rhs:
// v of []string{v}, or rhs as written.
func headerValue(rhs ast.Expr) ast.Expr {
	if cl, ok := astutil.Unparen(rhs).(*ast.CompositeLit); ok && len(cl.Elts) == 1 {
		return cl.Elts[0]
	}
	return rhs
}

// headerOwner returns V when e is V.Header for a *http.Request variable V.
func (fs *funcScan) headerOwner(e ast.Expr) *types.Var {
	sel, ok := astutil.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Header" {
		return nil
	}
	return fs.requestVar(sel.X)
}

func (fs *funcScan) visitCall(cs callSite) {
	info := fs.a.pass.TypesInfo
	call := cs.call
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	fold := fs.a.folder.Fold
	switch {
	case isFunc(fn, "net/http", "NewRequest") && len(call.Args) == 3,
		isFunc(fn, retryablehttpPath, "NewRequest") && len(call.Args) == 3:
		fs.origins = append(fs.origins, &origin{site: cs, method: fold(call.Args[0]), url: fs.generatedURL(call.Args[1], fold(call.Args[1]))})
		return
	case isFunc(fn, "net/http", "NewRequestWithContext") && len(call.Args) == 4,
		isFunc(fn, retryablehttpPath, "NewRequestWithContext") && len(call.Args) == 4:
		fs.origins = append(fs.origins, &origin{site: cs, method: fold(call.Args[1]), url: fold(call.Args[2])})
		return
	}
	if m, ok := shorthandMethod(fn); ok && len(call.Args) >= 1 {
		fs.origins = append(fs.origins, &origin{site: cs, method: urlfold.Lit(m), url: fold(call.Args[0]), noHeaders: true, sendsItself: true})
		return
	}
	if isMethod(fn, "net/http", "Header", "Set") || isMethod(fn, "net/http", "Header", "Add") {
		fs.setHeader(call)
		return
	}
	if isFunc(fn, "maps", "Copy") && len(call.Args) == 2 {
		// maps.Copy(req.Header, hdr)
		if v := fs.headerOwner(call.Args[0]); v != nil {
			fs.headerMaps = append(fs.headerMaps, headerMapSet{v, call.Args[1], call.Pos()})
		}
		return
	}
	if sig, ok := info.TypeOf(call.Fun).(*types.Signature); ok && isSendSignature(sig) && len(call.Args) == 1 {
		if v := fs.requestVar(call.Args[0]); v != nil {
			fs.sends[v] = append(fs.sends[v], call)
		}
		return
	}
	if o, ok := fs.restyOrigin(cs); ok {
		fs.origins = append(fs.origins, o)
		return
	}
	// An interface method (the operations of a generated client's
	// ClientInterface) stands for its one implementation.
	fn = fs.a.implementation(fn)
	s := fs.a.summaryOf(fn)
	if s == nil {
		return
	}
	if s.setter != nil && s.setter.ReqParam < len(call.Args) {
		if v := fs.requestVar(call.Args[s.setter.ReqParam]); v != nil {
			fs.headers[v] = append(fs.headers[v], fs.instantiateHeaders(s.setter.Headers, call, fn)...)
		}
	}
	if s.sender != nil && s.sender.ReqParam < len(call.Args) {
		if v := fs.requestVar(call.Args[s.sender.ReqParam]); v != nil {
			fs.sends[v] = append(fs.sends[v], call)
		}
	}
	if w := s.wrapper; w != nil {
		o := &origin{site: cs, via: fn, noHeaders: w.NoHeaders, sendsItself: w.Sends, signal: w.Signal || fs.a.taughtClient(fn)}
		if w.MethodParam >= 0 && w.MethodParam < len(call.Args) {
			o.method = fold(call.Args[w.MethodParam])
		} else if w.Method != "" {
			o.method = urlfold.Lit(w.Method)
		} else {
			o.method = urlfold.Hole(urlfold.Unknown)
		}
		o.url = instantiate(w.URL, fn, func(i int) (urlfold.Value, bool) {
			if i < len(call.Args) {
				return fold(call.Args[i]), true
			}
			return urlfold.Value{}, false
		})
		fs.fillServer(o, w, call)
		if len(o.url.Parts) > 0 && o.url.Parts[0].Hole && !o.serverHole {
			if server, ok := fs.a.clientServer(call); ok && fs.ownParamOrNone(server) {
				// The hole is the client's server, resolved against
				// with a '/' at its end (oapi-codegen's NewClient).
				o.url = urlfold.Concat(server, urlfold.Value{Parts: o.url.Parts[1:]})
				o.clientParam = server.IsHole()
			}
		}
		o.headers = fs.instantiateHeaders(w.Headers, call, fn)
		fs.origins = append(fs.origins, o)
	}
}

func variadicAt(fn *types.Func, i int) bool {
	sig := fn.Signature()
	return sig.Variadic() && i == sig.Params().Len()-1
}

// instantiateHeaders turns a fact's headers into the caller's: a header
// from a parameter takes the caller's argument as its value; the headers
// of a map parameter are the entries of the caller's map; a header from
// a field of an options parameter takes the field of the caller's struct.
func (fs *funcScan) instantiateHeaders(hs []HeaderFact, call *ast.CallExpr, fn *types.Func) []*Header {
	var out []*Header
	for _, h := range hs {
		if h.Param >= 0 && (h.Param >= len(call.Args) || variadicAt(fn, h.Param)) {
			continue
		}
		var got []*Header
		switch {
		case h.Map && h.Param >= 0:
			got = fs.mapHeaders(call.Args[h.Param], call.Pos())
		case h.Map:
			got = []*Header{{Pos: call.Pos(), anyName: true}}
		case h.Recv:
			if sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				got = fs.builderField(h.Name, sel.X, h.Field, call.Pos())
			}
		case h.Field != "":
			got = fs.fieldHeader(h.Name, call.Args[h.Param], h.Field, call.Pos())
		default:
			hdr := &Header{Name: h.Name, Pos: call.Pos(), Summary: h.Summary}
			if h.Param >= 0 {
				hdr.Value = call.Args[h.Param]
			}
			got = []*Header{hdr}
		}
		for _, hdr := range got {
			hdr.Helper = fn
		}
		out = append(out, got...)
	}
	return out
}

// shorthandMethod returns the method of the request-and-send shorthands of
// net/http and retryablehttp (package functions and Client methods), which
// cannot carry extra headers.
func shorthandMethod(fn *types.Func) (string, bool) {
	if fn == nil || fn.Pkg() == nil {
		return "", false
	}
	pkg := fn.Pkg().Path()
	if pkg != "net/http" && pkg != retryablehttpPath {
		return "", false
	}
	if recv := fn.Signature().Recv(); recv != nil && !isMethod(fn, pkg, "Client", fn.Name()) {
		return "", false
	}
	switch fn.Name() {
	case "Get":
		return http.MethodGet, true
	case "Head":
		return http.MethodHead, true
	case "Post", "PostForm":
		return http.MethodPost, true
	}
	return "", false
}

// place decides what an origin is: the request of a wrapper (its function
// returns the request, or sends one whose method or URL comes from its
// parameters), or a request of this package at this call.
func (fs *funcScan) place(o *origin) {
	v := fs.callVar[o.site.call]
	returned := fs.returnedCall[o.site.call] || (v != nil && fs.returnedVar[v])
	var sends []*ast.CallExpr
	if v != nil {
		sends = fs.sends[v]
	}
	sent := o.sendsItself || len(sends) > 0
	// In a generated file (an OpenAPI client), a function that sends a
	// request is a wrapper whatever its URL: the file is not reported on,
	// so the operation is judged where the program calls it.
	if fs.fn != nil && o.site.encl == fs.fd && (returned || (sent && (fs.dependsOnParams(o) || o.clientParam || fs.a.generated(fs.fd)))) {
		if fs.wrapperOrigin == nil {
			fs.wrapperOrigin = o
		}
		return
	}
	r := &Request{
		Call:      o.site.call,
		Func:      o.site.encl,
		Via:       o.via,
		URL:       o.url,
		NoHeaders: o.noHeaders,
		Headers:   append(append([]*Header(nil), o.headers...), fs.varHeaders(v)...),
		Var:       v,
		Sends:     sends,
		Sent:      sent,
	}
	if m, ok := o.method.Complete(); ok {
		r.Method = m
	}
	// A wrapper's call is judged on the wrapper's own evidence: the caller's
	// package signal says nothing about which API another package's
	// wrapper talks to (a module may hold a Brex client and a payments
	// client side by side).
	fs.a.judge(r, o.via == nil, o.signal || fs.a.taughtClient(fs.fn))
	if r.Brex {
		fs.requests = append(fs.requests, r)
	}
}

func (fs *funcScan) varHeaders(v *types.Var) []*Header {
	if v == nil {
		return nil
	}
	return fs.headers[v]
}

// dependsOnParams reports whether the origin's endpoint is named by the
// declaration's parameters: the method is a parameter, or a parameter
// stands where the path's resource should be ("base + path"). A parameter
// that only fills an id segment ("/v2/cards/" + id) leaves the endpoint
// known here, so the function is not a wrapper: its callers pass ids, not
// endpoints.
func (fs *funcScan) dependsOnParams(o *origin) bool {
	if fs.hasParam(o.method) {
		return true
	}
	if !fs.hasParam(o.url) {
		return false
	}
	if path, ok := o.url.Path(); ok {
		if _, ok := brexapi.ResourceOf(path); ok {
			return false
		}
	}
	return true
}

func (fs *funcScan) hasParam(v urlfold.Value) bool {
	for _, p := range v.Params() {
		if _, ok := fs.params[p]; ok {
			return true
		}
	}
	return false
}

// summary returns the function's facts.
func (fs *funcScan) summary() *funcSummary {
	s := &funcSummary{}
	if o := fs.wrapperOrigin; o != nil {
		w := &WrapperFact{MethodParam: -1, NoHeaders: o.noHeaders, Sends: o.sendsItself}
		if m, ok := o.method.Complete(); ok {
			w.Method = m
		} else if o.method.IsHole() && o.method.Parts[0].HoleKind == urlfold.Param {
			if i, ok := fs.params[o.method.Parts[0].Param]; ok {
				w.MethodParam = i
			}
		}
		w.URL = templateOf(o.url, fs.params)
		v := fs.callVar[o.site.call]
		if v != nil {
			w.Sends = w.Sends || len(fs.sends[v]) > 0
		}
		w.Returns = fs.returnedCall[o.site.call] || (v != nil && fs.returnedVar[v])
		w.Signal = o.signal || fs.a.taughtClient(fs.fn) || fs.a.packageSignal()
		w.Headers = fs.headerFacts(append(append([]*Header(nil), o.headers...), fs.varHeaders(v)...))
		if o.serverHole {
			w.ServerHole, w.DefaultServer, w.OperationServer = true, o.defaultServer, o.opServer
		} else if len(o.url.Parts) > 0 && o.url.Parts[0].Hole {
			w.DefaultServer, w.OperationServer, w.ServerHole = fs.serverHole()
		}
		s.wrapper = w
	}
	s.field = fs.fieldSetter()
	for v, i := range fs.params {
		if !isRequestPtr(v.Type()) {
			continue
		}
		if hs := fs.headers[v]; len(hs) > 0 && s.setter == nil {
			s.setter = &HeaderSetterFact{ReqParam: i, Headers: fs.headerFacts(hs)}
		}
		if len(fs.sends[v]) > 0 && s.sender == nil {
			s.sender = &SenderFact{ReqParam: i}
		}
	}
	return s
}

// headerFacts turns headers set in this function into facts for callers:
// a value that is a parameter becomes that parameter's index.
func (fs *funcScan) headerFacts(hs []*Header) []HeaderFact {
	var out []HeaderFact
	for _, h := range hs {
		hf := HeaderFact{Name: h.Name, Param: -1, Summary: h.Summary}
		if h.anyName {
			hf.Map = true
			if i, ok := fs.params[h.fromParam]; ok {
				hf.Param = i
			}
			out = append(out, hf)
			continue
		}
		if h.recvField {
			hf.Recv, hf.Field = true, h.field
			out = append(out, hf)
			continue
		}
		if i, ok := fs.params[h.fromParam]; ok && h.field != "" {
			hf.Param, hf.Field = i, h.field
			out = append(out, hf)
			continue
		}
		// req.Header.Set("Idempotency-Key", opts.IdempotencyKey)
		if sel, ok := astutil.Unparen(h.Value).(*ast.SelectorExpr); ok && h.Value != nil {
			if s, ok := fs.a.pass.TypesInfo.Selections[sel]; ok && s.Kind() == types.FieldVal && len(s.Index()) == 1 {
				if i, ok := fs.params[typesutil.VarOf(fs.a.pass.TypesInfo, sel.X)]; ok {
					hf.Param, hf.Field = i, sel.Sel.Name
					out = append(out, hf)
					continue
				}
			}
		}
		if h.Value != nil {
			if v := typesutil.VarOf(fs.a.pass.TypesInfo, h.Value); v != nil {
				if i, ok := fs.params[v]; ok {
					hf.Param = i
				}
			}
			if hf.Param < 0 {
				var sends []*ast.CallExpr
				for _, cs := range fs.sends {
					sends = append(sends, cs...)
				}
				hf.Summary = fs.a.summarize(h.Value, sends)
			}
		}
		out = append(out, hf)
	}
	return out
}

// returnsRequest reports whether call yields a *http.Request (as its only
// or first result).
func returnsRequest(info *types.Info, call *ast.CallExpr) bool {
	t := info.TypeOf(call)
	if tup, ok := t.(*types.Tuple); ok {
		if tup.Len() == 0 {
			return false
		}
		t = tup.At(0).Type()
	}
	return t != nil && isRequestPtr(t)
}

// ownParamOrNone reports whether v, a generated client's server, is not a
// parameter's hole, or is one of this function's own parameters (a
// client's server that is another function's parameter says nothing here).
func (fs *funcScan) ownParamOrNone(v urlfold.Value) bool {
	if !v.IsHole() || v.Parts[0].HoleKind != urlfold.Param {
		return true
	}
	_, ok := fs.params[v.Parts[0].Param]
	return ok
}
