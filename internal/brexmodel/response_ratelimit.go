package brexmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// The 429 handling of each send of a Brex request.
//
// A send is a source of a flow that carries Brex responses: a raw send
// (Client.Do, RoundTrip, http.Get ...), or a call of a wrapper or sender
// helper. A 429 at a send is handled when
//
//   - its client retries 429 (a raw send; see response_client.go), or the
//     client is injected (the code that passes it is judged), or the model
//     cannot tell;
//   - the wrapper or helper it calls handles 429 inside;
//   - a retry around it retries at 429 (response_retry.go), or the job is
//     handed back to a queue (an Asynq handler or Temporal activity that
//     returns the error, an Asynq Enqueue on the 429 path);
//   - its function hands the 429 to its callers (returns the response, or
//     an error) and every Brex call of that function in the package is
//     handled.
//
// Findings land once: at the raw send inside a wrapper or helper that turns
// the 429 into an error or swallows it; at the callers of a function that
// returns the response.

// Send is a send of Brex requests, with what the model knows of its 429
// handling.
type Send struct {
	// Call is the send: a Client.Do, RoundTrip, http.Get ..., or the call
	// of a wrapper or helper that sends.
	Call *ast.CallExpr
	// Func is the declaration holding Call.
	Func *ast.FuncDecl
	// Via is the wrapper or helper called, nil for a raw send.
	Via *types.Func
	// ViaReturns: Via returns the response to this call (rather than
	// turning its status into an error).
	ViaReturns bool
	// Endpoints are the Brex endpoints sent here ("POST /v1/transfers"),
	// sorted; empty when only the wrapper's URL says it reaches Brex.
	Endpoints []string
	// Landing: response-handling findings about this send land here (it
	// is not inside a function that hands the response back, and not a
	// call of a helper that is judged inside).
	Landing bool
	// Handled: a 429 is handled, here or by the callers (or the model
	// cannot tell).
	Handled bool
	// Client is what the model knows of the client of a raw send;
	// ClientWhat describes a ClientNone or ClientRetriesConstant one.
	Client     ClientKind
	ClientWhat string
	// Generated: Via is an operation of a generated API client
	// (oapi-codegen), and Client and ClientWhat judge the Doer its
	// constructor was given (the default http.Client when none).
	Generated bool
	// Retry is the retry of 429 around the send in Func, if any.
	Retry *Retry
	// InTest reports whether Call is in a _test.go file.
	InTest bool
}

// InjectedClient is a place that passes a client without 429 handling to
// code that sends Brex requests through it: a constructor or helper call,
// or the setting of an exported field.
type InjectedClient struct {
	// Node is the call, the composite literal's field, or the assignment.
	Node ast.Node
	// Into names the function or field the client is passed to
	// ("brex.NewClient", "brex.Client.HTTP").
	Into string
	// What describes the client ("http.DefaultClient").
	What string
	// Kind is ClientNone (no 429 handling) or ClientRetriesConstant (a
	// retry with a constant wait).
	Kind      ClientKind
	Endpoints []string
	InTest    bool
}

// sendInfo is the model's work on one send.
type sendInfo struct {
	f      *respFlow
	i      int
	call   *ast.CallExpr
	raw    bool
	callee *types.Func
	client clientInfo
	retry  *Retry
	outs   outcome
	decl   bool // the send's region is the declaration (not a literal)
	gen    bool // a call of a generated client's operation; client is its Doer
}

// sendOf returns the model's judgement of source i of f (memoized).
func (r *responseAnalysis) sendOf(f *respFlow, i int) *sendInfo {
	key := sendKey{f, i}
	if si, ok := r.sends[key]; ok {
		return si
	}
	src := f.sources[i]
	si := &sendInfo{f: f, i: i, call: src.call, callee: src.fn}
	r.sends[key] = si
	info := r.pass.TypesInfo
	si.raw = isSendCall(info, src.call)
	if !si.raw && src.fn != nil {
		if sendsItself(src.fn) {
			si.raw = true
		}
	}
	if si.raw {
		si.callee = nil
		si.client = r.judge().sendClient(f, src.call)
	} else if r.http.genOp(src.fn) {
		// An operation of a generated client sends through the Doer its
		// constructor was given.
		si.gen = true
		if sel, ok := astutil.Unparen(src.call.Fun).(*ast.SelectorExpr); ok {
			si.client = r.judge().genClient(f, sel.X)
		}
	}
	si.retry, si.outs = r.retryAt(f, i)
	si.decl = true
	for _, n := range f.pathTo(src.call) {
		if _, ok := n.(*ast.FuncLit); ok {
			si.decl = false
			break
		}
		if _, ok := n.(*ast.FuncDecl); ok {
			break
		}
	}
	return si
}

