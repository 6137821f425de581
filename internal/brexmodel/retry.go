package brexmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/brexlint/brexlint/internal/typesutil"
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
// (IsRetryHelper). It returns nil when pos is in no such construct.
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
			if i+1 < len(path) {
				if call, ok := path[i+1].(*ast.CallExpr); ok {
					if fn, _ := typeutil.Callee(m.info, call).(*types.Func); IsRetryHelper(fn) {
						return n
					}
				}
			}
			return nil
		case *ast.ForStmt:
			if m.looksAtOutcome(n.Body) {
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
