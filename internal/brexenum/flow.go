package brexenum

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/types/typeutil"
)

// CaseValues returns the string constant values of a case clause's
// expressions. all is false when an expression is not a string constant
// (a variable, a call); literal is false when one is a constant of a named
// type (brex.TransferProcessed) rather than a plain string literal or
// untyped/string constant.
func CaseValues(info *types.Info, cc *ast.CaseClause) (values []string, all, literal bool) {
	all, literal = true, true
	for _, e := range cc.List {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			all = false
			continue
		}
		values = append(values, constant.StringVal(tv.Value))
		if b, ok := types.Unalias(tv.Type).(*types.Basic); !ok || b.Info()&types.IsString == 0 {
			literal = false
		}
	}
	return values, all, literal
}

// Failures judges whether statements make a function fail. Make one per
// pass: it memoizes what it learns of the package's functions.
type Failures struct {
	info  *types.Info
	pkg   *types.Package
	funcs *typesutil.Funcs     // the package's functions
	memo  map[*types.Func]bool // constructors of errors
}

// NewFailures returns the judge of one package's statements, whose
// functions funcs indexes (the Brex model's Funcs).
func NewFailures(info *types.Info, pkg *types.Package, funcs *typesutil.Funcs) *Failures {
	return &Failures{info: info, pkg: pkg, funcs: funcs}
}

// Fatal reports whether stmt makes the function fail: a call of panic,
// os.Exit, log.Fatal*/log.Panic* (the package functions and *log.Logger
// methods), or a return of an error that is certainly not nil (see
// ErrorReturn). sig is the signature of the function whose body holds stmt
// (nil if unknown: returns are then not judged). what names the failure
// for messages ("panic", "os.Exit", "an error return").
func (f *Failures) Fatal(sig *types.Signature, stmt ast.Stmt) (what string, ok bool) {
	switch s := stmt.(type) {
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		if !ok {
			return "", false
		}
		return fatalCall(f.info, call)
	case *ast.ReturnStmt:
		if f.ErrorReturn(sig, s) {
			return "an error return", true
		}
	}
	return "", false
}

func fatalCall(info *types.Info, call *ast.CallExpr) (string, bool) {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return "", false
	}
	switch obj := info.Uses[id].(type) {
	case *types.Builtin:
		if obj.Name() == "panic" {
			return "panic", true
		}
	case *types.Func:
		if obj.Pkg() == nil {
			return "", false
		}
		name := obj.Name()
		switch obj.Pkg().Path() {
		case "os":
			if name == "Exit" {
				return "os.Exit", true
			}
		case "log":
			switch name {
			case "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln":
				return "log." + name, true
			}
		}
	}
	return "", false
}

var errorType = types.Universe.Lookup("error").Type()

// ErrorReturn reports whether ret returns an error that is certainly not
// nil: the function's last result is error and ret gives it
//   - a call of errors.New or fmt.Errorf, or of a function of this package
//     whose every return gives such an error (a constructor: newStatusError);
//   - a composite literal of an error type, or its address
//     (&StatusError{...}), or a conversion to a non-interface error type;
//   - a package-level variable (a sentinel such as ErrUnknownStatus).
//
// Anything else may be nil (a local err, a call that handles the value and
// returns its outcome) and is not judged; nor are bare returns and returns
// of a multi-value call.
func (f *Failures) ErrorReturn(sig *types.Signature, ret *ast.ReturnStmt) bool {
	if sig == nil {
		return false
	}
	res := sig.Results()
	if res.Len() == 0 || len(ret.Results) != res.Len() {
		return false
	}
	if !types.Identical(res.At(res.Len()-1).Type(), errorType) {
		return false
	}
	return f.nonNil(ret.Results[len(ret.Results)-1], 0)
}

// nonNil reports whether e is an error value that is certainly not nil.
func (f *Failures) nonNil(e ast.Expr, depth int) bool {
	info := f.info
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CompositeLit:
		return true
	case *ast.UnaryExpr:
		_, ok := ast.Unparen(x.X).(*ast.CompositeLit)
		return ok && x.Op == token.AND
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if sel, ok := x.(*ast.SelectorExpr); ok {
			id = sel.Sel
		} else {
			id = x.(*ast.Ident)
		}
		v, ok := info.Uses[id].(*types.Var)
		return ok && !v.IsField() && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
			return !types.IsInterface(tv.Type) && len(x.Args) == 1 && !isNilExpr(info, x.Args[0])
		}
		fn, ok := typeutil.Callee(info, x).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return false
		}
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "errors.New", "fmt.Errorf":
			return true
		}
		if fn.Pkg() != f.pkg || depth > 2 {
			return false
		}
		return f.constructor(fn.Origin(), depth+1)
	}
	return false
}

