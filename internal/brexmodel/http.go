package brexmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/http"
	"strings"

	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/brexlint/brexlint/internal/urlfold"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// httpAnalysis is the state of the HTTP half of the model for one package.
type httpAnalysis struct {
	pass   *analysis.Pass
	model  *Model
	folder *urlfold.Folder
	teach  map[types.Object]directives.Teaching

	sums  map[*types.Func]*funcSummary // nil entry: in progress
	scans map[*types.Func]*funcScan    // finished scans, reused by the main loop

	signal *bool // the package carries a Brex signal; computed lazily
	resty  *restyIndex

	genFiles map[*token.File]bool                           // generated files; built on first use
	impls    map[*types.Func]*types.Func                    // interface method → its one implementation
	methods  map[*types.Package]map[string][]declaredMethod // see declaredMethods

	gen          genState                 // generated clients of this package (genclient.go)
	genMemo      map[*types.TypeName]bool // imported types with a GenClientFact
	oagServers   *string                  // a generated configuration's default server (openapigen.go)
	oagOpServers map[string]string        // its operations' own servers, by endpoint
}

// funcDecl returns the declaration, with a body, of fn, a function of the
// package (its origin); nil for any other (typesutil.Funcs).
func (a *httpAnalysis) funcDecl(fn *types.Func) *ast.FuncDecl {
	return a.model.funcs.FuncDecl(fn.Origin())
}

// funcSummary is what the model learns about one function of the package:
// its facts (nil when it is not that kind of function).
type funcSummary struct {
	wrapper *WrapperFact
	setter  *HeaderSetterFact
	sender  *SenderFact
	field   *FieldSetterFact
}

func (m *Model) analyzeHTTP(pass *analysis.Pass) error {
	a := &httpAnalysis{
		pass:   pass,
		model:  m,
		folder: m.urlFolder(),
		teach:  pass.ResultOf[directives.Analyzer].(*directives.Index).Teaching,
		sums:   map[*types.Func]*funcSummary{},
		scans:  map[*types.Func]*funcScan{},
	}
	a.folder.SetCallFolder(a.foldCall)
	for obj, t := range a.teach {
		if t&(directives.Client|directives.Retries429) != 0 {
			pass.ExportObjectFact(obj, &TeachingFact{Client: t&directives.Client != 0, Retries429: t&directives.Retries429 != 0})
		}
	}
	for fn, fd := range m.funcs.All() {
		inTest := typesutil.InTestFile(pass.Fset, fd.Pos())
		fs := a.scans[fn]
		if fs == nil {
			fs = a.newFuncScan(fn, fd)
			fs.run()
			a.scans[fn] = fs
		}
		for _, r := range fs.requests {
			r.InTest = inTest
			m.Requests = append(m.Requests, r)
		}
		s, ok := a.sums[fn]
		if !ok || s == nil {
			s = fs.summary()
			a.sums[fn] = s
		}
		a.export(fn, s)
	}
	a.markGenerated()
	a.exportImplementations()
	m.analyzeResponses(a)
	return nil
}

// exportImplementations exports an ImplementationFact on each interface
// method of the package whose one implementation (see implementation)
// carries facts: all that a call of the interface method in another
// package can learn from it.
func (a *httpAnalysis) exportImplementations() {
	for _, obj := range a.pass.TypesInfo.Defs {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Signature().Recv() == nil || !types.IsInterface(fn.Signature().Recv().Type()) {
			continue
		}
		impl := a.implementation(fn)
		if impl == fn {
			continue
		}
		if s := a.sums[impl]; s != nil && s.exported() {
			recv := impl.Signature().Recv().Type()
			if p, ok := recv.(*types.Pointer); ok {
				recv = p.Elem()
			}
			if named, ok := recv.(*types.Named); ok {
				a.pass.ExportObjectFact(fn, &ImplementationFact{Type: named.Obj().Name()})
			}
		}
	}
}

// exported reports whether export exports a fact for s.
func (s *funcSummary) exported() bool {
	return s.wrapper != nil || s.setter != nil || s.sender != nil || s.field != nil
}

