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

// What happens after a response arrives with a given status: a small
// abstract interpreter over the statements that follow a send, with the
// response's StatusCode fixed (429, 401, 200) and everything else unknown.
// It explores both branches of a condition it cannot decide, and says
// whether each path reaches the next iteration of a retry loop, returns
// (an error, nil, the response), breaks out, or exits.
//
// A path to the next iteration counts as a retry only when a condition on
// it was decided by the status (or by an error that carries the status):
// a pagination loop that goes on whatever the status is not a retry loop.

// outcome is a set of ways a path can end.
type outcome uint16

const (
	oRetry           outcome = 1 << iota // the next iteration, after a decision on the status
	oNext                                // the next iteration, undecided
	oBreak                               // leaves the loop
	oReturnErr                           // returns a non-nil error
	oReturnNil                           // returns a nil error, or no error
	oReturnResp                          // returns the response
	oReturnPerm                          // returns an error a retry library will not retry (backoff.Permanent ...)
	oReturnRetryable                     // returns retry.RetryableError(err) (sethvargo/go-retry)
	oExit                                // panics, exits the program, or a goto
	oRequeue                             // hands the job back to a queue to run later
	oSkip                                // goes on to the next item of a range loop: the response is dropped
	oUnknown                             // something the interpreter does not follow
	oHandBack                            // on a branch taken only at 429, returns a signal the caller can tell apart (a sentinel or typed error, a true flag)
)

// tri is a three-valued truth.
type tri uint8

const (
	triUnknown tri = iota
	triTrue
	triFalse
)

func triOf(b bool) tri {
	if b {
		return triTrue
	}
	return triFalse
}

// errState says whether a send's error result is nil at a status: the
// errors of a raw send are nil whatever the status; a wrapper's may carry
// it (an *APIError for every non-2xx).
type errState struct {
	nonNil  tri
	carries bool // the error depends on the status
}

// interp explores the paths from one send at one status.
type interp struct {
	f       *respFlow
	bit     uint64 // the send's source bit in f
	src     *ast.CallExpr
	status  int64
	err     errState
	errVars map[*types.Var]bool
	loop    ast.Node // the loop whose next iteration is a retry; nil if none
	region  ast.Node // the *ast.FuncDecl or *ast.FuncLit whose returns end a path
	results *types.Tuple
	visit   func(ast.Node) // called on each statement and expression executed
	depth   int            // nested calls of helpers
	steps   int
	decided bool // a condition decided by the status was met on the way
	// on429: the path is in a branch taken at 429 and at no other
	// status (resp.StatusCode == statusTooManyRequests).
	on429 bool
	// statusParams are the int parameters of a helper that hold the
	// status.
	statusParams map[*types.Var]bool
}

const maxSteps = 4000

// at explores the paths of region that follow the send src (a source of
// f) when its response has the given status, and returns their outcomes.
// loop, when not nil, is the loop around src whose next iteration counts
// as a retry.
func (f *respFlow) at(src *ast.CallExpr, bit uint64, status int64, err errState, loop ast.Node, visit func(ast.Node)) outcome {
	x := &interp{f: f, bit: bit, src: src, status: status, err: err, errVars: map[*types.Var]bool{}, loop: loop, visit: visit}
	path := f.pathTo(src)
	if path == nil {
		return oUnknown
	}
	for _, n := range path {
		if fl, ok := n.(*ast.FuncLit); ok {
			x.region = fl
			x.results = f.r.pass.TypesInfo.TypeOf(fl).(*types.Signature).Results()
			break
		}
		if fd, ok := n.(*ast.FuncDecl); ok {
			x.region = fd
			x.results = f.fn.Signature().Results()
			break
		}
	}
	x.findErrVars(path)
	return x.up(path)
}

// parentCall returns the call whose argument fl is.
func parentCall(path []ast.Node, fl *ast.FuncLit) (*ast.CallExpr, bool) {
	for i, n := range path {
		if n == fl && i+1 < len(path) {
			call, ok := path[i+1].(*ast.CallExpr)
			return call, ok
		}
	}
	return nil, false
}

// pathTo returns the path from n up to the function declaration (and the
// file).
func (f *respFlow) pathTo(n ast.Node) []ast.Node {
	return typesutil.EnclosingPath(f.r.pass.Files, n.Pos(), n.End())
}

// findErrVars records the variables that receive src's error result.
func (x *interp) findErrVars(path []ast.Node) {
	info := x.f.r.pass.TypesInfo
	sig, _ := info.TypeOf(x.src.Fun).(*types.Signature)
	if sig == nil {
		return
	}
	res := sig.Results()
	errIdx := -1
	if res.Len() > 0 && types.Identical(res.At(res.Len()-1).Type(), errorType) {
		errIdx = res.Len() - 1
	}
	if errIdx < 0 {
		return
	}
	for _, n := range path[1:] {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 && astutil.Unparen(n.Rhs[0]) == x.src && errIdx < len(n.Lhs) && len(n.Lhs) == res.Len() {
				if v := typesutil.VarOf(info, n.Lhs[errIdx]); v != nil {
					x.errVars[v] = true
				}
			}
			return
		case *ast.ValueSpec:
			if len(n.Values) == 1 && astutil.Unparen(n.Values[0]) == x.src && errIdx < len(n.Names) && len(n.Names) == res.Len() {
				if v, ok := info.Defs[n.Names[errIdx]].(*types.Var); ok {
					x.errVars[v] = true
				}
			}
			return
		case ast.Stmt:
			return
		}
	}
}

