package brexmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// The response flow of one function declaration (nested function literals
// included: they share its variables). It follows, flow-insensitively, the
// values that carry a response from where they enter the function to where
// they are decoded, returned or handed to another function:
//
//   - sources: the calls that send a request and yield its response (a
//     func(*http.Request) (*http.Response, error), net/http's Get/Post/...
//     shorthands, a wrapper or sender helper that returns the response or
//     decodes it), and the parameters that take a response, a body, bytes
//     or a decoder;
//   - values: a *http.Response, its Body and readers wrapping it
//     (io.LimitReader, bufio.NewReader, gzip.NewReader ...), bytes read
//     from it (io.ReadAll, a bytes.Buffer filled by ReadFrom or io.Copy,
//     string conversions, bytes.NewReader of them), and json.Decoders
//     reading them;
//   - events: a json decode (Decoder.Decode, json.Unmarshal, a helper whose
//     fact says it decodes a parameter into another), a return, an argument
//     passed to a function of this package.
//
// Each value carries the set of sources it comes from (a bit set: at most
// 64 sources per function are followed, which no real function reaches).
// Values stored in struct fields, maps, channels or globals are not
// followed.

// valKind is the kind of a value carrying a response.
type valKind int

const (
	kResp    valKind = iota // *http.Response
	kBody                   // an io.Reader over the body
	kBytes                  // bytes (or a string) read from the body
	kDecoder                // a *json.Decoder over the body
	kBuffer                 // a bytes.Buffer filled from the body (reader and bytes)
	nKinds
)

// val is, for each kind, the set of sources a value of that kind comes
// from.
type val [nKinds]uint64

func (v val) any() uint64 {
	var m uint64
	for _, t := range v {
		m |= t
	}
	return m
}

func (v val) reader() uint64 { return v[kBody] | v[kBuffer] }
func (v val) bytes() uint64  { return v[kBytes] | v[kBuffer] }

func (v *val) or(w val) bool {
	changed := false
	for i := range v {
		if n := v[i] | w[i]; n != v[i] {
			v[i] = n
			changed = true
		}
	}
	return changed
}

// kindMask turns the kinds set in v into a Kinds bit set (1<<kind).
func (v val) kindMask() uint8 {
	var m uint8
	for k, t := range v {
		if t != 0 {
			m |= 1 << k
		}
	}
	return m
}

// restrict keeps the sources in mask.
func (v val) restrict(mask uint64) val {
	for i := range v {
		v[i] &= mask
	}
	return v
}

// source is where a response enters a function.
type source struct {
	call  *ast.CallExpr // a sending call; nil for a parameter
	param int           // the parameter's index, for a parameter
	kind  valKind       // the kind of a parameter
	fn    *types.Func   // the callee of a sending call (nil for a func value)
}

// decodeEvent is a json decode of a value of the flow into target.
type decodeEvent struct {
	pos    token.Pos
	tags   uint64
	target ast.Expr
	// param is the index of the parameter of the function that the target
	// is (the caller's destination: func do(..., out any)); -1 if none.
	param int
	typ   types.Type // the decoded type (pointers removed); nil for an interface
	// via is the helper or wrapper that decodes, when it is not decoded
	// here; checked reports that via checks the status before decoding.
	via     *types.Func
	checked bool
}

// statusCheck is a look at the status of the responses of tags: a
// comparison or switch on StatusCode (or Status), or a helper that checks
// it.
type statusCheck struct {
	pos  token.Pos
	tags uint64
}

// passEvent is a value of the flow passed as argument param to callee, a
// function of this package.
type passEvent struct {
	callee *types.Func
	param  int
	tags   uint64
}

type assign struct {
	lhs *types.Var
	rhs ast.Expr
}

// tuple is an assignment of the results of call to lhs.
type tuple struct {
	lhs  []ast.Expr
	call *ast.CallExpr
}

