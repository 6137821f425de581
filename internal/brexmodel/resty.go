package brexmodel

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/brexlint/brexlint/internal/urlfold"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// Requests made with go-resty/resty v2. A resty request is a chain:
//
//	c := resty.New().SetBaseURL(brex).SetRetryCount(3)
//	resp, err := c.R().SetContext(ctx).SetHeader("Idempotency-Key", k).SetBody(in).Post("/v1/transfers")
//
// The call that sends (Get, Post, ..., Execute) names the endpoint; its
// URL is the client's base URL joined with the path (an absolute URL is
// taken as is, as resty does); its headers are those set along the chain,
// on a request variable the chain starts from, and on the client. The
// client is followed through variables, struct fields and the functions of
// the package that return one, and everything the package configures on
// it (SetBaseURL, SetHeader, SetRetryCount, AddRetryCondition ...) counts,
// wherever it is written: configuration is written once, at start-up.

const restyPath = "github.com/go-resty/resty/v2"

// restySendMethod returns the HTTP method of a resty request method that
// sends (Post → POST), and the index of its URL argument; Execute takes
// the method as its first argument (method "").
func restySendMethod(fn *types.Func) (method string, urlArg int, ok bool) {
	if fn == nil || !isMethod(fn, restyPath, "Request", fn.Name()) {
		return "", 0, false
	}
	switch fn.Name() {
	case "Get", "Head", "Post", "Put", "Patch", "Delete", "Options":
		return strings.ToUpper(fn.Name()), 0, true
	case "Execute":
		return "", 1, true
	}
	return "", 0, false
}

// restySend returns the method, URL argument and request expression of a
// call of a resty request method that sends (r.Post(path)); not for a
// method expression ((*resty.Request).Post(r, path)).
func restySend(info *types.Info, call *ast.CallExpr) (method string, urlArg int, req ast.Expr, ok bool) {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	method, urlArg, ok = restySendMethod(fn)
	if !ok || urlArg >= len(call.Args) {
		return "", 0, nil, false
	}
	sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || info.Selections[sel] == nil || info.Selections[sel].Kind() != types.MethodVal {
		return "", 0, nil, false
	}
	return method, urlArg, sel.X, true
}

// isRestyType reports whether t is *resty.Client or *resty.Request.
func isRestyType(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && (typesutil.IsNamed(p.Elem(), restyPath, "Client") || typesutil.IsNamed(p.Elem(), restyPath, "Request"))
}

// restyConfig is what the package configures on a resty client and
// request, gathered along a chain and through what it is stored in.
type restyConfig struct {
	bases   []urlfold.Value
	headers []*Header
	// retryCounts are the arguments of SetRetryCount; conditions those of
	// AddRetryCondition (client or request).
	retryCounts []ast.Expr
	conditions  []ast.Expr
	// open: the client may be configured where the model cannot see (a
	// parameter, an exported field, a function of another package).
	open bool
	// results are the arguments of SetResult: what resty decodes a 2xx
	// body into.
	results []ast.Expr
	// transports are the arguments of SetTransport and NewWithClient.
	transports []ast.Expr
	clients    []ast.Expr
}

// restyIndex holds, for one package, the configuration calls made on each
// variable or field holding a resty client or request, and the values
// stored in them.
type restyIndex struct {
	calls  map[types.Object][]*ast.CallExpr
	stores map[types.Object][]ast.Expr
}

func (a *httpAnalysis) restyIndex() *restyIndex {
	if a.resty != nil {
		return a.resty
	}
	ix := &restyIndex{calls: map[types.Object][]*ast.CallExpr{}, stores: map[types.Object][]ast.Expr{}}
	a.resty = ix
	info := a.pass.TypesInfo
	var inTest bool
	// keep drops what a _test.go file does to a variable or field of the
	// program: a client is judged by what the program configures.
	keep := func(obj types.Object) bool {
		return !inTest || typesutil.InTestFile(a.pass.Fset, obj.Pos())
	}
	store := func(lhs, rhs ast.Expr) {
		if obj := storedObj(info, lhs); obj != nil && isRestyType(obj.Type()) && keep(obj) {
			ix.stores[obj] = append(ix.stores[obj], rhs)
		}
	}
	kinds := []ast.Node{(*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CompositeLit)(nil)}
	for f := range a.model.insp.Root().Children() {
		inTest = typesutil.InTestFile(a.pass.Fset, f.Node().Pos())
		for cur := range f.Preorder(kinds...) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				fn, _ := typeutil.Callee(info, n).(*types.Func)
				if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != restyPath || fn.Signature().Recv() == nil {
					break
				}
				if sel, ok := astutil.Unparen(n.Fun).(*ast.SelectorExpr); ok {
					if obj := storedObj(info, restyChainRoot(info, sel.X)); obj != nil && keep(obj) {
						ix.calls[obj] = append(ix.calls[obj], n)
					}
				}
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						store(n.Lhs[i], n.Rhs[i])
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i := range n.Names {
						store(n.Names[i], n.Values[i])
					}
				}
			case *ast.CompositeLit:
				for _, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok {
							if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() && isRestyType(v.Type()) && keep(v) {
								ix.stores[v.Origin()] = append(ix.stores[v.Origin()], kv.Value)
							}
						}
					}
				}
			}
		}
	}
	return ix
}