func (a *httpAnalysis) export(fn *types.Func, s *funcSummary) {
	if s.wrapper != nil {
		a.pass.ExportObjectFact(fn, s.wrapper)
	}
	if s.setter != nil {
		a.pass.ExportObjectFact(fn, s.setter)
	}
	if s.sender != nil {
		a.pass.ExportObjectFact(fn, s.sender)
	}
	if s.field != nil {
		a.pass.ExportObjectFact(fn, s.field)
	}
}

// summaryOf returns what is known of fn: from a fact for an imported
// function, from a scan of its body for one of this package (scanned on
// demand, so callers see their callees' summaries whatever the order of
// declarations; recursion yields nothing).
func (a *httpAnalysis) summaryOf(fn *types.Func) *funcSummary {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() != a.pass.Pkg {
		s := &funcSummary{}
		var w WrapperFact
		if a.pass.ImportObjectFact(fn, &w) {
			s.wrapper = &w
		}
		var h HeaderSetterFact
		if a.pass.ImportObjectFact(fn, &h) {
			s.setter = &h
		}
		var snd SenderFact
		if a.pass.ImportObjectFact(fn, &snd) {
			s.sender = &snd
		}
		var fld FieldSetterFact
		if a.pass.ImportObjectFact(fn, &fld) {
			s.field = &fld
		}
		return s
	}
	if s, ok := a.sums[fn]; ok {
		return s // nil while in progress: a recursive call
	}
	fd := a.funcDecl(fn)
	if fd == nil {
		return nil
	}
	a.sums[fn] = nil
	fs := a.newFuncScan(fn, fd)
	fs.run()
	s := fs.summary()
	a.sums[fn] = s
	a.scans[fn] = fs
	return s
}

// taughtClient reports whether obj (a function, or a method's receiver
// type) carries //brexlint:client.
func (a *httpAnalysis) taughtClient(obj types.Object) bool {
	if obj == nil {
		return false
	}
	if fn, ok := obj.(*types.Func); ok {
		if a.taughtClient1(fn) {
			return true
		}
		if recv := fn.Signature().Recv(); recv != nil {
			if n, ok := types.Unalias(derefType(recv.Type())).(*types.Named); ok {
				return a.taughtClient1(n.Obj())
			}
		}
		return false
	}
	return a.taughtClient1(obj)
}

func (a *httpAnalysis) taughtClient1(obj types.Object) bool {
	if obj.Pkg() == a.pass.Pkg {
		return a.teach[obj]&directives.Client != 0
	}
	var t TeachingFact
	return a.pass.ImportObjectFact(obj, &t) && t.Client
}

func derefType(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// packageSignal reports whether the package carries a Brex signal: a string
// literal or constant holding a Brex host (here or among the constants of a
// direct import), a BREX_* environment variable read with os.Getenv or
// os.LookupEnv, or a //brexlint:client directive.
func (a *httpAnalysis) packageSignal() bool {
	if a.signal != nil {
		return *a.signal
	}
	found := a.computeSignal()
	a.signal = &found
	return found
}

func (a *httpAnalysis) computeSignal() bool {
	for _, t := range a.teach {
		if t&directives.Client != 0 {
			return true
		}
	}
	for cur := range a.model.insp.Root().Preorder((*ast.BasicLit)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.BasicLit:
			// The literal's text holds its value, unless an escape (or a
			// carriage return, dropped from a raw string) changes it:
			// most literals need not be evaluated.
			if n.Kind == token.STRING && (strings.Contains(n.Value, "brex") || strings.ContainsAny(n.Value, "\\\r")) &&
				hasBrexHost(typesutil.ConstString(a.pass.TypesInfo, n)) {
				return true
			}
		case *ast.CallExpr:
			if len(n.Args) != 1 {
				break
			}
			if fn := typeutil.StaticCallee(a.pass.TypesInfo, n); isFunc(fn, "os", "Getenv") || isFunc(fn, "os", "LookupEnv") {
				if strings.HasPrefix(typesutil.ConstString(a.pass.TypesInfo, n.Args[0]), "BREX_") {
					return true
				}
			}
		}
	}
	for _, imp := range a.pass.Pkg.Imports() {
		scope := imp.Scope()
		for _, name := range scope.Names() {
			if c, ok := scope.Lookup(name).(*types.Const); ok && c.Val().Kind() == constant.String {
				if hasBrexHost(constant.StringVal(c.Val())) {
					return true
				}
			}
		}
	}
	return false
}