// respFlow is the response flow of one function declaration.
type respFlow struct {
	r      *responseAnalysis
	fn     *types.Func
	fd     *ast.FuncDecl
	params map[*types.Var]int

	sources []*source
	callSrc map[*ast.CallExpr]int // sending call → its source bit
	vars    map[*types.Var]val
	assigns []assign
	effects []*ast.CallExpr // calls that fill a buffer: buf.ReadFrom(x), io.Copy(&buf, x)
	calls   []*ast.CallExpr
	returns []*ast.ReturnStmt // the declaration's own returns (not a literal's)
	cmps    []ast.Expr        // comparisons and switch tags
	lits    []*ast.CompositeLit
	decodes []decodeEvent
	checks  []statusCheck
	// statusVars are the variables holding the status of the responses
	// of their tags (code := resp.StatusCode).
	statusVars map[*types.Var]uint64
	// cmpParams are the integer parameters compared in the function (a
	// status helper: func ok(code int) bool).
	cmpParams map[int]bool
	passes    []passEvent
	returned  val // the first result, over every return
	// tuples are the assignments of a call's several results (t,
	// httpResp, err := req.Execute()).
	tuples []tuple
	// oagResp are the variables holding the *http.Response that an
	// operation of a client generated by openapi-generator returns beside
	// its decoded result: non-nil whenever a status arrived, error or not.
	oagResp map[*types.Var]uint64

	sum *respSummary
}

func (r *responseAnalysis) newFlow(fn *types.Func, fd *ast.FuncDecl) *respFlow {
	f := &respFlow{
		r: r, fn: fn, fd: fd,
		params:     map[*types.Var]int{},
		callSrc:    map[*ast.CallExpr]int{},
		vars:       map[*types.Var]val{},
		statusVars: map[*types.Var]uint64{},
		cmpParams:  map[int]bool{},
	}
	sig := fn.Signature()
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		f.params[p] = i
		if k, ok := paramKind(p.Type()); ok && len(f.sources) < 64 {
			f.vars[p] = f.vars[p]
			v := f.vars[p]
			v[k] |= 1 << len(f.sources)
			f.vars[p] = v
			f.sources = append(f.sources, &source{param: i, kind: k})
		}
	}
	return f
}

// paramKind reports the kind of a parameter that can take a response
// value: a *http.Response, an io.Reader, a []byte, a *bytes.Buffer, a
// *json.Decoder. (Not a string: a string parameter is too common to follow,
// and bodies are rarely handed on as strings.)
func paramKind(t types.Type) (valKind, bool) {
	switch {
	case isResponsePtr(t):
		return kResp, true
	case typesutil.IsNamed(t, "encoding/json", "Decoder"):
		if _, ok := types.Unalias(t).(*types.Pointer); ok {
			return kDecoder, true
		}
	case typesutil.IsNamed(t, "bytes", "Buffer"):
		if _, ok := types.Unalias(t).(*types.Pointer); ok {
			return kBuffer, true
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Interface:
		if isReaderInterface(u) {
			return kBody, true
		}
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return kBytes, true
		}
	}
	return 0, false
}

// isReaderInterface reports whether iface has a Read([]byte) (int, error)
// method (io.Reader, io.ReadCloser ...).
func isReaderInterface(iface *types.Interface) bool {
	for i := 0; i < iface.NumMethods(); i++ {
		m := iface.Method(i)
		if m.Name() == "Read" {
			sig := m.Signature()
			return sig.Params().Len() == 1 && sig.Results().Len() == 2
		}
	}
	return false
}

func isResponsePtr(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && typesutil.IsNamed(p.Elem(), "net/http", "Response")
}