// storedObj returns the variable or field e denotes (a field by its
// origin), or nil.
func storedObj(info *types.Info, e ast.Expr) types.Object {
	switch e := astutil.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.ObjectOf(e).(*types.Var); ok {
			return v
		}
	case *ast.SelectorExpr:
		if s, ok := info.Selections[e]; ok && s.Kind() == types.FieldVal {
			return s.Obj().(*types.Var).Origin()
		}
	}
	return nil
}

// restyChainRoot strips from e the calls of resty methods that return
// their receiver (c.SetHeader(...), r.SetBody(...)): the client or request
// they configure. It stops at R(), whose request is a new one.
func restyChainRoot(info *types.Info, e ast.Expr) ast.Expr {
	for i := 0; i < 64; i++ {
		call, ok := astutil.Unparen(e).(*ast.CallExpr)
		if !ok {
			return e
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != restyPath || fn.Signature().Recv() == nil ||
			fn.Signature().Results().Len() == 0 || !types.Identical(fn.Signature().Recv().Type(), fn.Signature().Results().At(0).Type()) {
			return e
		}
		sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return e
		}
		e = sel.X
	}
	return e
}

// restyConfigOf gathers the configuration of the resty client or request
// e: along its chain, and on the variables, fields and functions of this
// package it comes from.
func (a *httpAnalysis) restyConfigOf(e ast.Expr) *restyConfig {
	c := &restyConfig{}
	a.restyGather(c, e, map[any]bool{})
	return c
}

func (a *httpAnalysis) restyGather(c *restyConfig, e ast.Expr, seen map[any]bool) {
	info := a.pass.TypesInfo
	for i := 0; i < 64; i++ {
		e = astutil.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok {
			break
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		switch {
		case isFunc(fn, restyPath, "New"):
			return
		case isFunc(fn, restyPath, "NewWithClient") && len(call.Args) == 1:
			c.clients = append(c.clients, call.Args[0])
			return
		case fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == restyPath && fn.Signature().Recv() != nil:
			if fn.Signature().Results().Len() == 0 || !isRestyType(fn.Signature().Results().At(0).Type()) {
				c.open = true
				return
			}
			a.restyApply(c, call, fn)
			sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				c.open = true
				return
			}
			e = sel.X
			continue
		case fn != nil && fn.Pkg() == a.pass.Pkg && a.funcDecl(fn) != nil:
			// A function of the package that returns a client.
			fn = fn.Origin()
			if seen[fn] {
				return
			}
			seen[fn] = true
			ast.Inspect(a.funcDecl(fn).Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ReturnStmt:
					if len(n.Results) > 0 {
						a.restyGather(c, n.Results[0], seen)
					}
				}
				return true
			})
			return
		}
		c.open = true
		return
	}
	obj := storedObj(info, e)
	if obj == nil {
		c.open = true
		return
	}
	if seen[obj] {
		return
	}
	seen[obj] = true
	ix := a.restyIndex()
	for _, call := range ix.calls[obj] {
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		a.restyApply(c, call, fn)
	}
	v, _ := obj.(*types.Var)
	if v == nil || v.Pkg() != a.pass.Pkg || len(ix.stores[obj]) == 0 || v.IsField() && v.Exported() || v.Parent() == v.Pkg().Scope() && v.Exported() {
		// Set by a caller, an importer, or nowhere the model sees.
		c.open = true
	}
	for _, s := range ix.stores[obj] {
		a.restyGather(c, s, seen)
	}
}

