package brexmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// Retries of 429 around a send: a loop whose next iteration follows a
// decision on the status (see response_exec.go), or a function literal
// handed to a retry library (IsRetryHelper) that returns an error the
// library retries. For each, how long it waits between attempts and
// whether it stops.

// WaitKind is how a retry waits between attempts.
type WaitKind uint8

const (
	// WaitGrowing: the wait grows with the attempts (exponential or
	// other backoff; jitter optional), or is computed by a backoff
	// library or a helper given the attempt.
	WaitGrowing WaitKind = iota
	// WaitNone: no wait at all between attempts.
	WaitNone
	// WaitConstant: a wait that never grows (perhaps with jitter).
	WaitConstant
	// WaitRetryAfterOnly: the wait comes only from the Retry-After
	// header, which Brex does not document: no wait when it is absent.
	WaitRetryAfterOnly
)

// Retry is a retry of 429 around a send.
type Retry struct {
	// Node is the loop (*ast.ForStmt, *ast.RangeStmt) or the call of the
	// retry library.
	Node ast.Node
	// Lib is the import path of the retry library; "" for a loop.
	Lib  string
	Wait WaitKind
	// WaitAt is the wait call (or the library's backoff expression) for
	// WaitConstant and WaitRetryAfterOnly.
	WaitAt ast.Node
	// Bounded: the retry stops after a number of attempts, a deadline or
	// the cancellation of a context.
	Bounded bool
}

// retryQuality is what a function's own retries of 429 are worth.
type retryQuality uint8

const (
	retryAbsent retryQuality = iota
	retryGrowing
	retryConstant
)

// retryAt returns the retry of 429 around source i of f, or nil: a retry
// library calling the function literal that holds the send, when the
// literal returns an error the library retries at 429; or the loop around
// the send, when a path at 429 reaches its next iteration after a
// decision on the status.
func (r *responseAnalysis) retryAt(f *respFlow, i int) (*Retry, outcome) {
	src := f.sources[i]
	bit := uint64(1) << i
	loop := f.loopAround(src.call)
	requeue := false
	visit := func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			if call, ok := n.(*ast.CallExpr); ok {
				fn, _ := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
				if isMethod(fn, asynqPath, "Client", "Enqueue") || isMethod(fn, asynqPath, "Client", "EnqueueContext") {
					requeue = true
				}
			}
			return true
		})
	}
	outs := f.at(src.call, bit, 429, f.srcErr(src, 429), loop, visit)
	if requeue {
		outs |= oRequeue
	}
	path := f.pathTo(src.call)
	for _, n := range path {
		if _, ok := n.(*ast.FuncDecl); ok {
			break
		}
		fl, ok := n.(*ast.FuncLit)
		if !ok {
			continue
		}
		if loop != nil && fl.Pos() < loop.Pos() {
			break // the loop is inside the literal: it decides
		}
		call, ok := parentCall(path, fl)
		if !ok {
			break
		}
		fn, _ := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
		if !IsRetryHelper(fn) {
			break
		}
		lib := fn.Pkg().Path()
		retried := outs&oReturnErr != 0
		if lib == sethvargoPath {
			retried = outs&oReturnRetryable != 0
		}
		if !retried {
			return nil, outs
		}
		rt := &Retry{Node: call, Lib: lib}
		r.libPolicy(f, call, fn, rt)
		return rt, outs
	}
	if loop != nil && outs&oRetry != 0 {
		rt := &Retry{Node: loop}
		r.loopPolicy(f, loop, rt)
		return rt, outs
	}
	return nil, outs
}

// The retry libraries of the closed list.
const (
	cenkaltiV4Path = "github.com/cenkalti/backoff/v4"
	cenkaltiV5Path = "github.com/cenkalti/backoff/v5"
	avastPath      = "github.com/avast/retry-go"
	avastV4Path    = "github.com/avast/retry-go/v4"
	sethvargoPath  = "github.com/sethvargo/go-retry"
	asynqPath      = "github.com/hibiken/asynq"
	temporalPath   = "go.temporal.io/sdk"
)