// run collects the function's sources, values and events.
func (f *respFlow) run() {
	f.collect(f.r.model.bodyCursor(f.fd), true)
	for _, call := range f.calls {
		f.classifySource(call)
	}
	f.oagResponses()
	// Propagate values through assignments and buffer fills until nothing
	// changes (flow-insensitive; a few rounds suffice in practice).
	for round := 0; round < 8; round++ {
		changed := false
		for _, as := range f.assigns {
			v := f.vars[as.lhs]
			if v.or(f.eval(as.rhs)) {
				f.vars[as.lhs] = v
				changed = true
			}
		}
		for _, call := range f.effects {
			if f.applyEffect(call) {
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	// Status variables: code := resp.StatusCode (twice, for chains; a
	// round that finds none leaves the next one nothing new to find).
	for range 2 {
		found := false
		for _, as := range f.assigns {
			if t := f.statusTags(as.rhs); t != 0 && isInteger(as.lhs.Type()) {
				f.statusVars[as.lhs] |= t
				found = true
			}
		}
		if !found {
			break
		}
	}
	for _, e := range f.cmps {
		if t := f.statusTags(e) | f.genStatusBodyTags(e); t != 0 {
			f.checks = append(f.checks, statusCheck{pos: e.Pos(), tags: t})
		}
		f.noteCmpParams(e)
	}
	for _, call := range f.calls {
		f.events(call)
	}
	res := f.fn.Signature().Results()
	for _, ret := range f.returns {
		switch {
		case len(ret.Results) > 0:
			f.returned.or(f.eval(ret.Results[0]))
		case res.Len() > 0:
			f.returned.or(f.vars[res.At(0)])
		}
	}
}

// collectKinds are the kinds of node that collect looks at.
var collectKinds = []ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil), (*ast.CallExpr)(nil), (*ast.BinaryExpr)(nil),
	(*ast.SwitchStmt)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)}

// collect walks body; own is false inside function literals, whose returns
// are not the declaration's.
func (f *respFlow) collect(body inspector.Cursor, own bool) {
	info := f.r.pass.TypesInfo
	body.Inspect(collectKinds, func(cur inspector.Cursor) bool {
		switch n := cur.Node().(type) {
		case *ast.FuncLit:
			f.collect(cur.Child(n.Body), false)
			return false
		case *ast.ReturnStmt:
			if own {
				f.returns = append(f.returns, n)
			}
		case *ast.CallExpr:
			f.calls = append(f.calls, n)
			if f.isEffect(n) {
				f.effects = append(f.effects, n)
			}
			if name, _, ok := restyStatusCall(info, n); ok && name != "StatusCode" {
				f.cmps = append(f.cmps, n) // resp.IsError() looks at the status
			}
		case *ast.BinaryExpr:
			switch n.Op {
			case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
				f.cmps = append(f.cmps, n)
			}
		case *ast.SwitchStmt:
			if n.Tag != nil {
				f.cmps = append(f.cmps, n.Tag)
			}
		case *ast.CompositeLit:
			f.lits = append(f.lits, n)
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if v := typesutil.VarOf(info, l); v != nil {
						f.assigns = append(f.assigns, assign{v, n.Rhs[i]})
					}
				}
			} else if len(n.Rhs) == 1 {
				if v := typesutil.VarOf(info, n.Lhs[0]); v != nil {
					f.assigns = append(f.assigns, assign{v, n.Rhs[0]})
				}
				if call, ok := astutil.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
					f.tuples = append(f.tuples, tuple{n.Lhs, call})
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, name := range n.Names {
					if v, ok := info.Defs[name].(*types.Var); ok {
						f.assigns = append(f.assigns, assign{v, n.Values[i]})
					}
				}
			} else if len(n.Values) == 1 {
				if v, ok := info.Defs[n.Names[0]].(*types.Var); ok {
					f.assigns = append(f.assigns, assign{v, n.Values[0]})
				}
			}
		}
		return true
	})
}

// oagResponses gives the *http.Response results after the first of the
// operations of clients generated by openapi-generator (the httpResp of
// t, httpResp, err := req.Execute()) the response of their send.
func (f *respFlow) oagResponses() {
	info := f.r.pass.TypesInfo
	for _, t := range f.tuples {
		i, ok := f.callSrc[t.call]
		if !ok || !f.r.http.oagOp(f.sources[i].fn) {
			continue
		}
		for _, l := range t.lhs[1:] {
			v := typesutil.VarOf(info, l)
			if v == nil || !isResponsePtr(v.Type()) {
				continue
			}
			cur := f.vars[v]
			cur[kResp] |= 1 << i
			f.vars[v] = cur
			if f.oagResp == nil {
				f.oagResp = map[*types.Var]uint64{}
			}
			f.oagResp[v] |= 1 << i
		}
	}
}