type sendKey struct {
	f *respFlow
	i int
}

// localHandled reports whether a 429 at the send is handled without its
// function's callers.
func (r *responseAnalysis) localHandled(si *sendInfo) bool {
	if si.raw || si.gen {
		if si.client.kind != ClientNone {
			return true
		}
	} else if r.calleeHandles(si.callee) {
		return true
	}
	return r.handledHere(si)
}

// handledHere: a retry, a re-queue, a 429 handed back to the caller as a
// signal of its own (a scheduler runs the job again later), or paths the
// model does not follow.
func (r *responseAnalysis) handledHere(si *sendInfo) bool {
	if si.retry != nil {
		return true
	}
	if si.outs&(oUnknown|oNext|oRequeue|oHandBack) != 0 {
		return true
	}
	if !si.decl {
		// In a function literal not given to a retry library: where its
		// error goes is not followed.
		return si.outs&(oReturnErr|oReturnResp) != 0
	}
	return si.outs&oReturnErr != 0 && r.isQueueTask(si.f.fn)
}

// handled reports whether a 429 at the send is handled, here or by every
// Brex call of its function in the package.
func (r *responseAnalysis) handled(si *sendInfo) bool {
	if r.localHandled(si) {
		return true
	}
	if si.decl && si.outs&(oReturnErr|oReturnResp) != 0 {
		return r.callersHandle(si.f.fn)
	}
	return false
}

// callersHandle reports whether every Brex call of fn in the package is a
// send whose 429 is handled (false when there is none).
func (r *responseAnalysis) callersHandle(fn *types.Func) bool {
	if v, ok := r.callersMemo[fn]; ok {
		return v
	}
	r.callersMemo[fn] = false // recursion: not handled
	sites := r.callSites[fn]
	ok := len(sites) > 0
	for _, s := range sites {
		if !r.handled(r.sendOf(s.f, s.i)) {
			ok = false
			break
		}
	}
	r.callersMemo[fn] = ok
	return ok
}

// calleeHandles reports whether a wrapper or helper handles 429 inside
// (or the model cannot tell).
func (r *responseAnalysis) calleeHandles(fn *types.Func) bool {
	if fn == nil {
		return true
	}
	fn = fn.Origin()
	if r.taught429(fn) {
		return true
	}
	if fn.Pkg() != r.pass.Pkg {
		var rf ResponseFact
		return r.pass.ImportObjectFact(fn, &rf) && rf.Handles429
	}
	if v, ok := r.handlesMemo[fn]; ok {
		return v
	}
	r.handlesMemo[fn] = true // recursion: do not blame
	f := r.flows[fn]
	ok := f != nil
	if f != nil {
		n := 0
		for i, src := range f.sources {
			if src.call == nil {
				continue
			}
			n++
			if !r.localHandled(r.sendOf(f, i)) {
				ok = false
				break
			}
		}
		ok = ok && n > 0
	}
	r.handlesMemo[fn] = ok
	return ok
}

// retries429 says whether fn (a RoundTrip or Do method) retries 429 on its
// sends, and how: a send in a retry of 429 is enough (a last attempt after
// the loop is common).
func (r *responseAnalysis) retries429(fn *types.Func) retryQuality {
	f := r.flows[fn]
	if f == nil {
		return retryAbsent
	}
	q := retryAbsent
	for i, src := range f.sources {
		if src.call == nil {
			continue
		}
		si := r.sendOf(f, i)
		switch {
		case si.retry == nil:
		case si.retry.Wait == WaitGrowing:
			if q == retryAbsent {
				q = retryGrowing
			}
		default:
			q = retryConstant
		}
	}
	return q
}

// landing reports whether findings about the send land at it.
func (r *responseAnalysis) landing(si *sendInfo) bool {
	if si.decl && si.outs&oReturnResp != 0 {
		return false // handed back: the callers' calls are the sends
	}
	if si.raw || si.gen {
		return true
	}
	if si.callee == nil {
		return false
	}
	callee := si.callee.Origin()
	if callee.Pkg() == r.pass.Pkg {
		s := r.summaryOf(callee)
		return s != nil && s.Returns&(1<<kResp) != 0
	}
	var rf ResponseFact
	if !r.pass.ImportObjectFact(callee, &rf) {
		return false
	}
	return rf.Returns&(1<<kResp) != 0 || !rf.Judged
}

