package brexmodel

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// retryFuncs are the retry helpers of the closed list in checks.md that
// call a function once per attempt: package path → function names.
var retryFuncs = map[string][]string{
	"github.com/cenkalti/backoff/v4": {"Retry", "RetryNotify", "RetryWithData", "RetryNotifyWithData", "RetryNotifyWithTimer"},
	"github.com/cenkalti/backoff/v5": {"Retry"},
	"github.com/avast/retry-go":      {"Do", "DoWithData"},
	"github.com/avast/retry-go/v4":   {"Do", "DoWithData"},
	"github.com/sethvargo/go-retry":  {"Do", "DoValue"},
}

// RetrierFact marks a function that calls its function parameter Param
// once per attempt of a retry loop: an integration's own retry helper
// (retryutil.Do(ctx, 3, func(ctx context.Context) error { ... })), judged
// like the retry libraries where a function literal is handed to it.
type RetrierFact struct {
	Param int
}

func (*RetrierFact) AFact() {}

func (f *RetrierFact) String() string { return fmt.Sprintf("retrier($%d)", f.Param) }

// findRetriers records the functions of the package that call a function
// parameter inside a retry loop, and exports a RetrierFact for the
// exported ones. It runs before the HTTP half of the model, on every
// package outside the standard library: a retry helper need not import
// net/http.
func (m *Model) findRetriers(pass *analysis.Pass) {
	if inGOROOT(pass) {
		return
	}
	for fn, fd := range m.funcs.All() {
		if i, ok := m.retrierParamOf(fd, fn); ok {
			if m.retriers == nil {
				m.retriers = map[*types.Func]int{}
			}
			m.retriers[fn] = i
			if fn.Exported() {
				pass.ExportObjectFact(fn, &RetrierFact{Param: i})
			}
		}
	}
}

// retrierParamOf returns the index of the function parameter of fd that
// its body calls inside a retry loop.
func (m *Model) retrierParamOf(fd *ast.FuncDecl, fn *types.Func) (int, bool) {
	params := fn.Signature().Params()
	funcParams := map[*types.Var]int{}
	for i := 0; i < params.Len(); i++ {
		if _, ok := params.At(i).Type().Underlying().(*types.Signature); ok {
			funcParams[params.At(i)] = i
		}
	}
	if len(funcParams) == 0 {
		return 0, false
	}
	for cur := range m.bodyCursor(fd).Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		i, ok := funcParams[typesutil.VarOf(m.info, call.Fun)]
		if !ok {
			continue
		}
		found := false
		switch loop := m.RetryAround(call.Pos()).(type) {
		case *ast.ForStmt:
			found = m.goesOnAfterError(loop.Body, call)
		case *ast.RangeStmt:
			found = m.goesOnAfterError(loop.Body, call)
		}
		if found {
			return i, true
		}
	}
	return 0, false
}

// goesOnAfterError reports whether the loop body calls call again when it
// fails: an if on its error ends the loop when the error is nil (err ==
// nil { return }) or goes on when it is not (err != nil { continue }). A
// loop that stops at the first error (a pagination or for-each helper:
// err != nil { return err }) does not retry.
func (m *Model) goesOnAfterError(body *ast.BlockStmt, call *ast.CallExpr) bool {
	var errVar *types.Var
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Rhs) == 1 && astutil.Unparen(as.Rhs[0]) == call {
			if v := typesutil.VarOf(m.info, as.Lhs[len(as.Lhs)-1]); v != nil && types.Identical(v.Type(), errorType) {
				errVar = v
			}
		}
		return errVar == nil
	})
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		ifs, ok := n.(*ast.IfStmt)
		if !ok || found {
			return !found
		}
		be, ok := astutil.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || (be.Op != token.EQL && be.Op != token.NEQ) || len(ifs.Body.List) == 0 {
			return true
		}
		x := astutil.Unparen(be.X)
		if tv, ok := m.info.Types[be.Y]; !ok || !tv.IsNil() || (x != call && (errVar == nil || typesutil.VarOf(m.info, x) != errVar)) {
			return true
		}
		last := ifs.Body.List[len(ifs.Body.List)-1]
		_, returns := last.(*ast.ReturnStmt)
		br, branches := last.(*ast.BranchStmt)
		exits := returns || branches && br.Tok == token.BREAK
		if be.Op == token.EQL {
			found = exits
		} else {
			found = !exits && !(branches && br.Tok == token.GOTO)
		}
		return !found
	})
	return found
}

// retrierParam returns the index of the parameter that fn, a function of
// this package or one with a RetrierFact, calls once per attempt.
func (m *Model) retrierParam(fn *types.Func) (int, bool) {
	if fn == nil || fn.Pkg() == nil || m.pass == nil {
		return 0, false
	}
	fn = fn.Origin()
	if fn.Pkg() == m.pass.Pkg {
		i, ok := m.retriers[fn]
		return i, ok
	}
	var f RetrierFact
	if m.pass.ImportObjectFact(fn, &f) {
		return f.Param, true
	}
	return 0, false
}