// classifySource makes call a source when it sends a request and yields
// its response: directly, or through a function whose summary says so.
func (f *respFlow) classifySource(call *ast.CallExpr) {
	if len(f.sources) >= 64 {
		return
	}
	info := f.r.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	// An operation of a generated client's interface is its one
	// implementation's.
	fn = f.r.http.implementation(fn)
	sends := false
	switch {
	case isSendCall(info, call):
		sends = true
	case fn != nil:
		if sendsItself(fn) {
			sends = true
		} else if s := f.r.summaryOf(fn); s != nil && s.sends() {
			sends = true
		}
	}
	if !sends {
		return
	}
	f.callSrc[call] = len(f.sources)
	f.sources = append(f.sources, &source{call: call, param: -1, fn: fn})
}

// isSendCall reports whether call is a call of a func(*http.Request)
// (*http.Response, error): Client.Do, RoundTrip, a Doer's method.
func isSendCall(info *types.Info, call *ast.CallExpr) bool {
	sig, ok := info.TypeOf(call.Fun).(*types.Signature)
	return ok && isSendSignature(sig) && len(call.Args) == 1
}

// isEffect reports whether call fills a buffer: buf.ReadFrom(r),
// buf.Write(b), buf.WriteString(s), io.Copy(&buf, r), io.CopyN(&buf, r, n).
func (f *respFlow) isEffect(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(f.r.pass.TypesInfo, call).(*types.Func)
	return isMethod(fn, "bytes", "Buffer", "ReadFrom") || isMethod(fn, "bytes", "Buffer", "Write") ||
		isMethod(fn, "bytes", "Buffer", "WriteString") ||
		isFunc(fn, "io", "Copy") || isFunc(fn, "io", "CopyN")
}

func (f *respFlow) applyEffect(call *ast.CallExpr) bool {
	info := f.r.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	var dst, src ast.Expr
	var tags uint64
	switch {
	case isFunc(fn, "io", "Copy") || isFunc(fn, "io", "CopyN"):
		if len(call.Args) < 2 {
			return false
		}
		dst, src = call.Args[0], call.Args[1]
		tags = f.eval(src).reader()
	default:
		sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || len(call.Args) != 1 {
			return false
		}
		dst, src = sel.X, call.Args[0]
		if fn.Name() == "ReadFrom" {
			tags = f.eval(src).reader()
		} else {
			tags = f.eval(src).bytes()
		}
	}
	if tags == 0 {
		return false
	}
	dst = astutil.Unparen(dst)
	if u, ok := dst.(*ast.UnaryExpr); ok && u.Op == token.AND {
		dst = u.X
	}
	v := typesutil.VarOf(info, dst)
	if v == nil || !typesutil.IsNamed(v.Type(), "bytes", "Buffer") {
		return false
	}
	cur := f.vars[v]
	var add val
	add[kBuffer] = tags
	if cur.or(add) {
		f.vars[v] = cur
		return true
	}
	return false
}

// eval returns the response values e may hold.
func (f *respFlow) eval(e ast.Expr) val {
	var out val
	info := f.r.pass.TypesInfo
	switch e := astutil.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok {
			return f.vars[v]
		}
		if v, ok := info.Defs[e].(*types.Var); ok {
			return f.vars[v]
		}
	case *ast.StarExpr:
		return f.eval(e.X)
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return f.eval(e.X)
		}
	case *ast.TypeAssertExpr:
		return f.eval(e.X)
	case *ast.SelectorExpr:
		if isResponseField(info, e, "Body") {
			out[kBody] = f.eval(e.X)[kResp]
		}
		if isGenResponseField(info, e) {
			out[kResp] = f.eval(e.X)[kResp] // resp.HTTPResponse
		}
		if isGenBodyField(info, e) {
			out[kBytes] = f.eval(e.X)[kResp] // resp.Body, read in full at any status
		}
	case *ast.CallExpr:
		return f.evalCall(e)
	}
	return out
}