func isNilExpr(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// constructor reports whether fn, a function of this package with a body,
// returns a certainly non-nil error in its last result on every return.
func (f *Failures) constructor(fn *types.Func, depth int) bool {
	if r, ok := f.memo[fn]; ok {
		return r
	}
	if f.memo == nil {
		f.memo = map[*types.Func]bool{}
	}
	f.memo[fn] = false // recursion: not proved
	fd := f.funcs.FuncDecl(fn)
	sig := fn.Signature()
	if fd == nil || sig.Results().Len() == 0 || !types.Identical(sig.Results().At(sig.Results().Len()-1).Type(), errorType) {
		return false
	}
	n, all := 0, true
	ast.Inspect(fd.Body, func(node ast.Node) bool {
		switch r := node.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			n++
			if len(r.Results) != sig.Results().Len() || !f.nonNil(r.Results[len(r.Results)-1], depth) {
				all = false
			}
		}
		return all
	})
	f.memo[fn] = all && n > 0
	return f.memo[fn]
}

// Terminates reports whether control never leaves the end of body to the
// statement after the enclosing switch: its last statement is a return, a
// goto, a continue, a break of an outer statement (labelled), or a fatal
// call (panic, os.Exit, log.Fatal*). An empty body, an unlabelled break, a
// break of the switch itself (self is the switch's label, or nil) and
// fallthrough do not terminate.
func Terminates(info *types.Info, body []ast.Stmt, self *types.Label) bool {
	if len(body) == 0 {
		return false
	}
	switch s := body[len(body)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		switch s.Tok {
		case token.GOTO, token.CONTINUE:
			return true
		case token.BREAK:
			return s.Label != nil && (self == nil || info.Uses[s.Label] != self)
		}
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
			_, fatal := fatalCall(info, call)
			return fatal
		}
	case *ast.BlockStmt:
		return Terminates(info, s.List, self)
	}
	return false
}

// Label returns the label of the statement at the top of stack, or nil.
func Label(info *types.Info, stack []ast.Node) *types.Label {
	if i := len(stack) - 1; i > 0 {
		if l, ok := stack[i-1].(*ast.LabeledStmt); ok && l.Stmt == stack[i] {
			lbl, _ := info.Defs[l.Label].(*types.Label)
			return lbl
		}
	}
	return nil
}

// Next returns the statement that follows the statement at the top of
// stack (stack[len(stack)-1]) in the statement list that holds it, looking
// through a label; nil when it is the last one or the parent is not a
// statement list.
func Next(stack []ast.Node) ast.Stmt {
	i := len(stack) - 1
	var stmt ast.Node = stack[i]
	if i > 0 {
		if l, ok := stack[i-1].(*ast.LabeledStmt); ok && l.Stmt == stmt {
			stmt = l
			i--
		}
	}
	if i == 0 {
		return nil
	}
	var list []ast.Stmt
	switch p := stack[i-1].(type) {
	case *ast.BlockStmt:
		list = p.List
	case *ast.CaseClause:
		list = p.Body
	case *ast.CommClause:
		list = p.Body
	default:
		return nil
	}
	for j, s := range list {
		if s == stmt && j+1 < len(list) {
			return list[j+1]
		}
	}
	return nil
}

// EnclosingFunc returns the innermost function declaration or literal in
// stack and its signature (nil if the type checker has none).
func EnclosingFunc(info *types.Info, stack []ast.Node) (ast.Node, *types.Signature) {
	for i := len(stack) - 1; i >= 0; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncDecl:
			if obj, ok := info.Defs[f.Name].(*types.Func); ok {
				return f, obj.Type().(*types.Signature)
			}
			return f, nil
		case *ast.FuncLit:
			sig, _ := info.TypeOf(f).(*types.Signature)
			return f, sig
		}
	}
	return nil, nil
}