// retries reports whether call calls its argument i once per attempt: a
// retry library of the closed list, or a retry helper of the integration.
func (m *Model) retries(call *ast.CallExpr, i int) bool {
	fn, _ := typeutil.Callee(m.info, call).(*types.Func)
	if IsRetryHelper(fn) {
		return true
	}
	p, ok := m.retrierParam(fn)
	return ok && p == i
}

// IsRetryHelper reports whether fn is a function of a known retry library
// that calls its function argument once per attempt.
func IsRetryHelper(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	for _, name := range retryFuncs[fn.Pkg().Path()] {
		if fn.Name() == name {
			return true
		}
	}
	return false
}

// RetryAround returns the innermost retry construct around pos in the
// package's syntax: a loop that re-runs its body after looking at an error
// or a response status, or a function literal handed to a retry helper
// (IsRetryHelper, or a function with a RetrierFact), directly or through
// a local variable (op := func() error { ... }; backoff.Retry(op, b)). It
// returns nil when pos is in no such construct.
//
// A loop counts as a retry loop when it is a three-clause or condition-only
// for statement, or a range over an integer, and its body has an if
// statement whose condition reads a value of type error or a StatusCode
// field. A range over a collection (a fresh value per item is right) and a
// range over a channel (a ticker or work queue runs whatever the outcome)
// are not retry loops.
func (m *Model) RetryAround(pos token.Pos) ast.Node {
	path := typesutil.EnclosingPath(m.files, pos, pos)
	for i, n := range path {
		switch n := n.(type) {
		case *ast.FuncDecl:
			return nil
		case *ast.FuncLit:
			if m.retriedLit(n, path[i+1:]) {
				return n
			}
			return nil
		case *ast.ForStmt:
			if m.looksAtOutcome(n.Body) && !m.takesNewItem(n) {
				return n
			}
		case *ast.RangeStmt:
			if t, ok := m.info.TypeOf(n.X).Underlying().(*types.Basic); ok && t.Info()&types.IsInteger != 0 && m.looksAtOutcome(n.Body) {
				return n
			}
		}
	}
	return nil
}

// retriedLit reports whether the function literal lit, whose enclosing
// nodes are up, is handed to a retry helper: as an argument, or through a
// local variable that the enclosing function passes to one.
func (m *Model) retriedLit(lit *ast.FuncLit, up []ast.Node) bool {
	if len(up) == 0 {
		return false
	}
	var v *types.Var
	switch p := up[0].(type) {
	case *ast.CallExpr:
		for j, a := range p.Args {
			if astutil.Unparen(a) == lit {
				return m.retries(p, j)
			}
		}
		return false
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			for j, r := range p.Rhs {
				if astutil.Unparen(r) == lit {
					v = typesutil.VarOf(m.info, p.Lhs[j])
				}
			}
		}
	case *ast.ValueSpec:
		for j, r := range p.Values {
			if astutil.Unparen(r) == lit && j < len(p.Names) {
				v, _ = m.info.Defs[p.Names[j]].(*types.Var)
			}
		}
	}
	if v == nil {
		return false
	}
	var body ast.Node
	for _, n := range up {
		if fd, ok := n.(*ast.FuncDecl); ok {
			body = fd.Body
		}
	}
	found := false
	if body != nil {
		ast.Inspect(body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && !found {
				for j, a := range call.Args {
					if typesutil.VarOf(m.info, a) == v && m.retries(call, j) {
						found = true
					}
				}
			}
			return !found
		})
	}
	return found
}

// takesNewItem reports whether a for loop works through items rather
// than retrying: its condition asks an iterator for the next one
// (rows.Next(), scanner.Scan()), or its body receives an item from a
// channel into a variable (job := <-jobs, case job := <-jobs:). A receive
// that only waits (case <-time.After(d):) is not an item.
func (m *Model) takesNewItem(loop *ast.ForStmt) bool {
	if call, ok := astutil.Unparen(loop.Cond).(*ast.CallExpr); ok {
		if t, ok := m.info.TypeOf(call).Underlying().(*types.Basic); ok && t.Kind() == types.Bool {
			if _, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				return true
			}
		}
	}
	found := false
	ast.Inspect(loop.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, r := range n.Rhs {
				if u, ok := astutil.Unparen(r).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
					found = true
				}
			}
		case *ast.ValueSpec:
			for _, r := range n.Values {
				if u, ok := astutil.Unparen(r).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// looksAtOutcome reports whether body has an if statement whose condition
// reads an error value or a StatusCode field.
func (m *Model) looksAtOutcome(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		ifs, ok := n.(*ast.IfStmt)
		if !ok {
			return true
		}
		ast.Inspect(ifs.Cond, func(c ast.Node) bool {
			switch c := c.(type) {
			case *ast.Ident:
				if v, ok := m.info.Uses[c].(*types.Var); ok && types.Identical(v.Type(), errorType) {
					found = true
				}
			case *ast.SelectorExpr:
				if c.Sel.Name == "StatusCode" && typesutil.IsNamed(m.info.TypeOf(c.X), "net/http", "Response") {
					found = true
				}
			}
			return !found
		})
		return !found
	})
	return found
}

var errorType = types.Universe.Lookup("error").Type()