// libPolicy reads the wait and bound of a retry library call.
func (r *responseAnalysis) libPolicy(f *respFlow, call *ast.CallExpr, fn *types.Func, rt *Retry) {
	rt.Wait, rt.Bounded = WaitGrowing, true
	switch fn.Pkg().Path() {
	case cenkaltiV4Path:
		// Retry(op, b), RetryNotify(op, b, notify), ...: b is the policy.
		if len(call.Args) >= 2 {
			r.backoffPolicy(f, call.Args[1], rt, 0)
		}
	case cenkaltiV5Path:
		// Retry(ctx, op, opts...): exponential, 15 minutes by default.
		for _, opt := range call.Args[min(2, len(call.Args)):] {
			oc, ok := astutil.Unparen(opt).(*ast.CallExpr)
			if !ok {
				continue
			}
			ofn, _ := typeutil.Callee(r.pass.TypesInfo, oc).(*types.Func)
			if isRetryLibFunc(ofn, cenkaltiV5Path, "WithBackOff") && len(oc.Args) == 1 {
				r.backoffPolicy(f, oc.Args[0], rt, 0)
				rt.Bounded = true // MaxElapsedTime applies whatever the policy
			}
			if isRetryLibFunc(ofn, cenkaltiV5Path, "WithMaxElapsedTime") && len(oc.Args) == 1 && isZero(r.pass.TypesInfo, oc.Args[0]) {
				rt.Bounded = r.hasOpt(call.Args[2:], cenkaltiV5Path, "WithMaxTries")
			}
		}
	case avastPath, avastV4Path:
		path := fn.Pkg().Path()
		for _, opt := range call.Args[1:] {
			oc, ok := astutil.Unparen(opt).(*ast.CallExpr)
			if !ok {
				continue
			}
			ofn, _ := typeutil.Callee(r.pass.TypesInfo, oc).(*types.Func)
			switch {
			case isRetryLibFunc(ofn, path, "DelayType") && len(oc.Args) == 1:
				if d := objOf(r.pass.TypesInfo, oc.Args[0]); d != nil && d.Pkg() != nil && d.Pkg().Path() == path &&
					(d.Name() == "FixedDelay" || d.Name() == "RandomDelay") {
					rt.Wait, rt.WaitAt = WaitConstant, oc
				}
			case isRetryLibFunc(ofn, path, "Attempts") && len(oc.Args) == 1 && isZero(r.pass.TypesInfo, oc.Args[0]):
				rt.Bounded = r.hasOpt(call.Args[1:], path, "Context")
			}
		}
	case sethvargoPath:
		// Do(ctx, b, f).
		if len(call.Args) == 3 {
			rt.Bounded = false
			r.backoffPolicy(f, call.Args[1], rt, 0)
			if !isBackgroundCtx(r.pass.TypesInfo, call.Args[0]) {
				rt.Bounded = true
			}
		}
	}
}

func (r *responseAnalysis) hasOpt(opts []ast.Expr, path, name string) bool {
	for _, opt := range opts {
		if oc, ok := astutil.Unparen(opt).(*ast.CallExpr); ok {
			if ofn, _ := typeutil.Callee(r.pass.TypesInfo, oc).(*types.Func); isRetryLibFunc(ofn, path, name) {
				return true
			}
		}
	}
	return false
}