// restyApply records what the configuration call does.
func (a *httpAnalysis) restyApply(c *restyConfig, call *ast.CallExpr, fn *types.Func) {
	info := a.pass.TypesInfo
	if fn == nil {
		return
	}
	switch fn.Name() {
	case "SetBaseURL", "SetHostURL":
		if len(call.Args) == 1 && isMethod(fn, restyPath, "Client", fn.Name()) {
			c.bases = append(c.bases, a.folder.Fold(call.Args[0]))
		}
	case "SetHeader":
		if len(call.Args) == 2 {
			if name, ok := canonical(info, call.Args[0]); ok {
				c.headers = append(c.headers, &Header{Name: name, Pos: call.Pos(), Value: call.Args[1]})
			}
		}
	case "SetHeaders":
		if len(call.Args) == 1 {
			if lit, ok := astutil.Unparen(call.Args[0]).(*ast.CompositeLit); ok {
				for _, el := range lit.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if name, ok := canonical(info, kv.Key); ok {
							c.headers = append(c.headers, &Header{Name: name, Pos: kv.Pos(), Value: kv.Value})
						}
					}
				}
			}
		}
	case "SetRetryCount":
		if len(call.Args) == 1 {
			c.retryCounts = append(c.retryCounts, call.Args[0])
		}
	case "AddRetryCondition":
		if len(call.Args) == 1 {
			c.conditions = append(c.conditions, call.Args[0])
		}
	case "SetResult":
		if len(call.Args) == 1 && isMethod(fn, restyPath, "Request", fn.Name()) {
			c.results = append(c.results, call.Args[0])
		}
	case "SetTransport":
		if len(call.Args) == 1 {
			c.transports = append(c.transports, call.Args[0])
		}
	}
}

// base returns the base URL the client's relative URLs are joined to: the
// one base set, or among several the one with a Brex API host (a default
// that an option may override), or the one host they all agree on; a hole
// when the model cannot tell.
func (c *restyConfig) base() urlfold.Value {
	var brex, known []urlfold.Value
	for _, b := range c.bases {
		if h, ok := b.Host(); ok {
			known = append(known, b)
			if brexapi.IsAPIHost(h) || brexapi.IsPCIHost(h) {
				brex = append(brex, b)
			}
		}
	}
	switch {
	case len(c.bases) == 1 && !c.open:
		return c.bases[0]
	case len(brex) > 0 && sameHosts(brex):
		return brex[0]
	case len(known) == len(c.bases) && len(known) > 0 && sameHosts(known) && !c.open:
		return known[0]
	}
	return urlfold.Hole(urlfold.Unknown)
}

func sameHosts(vs []urlfold.Value) bool {
	h0, _ := vs[0].Host()
	p0, _ := vs[0].Path()
	for _, v := range vs[1:] {
		h, _ := v.Host()
		p, _ := v.Path()
		if h != h0 || p != p0 {
			return false
		}
	}
	return true
}

// restyOrigin returns the request a resty send makes (c.R()...Post(path)).
func (fs *funcScan) restyOrigin(cs callSite) (*origin, bool) {
	method, urlArg, req, ok := restySend(fs.a.pass.TypesInfo, cs.call)
	if !ok {
		return nil, false
	}
	fold := fs.a.folder.Fold
	o := &origin{site: cs, sendsItself: true}
	if method != "" {
		o.method = urlfold.Lit(method)
	} else {
		o.method = fold(cs.call.Args[0])
	}
	conf := fs.a.restyConfigOf(req)
	path := fold(cs.call.Args[urlArg])
	if _, ok := path.Host(); ok {
		o.url = path
	} else {
		if len(path.Parts) > 0 && !path.Parts[0].Hole && !strings.HasPrefix(path.Parts[0].Lit, "/") {
			path = urlfold.Concat(urlfold.Lit("/"), path)
		}
		o.url = urlfold.Concat(conf.base(), path)
	}
	o.headers = conf.headers
	return o, true
}

// sendsItself reports whether a call of fn builds a request and sends it:
// the shorthands of net/http and retryablehttp, and resty's request
// methods (Get, Post, ..., Execute).
func sendsItself(fn *types.Func) bool {
	if _, ok := shorthandMethod(fn); ok {
		return true
	}
	_, _, ok := restySendMethod(fn)
	return ok
}

