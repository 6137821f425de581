package strictdecode

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/brexlint/brexlint/internal/brexenum"
	"github.com/brexlint/brexlint/internal/checks"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// checkUnmarshaller judges an UnmarshalJSON or UnmarshalText method of a
// Brex enum type: a finding where a value the method does not know reaches
// an error return or a failure.
func (c *checker) checkUnmarshaller(fd *ast.FuncDecl) {
	if fd.Recv == nil || len(fd.Recv.List) != 1 || fd.Body == nil {
		return
	}
	name := fd.Name.Name
	if name != "UnmarshalJSON" && name != "UnmarshalText" {
		return
	}
	info := c.pass.TypesInfo
	obj, ok := info.Defs[fd.Name].(*types.Func)
	if !ok {
		return
	}
	sig := obj.Type().(*types.Signature)
	if !isUnmarshalSignature(sig) {
		return
	}
	et := c.types.Of(sig.Recv().Type())
	if et == nil || !et.Brex() || !et.Enum.FromBrex() || !c.talksToBrex() {
		return
	}
	u := &unmarshaller{c: c, sig: sig, typ: et}
	u.walk(fd.Body, nil)
	if u.failure == nil {
		return
	}
	tn := et.Obj.Name()
	enum := et.Enum.Name()
	if enum != tn {
		tn += " (Brex " + enum + ")"
	}
	c.r.Report(analysisDiag(u.failure, checks.Message(
		fmt.Sprintf("%s of Brex enum type %s fails on a value it does not know (%s)", name, tn, u.what),
		"the whole response fails when Brex adds a value",
		"map unknown values to Unknown")))
}

func isUnmarshalSignature(sig *types.Signature) bool {
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 {
		return false
	}
	s, ok := sig.Params().At(0).Type().Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte && types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type())
}

// unmarshaller looks for the first failure that only unknown values reach.
type unmarshaller struct {
	c       *checker
	sig     *types.Signature
	typ     *brexenum.Type
	failure ast.Stmt
	what    string
}

// walk visits n with the stack of its ancestors, stopping at function
// literals (their returns are not the method's).
func (u *unmarshaller) walk(n ast.Node, stack []ast.Node) {
	if n == nil || u.failure != nil {
		return
	}
	stack = append(stack, n)
	switch n := n.(type) {
	case *ast.FuncLit:
		return
	case *ast.SwitchStmt:
		u.switchStmt(n, stack)
	case *ast.IfStmt:
		u.ifStmt(n, stack)
	case *ast.RangeStmt:
		u.rangeStmt(n, stack)
	}
	if u.failure != nil {
		return
	}
	ast.Inspect(n, func(m ast.Node) bool {
		if m == n {
			return true
		}
		if m != nil {
			u.walk(m, stack)
		}
		return false
	})
}

func (u *unmarshaller) fail(s ast.Stmt) bool {
	what, ok := u.c.fail.Fatal(u.sig, s)
	if ok {
		u.failure, u.what = s, what
	}
	return ok
}

func (u *unmarshaller) failIn(body []ast.Stmt) bool {
	return slices.ContainsFunc(body, u.fail)
}

// known reports whether v is one of the values the type or its Brex enum
// knows.
func (u *unmarshaller) known(v string) bool {
	return u.typ.Enum.Has(v) || slices.Contains(u.typ.Values, v)
}

// switchStmt: a switch whose cases are known values, with a failure in its
// default, or, when every case leaves, right after it.
func (u *unmarshaller) switchStmt(sw *ast.SwitchStmt, stack []ast.Node) {
	info := u.c.pass.TypesInfo
	var def *ast.CaseClause
	var cases []*ast.CaseClause
	n := 0
	for _, s := range sw.Body.List {
		cc := s.(*ast.CaseClause)
		if cc.List == nil {
			def = cc
			continue
		}
		vals, _, _ := brexenum.CaseValues(info, cc)
		for _, v := range vals {
			if !u.known(v) {
				return // not a switch over the enum's values
			}
		}
		n += len(vals)
		cases = append(cases, cc)
	}
	if n == 0 {
		return
	}
	if def != nil {
		u.failIn(def.Body)
		return
	}
	for _, cc := range cases {
		if !brexenum.Terminates(info, cc.Body, brexenum.Label(info, stack)) {
			return
		}
	}
	if next := brexenum.Next(stack); next != nil {
		u.fail(next)
	}
}

// ifStmt: "if !ok { fail }" after a lookup of the value (a comma-ok map
// index or call, a map of booleans, slices.Contains, a Valid/Known
// method), or "if ok { ...; return }" followed by a failure.
func (u *unmarshaller) ifStmt(is *ast.IfStmt, stack []ast.Node) {
	cond := ast.Unparen(is.Cond)
	if not, ok := cond.(*ast.UnaryExpr); ok && not.Op == token.NOT {
		if u.lookup(ast.Unparen(not.X), is, stack) {
			u.failIn(is.Body.List)
		}
		return
	}
	if is.Else == nil && u.lookup(cond, is, stack) && brexenum.Terminates(u.c.pass.TypesInfo, is.Body.List, nil) {
		if next := brexenum.Next(stack); next != nil {
			u.fail(next)
		}
	}
}