// backoffPolicy reads a backoff policy expression of cenkalti/backoff or
// sethvargo/go-retry.
func (r *responseAnalysis) backoffPolicy(f *respFlow, e ast.Expr, rt *Retry, depth int) {
	info := r.pass.TypesInfo
	if depth > 6 {
		return
	}
	e = astutil.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = astutil.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok && f != nil {
			if vals := f.assignedValues(v); len(vals) == 1 {
				r.backoffPolicy(f, vals[0], rt, depth+1)
			}
		}
		return
	case *ast.CompositeLit:
		t := info.TypeOf(x)
		for _, p := range []string{cenkaltiV4Path, cenkaltiV5Path} {
			switch {
			case typesutil.IsNamed(t, p, "ConstantBackOff"):
				rt.Wait, rt.WaitAt = WaitConstant, x
				if p == cenkaltiV4Path {
					rt.Bounded = false
				}
			case typesutil.IsNamed(t, p, "ZeroBackOff"):
				rt.Wait, rt.WaitAt = WaitNone, x
				if p == cenkaltiV4Path {
					rt.Bounded = false
				}
			case typesutil.IsNamed(t, p, "ExponentialBackOff"):
				if p == cenkaltiV4Path && !hasNonZeroKey(info, x, "MaxElapsedTime") {
					rt.Bounded = false
				}
			}
		}
		return
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, x).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			return
		}
		switch path := fn.Pkg().Path(); path {
		case cenkaltiV4Path, cenkaltiV5Path:
			switch fn.Name() {
			case "WithContext":
				rt.Bounded = true
				if len(x.Args) == 2 {
					inner := *rt
					r.backoffPolicy(f, x.Args[0], &inner, depth+1)
					rt.Wait, rt.WaitAt = inner.Wait, inner.WaitAt
					rt.Bounded = inner.Bounded || !isBackgroundCtx(info, x.Args[1])
				}
			case "WithMaxRetries":
				if len(x.Args) == 2 {
					r.backoffPolicy(f, x.Args[0], rt, depth+1)
				}
				rt.Bounded = true
			case "NewConstantBackOff":
				rt.Wait, rt.WaitAt = WaitConstant, x
				if path == cenkaltiV4Path {
					rt.Bounded = false
				}
			case "NewExponentialBackOff":
				if path == cenkaltiV4Path && r.hasZeroElapsed(x.Args) {
					rt.Bounded = false
				}
			}
		case sethvargoPath:
			switch fn.Name() {
			case "NewConstant":
				rt.Wait, rt.WaitAt = WaitConstant, x
			case "WithMaxRetries", "WithMaxDuration":
				rt.Bounded = true
				if len(x.Args) == 2 {
					r.backoffPolicy(f, x.Args[1], rt, depth+1)
					rt.Bounded = true
				}
			case "WithJitter", "WithJitterPercent", "WithCappedDuration":
				if len(x.Args) == 2 {
					r.backoffPolicy(f, x.Args[1], rt, depth+1)
				}
			}
		}
	}
}

func (r *responseAnalysis) hasZeroElapsed(opts []ast.Expr) bool {
	for _, opt := range opts {
		if oc, ok := astutil.Unparen(opt).(*ast.CallExpr); ok {
			if ofn, _ := typeutil.Callee(r.pass.TypesInfo, oc).(*types.Func); isRetryLibFunc(ofn, cenkaltiV4Path, "WithMaxElapsedTime") &&
				len(oc.Args) == 1 && isZero(r.pass.TypesInfo, oc.Args[0]) {
				return true
			}
		}
	}
	return false
}

func hasNonZeroKey(info *types.Info, lit *ast.CompositeLit, key string) bool {
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == key {
				return !isZero(info, kv.Value)
			}
		}
	}
	return false
}

func isZero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && constant.Sign(tv.Value) == 0
}

// isBackgroundCtx reports whether e is context.Background() or TODO().
func isBackgroundCtx(info *types.Info, e ast.Expr) bool {
	call, ok := astutil.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return isFunc(fn, "context", "Background") || isFunc(fn, "context", "TODO")
}

// loopPolicy reads the wait and bound of a retry loop.
func (r *responseAnalysis) loopPolicy(f *respFlow, loop ast.Node, rt *Retry) {
	info := r.pass.TypesInfo
	body := loopBody(loop)
	varying := r.varyingVars(loop)
	rt.Wait = WaitNone
	found := false
	var constantAt, retryAfterAt ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if r.growthCall(fn) {
			found = true
			rt.Wait = WaitGrowing
			return true
		}
		d := r.waitArg(call, fn)
		if d == nil {
			return true
		}
		found = true
		switch r.classifyWait(f, d, varying) {
		case WaitGrowing:
			rt.Wait = WaitGrowing
		case WaitRetryAfterOnly:
			if retryAfterAt == nil {
				retryAfterAt = call
			}
		default:
			if constantAt == nil {
				constantAt = call
			}
		}
		return true
	})
	if found && rt.Wait != WaitGrowing {
		if retryAfterAt != nil && constantAt == nil {
			rt.Wait, rt.WaitAt = WaitRetryAfterOnly, retryAfterAt
		} else {
			rt.Wait, rt.WaitAt = WaitConstant, constantAt
			if constantAt == nil {
				rt.WaitAt = retryAfterAt
			}
		}
	}
	rt.Bounded = r.loopBounded(loop, varying) || r.contextEnds(f, loop)
}

