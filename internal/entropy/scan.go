package entropy

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/brexlint/brexlint/internal/typesutil"
)

// writeKind says how a write changes a variable.
type writeKind uint8

const (
	wExpr    writeKind = iota // v = expr; idx >= 0 selects a result of a tuple-valued expr
	wZero                     // var v T, a named result: the zero value
	wIncr                     // v++, v += n, an atomic add: makes v a counter, adds no value
	wFill                     // call fills v's bytes from a source
	wSeed                     // call reseeds v, a math/rand source
	wUnknown                  // any other change: Identifier
)

// write is one way a variable gets its value.
type write struct {
	kind writeKind
	expr ast.Expr // wExpr: the value; wFill: the source (nil for crypto/rand and the global math/rand)
	idx  int
	call *ast.CallExpr // wFill, wSeed
	from fillSource    // wFill
}

// scan walks the package once and records, for every variable of the
// package (locals, parameters, package-level variables) and every field,
// each way it is written. The scan is flow-insensitive: what a
// variable holds is the union of all its writes, wherever they are
// outside the package's _test.go files. A test that stubs a variable says
// nothing of what the program puts in it, and what is classified outside
// tests must not depend on the tests: go vet analyzes a package with its
// tests, brexlint's driver without them.
func (c *Classifier) scan() {
	// consumed are the &x operands of modeled calls (atomic adds and
	// loads), which do not let x escape. A call comes before its
	// operands in the walk.
	consumed := map[ast.Expr]bool{}
	for file := range typesutil.NonTestFiles(c.fset, c.funcs.Inspector()) {
		for _, d := range file.Node().(*ast.File).Decls {
			if d, ok := d.(*ast.GenDecl); ok && d.Tok == token.VAR {
				for _, spec := range d.Specs {
					for _, name := range spec.(*ast.ValueSpec).Names {
						if v, ok := c.info.Defs[name].(*types.Var); ok {
							c.pkgVars[v] = true
						}
					}
				}
			}
		}
		for cur := range file.Preorder(scanKinds...) {
			c.scanNode(cur.Node(), consumed)
		}
	}
}

// scanKinds are the kinds of node scanNode looks at.
var scanKinds = []ast.Node{
	(*ast.FuncDecl)(nil),
	(*ast.FuncType)(nil),
	(*ast.AssignStmt)(nil),
	(*ast.IncDecStmt)(nil),
	(*ast.TypeSwitchStmt)(nil),
	(*ast.ValueSpec)(nil),
	(*ast.RangeStmt)(nil),
	(*ast.UnaryExpr)(nil),
	(*ast.CallExpr)(nil),
}

func (c *Classifier) scanNode(n ast.Node, consumed map[ast.Expr]bool) {
	switch n := n.(type) {
	case *ast.FuncDecl:
		c.addParams(n.Recv)
	case *ast.FuncType:
		c.addParams(n.Params)
		if n.Results != nil {
			for _, field := range n.Results.List {
				for _, name := range field.Names {
					c.addWrite(c.varOf(name), write{kind: wZero})
				}
			}
		}
	case *ast.AssignStmt:
		switch n.Tok {
		case token.DEFINE, token.ASSIGN:
			for i, lhs := range n.Lhs {
				w := write{kind: wExpr, idx: -1}
				switch {
				case len(n.Lhs) == len(n.Rhs):
					w.expr = n.Rhs[i]
				case len(n.Rhs) == 1:
					w.expr, w.idx = n.Rhs[0], i
				default:
					continue
				}
				c.assign(lhs, w)
			}
		case token.ADD_ASSIGN, token.SUB_ASSIGN:
			if isInteger(c.info.TypeOf(n.Lhs[0])) {
				c.incr(n.Lhs[0])
				break
			}
			c.assign(n.Lhs[0], write{kind: wExpr, expr: n.Rhs[0], idx: -1})
		default:
			c.assign(n.Lhs[0], write{kind: wExpr, expr: n.Rhs[0], idx: -1})
		}
	case *ast.IncDecStmt:
		c.incr(n.X)
	case *ast.TypeSwitchStmt:
		// switch v := x.(type): each clause's v holds x.
		if as, ok := n.Assign.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
			if ta, ok := ast.Unparen(as.Rhs[0]).(*ast.TypeAssertExpr); ok {
				for _, clause := range n.Body.List {
					v, _ := c.info.Implicits[clause].(*types.Var)
					c.addWrite(v, write{kind: wExpr, expr: ta.X, idx: -1})
				}
			}
		}
	case *ast.ValueSpec:
		for i, name := range n.Names {
			v := c.varOf(name)
			switch {
			case len(n.Values) == 0:
				c.addWrite(v, write{kind: wZero})
			case len(n.Values) == len(n.Names):
				c.addWrite(v, write{kind: wExpr, expr: n.Values[i], idx: -1})
			case len(n.Values) == 1:
				c.addWrite(v, write{kind: wExpr, expr: n.Values[0], idx: i})
			}
		}
	case *ast.RangeStmt:
		// The index of a range over a sequence counts; a map key, a
		// channel element or an iterator's value is data.
		if n.Key != nil {
			if indexable(c.info.TypeOf(n.X)) {
				c.incr(n.Key)
			} else {
				c.assign(n.Key, write{kind: wUnknown})
			}
		}
		if n.Value != nil {
			c.assign(n.Value, write{kind: wUnknown})
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND && !consumed[n] {
			c.addWrite(c.root(n.X), write{kind: wUnknown})
		}
	case *ast.CallExpr:
		c.scanCall(n, consumed)
	}
}