// up explores what follows the statement holding src, climbing the
// enclosing blocks until a path ends, the loop's body ends, or the region
// ends.
func (x *interp) up(path []ast.Node) outcome {
	var outs outcome
	var skipTo ast.Node // a break jumped out of this switch or select
	// rest explores what follows child in a statement list at path[i].
	rest := func(i int, list []ast.Stmt, child ast.Node) bool {
		o, falls := x.list(list[indexOf(list, child)+1:])
		return x.settle(path, i, o, falls, &outs, &skipTo)
	}
	for i := 1; i < len(path); i++ {
		child, n := path[i-1], path[i]
		if skipTo != nil {
			if n == skipTo {
				skipTo = nil
			}
			continue
		}
		switch n := n.(type) {
		case *ast.ReturnStmt:
			return outs | x.ret(n)
		case *ast.BlockStmt:
			if !rest(i, n.List, child) {
				return outs
			}
		case *ast.CaseClause:
			if !rest(i, n.Body, child) {
				return outs
			}
		case *ast.CommClause:
			if !rest(i, n.Body, child) {
				return outs
			}
		case *ast.IfStmt:
			if child == n.Init || child == n.Cond {
				o, falls := x.ifRest(n)
				if !x.settle(path, i+1, o, falls, &outs, &skipTo) {
					return outs
				}
			}
		case *ast.ForStmt, *ast.RangeStmt:
			if n == x.loop && child == loopBody(n) {
				return outs | x.next()
			}
			if r, ok := n.(*ast.RangeStmt); ok && x.loop == nil && child == r.Body {
				return outs | oSkip // the next item of a collection or channel
			}
			// The header of the retry loop, or a loop inside it (or no
			// retry loop): its next iterations are not followed.
			return outs | oUnknown
		case *ast.FuncLit, *ast.FuncDecl:
			if n == x.region {
				return outs | x.fallOff()
			}
			return outs | oUnknown
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.LabeledStmt:
			// After the switch, its block goes on.
		case ast.Stmt:
			// The statement holding src (an assignment, an expression
			// statement, a defer ...): what follows is in the block.
			x.visitNode(n)
		}
		if x.steps > maxSteps {
			return outs | oUnknown
		}
	}
	return outs | oUnknown
}

// settle adds the outcomes o of exploring the rest of a list at path[i] to
// outs, resolving unlabeled breaks; it reports whether climbing goes on.
func (x *interp) settle(path []ast.Node, i int, o outcome, falls bool, outs *outcome, skipTo *ast.Node) bool {
	if o&oBreakSwitch != 0 {
		o &^= oBreakSwitch
		t := breakTarget(path, i)
		switch t.(type) {
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			if !falls {
				*skipTo = t
				falls = true
			}
		default:
			if t != nil && t == x.loop {
				o |= oBreak
			} else {
				o |= oUnknown
			}
		}
	}
	*outs |= o
	return falls
}

// breakTarget returns the statement an unlabeled break at path[i] leaves.
func breakTarget(path []ast.Node, i int) ast.Node {
	for ; i < len(path); i++ {
		switch path[i].(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			return path[i]
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		}
	}
	return nil
}

// next is the outcome of reaching the next iteration of the loop.
func (x *interp) next() outcome {
	if x.decided {
		return oRetry
	}
	return oNext
}

// oBreakSwitch marks, inside exploring a switch or select, an unlabeled
// break: it leaves the switch, not the loop.
const oBreakSwitch outcome = 1 << 15

func loopBody(n ast.Node) *ast.BlockStmt {
	switch n := n.(type) {
	case *ast.ForStmt:
		return n.Body
	case *ast.RangeStmt:
		return n.Body
	}
	return nil
}

func indexOf(list []ast.Stmt, n ast.Node) int {
	for i, s := range list {
		if s == n {
			return i
		}
	}
	return len(list) // not found: explore nothing of this list
}

// fallOff is the outcome of reaching the end of the region's body.
func (x *interp) fallOff() outcome {
	if x.results == nil || x.results.Len() == 0 {
		return oReturnNil
	}
	return oUnknown // a function with results must return: a bare end is unreachable
}

// list explores a statement list; falls reports whether a path reaches its
// end.
func (x *interp) list(stmts []ast.Stmt) (outcome, bool) {
	var outs outcome
	for _, s := range stmts {
		o, falls := x.stmt(s)
		outs |= o
		if !falls {
			return outs, false
		}
	}
	return outs, true
}

