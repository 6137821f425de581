package brexmodel

import (
	"go/ast"
	"go/types"

	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/entropy"
	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Functions that make a new Idempotency-Key on every call. A function that
// sets a random key of its own on a request it sends is right when it is
// called once per operation, and wrong when a caller retries it: each
// attempt then carries a new key, and Brex executes every retry of a
// timed-out request. The model finds such functions (and, through calls
// that are not retried, the functions that call them), exports a
// FreshKeyFact for them, and lists the calls of them inside a retry loop
// (RetryAround) as KeyCalls, where idempotencykey reports.

// FreshKeyFact marks a function that makes a new random Idempotency-Key on
// every call for a request to Endpoint ("POST /v1/transfers") that it
// sends, itself or through the functions it calls once.
type FreshKeyFact struct {
	Endpoint string
}

func (*FreshKeyFact) AFact() {}

func (f *FreshKeyFact) String() string { return "freshkey(" + f.Endpoint + ")" }

// KeyCall is a call, inside a retry loop, of a function that makes a new
// Idempotency-Key on every call.
type KeyCall struct {
	Call *ast.CallExpr
	// Callee is the function called; Endpoint the request it keys.
	Callee   *types.Func
	Endpoint string
	// Loop is the retry construct around Call (RetryAround).
	Loop   ast.Node
	InTest bool
}

const idempotencyHeader = "Idempotency-Key"

// findFreshKeys computes the package's fresh-key functions, exports their
// facts, and lists the retried calls of fresh-key functions in KeyCalls.
func (m *Model) findFreshKeys(pass *analysis.Pass) {
	fresh := map[*types.Func]string{}
	for _, r := range m.Requests {
		if r.Endpoint == nil || r.Endpoint.Idempotency != brexapi.IdempotencyRequired {
			continue
		}
		fd := typesutil.FuncDeclAt(m.files, r.Call.Pos())
		if fd == nil {
			continue
		}
		fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
		if fn == nil || m.RetryAround(r.Call.Pos()) != nil {
			continue // a retry inside: reported where the key is made
		}
		for _, h := range r.Headers {
			if h.Name == idempotencyHeader && m.freshPerCall(fd, h) {
				fresh[fn] = r.Endpoint.String()
			}
		}
	}
	if len(fresh) == 0 && !hasFact[*FreshKeyFact](m.imports) {
		return
	}
	// Calls of fresh-key functions: inside a retry loop they are KeyCalls;
	// elsewhere they make their caller a fresh-key function too.
	type site struct {
		call   *ast.CallExpr
		caller *types.Func
		callee *types.Func
		// The retry around call and whether it retries call with the
		// same inputs, computed on the first round that asks: both walk
		// from the file's root, and the fixed point asks every round.
		looked bool
		loop   ast.Node
		same   bool
	}
	var sites []site
	for caller, fd := range m.funcs.All() {
		for cur := range m.bodyCursor(fd).Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			if callee, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func); ok {
				sites = append(sites, site{call: call, caller: caller, callee: callee.Origin()})
			}
		}
	}
	endpointOf := func(fn *types.Func) (string, bool) {
		if ep, ok := fresh[fn]; ok {
			return ep, true
		}
		var f FreshKeyFact
		if fn.Pkg() != pass.Pkg && pass.ImportObjectFact(fn, &f) {
			return f.Endpoint, true
		}
		return "", false
	}
	retried := map[*ast.CallExpr]ast.Node{}
	for changed, rounds := true, 0; changed && rounds < 8; rounds++ {
		changed = false
		for i := range sites {
			s := &sites[i]
			ep, ok := endpointOf(s.callee)
			if !ok || s.callee == s.caller {
				continue
			}
			if !s.looked {
				s.looked = true
				if s.loop = m.RetryAround(s.call.Pos()); s.loop != nil {
					s.same = m.SameInputs(s.loop, s.call)
				}
			}
			if s.loop != nil {
				if s.same {
					retried[s.call] = s.loop
				}
				continue
			}
			if _, done := fresh[s.caller]; !done && s.caller != nil {
				fresh[s.caller] = ep
				changed = true
			}
		}
	}
	for _, s := range sites {
		if loop, ok := retried[s.call]; ok {
			ep, _ := endpointOf(s.callee)
			m.KeyCalls = append(m.KeyCalls, &KeyCall{Call: s.call, Callee: s.callee, Endpoint: ep, Loop: loop,
				InTest: typesutil.InTestFile(pass.Fset, s.call.Pos())})
		}
	}
	for fn, ep := range fresh {
		if fn.Exported() {
			pass.ExportObjectFact(fn, &FreshKeyFact{Endpoint: ep})
		}
	}
}

// freshPerCall reports whether the header's value is a random key made
// anew on every call of fd: random, with no part that the function is
// given (an identifier, a parameter), made inside fd's body.
func (m *Model) freshPerCall(fd *ast.FuncDecl, h *Header) bool {
	if h.Value == nil {
		k := entropy.Kind(h.Summary.Kinds)
		return k&entropy.Random != 0 && k&(entropy.Identifier|entropy.Counter) == 0 && !h.Summary.InRetryLoop
	}
	v := m.classifier().Classify(h.Value)
	if v.Kinds&entropy.Random == 0 || v.Kinds&(entropy.Identifier|entropy.Counter) != 0 || len(v.Gen) == 0 {
		return false
	}
	for _, g := range v.Gen {
		if g < fd.Body.Pos() || g >= fd.Body.End() {
			return false // made once, outside the function
		}
	}
	return true
}

// SameInputs reports whether call, inside the retry construct loop
// (RetryAround), is given the same inputs on every iteration: no variable
// that its arguments or receiver read is declared inside the loop. A
// worker loop that takes a new job each time (job := <-jobs;
// c.Pay(ctx, job.Transfer)) does not retry the call, it makes another.
// A function literal handed to a retry helper is re-run as it is.
func (m *Model) SameInputs(loop ast.Node, call *ast.CallExpr) bool {
	if _, ok := loop.(*ast.FuncLit); ok {
		return true
	}
	same := true
	check := func(e ast.Expr) {
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := m.info.Uses[id].(*types.Var); ok && !v.IsField() && loop.Pos() <= v.Pos() && v.Pos() < loop.End() {
					same = false
				}
			}
			return same
		})
	}
	for _, a := range call.Args {
		check(a)
	}
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
		check(sel.X)
	}
	return same
}

// RetriedInPackage reports whether the package calls fn inside a retry
// loop (RetryAround) outside its tests: a key that fn makes per call would
// then be made per attempt. A test that retries fn says nothing of the
// program, and the findings outside tests must not depend on the tests
// (go vet analyzes a package with its tests, brexlint's driver without).
// It is safe for concurrent use: the checks of a package may ask it at
// once.
func (m *Model) RetriedInPackage(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	m.retriedOnce.Do(func() {
		// One scan for every question: the package's functions called in
		// a retry.
		m.retried = map[*types.Func]bool{}
		for file := range typesutil.NonTestFiles(m.pass.Fset, m.insp) {
			for cur := range file.Preorder((*ast.CallExpr)(nil)) {
				call := cur.Node().(*ast.CallExpr)
				if callee, ok := typeutil.Callee(m.info, call).(*types.Func); ok && callee.Pkg() == m.pass.Pkg && !m.retried[callee.Origin()] && m.RetryAround(call.Pos()) != nil {
					m.retried[callee.Origin()] = true
				}
			}
		}
	})
	return m.retried[fn.Origin()]
}