// isResponseField reports whether sel selects field name of an
// http.Response: on one, a pointer to one, or a struct that embeds one.
func isResponseField(info *types.Info, sel *ast.SelectorExpr, name string) bool {
	return sel.Sel.Name == name && typesutil.IsFieldOf(info.Selections[sel], "net/http", "Response", name)
}

func (f *respFlow) evalCall(call *ast.CallExpr) val {
	var out val
	info := f.r.pass.TypesInfo
	if i, ok := f.callSrc[call]; ok {
		s := f.sources[i]
		bit := uint64(1) << i
		if s.fn == nil || isSendCall(info, call) {
			out[kResp] = bit
		} else if sendsItself(s.fn) {
			out[kResp] = bit
		} else if f.r.http.genOp(s.fn) && isGenResponse(s.fn.Signature().Results().At(0).Type()) {
			// A generated client's XWithResponse: the parsed response
			// holds the *http.Response and reads its status.
			out[kResp] = bit
		} else if f.r.http.oagOp(s.fn) && isResponsePtr(s.fn.Signature().Results().At(0).Type()) {
			// openapi-generator's Execute() of an operation without a
			// body to decode: (*http.Response, error).
			out[kResp] = bit
		} else if sum := f.r.summaryOf(s.fn); sum != nil {
			for k := valKind(0); k < nKinds; k++ {
				if sum.Returns&(1<<k) != 0 {
					out[k] |= bit
				}
			}
		}
		return out
	}
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) != 1 {
			return out
		}
		x := f.eval(call.Args[0])
		if typesutil.IsStringOrBytes(tv.Type) {
			out[kBytes] = x.bytes()
			return out
		}
		return x
	}
	if len(call.Args) == 0 {
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
		switch {
		case !ok:
		case isMethod(fn, "bytes", "Buffer", "Bytes") || isMethod(fn, "bytes", "Buffer", "String"):
			out[kBytes] = f.eval(sel.X)[kBuffer]
		case isMethod(fn, restyPath, "Response", "Body") || isMethod(fn, restyPath, "Response", "String"):
			// A resty response's body, read in full by resty.
			out[kBytes] = f.eval(sel.X)[kResp]
		}
		return out
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return out
	}
	arg := func(i int) val {
		if i < len(call.Args) {
			return f.eval(call.Args[i])
		}
		return val{}
	}
	if i, ok := typesutil.ReaderOver(fn); ok {
		out[kBody] = arg(i).reader()
		return out
	}
	if fn.Pkg() != nil && fn.Signature().Recv() == nil {
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "io.ReadAll", "io/ioutil.ReadAll":
			out[kBytes] = arg(0).reader()
			return out
		case "bytes.NewReader", "strings.NewReader":
			out[kBody] = arg(0).bytes()
			return out
		case "bytes.NewBuffer", "bytes.NewBufferString":
			out[kBuffer] = arg(0).bytes()
			return out
		case "encoding/json.NewDecoder":
			out[kDecoder] = arg(0).reader()
			return out
		}
	}
	if sum := f.r.summaryOf(fn); sum != nil {
		for _, pf := range sum.Params {
			if pf.Returns == 0 || pf.Param >= len(call.Args) || variadicAt(fn, pf.Param) {
				continue
			}
			tags := arg(pf.Param).any()
			for k := valKind(0); k < nKinds; k++ {
				if pf.Returns&(1<<k) != 0 {
					out[k] |= tags
				}
			}
		}
	}
	return out
}