// buildSends computes the model's Sends and injected clients once the
// Brex sources are known.
func (r *responseAnalysis) buildSends() {
	for _, f := range r.ordered {
		mask := r.masks[f]
		for i, src := range f.sources {
			if src.call == nil {
				continue
			}
			callee := src.fn
			if callee != nil && callee.Origin().Pkg() == r.pass.Pkg && mask&(1<<i) != 0 {
				r.callSites[callee.Origin()] = append(r.callSites[callee.Origin()], sendKey{f, i})
			}
		}
	}
	for _, f := range r.ordered {
		mask := r.masks[f]
		for i, src := range f.sources {
			if src.call == nil {
				continue
			}
			if mask&(1<<i) == 0 {
				// Not known to send Brex requests here: a helper that sends
				// through a client its caller passes still tells its
				// callers to judge that client at their Brex calls.
				if f.fn.Exported() || f.fn.Signature().Recv() != nil {
					r.notePerCallInjection(f, i)
				}
				continue
			}
			si := r.sendOf(f, i)
			s := &Send{
				Call:      src.call,
				Func:      f.fd,
				Via:       si.callee,
				Endpoints: r.endpointsOf(f, src.call),
				Landing:   r.landing(si),
				Handled:   r.handled(si),
				Client:    si.client.kind,
				Retry:     si.retry,
				InTest:    r.inTest(src.call.Pos()),
			}
			if si.raw || si.gen {
				s.ClientWhat = si.client.what
				s.Generated = si.gen
			} else if sum := r.summaryOf(si.callee); sum != nil {
				s.ViaReturns = sum.Returns&(1<<kResp) != 0
			}
			r.sendsOut = append(r.sendsOut, s)
			if (si.raw || si.gen) && si.client.kind == ClientInjected {
				r.noteInjection(si, s.Endpoints)
			}
		}
	}
	r.judgeInjections()
}

// noteInjection records, for a raw send whose client is injected, where the
// client comes from, when nothing else handles its 429s.
func (r *responseAnalysis) noteInjection(si *sendInfo, endpoints []string) {
	// Would the 429s be handled with a client that does not retry? The
	// memos hold the real answers: judge with fresh ones, then restore.
	saved, callers, handles := si.client, r.callersMemo, r.handlesMemo
	si.client = clientInfo{kind: ClientNone}
	r.callersMemo, r.handlesMemo = map[*types.Func]bool{}, map[*types.Func]bool{}
	handled := r.handled(si)
	si.client, r.callersMemo, r.handlesMemo = saved, callers, handles
	if handled {
		return
	}
	for _, in := range saved.inj {
		if in.field != nil {
			r.injFields[in.field] = mergeStrings(r.injFields[in.field], endpoints)
		} else if in.fn != nil {
			k := paramKey{in.fn, in.param}
			r.injParams[k] = mergeStrings(r.injParams[k], endpoints)
		}
	}
}

// notePerCallInjection records a send of f whose client is a parameter of
// f, when nothing else handles its 429s: f's callers judge the client they
// pass, at their Brex calls of f.
func (r *responseAnalysis) notePerCallInjection(f *respFlow, i int) {
	src := f.sources[i]
	var c clientInfo
	switch {
	case isSendCall(r.pass.TypesInfo, src.call):
		c = r.judge().sendClient(f, src.call)
	case r.http.genOp(src.fn):
		// An operation of a generated client given as a parameter
		// (func sync(ctx context.Context, c *brexsdk.ClientWithResponses)).
		sel, ok := astutil.Unparen(src.call.Fun).(*ast.SelectorExpr)
		if !ok {
			return
		}
		c = r.judge().genClient(f, sel.X)
	default:
		return
	}
	if c.kind != ClientInjected {
		return
	}
	for _, in := range c.inj {
		if in.fn != f.fn || in.field != nil {
			return
		}
	}
	si := r.sendOf(f, i)
	saved, callers, handles := si.client, r.callersMemo, r.handlesMemo
	si.client = clientInfo{kind: ClientNone}
	r.callersMemo, r.handlesMemo = map[*types.Func]bool{}, map[*types.Func]bool{}
	handled := r.localHandled(si)
	si.client, r.callersMemo, r.handlesMemo = saved, callers, handles
	if handled {
		return
	}
	for _, in := range c.inj {
		k := paramKey{in.fn, in.param}
		if _, ok := r.injParams[k]; !ok {
			r.injParams[k] = nil
			r.perCall[k] = true
		}
	}
}

type paramKey struct {
	fn    *types.Func
	param int
}