// lookup reports whether e tests that the value is known.
func (u *unmarshaller) lookup(e ast.Expr, is *ast.IfStmt, stack []ast.Node) bool {
	info := u.c.pass.TypesInfo
	switch e := e.(type) {
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		scope := ast.Node(is)
		if len(stack) >= 2 {
			scope = stack[0] // the method body: ok may be defined before the if
		}
		for _, rhs := range commaOK(info, scope, v) {
			switch rhs := ast.Unparen(rhs).(type) {
			case *ast.IndexExpr: // v, ok := known[s]
				if m, ok := info.TypeOf(rhs.X).Underlying().(*types.Map); ok && isString(m.Key()) {
					return true
				}
			case *ast.CallExpr: // v, ok := parseStatus(s), returning the enum type
				if tup, ok := info.TypeOf(rhs).(*types.Tuple); ok && tup.Len() == 2 && u.c.types.Of(tup.At(0).Type()) == u.typ {
					return true
				}
			}
		}
		for _, rhs := range assignedTo(info, scope, v) {
			if u.lookup(ast.Unparen(rhs), is, stack) {
				return true
			}
		}
	case *ast.IndexExpr: // a map[string]bool of known values
		if m, ok := info.TypeOf(e.X).Underlying().(*types.Map); ok && isString(m.Key()) {
			if b, ok := m.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
				return true
			}
		}
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, e).(*types.Func)
		if !ok {
			return false
		}
		if fn.Pkg() != nil && fn.Pkg().Path() == "slices" && (fn.Name() == "Contains" || fn.Name() == "ContainsFunc") && len(e.Args) == 2 {
			// slices.Contains(known, s): a list of values, not bytes.
			if sl, ok := info.TypeOf(e.Args[0]).Underlying().(*types.Slice); ok && isString(sl.Elem()) {
				return true
			}
			return false
		}
		// A validity method or function of the program given the value:
		// s.IsValid(), isKnown(Status(str)) (not utf8.Valid, which checks
		// the encoding, nor a helper of another package).
		if fn.Pkg() != u.c.pass.Pkg || !u.givenValue(e) {
			return false
		}
		if r := fn.Signature().Results(); r.Len() != 1 || !types.Identical(r.At(0).Type(), types.Typ[types.Bool]) {
			return false
		}
		lower := strings.ToLower(fn.Name())
		return strings.Contains(lower, "valid") || strings.Contains(lower, "known")
	}
	return false
}

// isString reports whether t's underlying type is string.
func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// givenValue reports whether call is a method of the enum type or takes a
// value of the enum type as an argument.
func (u *unmarshaller) givenValue(call *ast.CallExpr) bool {
	info := u.c.pass.TypesInfo
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal && u.c.types.Of(s.Recv()) == u.typ {
			return true
		}
	}
	for _, a := range call.Args {
		if u.c.types.Of(info.TypeOf(a)) == u.typ {
			return true
		}
	}
	return false
}

// commaOK returns the right-hand sides r of "x, v := r" or "x, v = r"
// in n, where v is the second of two variables and r a single expression
// (a map index, a call returning two values).
func commaOK(info *types.Info, n ast.Node, v *types.Var) []ast.Expr {
	var out []ast.Expr
	ast.Inspect(n, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
			return true
		}
		id, ok := ast.Unparen(as.Lhs[1]).(*ast.Ident)
		if !ok {
			return true
		}
		obj := info.Defs[id]
		if obj == nil {
			obj = info.Uses[id]
		}
		if obj == v {
			out = append(out, as.Rhs[0])
		}
		return true
	})
	return out
}

// rangeStmt: a loop over the known values that returns on a match,
// followed by a failure.
func (u *unmarshaller) rangeStmt(rs *ast.RangeStmt, stack []ast.Node) {
	switch t := u.c.pass.TypesInfo.TypeOf(rs.X).Underlying().(type) {
	case *types.Slice:
		if !isString(t.Elem()) {
			return
		}
	case *types.Array:
		if !isString(t.Elem()) {
			return
		}
	case *types.Map:
		if !isString(t.Key()) {
			return
		}
	default:
		return
	}
	self := brexenum.Label(u.c.pass.TypesInfo, stack)
	matched := false
	ast.Inspect(rs.Body, func(n ast.Node) bool {
		is, ok := n.(*ast.IfStmt)
		if !ok {
			return !matched
		}
		if be, ok := ast.Unparen(is.Cond).(*ast.BinaryExpr); ok && be.Op == token.EQL && brexenum.Terminates(u.c.pass.TypesInfo, is.Body.List, self) {
			matched = true
		}
		return !matched
	})
	if !matched {
		return
	}
	if next := brexenum.Next(stack); next != nil {
		u.fail(next)
	}
}

func analysisDiag(s ast.Stmt, msg string) analysis.Diagnostic {
	return analysis.Diagnostic{Pos: s.Pos(), End: s.End(), Category: kindEnum, Message: msg}
}