// brexHosts are the host names whose presence in a string is a Brex signal.
var brexHosts = append(append(brexapi.APIHosts(), brexapi.PCIHosts()...), "accounts-api.brex.com", "accounts.brex.com")

func hasBrexHost(s string) bool {
	if !strings.Contains(s, "brex") {
		return false
	}
	for _, h := range brexHosts {
		if strings.Contains(s, h) {
			return true
		}
	}
	return false
}

// isFunc reports whether fn is the package-level function pkg.name.
func isFunc(fn *types.Func, pkg, name string) bool {
	return fn != nil && fn.Name() == name && fn.Pkg() != nil && fn.Pkg().Path() == pkg &&
		fn.Signature().Recv() == nil
}

// isMethod reports whether fn is the method name of the named type
// pkg.typ (pointer receivers included).
func isMethod(fn *types.Func, pkg, typ, name string) bool {
	if fn == nil || fn.Name() != name {
		return false
	}
	recv := fn.Signature().Recv()
	return recv != nil && typesutil.IsNamed(recv.Type(), pkg, typ)
}

// isRequestPtr reports whether t is a request pointer: *net/http.Request,
// or *retryablehttp.Request, which embeds one (its Header is the request's,
// and its client's Do sends it).
func isRequestPtr(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && (typesutil.IsNamed(p.Elem(), "net/http", "Request") || typesutil.IsNamed(p.Elem(), retryablehttpPath, "Request"))
}

// requestSource returns the request that call makes from another, with the
// same method, URL and headers: req.WithContext(ctx) and req.Clone(ctx) of
// net/http and retryablehttp, and retryablehttp.FromRequest(req).
func requestSource(info *types.Info, call *ast.CallExpr) (ast.Expr, bool) {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	switch {
	case isMethod(fn, "net/http", "Request", "WithContext"), isMethod(fn, "net/http", "Request", "Clone"),
		isMethod(fn, retryablehttpPath, "Request", "WithContext"):
		if sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return sel.X, true
		}
	case isFunc(fn, retryablehttpPath, "FromRequest") && len(call.Args) == 1:
		return call.Args[0], true
	}
	return nil, false
}

// isSendSignature reports whether sig is func(*http.Request) (*http.Response,
// error): Client.Do, RoundTripper.RoundTrip, a Doer interface's method, a
// function value of that shape.
func isSendSignature(sig *types.Signature) bool {
	if sig == nil || sig.Params().Len() != 1 || sig.Results().Len() != 2 {
		return false
	}
	if !isRequestPtr(sig.Params().At(0).Type()) {
		return false
	}
	r := sig.Results().At(0).Type()
	p, ok := types.Unalias(r).(*types.Pointer)
	return ok && typesutil.IsNamed(p.Elem(), "net/http", "Response") &&
		types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type())
}

// judge decides whether a request with this method and URL reaches Brex,
// and finds its catalogue entry. signal adds evidence the URL lacks (a
// wrapper's package signal, a taught client); usePackage lets the package's
// own signal count too.
func (a *httpAnalysis) judge(r *Request, usePackage, signal bool) {
	if host, ok := r.URL.Host(); ok {
		r.Host = host
		if brexapi.IsAPIHost(host) || brexapi.IsPCIHost(host) {
			r.Brex, r.Why = true, "Brex API host "+host
		}
	}
	path, ok := r.URL.Path()
	if !ok {
		return
	}
	r.Path = path
	if r.Host == "" {
		if len(brexapi.PathEndpoints(path)) == 0 {
			return
		}
		res, _ := brexapi.ResourceOf(path)
		switch {
		case res.BrexOnly():
			r.Brex, r.Why = true, "path "+res.String()+" exists only at Brex"
		case hasBrexEnv(r.URL):
			r.Brex, r.Why = true, "catalogue path and a base URL from a BREX_* variable"
		case len(r.URL.Env()) > 0:
			// A base URL from a variable named for something else
			// (LEDGER_URL) is another service's, even in a package that
			// also talks to Brex.
		case signal || usePackage && a.packageSignal():
			r.Brex, r.Why = true, "catalogue path and a Brex signal in the package"
		}
	}
	if r.Brex && r.Method != "" {
		if ep, ok := brexapi.Lookup(r.Method, path); ok {
			r.Endpoint = ep
		}
	}
}