// judgeInjections finds the calls and field settings that pass a client to
// an injection point (of this package, or of another by a fact), exports
// the facts of this package's injection points, and judges what is passed.
func (r *responseAnalysis) judgeInjections() {
	info := r.pass.TypesInfo
	// Injection points of this package and of imports.
	// paramOf returns the client parameter of an injection point, the
	// endpoints sent through it, and whether only Brex calls of it count.
	paramOf := func(fn *types.Func) (int, []string, bool, bool) {
		fn = fn.Origin()
		if fn.Pkg() == r.pass.Pkg {
			for k, eps := range r.injParams {
				if k.fn == fn {
					return k.param, eps, r.perCall[k], true
				}
			}
			return 0, nil, false, false
		}
		var cf ClientParamFact
		if r.pass.ImportObjectFact(fn, &cf) {
			return cf.Param, cf.Endpoints, cf.PerCall, true
		}
		return 0, nil, false, false
	}
	fieldOf := func(v *types.Var) ([]string, bool) {
		v = v.Origin()
		if v.Pkg() == r.pass.Pkg {
			eps, ok := r.injFields[v]
			return eps, ok
		}
		var cf ClientFieldFact
		if r.pass.ImportObjectFact(v, &cf) {
			return cf.Endpoints, true
		}
		return nil, false
	}
	report := func(n ast.Node, arg ast.Expr, f *respFlow, into string, eps []string, pt types.Type, callee *types.Func, param int) {
		var c clientInfo
		switch {
		case isNil(info, arg):
			// nil: what the callee falls back to (hc = http.DefaultClient).
			c = r.nilFallback(callee, param)
			if c.kind == ClientNone {
				c.what = "nil (so " + c.what + ")"
			}
		case typeIsClient(pt):
			c = r.judge().client(f, arg)
		case isRoundTripperType(pt):
			c = r.judge().transport(f, arg)
		case r.http.genClientType(pt):
			c = r.judge().genClient(f, arg)
		default:
			c = r.judge().doer(f, arg)
		}
		switch c.kind {
		case ClientNone, ClientRetriesConstant:
			r.injected = append(r.injected, &InjectedClient{Node: n, Into: into, What: c.what, Kind: c.kind, Endpoints: eps, InTest: r.inTest(n.Pos())})
		case ClientInjected:
			// Passed on from the caller's own parameter: the caller is an
			// injection point too.
			for _, in := range c.inj {
				if in.fn != nil && in.fn.Origin().Pkg() == r.pass.Pkg {
					k := paramKey{in.fn.Origin(), in.param}
					if _, ok := r.injParams[k]; !ok {
						r.injParams[k] = eps
						r.changed = true
					}
				}
			}
		}
	}
	for round := 0; round < 3; round++ {
		r.changed = false
		done := map[ast.Node]bool{}
		for _, f := range r.ordered {
			ast.Inspect(f.fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					fn, _ := typeutil.Callee(info, n).(*types.Func)
					if fn == nil {
						return true
					}
					p, eps, perCall, ok := paramOf(fn)
					if !ok || p >= len(n.Args) || done[n] || perCall && !r.brexCalls[n] {
						return true
					}
					done[n] = true
					if perCall {
						eps = r.endpointsOf(f, n)
					}
					report(n, n.Args[p], f, qualifiedName(fn), eps, fn.Signature().Params().At(p).Type(), fn, p)
				case *ast.CompositeLit:
					for _, el := range n.Elts {
						kv, ok := el.(*ast.KeyValueExpr)
						if !ok {
							continue
						}
						id, ok := kv.Key.(*ast.Ident)
						if !ok {
							continue
						}
						if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() {
							if eps, ok := fieldOf(v); ok && v.Pkg() != r.pass.Pkg && !done[kv] {
								done[kv] = true
								report(kv, kv.Value, f, fieldName(info, n, v), eps, v.Type(), nil, -1)
							}
						}
					}
				case *ast.AssignStmt:
					if len(n.Lhs) != len(n.Rhs) {
						return true
					}
					for i, l := range n.Lhs {
						sel, ok := l.(*ast.SelectorExpr)
						if !ok {
							continue
						}
						s, ok := info.Selections[sel]
						if !ok || s.Kind() != types.FieldVal {
							continue
						}
						v := s.Obj().(*types.Var)
						if eps, ok := fieldOf(v); ok && v.Origin().Pkg() != r.pass.Pkg && !done[n] {
							done[n] = true
							report(n, n.Rhs[i], f, v.Name(), eps, v.Type(), nil, -1)
						}
					}
				}
				return true
			})
		}
		if !r.changed {
			break
		}
	}
	for k, eps := range r.injParams {
		r.export(k.fn, &ClientParamFact{Param: k.param, Endpoints: eps, PerCall: r.perCall[k]})
	}
	for v, eps := range r.injFields {
		r.export(v, &ClientFieldFact{Endpoints: eps})
	}
}