// restyStatusCall reports whether call reads the status of a resty
// response (resp.StatusCode(), resp.IsSuccess(), resp.IsError()) or of a
// generated client's response (resp.StatusCode()), and returns the
// method's name and the response expression.
func restyStatusCall(info *types.Info, call *ast.CallExpr) (string, ast.Expr, bool) {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || len(call.Args) != 0 {
		return "", nil, false
	}
	switch fn.Name() {
	case "StatusCode", "IsSuccess", "IsError":
	default:
		return "", nil, false
	}
	if !isMethod(fn, restyPath, "Response", fn.Name()) && !(fn.Name() == "StatusCode" && isGenResponseMethod(fn)) {
		return "", nil, false
	}
	sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", nil, false
	}
	return fn.Name(), sel.X, true
}

// restyTransport judges the transports and http.Clients a resty client
// is configured with (SetTransport, NewWithClient): the first of them that
// retries 429; else, if every one is known not to retry, ClientNone with
// no description; known is false when one is unknown or the client is
// configured where the model cannot see.
func (j *clientJudge) restyTransport(f *respFlow, conf *restyConfig) (ci clientInfo, known bool) {
	var inner []clientInfo
	for _, t := range conf.transports {
		inner = append(inner, j.transport(f, t))
	}
	for _, c := range conf.clients {
		inner = append(inner, j.client(f, c))
	}
	for _, c := range inner {
		if c.kind == ClientRetries || c.kind == ClientRetriesConstant {
			return c, true
		}
	}
	if conf.open {
		return clientInfo{}, false
	}
	for _, c := range inner {
		if c.kind != ClientNone {
			return clientInfo{}, false
		}
	}
	return clientInfo{kind: ClientNone}, true
}

// restyClient judges the 429 handling of the resty client a request
// (expression req, of type *resty.Request) is sent through. resty retries
// nothing until SetRetryCount, and then only failed connections unless a
// retry condition (AddRetryCondition) says so; its waits grow
// exponentially. A transport or http.Client of its own that retries 429
// handles them too.
func (j *clientJudge) restyClient(f *respFlow, req ast.Expr) clientInfo {
	conf := j.r.http.restyConfigOf(req)
	if ci, known := j.restyTransport(f, conf); !known || ci.kind != ClientNone {
		return ci
	}
	retries := false
	for _, n := range conf.retryCounts {
		tv, ok := j.r.pass.TypesInfo.Types[n]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int || constant.Sign(tv.Value) != 0 {
			retries = true
		}
	}
	if !retries {
		return clientInfo{kind: ClientNone, what: "a resty client without SetRetryCount"}
	}
	covers := triFalse
	for _, c := range conf.conditions {
		switch t := j.r.http.conditionCovers429(c); {
		case t == triTrue:
			return clientInfo{kind: ClientRetries}
		case t == triUnknown:
			covers = triUnknown
		}
	}
	if covers == triUnknown {
		return clientInfo{}
	}
	return clientInfo{kind: ClientNone, what: "a resty client whose retry conditions leave out 429"}
}

// conditionCovers429 judges a resty retry condition: true when its body
// names the status 429 or calls IsError (which covers it); false when it
// reads no status at all (it retries on errors only); unknown otherwise
// (another status comparison, a function the model cannot see).
func (a *httpAnalysis) conditionCovers429(e ast.Expr) tri {
	info := a.pass.TypesInfo
	var body *ast.BlockStmt
	switch x := astutil.Unparen(e).(type) {
	case *ast.FuncLit:
		body = x.Body
	default:
		if fn, ok := objOf(info, x).(*types.Func); ok && a.funcDecl(fn) != nil {
			body = a.funcDecl(fn).Body
		}
	}
	if body == nil {
		return triUnknown
	}
	names, reads := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case ast.Expr:
			if tv, ok := info.Types[n]; ok && tv.Value != nil {
				if v, ok := constant.Int64Val(tv.Value); tv.Value.Kind() == constant.Int && ok && v == 429 {
					names = true
				}
				return false
			}
			if call, ok := n.(*ast.CallExpr); ok {
				if name, _, ok := restyStatusCall(info, call); ok {
					reads = true
					if name == "IsError" {
						names = true
					}
				}
			}
			if sel, ok := n.(*ast.SelectorExpr); ok && (isResponseField(info, sel, "StatusCode") || isResponseField(info, sel, "Status")) {
				reads = true // resp.RawResponse.StatusCode
			}
		}
		return true
	})
	switch {
	case names:
		return triTrue
	case reads:
		return triUnknown
	}
	return triFalse
}