// events records the decodes and passes of call.
func (f *respFlow) events(call *ast.CallExpr) {
	info := f.r.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return
	}
	switch {
	case isMethod(fn, "encoding/json", "Decoder", "Decode") && len(call.Args) == 1:
		if sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			f.decode(call, f.eval(sel.X)[kDecoder], call.Args[0])
		}
		return
	case isFunc(fn, "encoding/json", "Unmarshal") && len(call.Args) == 2:
		f.decode(call, f.eval(call.Args[0]).bytes(), call.Args[1])
		return
	}
	if i, ok := f.callSrc[call]; ok {
		if _, _, req, ok := restySend(info, call); ok {
			// SetResult(&out): resty decodes a 2xx body into out, and
			// only a 2xx one.
			for _, target := range f.r.http.restyConfigOf(req).results {
				f.decodeVia(call, 1<<i, target, nil, true)
			}
			return
		}
	}
	var sum *respSummary
	if !sendsItself(fn) && !isSendCall(info, call) {
		sum = f.r.summaryOf(fn)
	}
	if sum != nil {
		if i, ok := f.callSrc[call]; ok {
			// A generated XWithResponse looks at the status only to fill
			// JSON200 and its kind: its Body holds any status's.
			if sum.StatusChecked && !f.r.http.genParsed(fn) {
				f.checks = append(f.checks, statusCheck{pos: call.Pos(), tags: 1 << i})
			}
			for _, j := range sum.DecodesInto {
				if j < len(call.Args) && !variadicAt(fn, j) {
					f.decodeVia(call, 1<<i, call.Args[j], fn, sum.StatusChecked)
				}
			}
		}
		for _, pf := range sum.Params {
			if pf.Param >= len(call.Args) || variadicAt(fn, pf.Param) {
				continue
			}
			v := f.eval(call.Args[pf.Param])
			tags := v.any()
			if tags == 0 {
				continue
			}
			if pf.ChecksStatus && v[kResp] != 0 {
				f.checks = append(f.checks, statusCheck{pos: call.Pos(), tags: v[kResp]})
			}
			checked := pf.ChecksStatus && !pf.DecodesFirst
			for _, j := range pf.DecodesInto {
				if j < len(call.Args) && !variadicAt(fn, j) {
					f.decodeVia(call, tags, call.Args[j], fn, checked)
				}
			}
			if pf.Decodes && len(pf.DecodesInto) == 0 {
				f.decodeVia(call, tags, nil, fn, checked)
			}
		}
	}
	// A status passed to a helper of this package that compares it.
	if fn.Origin().Pkg() == f.r.pass.Pkg {
		if g := f.r.flows[fn.Origin()]; g != nil {
			for i, a := range call.Args {
				if g.cmpParams[i] {
					if t := f.statusTags(a); t != 0 {
						f.checks = append(f.checks, statusCheck{pos: call.Pos(), tags: t})
					}
				}
			}
		}
	}
	if fn.Origin().Pkg() == f.r.pass.Pkg {
		sig := fn.Signature()
		for i, a := range call.Args {
			if i >= sig.Params().Len() || variadicAt(fn, i) {
				break
			}
			if tags := f.eval(a).any(); tags != 0 {
				f.passes = append(f.passes, passEvent{callee: fn.Origin(), param: i, tags: tags})
			}
		}
	}
}

// decode records a decode of values from tags into target.
func (f *respFlow) decode(call *ast.CallExpr, tags uint64, target ast.Expr) {
	f.decodeVia(call, tags, target, nil, false)
}

// decodeVia records a decode made by the helper or wrapper via (nil: here);
// target may be nil when the helper decodes into its own variable.
func (f *respFlow) decodeVia(call *ast.CallExpr, tags uint64, target ast.Expr, via *types.Func, checked bool) {
	if tags == 0 {
		return
	}
	info := f.r.pass.TypesInfo
	ev := decodeEvent{pos: call.Pos(), tags: tags, target: target, param: -1, via: via, checked: checked}
	if target == nil {
		f.decodes = append(f.decodes, ev)
		return
	}
	t := astutil.Unparen(target)
	if u, ok := t.(*ast.UnaryExpr); ok && u.Op == token.AND {
		t = astutil.Unparen(u.X)
	}
	if v := typesutil.VarOf(info, t); v != nil {
		if i, ok := f.params[v]; ok {
			ev.param = i
		}
	}
	if typ := info.TypeOf(target); typ != nil {
		for {
			p, ok := types.Unalias(typ).(*types.Pointer)
			if !ok {
				break
			}
			typ = p.Elem()
		}
		if _, ok := typ.Underlying().(*types.Interface); !ok {
			ev.typ = typ
		}
	}
	f.decodes = append(f.decodes, ev)
}