// scanCall records the writes a call makes: fills, counter increments,
// atomic stores, reseeds, and the unknown writes of calls that are not
// modeled.
func (c *Classifier) scanCall(call *ast.CallExpr, consumed map[ast.Expr]bool) {
	ci := c.callOf(call)
	switch ci.builtin {
	case "copy":
		if len(ci.args) == 2 {
			c.addWrite(c.bufVar(ci.args[0]), write{kind: wFill, call: call, from: fillCopy, expr: ci.args[1]})
		}
		return
	case "clear", "delete":
		if len(ci.args) > 0 {
			c.addWrite(c.root(ci.args[0]), write{kind: wUnknown})
		}
		return
	}
	if ci.conv || ci.builtin != "" {
		return
	}
	if m, ok := ci.model(); ok {
		switch m.eff {
		case effFill:
			w := write{kind: wFill, call: call, from: m.from}
			if m.from == fillReader || m.from == fillCopy {
				w.expr = ci.arg(m.src)
			}
			c.addWrite(c.bufVar(ci.arg(m.target)), w)
		case effIncr:
			c.incr(addrOperand(ci.arg(m.target), consumed))
		case effStore:
			c.assign(addrOperand(ci.arg(m.target), consumed), write{kind: wExpr, expr: ci.arg(m.src), idx: -1})
		case effSeed:
			c.addWrite(c.root(ci.recv), write{kind: wSeed, call: call})
		case effGlobalSeed:
			c.seeds = append(c.seeds, call)
		}
		if m.op == opArgs && len(m.args) == 1 && m.args[0] == 0 {
			addrOperand(ci.arg(0), consumed) // atomic loads
		}
		return
	}
	if ci.modeled() {
		return
	}
	// A callee the classifier does not know may write through the
	// slices, maps and pointers it receives (not those it receives as
	// interfaces: fmt, log and friends only read them), and a pointer
	// method may change its addressable receiver.
	sig, _ := types.Unalias(c.info.TypeOf(call.Fun)).(*types.Signature)
	if sig == nil {
		if t := c.info.TypeOf(call.Fun); t != nil {
			sig, _ = t.Underlying().(*types.Signature)
		}
	}
	for i, a := range call.Args {
		if sig != nil && paramIsInterface(sig, i) {
			continue
		}
		switch c.underlying(a).(type) {
		case *types.Slice, *types.Map, *types.Pointer:
			c.addWrite(c.root(a), write{kind: wUnknown})
		}
	}
	if ci.recv != nil && isPointerMethod(ci.fn) {
		if _, isPtr := c.underlying(ci.recv).(*types.Pointer); !isPtr {
			c.addWrite(c.root(ci.recv), write{kind: wUnknown})
		}
	}
}