func (x *interp) stmt(s ast.Stmt) (outcome, bool) {
	x.steps++
	if x.steps > maxSteps {
		return oUnknown, false
	}
	switch s := s.(type) {
	case *ast.BlockStmt:
		return x.list(s.List)
	case *ast.IfStmt:
		if s.Init != nil {
			x.visitNode(s.Init)
		}
		return x.ifRest(s)
	case *ast.ReturnStmt:
		x.visitNode(s)
		return x.ret(s), false
	case *ast.BranchStmt:
		switch s.Tok {
		case token.CONTINUE:
			if x.loop == nil {
				if s.Label == nil {
					return oSkip, false // the next item of a range loop
				}
				return oUnknown, false
			}
			if s.Label == nil || x.labelOf(x.loop) == s.Label.Name {
				return x.next(), false
			}
			return oUnknown, false
		case token.BREAK:
			if s.Label == nil {
				return oBreakSwitch, false
			}
			if x.labelOf(x.loop) == s.Label.Name {
				return oBreak, false
			}
			return oUnknown, false
		case token.FALLTHROUGH:
			return 0, true
		}
		return oExit, false
	case *ast.ExprStmt:
		x.visitNode(s)
		if call, ok := astutil.Unparen(s.X).(*ast.CallExpr); ok && x.noReturn(call) {
			return oExit, false
		}
		return 0, true
	case *ast.SwitchStmt:
		return x.switchStmt(s)
	case *ast.TypeSwitchStmt:
		var outs outcome
		for _, c := range s.Body.List {
			o, _ := x.list(c.(*ast.CaseClause).Body)
			outs |= o &^ oBreakSwitch
		}
		return outs, true
	case *ast.SelectStmt:
		var outs outcome
		falls := false
		for _, c := range s.Body.List {
			cc := c.(*ast.CommClause)
			if cc.Comm != nil {
				x.visitNode(cc.Comm)
			}
			o, f := x.list(cc.Body)
			outs |= o &^ oBreakSwitch
			if f || o&oBreakSwitch != 0 {
				falls = true
			}
		}
		return outs, falls
	case *ast.ForStmt, *ast.RangeStmt:
		// A nested loop: its body runs (perhaps); continue and break in
		// it are its own.
		x.visitNode(s)
		return 0, true
	case *ast.LabeledStmt:
		return x.stmt(s.Stmt)
	case *ast.GoStmt, *ast.DeferStmt:
		return 0, true
	default:
		x.visitNode(s)
		return 0, true
	}
}

func (x *interp) labelOf(loop ast.Node) string {
	if loop == nil {
		return ""
	}
	path := x.f.pathTo(loop)
	if len(path) > 1 {
		if l, ok := path[1].(*ast.LabeledStmt); ok {
			return l.Label.Name
		}
	}
	return ""
}

func (x *interp) ifRest(s *ast.IfStmt) (outcome, bool) {
	x.visitNode(s.Cond)
	c, decided := x.cond(s.Cond)
	if decided {
		x.decided = true
	}
	var outs outcome
	falls := false
	if c != triFalse {
		saved := x.on429
		if c == triTrue && decided && x.only429(func() tri { t, _ := x.cond(s.Cond); return t }) {
			x.on429 = true
		}
		o, f := x.list(s.Body.List)
		x.on429 = saved
		outs |= o
		falls = falls || f
	}
	if c != triTrue {
		if s.Else != nil {
			o, f := x.stmt(s.Else)
			outs |= o
			falls = falls || f
		} else {
			falls = true
		}
	}
	return outs, falls
}

func (x *interp) switchStmt(s *ast.SwitchStmt) (outcome, bool) {
	if s.Init != nil {
		x.visitNode(s.Init)
	}
	var tag constant.Value
	tagDep := false
	if s.Tag != nil {
		x.visitNode(s.Tag)
		tag, tagDep = x.val(s.Tag)
	}
	var outs outcome
	falls := false
	var def *ast.CaseClause
	matched := false
	decided := false
	// match says whether the clause is taken at the current status, and
	// whether that depends on the status.
	status := x.status
	match := func(cc *ast.CaseClause) (tri, bool) {
		tag, tagDep := tag, tagDep
		if s.Tag != nil && x.status != status {
			tag, tagDep = x.val(s.Tag)
		}
		m, dec := triFalse, false
		for _, e := range cc.List {
			var t tri
			var dep bool
			if s.Tag != nil {
				v, d := x.val(e)
				dep = tagDep || d
				if tag != nil && v != nil && tag.Kind() == v.Kind() {
					t = triOf(constant.Compare(tag, token.EQL, v))
				}
			} else {
				t, dep = x.cond(e)
			}
			if t == triTrue {
				return triTrue, dec || dep
			}
			if t == triUnknown {
				m = triUnknown
			} else {
				dec = dec || dep
			}
		}
		return m, dec
	}
	for _, c := range s.Body.List {
		cc := c.(*ast.CaseClause)
		if cc.List == nil {
			def = cc
			continue
		}
		m, dec := match(cc)
		decided = decided || dec
		if decided {
			x.decided = true
		}
		if m == triFalse {
			continue
		}
		saved := x.on429
		if m == triTrue && dec && x.only429(func() tri { t, _ := match(cc); return t }) {
			x.on429 = true
		}
		o, f := x.list(cc.Body)
		x.on429 = saved
		outs |= o &^ oBreakSwitch
		falls = falls || f || o&oBreakSwitch != 0
		if m == triTrue {
			matched = true
			break
		}
	}
	if !matched {
		if def != nil {
			o, f := x.list(def.Body)
			outs |= o &^ oBreakSwitch
			falls = falls || f || o&oBreakSwitch != 0
		} else {
			falls = true
		}
	}
	return outs, falls
}