func typeIsClient(t types.Type) bool {
	return typesutil.IsNamed(t, "net/http", "Client")
}

func qualifiedName(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		if n, ok := types.Unalias(derefType(recv.Type())).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

func fieldName(info *types.Info, lit *ast.CompositeLit, v *types.Var) string {
	if n, ok := types.Unalias(derefType(info.TypeOf(lit))).(*types.Named); ok {
		return n.Obj().Pkg().Name() + "." + n.Obj().Name() + "." + v.Name()
	}
	return v.Name()
}

// endpointsOf returns the sorted Brex endpoints of the requests sent at
// call in f, or through f.
func (r *responseAnalysis) endpointsOf(f *respFlow, call *ast.CallExpr) []string {
	reqs := r.callReqs[call]
	if len(reqs) == 0 {
		reqs = r.funcReqs[f.fn]
	}
	var out []string
	for _, req := range reqs {
		out = mergeStrings(out, []string{endpointName(req)})
	}
	return out
}

func endpointName(req *Request) string {
	if req.Endpoint != nil {
		return req.Method + " " + req.Endpoint.Path
	}
	m := req.Method
	if m == "" {
		m = "?"
	}
	return m + " " + req.Path
}

func mergeStrings(a, b []string) []string {
	set := map[string]bool{}
	for _, s := range a {
		set[s] = true
	}
	for _, s := range b {
		set[s] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func (r *responseAnalysis) inTest(pos token.Pos) bool {
	return typesutil.InTestFile(r.pass.Fset, pos)
}

// Sends returns the sends of Brex requests in the package, with their 429
// handling, in source order.
func (m *Model) Sends() []*Send {
	if m.resp == nil {
		return nil
	}
	return m.resp.sendsOut
}

// InjectedClients returns the places of the package that pass a client
// without 429 handling to code that sends Brex requests through it.
func (m *Model) InjectedClients() []*InjectedClient {
	if m.resp == nil {
		return nil
	}
	return m.resp.injected
}

// exportRetries exports a Retries429Fact for a method of this package that
// retries 429 on its own sends (a RoundTrip or Do method; the fact goes on
// its receiver type), and for a function returning a client or transport
// that does.
func (r *responseAnalysis) exportRetries(f *respFlow) {
	sig := f.fn.Signature()
	if recv := sig.Recv(); recv != nil && (f.fn.Name() == "RoundTrip" || f.fn.Name() == "Do") && isSendSignature(sig) {
		if n, ok := types.Unalias(derefType(recv.Type())).(*types.Named); ok && n.Obj().Pkg() == r.pass.Pkg {
			switch r.retries429(f.fn) {
			case retryGrowing:
				r.export(n.Obj(), &Retries429Fact{})
			case retryConstant:
				r.export(n.Obj(), &Retries429Fact{Constant: true})
			}
		}
		return
	}
	if sig.Recv() != nil || sig.Results().Len() == 0 {
		return
	}
	rt := sig.Results().At(0).Type()
	var c clientInfo
	switch {
	case typeIsClient(rt):
		c = r.judge().returned(nil, f.fn, &ast.CallExpr{}, r.judge().client)
	case isRoundTripperType(rt):
		c = r.judge().returned(nil, f.fn, &ast.CallExpr{}, r.judge().transport)
	default:
		return
	}
	switch c.kind {
	case ClientRetries:
		r.export(f.fn, &Retries429Fact{})
	case ClientRetriesConstant:
		r.export(f.fn, &Retries429Fact{Constant: true})
	}
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// nilFallback judges what a function of this package uses when its client
// parameter is nil: the values it assigns to the parameter
// (if hc == nil { hc = http.DefaultClient }). Unknown for other packages.
func (r *responseAnalysis) nilFallback(fn *types.Func, param int) clientInfo {
	if fn == nil || fn.Origin().Pkg() != r.pass.Pkg {
		return clientInfo{}
	}
	f := r.flows[fn.Origin()]
	if f == nil {
		return clientInfo{}
	}
	p := fn.Origin().Signature().Params().At(param)
	var cs []clientInfo
	for _, v := range f.assignedValues(p) {
		cs = append(cs, r.judge().client(f, v))
	}
	return combine(cs)
}