// summary returns what the function does with responses, for its callers.
func (f *respFlow) summary() *respSummary {
	s := &respSummary{}
	var sendMask uint64
	for i, src := range f.sources {
		if src.call != nil {
			sendMask |= 1 << i
		}
	}
	s.Returns = f.returned.restrict(sendMask).kindMask()
	for _, ev := range f.decodes {
		if ev.param >= 0 && ev.tags&sendMask != 0 {
			s.DecodesInto = appendUnique(s.DecodesInto, ev.param)
		}
	}
	if sendMask != 0 {
		s.StatusChecked = true
		for i := range f.sources {
			if sendMask&(1<<i) != 0 && f.firstCheck(1<<i) == token.NoPos {
				s.StatusChecked = false
			}
		}
	}
	for i, src := range f.sources {
		if src.call != nil {
			continue
		}
		bit := uint64(1) << i
		pf := ParamFlow{Param: src.param, Returns: f.returned.restrict(bit).kindMask()}
		first := f.firstCheck(bit)
		pf.ChecksStatus = src.kind == kResp && first != token.NoPos
		for _, ev := range f.decodes {
			if ev.tags&bit == 0 {
				continue
			}
			pf.Decodes = true
			if !ev.checked && (first == token.NoPos || ev.pos < first) {
				pf.DecodesFirst = true
			}
			if ev.param >= 0 && ev.param != src.param {
				pf.DecodesInto = appendUnique(pf.DecodesInto, ev.param)
			}
		}
		if pf.Returns != 0 || len(pf.DecodesInto) > 0 || pf.ChecksStatus || pf.Decodes {
			s.Params = append(s.Params, pf)
		}
	}
	return s
}

// firstCheck returns the position of the first look at the status of the
// responses of bit, or NoPos.
func (f *respFlow) firstCheck(bit uint64) token.Pos {
	first := token.NoPos
	for _, c := range f.checks {
		if c.tags&bit != 0 && (first == token.NoPos || c.pos < first) {
			first = c.pos
		}
	}
	return first
}

// checkedBefore reports whether the status of the responses of tags is
// looked at before pos (every source of tags).
func (f *respFlow) checkedBefore(tags uint64, pos token.Pos) bool {
	for i := range f.sources {
		bit := uint64(1) << i
		if tags&bit == 0 {
			continue
		}
		c := f.firstCheck(bit)
		if c == token.NoPos || c > pos {
			return false
		}
	}
	return true
}

// statusTags returns the sources whose status e reads: StatusCode or
// Status of a response, or a status variable.
func (f *respFlow) statusTags(e ast.Expr) uint64 {
	info := f.r.pass.TypesInfo
	var tags uint64
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectorExpr:
			if isResponseField(info, n, "StatusCode") || isResponseField(info, n, "Status") {
				tags |= f.eval(n.X)[kResp]
				return false
			}
		case *ast.CallExpr:
			if _, recv, ok := restyStatusCall(info, n); ok {
				tags |= f.eval(recv)[kResp]
				return false
			}
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok {
				tags |= f.statusVars[v]
			}
		}
		return true
	})
	return tags
}

// noteCmpParams records the integer parameters that e compares.
func (f *respFlow) noteCmpParams(e ast.Expr) {
	info := f.r.pass.TypesInfo
	var operands []ast.Expr
	if b, ok := e.(*ast.BinaryExpr); ok {
		operands = []ast.Expr{b.X, b.Y}
	} else {
		operands = []ast.Expr{e}
	}
	for _, o := range operands {
		ast.Inspect(o, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && isInteger(v.Type()) {
					if i, ok := f.params[v]; ok {
						f.cmpParams[i] = true
					}
				}
			}
			return true
		})
	}
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

func appendUnique(s []int, x int) []int {
	for _, y := range s {
		if y == x {
			return s
		}
	}
	return append(s, x)
}