// waitArg returns the duration a call waits for: time.Sleep(d),
// time.After(d), time.NewTimer(d), time.Tick(d), timer.Reset(d), or a
// call of a function outside the standard library (a clock, a helper of
// this package that sleeps) given a time.Duration.
func (r *responseAnalysis) waitArg(call *ast.CallExpr, fn *types.Func) ast.Expr {
	info := r.pass.TypesInfo
	if fn == nil {
		// A function value that takes a duration: a sleep hook kept in
		// a field so that tests can replace the clock (p.sleep(d)).
		if _, ok := typeutil.Callee(info, call).(*types.Var); ok {
			for _, a := range call.Args {
				if typesutil.IsNamed(info.TypeOf(a), "time", "Duration") {
					return a
				}
			}
		}
		return nil
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == "time" {
		switch {
		case fn.Signature().Recv() == nil && (fn.Name() == "Sleep" || fn.Name() == "After" || fn.Name() == "NewTimer" || fn.Name() == "Tick"):
			if len(call.Args) == 1 {
				return call.Args[0]
			}
		case isMethod(fn, "time", "Timer", "Reset"):
			if len(call.Args) == 1 {
				return call.Args[0]
			}
		}
		return nil
	}
	if fn.Pkg() == nil || r.isStd(fn.Pkg()) {
		return nil
	}
	for _, a := range call.Args {
		if typesutil.IsNamed(info.TypeOf(a), "time", "Duration") {
			return a
		}
	}
	return nil
}

// isStd reports whether pkg is one of the standard-library packages whose
// functions take durations without waiting (context.WithTimeout ...).
func (r *responseAnalysis) isStd(pkg *types.Package) bool {
	p := pkg.Path()
	for i := 0; i < len(p); i++ {
		if p[i] == '/' {
			p = p[:i]
			break
		}
	}
	for i := 0; i < len(p); i++ {
		if p[i] == '.' {
			return false
		}
	}
	switch p {
	case "context", "net", "io", "fmt", "log", "errors", "strings", "strconv", "bytes", "os", "sync", "math", "encoding":
		return true
	}
	return false
}

// growthCall reports whether fn computes a growing backoff:
// cenkalti/backoff's NextBackOff, jpillora/backoff's Duration, or an
// exponential helper of a backoff library.
func (r *responseAnalysis) growthCall(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case cenkaltiV4Path, cenkaltiV5Path:
		return fn.Name() == "NextBackOff"
	case "github.com/jpillora/backoff":
		return fn.Name() == "Duration" || fn.Name() == "ForAttempt"
	case sethvargoPath:
		return fn.Name() == "Next"
	}
	return false
}

// varyingVars returns the variables that change from one iteration of the
// loop to the next in a way that can grow a wait: its counter, and the
// variables updated from themselves (d *= 2, d = min(2*d, max)).
func (r *responseAnalysis) varyingVars(loop ast.Node) map[*types.Var]bool {
	info := r.pass.TypesInfo
	out := map[*types.Var]bool{}
	var nodes []ast.Node
	switch l := loop.(type) {
	case *ast.ForStmt:
		if l.Post != nil {
			nodes = append(nodes, l.Post)
		}
		nodes = append(nodes, l.Body)
	case *ast.RangeStmt:
		if l.Key != nil {
			if v := typesutil.VarOf(info, l.Key); v != nil {
				out[v] = true
			}
		}
		nodes = append(nodes, l.Body)
	}
	for _, n := range nodes {
		ast.Inspect(n, func(n ast.Node) bool {
			switch s := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.IncDecStmt:
				if v := typesutil.VarOf(info, s.X); v != nil {
					out[v] = true
				}
			case *ast.AssignStmt:
				for i, l := range s.Lhs {
					v := typesutil.VarOf(info, l)
					if v == nil {
						continue
					}
					if s.Tok != token.ASSIGN && s.Tok != token.DEFINE {
						out[v] = true // d *= 2, n += 1
						continue
					}
					if i < len(s.Rhs) && len(s.Lhs) == len(s.Rhs) && mentions(info, s.Rhs[i], v) {
						out[v] = true
					}
				}
			}
			return true
		})
	}
	return out
}