// noReturn reports whether call never returns: panic, os.Exit, log.Fatal*,
// log.Panic*, runtime.Goexit, testing's Fatal and FailNow.
func (x *interp) noReturn(call *ast.CallExpr) bool {
	info := x.f.r.pass.TypesInfo
	if id, ok := astutil.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			return true
		}
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "os":
		return fn.Name() == "Exit"
	case "log":
		switch fn.Name() {
		case "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln":
			return true
		}
	case "runtime":
		return fn.Name() == "Goexit"
	case "testing":
		switch fn.Name() {
		case "Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow":
			return true
		}
	}
	return false
}

// ret classifies a return statement of the region.
func (x *interp) ret(s *ast.ReturnStmt) outcome {
	if x.results == nil || x.results.Len() == 0 {
		return oReturnNil
	}
	if len(s.Results) == 0 {
		return oReturnErr | oReturnNil // named results: not followed
	}
	var outs outcome
	info := x.f.r.pass.TypesInfo
	errIdx := -1
	if last := x.results.At(x.results.Len() - 1); types.Identical(last.Type(), errorType) {
		errIdx = x.results.Len() - 1
	}
	if len(s.Results) == 1 && x.results.Len() > 1 {
		// return f(): the call's results.
		if astutil.Unparen(s.Results[0]) == x.src {
			if isSendCall(info, x.src) || x.f.callReturnsResp(x.src) {
				outs |= oReturnResp
			}
			return outs | x.errOutcome(x.src)
		}
		return oReturnErr | oReturnNil
	}
	for i, r := range s.Results {
		if x.f.eval(r)[kResp]&x.bit != 0 && isResponsePtr(info.TypeOf(r)) {
			outs |= oReturnResp
		}
		if i == errIdx {
			outs |= x.errOutcome(r)
		}
	}
	if errIdx < 0 && outs == 0 {
		outs = oReturnNil
	}
	if x.on429 && x.handBack(s) || x.flags429(s) {
		outs |= oHandBack
	}
	return outs
}

// flags429 reports whether a return hands its caller a bool computed from
// the status that is true at 429 and at no other status (return
// resp.StatusCode == http.StatusTooManyRequests, err): a retryable flag.
func (x *interp) flags429(s *ast.ReturnStmt) bool {
	info := x.f.r.pass.TypesInfo
	if x.results == nil || len(s.Results) != x.results.Len() {
		return false
	}
	for i, r := range s.Results {
		if b, ok := x.results.At(i).Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
			continue
		}
		if tv := info.Types[r]; tv.Value != nil {
			continue // a constant: handBack's question
		}
		eval := func() tri {
			v, dep := x.val(r)
			if !dep || v == nil || v.Kind() != constant.Bool {
				return triUnknown
			}
			return triOf(constant.BoolVal(v))
		}
		if eval() == triTrue && x.only429(eval) {
			return true
		}
	}
	return false
}

const statusTooManyRequests = 429

// only429 reports whether a condition true at 429 (eval evaluates it at
// x.status) is false at the other statuses Brex answers: the branch is an
// explicit 429 check, not one for every error.
func (x *interp) only429(eval func() tri) bool {
	if x.status != statusTooManyRequests {
		return false
	}
	defer func() { x.status = statusTooManyRequests }()
	for _, st := range []int64{200, 201, 204, 400, 401, 403, 404, 409, 500, 502, 503} {
		x.status = st
		if eval() != triFalse {
			return false
		}
	}
	return true
}

// handBack reports whether a return hands its caller a signal that it can
// tell apart from other failures, so that a scheduler can run the job
// again later: a true bool (a retryable flag); or, as the error, a
// package-level variable (a sentinel such as ErrRateLimited), a value of a
// concrete type (&RateLimitError{...}), or fmt.Errorf wrapping a sentinel.
func (x *interp) handBack(s *ast.ReturnStmt) bool {
	info := x.f.r.pass.TypesInfo
	if x.results == nil || len(s.Results) != x.results.Len() {
		return false
	}
	for i, r := range s.Results {
		r = astutil.Unparen(r)
		tv := info.Types[r]
		if tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) {
			return true
		}
		if !types.Identical(x.results.At(i).Type(), errorType) || tv.IsNil() {
			continue
		}
		if isSentinel(info, r) {
			return true
		}
		if t := info.TypeOf(r); t != nil && !types.IsInterface(t) {
			return true
		}
		if call, ok := r.(*ast.CallExpr); ok {
			if fn, _ := typeutil.Callee(info, call).(*types.Func); isFunc(fn, "fmt", "Errorf") {
				for _, a := range call.Args[1:] {
					if isSentinel(info, a) {
						return true
					}
				}
			}
		}
	}
	return false
}