// addrOperand returns x for &x (marking the operand consumed) and e
// otherwise (an addressable receiver).
func addrOperand(e ast.Expr, consumed map[ast.Expr]bool) ast.Expr {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		consumed[u] = true
		return u.X
	}
	return e
}

func (c *Classifier) addParams(fl *ast.FieldList) {
	if fl == nil {
		return
	}
	for _, field := range fl.List {
		for _, name := range field.Names {
			if v := c.varOf(name); v != nil {
				c.params[v] = true
			}
		}
	}
}

func (c *Classifier) addWrite(v *types.Var, w write) {
	if v != nil {
		c.writes[v] = append(c.writes[v], w)
	}
}

// assign records w on the variable lhs names, or, for a field, element or
// pointee, on the variable that holds it.
func (c *Classifier) assign(lhs ast.Expr, w write) {
	lhs = ast.Unparen(lhs)
	if id, ok := lhs.(*ast.Ident); ok {
		c.addWrite(c.varOf(id), w)
		return
	}
	if v := c.target(lhs); v != nil && !v.IsField() {
		c.addWrite(v, w) // a qualified package variable
		return
	}
	c.addWrite(c.root(lhs), w)
}

// incr records an increment of the variable or field e names.
func (c *Classifier) incr(e ast.Expr) {
	v := c.target(e)
	if v == nil {
		c.addWrite(c.root(e), write{kind: wUnknown})
		return
	}
	c.counters[v] = true
	if !v.IsField() {
		c.addWrite(v, write{kind: wIncr})
	}
}

// varOf returns the variable an identifier defines or uses.
func (c *Classifier) varOf(id *ast.Ident) *types.Var {
	v, _ := c.info.ObjectOf(id).(*types.Var)
	return v
}

// target returns the variable e names: an identifier, a qualified
// package-level variable, or a field selection.
func (c *Classifier) target(e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return c.varOf(e)
	case *ast.SelectorExpr:
		if sel := c.info.Selections[e]; sel != nil {
			if sel.Kind() == types.FieldVal {
				v, _ := sel.Obj().(*types.Var)
				return v
			}
			return nil
		}
		return c.varOf(e.Sel)
	}
	return nil
}

// namedVar is target for package-level variables only.
func (c *Classifier) namedVar(e ast.Expr) *types.Var {
	if v := c.target(e); v != nil && varKey(v) != "" {
		return v
	}
	return nil
}

// root returns the variable whose value contains e: x for x, x.f, x[i],
// x[i:j], *x and combinations; nil when e is not rooted in a variable.
func (c *Classifier) root(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return c.varOf(x)
		case *ast.SelectorExpr:
			if c.info.Selections[x] == nil {
				return c.varOf(x.Sel) // qualified identifier
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.SliceExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// bufVar returns the variable whose bytes a buffer argument designates: b
// for b, b[:], b[i:j]; nil for anything else.
func (c *Classifier) bufVar(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return c.varOf(x)
		case *ast.SliceExpr:
			e = x.X
		default:
			return nil
		}
	}
}

func (c *Classifier) underlying(e ast.Expr) types.Type {
	if t := c.info.TypeOf(e); t != nil {
		return t.Underlying()
	}
	return nil
}

// paramIsInterface reports whether argument i of a call of sig is passed
// as an interface.
func paramIsInterface(sig *types.Signature, i int) bool {
	t := typesutil.ParamType(sig, i)
	return t != nil && types.IsInterface(t)
}

// isPointerMethod reports whether fn is a method with a pointer receiver.
func isPointerMethod(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	_, ok := types.Unalias(recv.Type()).(*types.Pointer)
	return ok
}

func isInteger(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// indexable reports whether the index of a range over a value of type t is
// a position (slices, arrays, strings) or a count (integers).
func indexable(t types.Type) bool {
	if t == nil {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Slice, *types.Array:
		return true
	case *types.Pointer:
		_, ok := u.Elem().Underlying().(*types.Array)
		return ok
	case *types.Basic:
		return u.Info()&(types.IsString|types.IsInteger) != 0
	}
	return false
}