// mentions reports whether e reads v.
func mentions(info *types.Info, e ast.Expr, v *types.Var) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// classifyWait says whether the wait d grows: it reads a varying variable
// (directly or through local variables), calls a backoff library, or
// passes a varying variable to a function; or comes only from Retry-After.
func (r *responseAnalysis) classifyWait(f *respFlow, d ast.Expr, varying map[*types.Var]bool) WaitKind {
	info := r.pass.TypesInfo
	seen := map[*types.Var]bool{}
	grows, retryAfter := false, false
	var walk func(e ast.Expr, depth int)
	walk = func(e ast.Expr, depth int) {
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.Ident:
				v, ok := info.Uses[n].(*types.Var)
				if !ok || seen[v] {
					return true
				}
				seen[v] = true
				if varying[v] {
					grows = true
					return true
				}
				if f != nil && depth < 6 {
					for _, val := range f.assignedValues(v) {
						walk(val, depth+1)
					}
				}
			case *ast.CallExpr:
				fn, _ := typeutil.Callee(info, n).(*types.Func)
				if r.growthCall(fn) {
					grows = true
				}
				if isMethod(fn, "net/http", "Header", "Get") && len(n.Args) == 1 {
					if name, ok := canonical(info, n.Args[0]); ok && name == "Retry-After" {
						retryAfter = true
					}
				}
			}
			return true
		})
	}
	walk(d, 0)
	switch {
	case grows:
		return WaitGrowing
	case retryAfter:
		return WaitRetryAfterOnly
	}
	return WaitConstant
}

// loopBounded reports whether a retry loop stops: a range over an integer;
// a condition or an if in the body that compares a counter; a context's
// Done or Err; a deadline (time.Since, time.Until, Time.After/Before).
func (r *responseAnalysis) loopBounded(loop ast.Node, varying map[*types.Var]bool) bool {
	info := r.pass.TypesInfo
	var body ast.Node
	switch l := loop.(type) {
	case *ast.RangeStmt:
		return true
	case *ast.ForStmt:
		if l.Cond != nil && mentionsAny(info, l.Cond, varying) {
			return true
		}
		body = l
	}
	bounded := false
	ast.Inspect(body, func(n ast.Node) bool {
		if bounded {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			switch n.Op {
			case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
				if mentionsAny(info, n, varying) {
					bounded = true
				}
			}
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, n).(*types.Func)
			switch {
			case fn == nil:
			case isContextMethod(fn, "Done") || isContextMethod(fn, "Err"):
				bounded = true
			case isFunc(fn, "time", "Since") || isFunc(fn, "time", "Until"):
				bounded = true
			case isMethod(fn, "time", "Time", "After") || isMethod(fn, "time", "Time", "Before"):
				bounded = true
			}
		}
		return true
	})
	return bounded
}

// contextEnds reports whether a retry loop ends when a context is done:
// a call in its body that takes a context that can be done
// (limiter.Wait(ctx), or a send of a request built with one) assigns an
// error that an if statement returns.
func (r *responseAnalysis) contextEnds(f *respFlow, loop ast.Node) bool {
	info := r.pass.TypesInfo
	body := loopBody(loop)
	errs := map[*types.Var]bool{}
	var checks []*ast.IfStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			checks = append(checks, n)
		case *ast.AssignStmt:
			if len(n.Rhs) != 1 {
				return true
			}
			if call, ok := astutil.Unparen(n.Rhs[0]).(*ast.CallExpr); ok && r.takesLiveContext(f, call) {
				if v := typesutil.VarOf(info, n.Lhs[len(n.Lhs)-1]); v != nil && types.Identical(v.Type(), errorType) {
					errs[v] = true
				}
			}
		}
		return true
	})
	for _, ifs := range checks {
		be, ok := astutil.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || be.Op != token.NEQ || len(ifs.Body.List) == 0 {
			continue
		}
		v := typesutil.VarOf(info, be.X)
		if tv, ok := info.Types[be.Y]; !ok || !tv.IsNil() || v == nil || !errs[v] {
			continue
		}
		if _, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt); ok {
			return true
		}
	}
	return false
}