// isSentinel reports whether e is a package-level error variable.
func isSentinel(info *types.Info, e ast.Expr) bool {
	v, ok := objOf(info, e).(*types.Var)
	return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() && types.Implements(v.Type(), errorType.Underlying().(*types.Interface))
}

// errOutcome classifies the error value e returned by the region.
func (x *interp) errOutcome(e ast.Expr) outcome {
	info := x.f.r.pass.TypesInfo
	e = astutil.Unparen(e)
	if tv, ok := info.Types[e]; ok && tv.IsNil() {
		return oReturnNil
	}
	if e == x.src {
		return x.errStateOutcome()
	}
	switch e := e.(type) {
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return oReturnErr | oReturnNil
		}
		if x.errVars[v] {
			return x.errStateOutcome()
		}
		if x.f.alwaysNonNil(v) {
			return oReturnErr
		}
		return oReturnErr | oReturnNil
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, e).(*types.Func)
		switch {
		case fn == nil:
		case fn.Pkg() != nil && (fn.Pkg().Path() == "errors" && fn.Name() == "New" || fn.Pkg().Path() == "fmt" && fn.Name() == "Errorf"):
			return oReturnErr
		case isRetryLibFunc(fn, "github.com/cenkalti/backoff/v4", "Permanent") || isRetryLibFunc(fn, "github.com/cenkalti/backoff/v5", "Permanent") ||
			isRetryLibFunc(fn, "github.com/avast/retry-go", "Unrecoverable") || isRetryLibFunc(fn, "github.com/avast/retry-go/v4", "Unrecoverable"):
			return oReturnPerm
		case isRetryLibFunc(fn, "github.com/sethvargo/go-retry", "RetryableError"):
			return oReturnRetryable
		case isRetryLibFunc(fn, "github.com/cenkalti/backoff/v5", "RetryAfter"):
			return oReturnErr
		default:
			// A helper given the response: what it returns at this status.
			if o, ok := x.helperErr(e, fn); ok {
				return o
			}
		}
		return oReturnErr | oReturnNil
	case *ast.UnaryExpr, *ast.CompositeLit:
		return oReturnErr
	}
	return oReturnErr | oReturnNil
}

func isRetryLibFunc(fn *types.Func, pkg, name string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Name() == name
}

func (x *interp) errStateOutcome() outcome {
	switch x.err.nonNil {
	case triTrue:
		return oReturnErr
	case triFalse:
		return oReturnNil
	}
	return oReturnErr | oReturnNil
}

// helperErr explores a helper of this package that is given the response
// (func checkResponse(resp *http.Response) error) at the same status.
func (x *interp) helperErr(call *ast.CallExpr, fn *types.Func) (outcome, bool) {
	if x.depth > 2 || fn.Origin().Pkg() != x.f.r.pass.Pkg {
		return 0, false
	}
	g := x.f.r.flows[fn.Origin()]
	if g == nil {
		return 0, false
	}
	for i, a := range call.Args {
		if x.f.eval(a)[kResp]&x.bit == 0 {
			continue
		}
		for j, src := range g.sources {
			if src.call == nil && src.param == i && src.kind == kResp {
				o := g.atParam(j, x.status, x.depth+1)
				return o & (oReturnErr | oReturnNil), o&(oReturnErr|oReturnNil) != 0
			}
		}
	}
	return 0, false
}

// atParam explores the whole body of the flow's function with parameter
// source j holding a response of the given status; it returns the outcomes
// of its returns.
func (f *respFlow) atParam(j int, status int64, depth int) outcome {
	x := &interp{f: f, bit: 1 << j, status: status, errVars: map[*types.Var]bool{}, region: f.fd,
		results: f.fn.Signature().Results(), depth: depth}
	o, falls := x.list(f.fd.Body.List)
	if falls {
		o |= x.fallOff()
	}
	return o &^ oBreakSwitch
}

// callReturnsResp reports whether call (a source of f) yields a response.
func (f *respFlow) callReturnsResp(call *ast.CallExpr) bool {
	return f.evalCall(call)[kResp] != 0
}

func (x *interp) visitNode(n ast.Node) {
	if x.visit != nil && n != nil {
		x.visit(n)
	}
}