func hasBrexEnv(v urlfold.Value) bool {
	for _, n := range v.Env() {
		if strings.HasPrefix(n, "BREX_") {
			return true
		}
	}
	return false
}

// canonical returns the canonical header name of a constant key.
func canonical(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return http.CanonicalHeaderKey(constant.StringVal(tv.Value)), true
}

// generated reports whether decl is in a generated file
// (directives.Generated: cgo's translation of the user's file is not).
func (a *httpAnalysis) generated(decl ast.Node) bool {
	if a.genFiles == nil {
		a.genFiles = map[*token.File]bool{}
		for _, f := range a.pass.Files {
			if directives.Generated(a.pass.Fset, f) {
				a.genFiles[a.pass.Fset.File(f.Pos())] = true
			}
		}
	}
	return a.genFiles[a.pass.Fset.File(decl.Pos())]
}

// implementation returns the method that a call of the interface method fn
// reaches when its interface's package declares exactly one type that
// implements the interface with methods of its own (a generated client's
// *Client for its ClientInterface; a type that embeds the interface, like
// ClientWithResponses, only forwards to it). Otherwise, and for a
// function that is not an interface method, fn itself.
func (a *httpAnalysis) implementation(fn *types.Func) *types.Func {
	if fn == nil || fn.Pkg() == nil {
		return fn
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn
	}
	iface, ok := recv.Type().Underlying().(*types.Interface)
	if !ok {
		return fn
	}
	if impl, ok := a.impls[fn]; ok {
		return impl
	}
	if fn.Pkg() != a.pass.Pkg && fn == fn.Origin() {
		// The interface's own pass searched its package.
		impl := fn
		var f ImplementationFact
		if a.pass.ImportObjectFact(fn, &f) {
			if tn, ok := fn.Pkg().Scope().Lookup(f.Type).(*types.TypeName); ok {
				if named, ok := tn.Type().(*types.Named); ok {
					for m := range named.Methods() {
						if m.Name() == fn.Name() {
							impl = m
						}
					}
				}
			}
		}
		if a.impls == nil {
			a.impls = map[*types.Func]*types.Func{}
		}
		a.impls[fn] = impl
		return impl
	}
	var found *types.Func
	n := 0
	for _, c := range a.declaredMethods(fn.Pkg())[fn.Name()] {
		if types.Implements(types.NewPointer(c.typ), iface) {
			found, n = c.method, n+1
		}
	}
	impl := fn
	if n == 1 {
		impl = found
	}
	if a.impls == nil {
		a.impls = map[*types.Func]*types.Func{}
	}
	a.impls[fn] = impl
	return impl
}

// A declaredMethod is a method declared on a defined type (not promoted
// from an embedded field).
type declaredMethod struct {
	typ    *types.Named
	method *types.Func
}

// declaredMethods indexes by name the methods that pkg declares on its
// package-level defined types that are not interfaces: the candidates of
// implementation. Built once per package and pass, because a package's
// scope is sorted on every Names call and implementation is asked about
// every interface method call (stripe-go calls its Backend's from each of
// its hundreds of packages).
func (a *httpAnalysis) declaredMethods(pkg *types.Package) map[string][]declaredMethod {
	if idx, ok := a.methods[pkg]; ok {
		return idx
	}
	idx := map[string][]declaredMethod{}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok {
			continue
		}
		for m := range named.Methods() {
			idx[m.Name()] = append(idx[m.Name()], declaredMethod{named, m})
		}
	}
	if a.methods == nil {
		a.methods = map[*types.Package]map[string][]declaredMethod{}
	}
	a.methods[pkg] = idx
	return idx
}