// takesLiveContext reports whether call is given a context that can be
// done, directly or in the *http.Request it is given.
func (r *responseAnalysis) takesLiveContext(f *respFlow, call *ast.CallExpr) bool {
	info := r.pass.TypesInfo
	for _, a := range call.Args {
		t := info.TypeOf(a)
		switch {
		case typesutil.IsNamed(t, "context", "Context"):
			if r.liveContext(f, a, 0) {
				return true
			}
		case isRequestPtr(t):
			if r.requestContext(f, a, 0) {
				return true
			}
		}
	}
	return false
}

// requestContext reports whether the request e is built with a context
// that can be done: http.NewRequestWithContext(ctx, ...), req.WithContext(ctx),
// req.Clone(ctx), or a helper given one (newReq(ctx, path)).
func (r *responseAnalysis) requestContext(f *respFlow, e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	switch e := astutil.Unparen(e).(type) {
	case *ast.CallExpr:
		for _, a := range e.Args {
			if typesutil.IsNamed(r.pass.TypesInfo.TypeOf(a), "context", "Context") && r.liveContext(f, a, depth+1) {
				return true
			}
		}
	case *ast.Ident:
		v, ok := r.pass.TypesInfo.Uses[e].(*types.Var)
		if !ok || f == nil {
			return false
		}
		vals := f.assignedValues(v)
		for _, val := range vals {
			if !r.requestContext(f, val, depth+1) {
				return false
			}
		}
		return len(vals) > 0
	}
	return false
}

// liveContext reports whether the context e can be done: not
// context.Background() or TODO(), nor a local variable holding only them.
// A parameter or a field is assumed live: a caller's context.
func (r *responseAnalysis) liveContext(f *respFlow, e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	switch e := astutil.Unparen(e).(type) {
	case *ast.CallExpr:
		return !isBackgroundCtx(r.pass.TypesInfo, e)
	case *ast.Ident:
		v, ok := r.pass.TypesInfo.Uses[e].(*types.Var)
		if !ok || f == nil {
			return false
		}
		for _, val := range f.assignedValues(v) {
			if !r.liveContext(f, val, depth+1) {
				return false
			}
		}
		return true
	}
	return true
}

func mentionsAny(info *types.Info, e ast.Node, vars map[*types.Var]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && vars[v] {
				found = true
			}
		}
		return !found
	})
	return found
}

// isContextMethod reports whether fn is the method name of context.Context.
func isContextMethod(fn *types.Func, name string) bool {
	if fn == nil || fn.Name() != name || fn.Pkg() == nil || fn.Pkg().Path() != "context" {
		return false
	}
	return fn.Signature().Recv() != nil
}

// isQueueTask reports whether fn is a job that a queue or scheduler re-runs
// when it returns an error: an Asynq handler (it takes an *asynq.Task), or
// a Temporal activity (it calls go.temporal.io/sdk/activity, or the
// package registers it with a worker).
func (r *responseAnalysis) isQueueTask(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	sig := fn.Signature()
	for i := 0; i < sig.Params().Len(); i++ {
		if typesutil.IsNamed(sig.Params().At(i).Type(), asynqPath, "Task") {
			return true
		}
	}
	if r.activities == nil {
		r.activities = r.findActivities()
	}
	return r.activities[fn.Origin()]
}

// findActivities returns the functions of the package that are Temporal
// activities.
func (r *responseAnalysis) findActivities() map[*types.Func]bool {
	info := r.pass.TypesInfo
	out := map[*types.Func]bool{}
	for _, f := range r.ordered {
		for cur := range r.model.bodyCursor(f.fd).Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			fn, _ := typeutil.Callee(info, call).(*types.Func)
			if fn == nil || fn.Pkg() == nil {
				continue
			}
			switch fn.Pkg().Path() {
			case temporalPath + "/activity":
				out[f.fn] = true
			case temporalPath + "/worker":
				if fn.Name() == "RegisterActivity" || fn.Name() == "RegisterActivityWithOptions" {
					if len(call.Args) >= 1 {
						if afn, ok := objOf(info, call.Args[0]).(*types.Func); ok {
							out[afn.Origin()] = true
						} else if sel, ok := astutil.Unparen(call.Args[0]).(*ast.SelectorExpr); ok {
							if s, ok := info.Selections[sel]; ok {
								if m, ok := s.Obj().(*types.Func); ok {
									out[m.Origin()] = true
								}
							}
						}
					}
				}
			}
		}
	}
	return out
}