// cond evaluates a condition; decided reports whether its value depends on
// the status (or on an error that carries it).
func (x *interp) cond(e ast.Expr) (tri, bool) {
	info := x.f.r.pass.TypesInfo
	switch e := astutil.Unparen(e).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			a, da := x.cond(e.X)
			if a == triFalse {
				return triFalse, da
			}
			b, db := x.cond(e.Y)
			if b == triFalse {
				return triFalse, db
			}
			if a == triTrue && b == triTrue {
				return triTrue, da || db
			}
			return triUnknown, da || db
		case token.LOR:
			a, da := x.cond(e.X)
			if a == triTrue {
				return triTrue, da
			}
			b, db := x.cond(e.Y)
			if b == triTrue {
				return triTrue, db
			}
			if a == triFalse && b == triFalse {
				return triFalse, da || db
			}
			return triUnknown, da || db
		case token.EQL, token.NEQ:
			var other ast.Expr
			if tv, ok := info.Types[e.Y]; ok && tv.IsNil() {
				other = e.X
			} else if tv, ok := info.Types[e.X]; ok && tv.IsNil() {
				other = e.Y
			}
			if other != nil {
				t, dep := x.nonNil(other)
				if t != triUnknown && e.Op == token.EQL {
					t = not(t)
				}
				return t, dep
			}
		}
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			t, d := x.cond(e.X)
			return not(t), d
		}
	case *ast.CallExpr:
		if t, ok := x.boolHelper(e); ok {
			return t, true
		}
		// errors.As(err, &target) and errors.Is(err, x) are false when
		// the send's error is nil.
		fn, _ := typeutil.Callee(info, e).(*types.Func)
		if (isFunc(fn, "errors", "As") || isFunc(fn, "errors", "Is")) && len(e.Args) == 2 {
			if t, _ := x.nonNil(e.Args[0]); t == triFalse {
				return triFalse, false
			}
		}
	}
	v, dep := x.val(e)
	if v != nil && v.Kind() == constant.Bool {
		return triOf(constant.BoolVal(v)), dep
	}
	return triUnknown, false
}

func not(t tri) tri {
	switch t {
	case triTrue:
		return triFalse
	case triFalse:
		return triTrue
	}
	return triUnknown
}

// nonNil says whether e (compared with nil) is non-nil: the send's error,
// or its response.
func (x *interp) nonNil(e ast.Expr) (tri, bool) {
	info := x.f.r.pass.TypesInfo
	e = astutil.Unparen(e)
	isErr := e == x.src && types.Identical(info.TypeOf(e), errorType)
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok && x.errVars[v] {
			isErr = true
		}
	}
	if isErr {
		return x.err.nonNil, x.err.carries && x.err.nonNil != triUnknown
	}
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok && x.f.oagResp[v]&x.bit != 0 {
			return triTrue, false // openapi-generator returns it with its error
		}
	}
	if (isResponsePtr(info.TypeOf(e)) || isGenResponse(info.TypeOf(e))) && x.f.eval(e)[kResp]&x.bit != 0 && x.err.nonNil != triTrue {
		return triTrue, false
	}
	// resp.JSON200 of a generated client's parsed response is set only
	// when the status is 200.
	if sel, ok := e.(*ast.SelectorExpr); ok {
		if code, ok := genStatusField(info, sel); ok && x.f.eval(sel.X)[kResp]&x.bit != 0 && x.err.nonNil != triTrue {
			if int64(code) != x.status {
				return triFalse, true
			}
			return triUnknown, true
		}
	}
	return triUnknown, false
}

// val evaluates an integer or boolean expression; dep reports whether it
// depends on the status.
func (x *interp) val(e ast.Expr) (constant.Value, bool) {
	info := x.f.r.pass.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return tv.Value, false
	}
	switch e := astutil.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if isResponseField(info, e, "StatusCode") && x.f.eval(e.X)[kResp]&x.bit != 0 {
			return constant.MakeInt64(x.status), true
		}
		if x.err.carries && x.err.nonNil == triTrue && x.f.r.isStatusField(info, e) {
			return constant.MakeInt64(x.status), true
		}
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok && (x.f.statusVars[v]&x.bit != 0 || x.statusParams[v]) {
			return constant.MakeInt64(x.status), true
		}
	case *ast.BinaryExpr:
		if e.Op == token.LAND || e.Op == token.LOR {
			t, d := x.cond(e)
			if t == triUnknown {
				return nil, false
			}
			return constant.MakeBool(t == triTrue), d
		}
		a, da := x.val(e.X)
		b, db := x.val(e.Y)
		if a == nil || b == nil || a.Kind() == constant.Unknown || b.Kind() == constant.Unknown {
			return nil, false
		}
		switch e.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			if a.Kind() != b.Kind() && !(isNumeric(a) && isNumeric(b)) {
				return nil, false
			}
			return constant.MakeBool(constant.Compare(a, e.Op, b)), da || db
		case token.QUO:
			if a.Kind() == constant.Int && b.Kind() == constant.Int {
				if constant.Sign(b) == 0 {
					return nil, false
				}
				return constant.BinaryOp(a, token.QUO_ASSIGN, b), da || db
			}
			return constant.BinaryOp(a, token.QUO, b), da || db
		case token.REM:
			if constant.Sign(b) == 0 {
				return nil, false
			}
			return constant.BinaryOp(a, e.Op, b), da || db
		case token.ADD, token.SUB, token.MUL:
			return constant.BinaryOp(a, e.Op, b), da || db
		}
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			t, d := x.cond(e.X)
			if t == triUnknown {
				return nil, false
			}
			return constant.MakeBool(t == triFalse), d
		}
	case *ast.CallExpr:
		if name, recv, ok := restyStatusCall(info, e); ok && x.f.eval(recv)[kResp]&x.bit != 0 {
			switch name {
			case "StatusCode":
				return constant.MakeInt64(x.status), true
			case "IsSuccess":
				return constant.MakeBool(x.status > 199 && x.status < 300), true
			case "IsError":
				return constant.MakeBool(x.status > 399), true
			}
		}
		if t, ok := x.boolHelper(e); ok {
			return constant.MakeBool(t == triTrue), true
		}
	}
	return nil, false
}

func isNumeric(v constant.Value) bool {
	k := v.Kind()
	return k == constant.Int || k == constant.Float
}

// boolHelper evaluates a call of a boolean helper of this package given the
// status or the response (func retryable(code int) bool).
func (x *interp) boolHelper(call *ast.CallExpr) (tri, bool) {
	info := x.f.r.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || x.depth > 2 || fn.Origin().Pkg() != x.f.r.pass.Pkg {
		return triUnknown, false
	}
	sig := fn.Signature()
	if sig.Results().Len() != 1 || !types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool]) {
		return triUnknown, false
	}
	fd := x.f.r.http.funcDecl(fn)
	g := x.f.r.flows[fn.Origin()]
	if fd == nil || g == nil {
		return triUnknown, false
	}
	for i, a := range call.Args {
		if i >= sig.Params().Len() {
			break
		}
		p := sig.Params().At(i)
		status := false
		if v, d := x.val(a); v != nil && d {
			status = true
		}
		if !status && !(isResponsePtr(p.Type()) && x.f.eval(a)[kResp]&x.bit != 0) {
			continue
		}
		y := &interp{f: g, status: x.status, errVars: map[*types.Var]bool{}, region: fd, results: sig.Results(), depth: x.depth + 1}
		if status {
			y.statusParams = map[*types.Var]bool{p: true}
		} else {
			for j, src := range g.sources {
				if src.call == nil && src.param == i {
					y.bit = 1 << j
				}
			}
		}
		return y.boolReturns(fd.Body.List)
	}
	return triUnknown, false
}

// boolReturns evaluates the boolean a helper returns on every path.
func (x *interp) boolReturns(body []ast.Stmt) (tri, bool) {
	var seen [3]bool
	x.visit = nil
	// Explore: each return's value.
	var walk func(stmts []ast.Stmt) bool
	walk = func(stmts []ast.Stmt) bool {
		for _, s := range stmts {
			switch s := s.(type) {
			case *ast.ReturnStmt:
				if len(s.Results) != 1 {
					seen[triUnknown] = true
					return false
				}
				t, _ := x.cond(s.Results[0])
				seen[t] = true
				return false
			case *ast.IfStmt:
				c, _ := x.cond(s.Cond)
				fb, fe := true, true
				if c != triFalse {
					fb = walk(s.Body.List)
				}
				if c != triTrue && s.Else != nil {
					fe = walk([]ast.Stmt{s.Else})
				}
				if !fb && (!fe || c == triTrue) && (s.Else != nil || c == triTrue) {
					return false
				}
			case *ast.BlockStmt:
				if !walk(s.List) {
					return false
				}
			case *ast.SwitchStmt:
				o, _ := x.switchBool(s, walk)
				if !o {
					return false
				}
			default:
				x.steps++
			}
			if x.steps > maxSteps {
				seen[triUnknown] = true
				return false
			}
		}
		return true
	}
	walk(body)
	switch {
	case seen[triUnknown] || seen[triTrue] && seen[triFalse]:
		return triUnknown, false
	case seen[triTrue]:
		return triTrue, true
	case seen[triFalse]:
		return triFalse, true
	}
	return triUnknown, false
}

// switchBool explores a switch inside a boolean helper; it reports whether
// a path falls out of it.
func (x *interp) switchBool(s *ast.SwitchStmt, walk func([]ast.Stmt) bool) (bool, bool) {
	var tag constant.Value
	if s.Tag != nil {
		tag, _ = x.val(s.Tag)
	}
	falls := false
	matched := false
	var def *ast.CaseClause
	for _, c := range s.Body.List {
		cc := c.(*ast.CaseClause)
		if cc.List == nil {
			def = cc
			continue
		}
		m := triFalse
		for _, e := range cc.List {
			var t tri
			if s.Tag != nil {
				if v, _ := x.val(e); tag != nil && v != nil && tag.Kind() == v.Kind() {
					t = triOf(constant.Compare(tag, token.EQL, v))
				}
			} else {
				t, _ = x.cond(e)
			}
			if t == triTrue {
				m = triTrue
				break
			}
			if t == triUnknown {
				m = triUnknown
			}
		}
		if m == triFalse {
			continue
		}
		if walk(cc.Body) {
			falls = true
		}
		if m == triTrue {
			matched = true
			break
		}
	}
	if !matched {
		if def != nil {
			if walk(def.Body) {
				falls = true
			}
		} else {
			falls = true
		}
	}
	return falls, true
}

// isStatusField reports whether sel reads a struct field that the package
// fills with a response's status code (APIError{StatusCode:
// resp.StatusCode}), or that a fact marks so.
func (r *responseAnalysis) isStatusField(info *types.Info, sel *ast.SelectorExpr) bool {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return false
	}
	v, ok := s.Obj().(*types.Var)
	if !ok {
		return false
	}
	v = v.Origin()
	if v.Pkg() == r.pass.Pkg {
		return r.statusFields[v]
	}
	return r.pass.ImportObjectFact(v, new(StatusFieldFact))
}

// srcErr returns the state of the error result of source src at status.
func (f *respFlow) srcErr(src *source, status int64) errState {
	if src.call == nil {
		return errState{}
	}
	info := f.r.pass.TypesInfo
	if isSendCall(info, src.call) {
		return errState{nonNil: triFalse}
	}
	if src.fn == nil {
		return errState{}
	}
	if sendsItself(src.fn) {
		return errState{nonNil: triFalse}
	}
	if sum := f.r.summaryOf(src.fn); sum != nil {
		t := sum.errAt(status)
		return errState{nonNil: t, carries: t == triTrue}
	}
	return errState{}
}

// ownErr says whether the function returns a non-nil error when the
// response to its own request has the given status.
func (f *respFlow) ownErr(status int64) tri {
	res := f.fn.Signature().Results()
	if res.Len() == 0 || !types.Identical(res.At(res.Len()-1).Type(), errorType) {
		return triUnknown
	}
	var outs outcome
	for i, src := range f.sources {
		if src.call == nil {
			continue
		}
		loop := f.loopAround(src.call)
		outs |= f.at(src.call, 1<<i, status, f.srcErr(src, status), loop, nil)
	}
	outs &= oReturnErr | oReturnNil
	switch outs {
	case oReturnErr:
		return triTrue
	case oReturnNil:
		return triFalse
	}
	return triUnknown
}

// loopAround returns the innermost loop around call in its function (or
// function literal): a for statement or a range over an integer; nil if
// none.
func (f *respFlow) loopAround(call *ast.CallExpr) ast.Node {
	info := f.r.pass.TypesInfo
	for _, n := range f.pathTo(call) {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		case *ast.ForStmt:
			if call.Pos() >= n.Body.Pos() {
				return n
			}
		case *ast.RangeStmt:
			if call.Pos() < n.Body.Pos() {
				continue
			}
			if t, ok := info.TypeOf(n.X).Underlying().(*types.Basic); ok && t.Info()&types.IsInteger != 0 {
				return n
			}
			return nil // a range over a collection: each item is new
		}
	}
	return nil
}

// noteStatusFields records the struct fields f fills with a status.
func (r *responseAnalysis) noteStatusFields(f *respFlow) {
	info := r.pass.TypesInfo
	add := func(key ast.Expr, value ast.Expr) {
		if f.statusTags(value) == 0 {
			return
		}
		var v *types.Var
		switch k := astutil.Unparen(key).(type) {
		case *ast.Ident:
			v, _ = info.Uses[k].(*types.Var)
		case *ast.SelectorExpr:
			if s, ok := info.Selections[k]; ok && s.Kind() == types.FieldVal {
				v, _ = s.Obj().(*types.Var)
			}
		}
		if v != nil && v.IsField() && v.Origin().Pkg() == r.pass.Pkg {
			r.statusFields[v.Origin()] = true
		}
	}
	for _, lit := range f.lits {
		if _, ok := info.TypeOf(lit).Underlying().(*types.Struct); !ok {
			continue
		}
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				add(kv.Key, kv.Value)
			}
		}
	}
	for cur := range r.model.bodyCursor(f.fd).Preorder((*ast.AssignStmt)(nil)) {
		if as := cur.Node().(*ast.AssignStmt); len(as.Lhs) == len(as.Rhs) {
			for i, l := range as.Lhs {
				if _, ok := astutil.Unparen(l).(*ast.SelectorExpr); ok {
					add(l, as.Rhs[i])
				}
			}
		}
	}
}

// alwaysNonNil reports whether every value assigned to v in the function is
// a new value: &T{...}, T{...}, new(T), errors.New, fmt.Errorf.
func (f *respFlow) alwaysNonNil(v *types.Var) bool {
	if _, ok := f.params[v]; ok {
		return false
	}
	info := f.r.pass.TypesInfo
	n := 0
	for _, as := range f.assigns {
		if as.lhs != v {
			continue
		}
		n++
		switch e := astutil.Unparen(as.rhs).(type) {
		case *ast.UnaryExpr:
			if e.Op != token.AND {
				return false
			}
		case *ast.CompositeLit:
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, e).(*types.Func)
			b, _ := typeutil.Callee(info, e).(*types.Builtin)
			switch {
			case b != nil && b.Name() == "new":
			case fn != nil && fn.Pkg() != nil && (fn.Pkg().Path() == "errors" && fn.Name() == "New" || fn.Pkg().Path() == "fmt" && fn.Name() == "Errorf"):
			default:
				return false
			}
		default:
			return false
		}
	}
	return n > 0
}
