package entropy

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"go/version"
	"math/big"
	"strconv"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/types/typeutil"
)

// step counts one unit of work and reports whether the budget allows it;
// when it does not, every frame being evaluated becomes incomplete.
func (c *Classifier) step(depth int) bool {
	c.steps++
	if c.steps > maxSteps || depth > maxDepth {
		c.cut(-1)
		return false
	}
	return true
}

// push starts the evaluation of a variable or function.
func (c *Classifier) push(key any) {
	c.active[key] = len(c.stack)
	c.stack = append(c.stack, frame{key: key})
}

// pop ends it and reports whether its value is complete (may be memoized).
func (c *Classifier) pop() bool {
	top := c.stack[len(c.stack)-1]
	delete(c.active, top.key)
	c.stack = c.stack[:len(c.stack)-1]
	return !top.incomplete
}

// cut records that the frames above index i used the partial value of
// frame i (a cycle); i = -1 marks them all (budget exhausted).
func (c *Classifier) cut(i int) {
	for j := i + 1; j < len(c.stack); j++ {
		c.stack[j].incomplete = true
	}
}

// eval classifies e.
func (c *Classifier) eval(e ast.Expr, depth int) val {
	if e == nil || !c.step(depth) {
		return unknown
	}
	e = ast.Unparen(e)
	if tv, ok := c.info.Types[e]; ok {
		if tv.Value != nil {
			return constVal(tv.Value)
		}
		if tv.IsNil() {
			return val{kinds: Constant, strOK: true}
		}
	}
	d := depth + 1
	switch e := e.(type) {
	case *ast.Ident:
		return c.ident(e, e.Pos(), d)
	case *ast.SelectorExpr:
		if sel := c.info.Selections[e]; sel != nil {
			if v, ok := sel.Obj().(*types.Var); ok && sel.Kind() == types.FieldVal {
				return c.variable(v, e.Pos(), d)
			}
			return unknown // a method value
		}
		return c.ident(e.Sel, e.Pos(), d) // a qualified identifier
	case *ast.CallExpr:
		return c.call(e, -1, d)
	case *ast.BinaryExpr:
		return c.binary(e, d)
	case *ast.UnaryExpr:
		if e.Op == token.ARROW {
			return unknown // a channel receive
		}
		return c.eval(e.X, d).noStr()
	case *ast.StarExpr:
		return c.eval(e.X, d).noStr()
	case *ast.IndexExpr:
		switch c.underlying(e.X).(type) {
		case *types.Map, *types.Signature:
			return unknown
		}
		return c.eval(e.X, d).noStr()
	case *ast.SliceExpr:
		return c.slice(e, d)
	case *ast.TypeAssertExpr:
		return c.eval(e.X, d)
	case *ast.CompositeLit:
		r := val{kinds: Constant} // the zero value when empty
		if len(e.Elts) > 0 {
			r = val{}
		}
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			r = cat(r, c.eval(elt, d)).noStr()
		}
		return r
	}
	return unknown
}

// ident classifies an identifier used at pos.
func (c *Classifier) ident(id *ast.Ident, pos token.Pos, depth int) val {
	switch obj := c.info.ObjectOf(id).(type) {
	case *types.Const:
		return constVal(obj.Val())
	case *types.Nil:
		return val{kinds: Constant, strOK: true}
	case *types.Var:
		return c.variable(obj, pos, depth)
	}
	return unknown
}

// variable classifies a read of v at pos.
func (c *Classifier) variable(v *types.Var, pos token.Pos, depth int) val {
	if k, ok := knownVars[varKey(v)]; ok {
		return val{kinds: k}
	}
	counter := c.counters[v]
	switch {
	case v.IsField():
		if counter {
			return val{kinds: Counter, gen: []token.Pos{pos}}
		}
		return unknown
	case varKey(v) != "" && (!c.pkgVars[v] || v.Exported()):
		// Another package's variable, or an exported one that
		// importers may assign.
		if counter {
			return val{kinds: Counter, gen: []token.Pos{pos}}
		}
		return unknown
	}
	if i, busy := c.active[v]; busy {
		// A cycle: v's value refers to itself. An integer that does is
		// a counter (n = n + 1); the read adds nothing here.
		c.cut(i)
		if isInteger(v.Type()) {
			c.selfRef[v] = true
		}
		return val{}
	}
	r := c.defs(v, depth)
	if counter || c.selfRef[v] {
		r = val{kinds: r.kinds&^Constant | Counter, gen: mergeGen(r.gen, []token.Pos{pos})}
	}
	return r
}

// defs is the union of the writes of v, a variable of the package that is
// not being evaluated, memoized.
func (c *Classifier) defs(v *types.Var, depth int) val {
	if r, ok := c.varMemo[v]; ok {
		return r
	}
	c.push(v)
	writes := c.writes[v]
	// A zero-value declaration (var b [16]byte, b := make([]byte, 16))
	// only matters when nothing else writes the variable.
	written := false
	for _, w := range writes {
		if !c.placeholder(w) {
			written = true
			break
		}
	}
	var r val
	if c.params[v] {
		r = unknown
	}
	for _, w := range writes {
		if written && c.placeholder(w) {
			continue
		}
		if w.kind == wZero {
			r = join(r, zeroVal(v.Type()))
			continue
		}
		wv := c.writeVal(w, depth+1)
		if w.kind == wFill && w.from != fillCopy {
			// rand.Read(b) fills all of b: its size is the value's.
			if n, ok := c.bufLen(v, writes); ok {
				wv = wv.withLen(n)
			}
		}
		r = join(r, wv)
	}
	if len(writes) == 0 && !c.params[v] {
		r = unknown // declared where the scan does not look
	}
	if c.pop() {
		c.varMemo[v] = r
	}
	return r
}

// bufLen is the size of the buffer v when it is constant: a byte array,
// or a slice made with a constant length (b := make([]byte, 16)) and never
// given another storage.
func (c *Classifier) bufLen(v *types.Var, writes []write) (int, bool) {
	if a, ok := v.Type().Underlying().(*types.Array); ok {
		return int(a.Len()), true
	}
	n := -1
	for _, w := range writes {
		if w.kind == wFill {
			continue
		}
		if !c.placeholder(w) || w.kind != wExpr {
			return 0, false
		}
		call := ast.Unparen(w.expr).(*ast.CallExpr)
		if ci := c.callOf(call); ci.builtin != "make" || len(call.Args) < 2 {
			return 0, false
		}
		tv, ok := c.info.Types[call.Args[1]]
		if !ok || tv.Value == nil {
			return 0, false
		}
		m, exact := constant.Int64Val(constant.ToInt(tv.Value))
		if !exact || n >= 0 && int(m) != n {
			return 0, false
		}
		n = int(m)
	}
	return n, n >= 0
}

// placeholder reports whether w only declares storage: a zero value,
// make(...) or new(T).
func (c *Classifier) placeholder(w write) bool {
	switch w.kind {
	case wZero:
		return true
	case wExpr:
		if call, ok := ast.Unparen(w.expr).(*ast.CallExpr); ok && w.idx < 0 {
			ci := c.callOf(call)
			return ci.builtin == "make" || ci.builtin == "new"
		}
	}
	return false
}

// writeVal is the value one write gives its variable.
func (c *Classifier) writeVal(w write, depth int) val {
	switch w.kind {
	case wExpr:
		if w.idx >= 0 {
			return c.tupleElem(w.expr, w.idx, depth)
		}
		return c.eval(w.expr, depth)
	case wIncr:
		return val{} // the counter bit is added at each read
	case wFill:
		var k Kind
		switch w.from {
		case fillCrypto:
			k = CryptoRandom
		case fillMathGlobal:
			k = c.globalV1(depth)
		case fillReader:
			k = readerKinds(c.eval(w.expr, depth))
		case fillCopy:
			return c.eval(w.expr, depth).noStr()
		}
		return val{kinds: k, gen: []token.Pos{w.call.Pos()}}
	case wSeed:
		return val{kinds: seedKind(c.allArgs(c.callOf(w.call), depth))}
	}
	return unknown
}

// zeroVal is the zero value of type t, exact for strings, byte slices,
// numbers and booleans.
func zeroVal(t types.Type) val {
	r := val{kinds: Constant, strOK: true}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch info := u.Info(); {
		case info&types.IsString != 0:
		case info&types.IsNumeric != 0 && info&types.IsComplex == 0:
			r.str = "0"
		case info&types.IsBoolean != 0:
			r.str = "false"
		default:
			r.strOK = false
		}
	case *types.Slice:
		r.strOK = typesutil.IsStringOrBytes(t)
	default:
		r.strOK = false
	}
	return r
}

// tupleElem classifies result idx of a tuple-valued expression (x, err :=
// f(); v, ok := m[k]; v, ok := x.(T)).
func (c *Classifier) tupleElem(e ast.Expr, idx int, depth int) val {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return c.call(e, idx, depth)
	case *ast.TypeAssertExpr:
		if idx == 0 {
			return c.eval(e.X, depth)
		}
	}
	return unknown
}

// callOf resolves the callee of call.
func (c *Classifier) callOf(call *ast.CallExpr) callInfo {
	ci := callInfo{call: call, args: call.Args}
	fun := ast.Unparen(call.Fun)
	if tv, ok := c.info.Types[fun]; ok && tv.IsType() {
		ci.conv = true
		return ci
	}
	switch obj := typeutil.Callee(c.info, call).(type) {
	case *types.Builtin:
		ci.builtin = obj.Name()
	case *types.Func:
		ci.fn = obj
		ci.key = c.keyOf(obj)
		if sel, ok := fun.(*ast.SelectorExpr); ok {
			if s := c.info.Selections[sel]; s != nil {
				switch s.Kind() {
				case types.MethodVal:
					ci.recv = sel.X
				case types.MethodExpr:
					if len(ci.args) > 0 {
						ci.recv, ci.args = ci.args[0], ci.args[1:]
					}
				}
			}
		}
	}
	return ci
}

// arg returns argument i (recvArg: the receiver), or nil.
func (ci callInfo) arg(i int) ast.Expr {
	if i == recvArg {
		return ci.recv
	}
	if i >= 0 && i < len(ci.args) {
		return ci.args[i]
	}
	return nil
}

// argVal classifies argument i (recvArg: the receiver), also when the
// arguments are the results of one call (uuid.Must(uuid.NewRandom())).
func (c *Classifier) argVal(ci callInfo, i int, depth int) val {
	if i >= 0 && len(ci.args) == 1 {
		if tup, ok := c.info.TypeOf(ci.args[0]).(*types.Tuple); ok && tup.Len() > 1 {
			if i >= tup.Len() {
				return val{}
			}
			return c.tupleElem(ci.args[0], i, depth)
		}
	}
	e := ci.arg(i)
	if e == nil {
		return val{}
	}
	return c.eval(e, depth)
}

// nargs is the number of arguments of ci, counting the results of a
// single tuple-valued argument.
func (c *Classifier) nargs(ci callInfo) int {
	if len(ci.args) == 1 {
		if tup, ok := c.info.TypeOf(ci.args[0]).(*types.Tuple); ok {
			return tup.Len()
		}
	}
	return len(ci.args)
}

// allArgs is the mix of all arguments.
func (c *Classifier) allArgs(ci callInfo, depth int) val {
	var vs []val
	for i := range c.nargs(ci) {
		vs = append(vs, c.argVal(ci, i, depth))
	}
	return mix(vs...)
}

// call classifies result idx of a call (-1: its only result).
func (c *Classifier) call(call *ast.CallExpr, idx int, depth int) val {
	ci := c.callOf(call)
	switch {
	case ci.conv:
		if len(ci.args) != 1 {
			return unknown
		}
		return c.convert(call, c.eval(ci.args[0], depth))
	case ci.builtin != "":
		return c.builtinCall(ci, depth)
	case ci.fn == nil:
		return unknown // a function value
	case idx > 0:
		return unknown // an error, a count, an ok flag
	}
	if m, ok := ci.model(); ok {
		return c.apply(m, ci, depth)
	}
	if r, ok := c.randCall(ci, depth); ok {
		return r
	}
	if path, name, ok := recvType(ci.fn); ok && preservingTypes[path+"."+name] {
		return c.argVal(ci, recvArg, depth).noStr()
	}
	if c.oracle != nil && c.oracle.Random(ci.fn) {
		return val{kinds: CryptoRandom, gen: []token.Pos{call.Pos()}}
	}
	if c.kinds != nil {
		if k, ok := c.kinds.Kinds(ci.fn); ok && k != 0 {
			return val{kinds: k}.withGen(call.Pos())
		}
	}
	if fd := c.funcs.FuncDecl(ci.fn); fd != nil {
		return c.summary(ci.fn, fd, depth).withGen(call.Pos())
	}
	return unknown
}

// apply computes the value of a modeled call.
func (c *Classifier) apply(m model, ci callInfo, depth int) val {
	pos := ci.call.Pos()
	var r val
	switch m.op {
	case opNone:
		return unknown
	case opGen:
		r = val{kinds: m.kind, gen: []token.Pos{pos}}
		if m.size != nil {
			if n, ok := m.size(c, ci, func(i int) val { return c.argVal(ci, i, depth) }); ok {
				r = r.withLen(n)
			}
		}
		return r
	case opCounter:
		return val{kinds: Counter, gen: []token.Pos{pos}}
	case opReader:
		k := readerKinds(c.argVal(ci, m.args[0], depth))
		if k&CryptoRandom != 0 {
			k = k&^CryptoRandom | m.kind
		}
		return val{kinds: k, gen: []token.Pos{pos}}
	case opName:
		n := c.argVal(ci, m.args[0], depth)
		return val{kinds: UUIDName | n.kinds, gen: n.gen}
	case opArgs, opMix:
		var vs []val
		for _, i := range m.args {
			vs = append(vs, c.argVal(ci, i, depth))
		}
		if m.rest && len(m.args) > 0 {
			for i := m.args[len(m.args)-1] + 1; i < c.nargs(ci); i++ {
				vs = append(vs, c.argVal(ci, i, depth))
			}
		}
		if m.op == opMix {
			return mix(vs...)
		}
		for _, v := range vs {
			r = cat(r, v)
		}
		r = r.noStr()
	case opSprintf:
		n := c.nargs(ci)
		if n == 1 {
			return c.argVal(ci, 0, depth).noStr()
		}
		var vs []val
		for i := 1; i < n; i++ {
			v := c.argVal(ci, i, depth)
			vs = append(vs, v)
			r = cat(r, v)
		}
		r = r.noStr()
		format := c.argVal(ci, 0, depth)
		if s, ok := c.sprint(ci, 1, vs); ok && format.strOK && r.kinds == Constant {
			r.str, r.strOK = fmt.Sprintf(format.str, s...), true
		}
		return r.capped()
	case opSprint:
		var vs []val
		for i := range c.nargs(ci) {
			v := c.argVal(ci, i, depth)
			vs = append(vs, v)
			r = cat(r, v)
		}
		if len(vs) == 0 {
			return val{kinds: Constant, strOK: true}
		}
		r = r.noStr()
		if s, ok := c.sprint(ci, 0, vs); ok && r.kinds == Constant {
			if ci.key == "fmt.Sprintln" {
				r.str, r.strOK = fmt.Sprintln(s...), true
			} else {
				r.str, r.strOK = fmt.Sprint(s...), true
			}
		}
		return r.capped()
	}
	if m.fold != nil && r.kinds == Constant {
		r.str, r.strOK = m.fold(c, ci, func(i int) val { return c.argVal(ci, i, depth) })
	}
	if m.size != nil && !r.strOK {
		if n, ok := m.size(c, ci, func(i int) val { return c.argVal(ci, i, depth) }); ok {
			r = r.withLen(n)
		}
	}
	return r.capped()
}

// sprint returns the Go values of the operands ci.args[from:] with exact
// values vs, for replaying fmt; ok is false when one is unknown, of a type
// fmt would format through a method, or the arguments are spread.
func (c *Classifier) sprint(ci callInfo, from int, vs []val) ([]any, bool) {
	if ci.call.Ellipsis.IsValid() || len(ci.args) != from+len(vs) {
		return nil, false
	}
	out := make([]any, len(vs))
	for i, v := range vs {
		if !v.strOK {
			return nil, false
		}
		x, ok := goValue(c.info.TypeOf(ci.args[from+i]), v.str)
		if !ok {
			return nil, false
		}
		out[i] = x
	}
	return out, true
}

// goValue converts an exact value to the Go value fmt would receive, for
// basic types and byte slices without methods.
func goValue(t types.Type, s string) (any, bool) {
	if t == nil {
		return nil, false
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.NumMethods() > 0 {
		return nil, false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		info := u.Info()
		switch {
		case info&types.IsString != 0:
			return s, true
		case info&types.IsUnsigned != 0:
			n, err := strconv.ParseUint(s, 10, 64)
			return n, err == nil
		case info&types.IsInteger != 0:
			n, err := strconv.ParseInt(s, 10, 64)
			return n, err == nil
		case info&types.IsBoolean != 0:
			b, err := strconv.ParseBool(s)
			return b, err == nil
		}
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return []byte(s), true
		}
	}
	return nil, false
}

// builtinCall classifies a call of a builtin function.
func (c *Classifier) builtinCall(ci callInfo, depth int) val {
	switch ci.builtin {
	case "append":
		var r val
		for i := range ci.args {
			r = cat(r, c.argVal(ci, i, depth))
		}
		return r.noStr()
	case "make", "new":
		return val{kinds: Constant} // zero values
	case "min", "max", "complex", "real", "imag":
		return c.allArgs(ci, depth)
	}
	return unknown
}

// convert classifies a conversion of a value v: kinds are kept; the exact
// value too between string-like types (string, []byte) and between
// integer types.
func (c *Classifier) convert(call *ast.CallExpr, v val) val {
	from, to := c.info.TypeOf(call.Args[0]), c.info.TypeOf(call)
	if c.isNil(call.Args[0]) {
		return v // []byte(nil) is ""
	}
	if !(typesutil.IsStringOrBytes(from) && typesutil.IsStringOrBytes(to) || isInteger(from) && isInteger(to)) {
		v = v.noStr()
	}
	return v
}

// binary classifies x op y.
func (c *Classifier) binary(e *ast.BinaryExpr, depth int) val {
	x, y := c.eval(e.X, depth), c.eval(e.Y, depth)
	if e.Op == token.ADD {
		if b, ok := c.underlying(e).(*types.Basic); ok && b.Info()&types.IsString != 0 {
			return cat(x, y)
		}
	}
	if (e.Op == token.REM || e.Op == token.AND) && x.kinds&MathRandGlobal != 0 {
		// rand.Int63() % 1000 has 1000 values.
		if tv, ok := c.info.Types[e.Y]; ok && tv.Value != nil && smallConst(tv.Value) {
			x.kinds = x.kinds&^MathRandGlobal | MathRandSmall
		}
	}
	return mix(x, y)
}

// smallConst reports whether v is an integer in [0, 2^32).
func smallConst(v constant.Value) bool {
	v = constant.ToInt(v)
	if v.Kind() != constant.Int {
		return false
	}
	n, exact := constant.Uint64Val(v)
	return exact && n < 1<<32
}

// slice classifies x[lo:hi], exactly for known strings and constant bounds.
func (c *Classifier) slice(e *ast.SliceExpr, depth int) val {
	x := c.eval(e.X, depth)
	n, nOK := x.length()
	if !nOK || e.Slice3 {
		return x.noStr()
	}
	lo, hi := 0, n
	for _, b := range []struct {
		e *ast.Expr
		n *int
	}{{&e.Low, &lo}, {&e.High, &hi}} {
		if *b.e == nil {
			continue
		}
		tv, ok := c.info.Types[*b.e]
		if !ok || tv.Value == nil {
			return x.noStr()
		}
		n, exact := constant.Int64Val(constant.ToInt(tv.Value))
		if !exact {
			return x.noStr()
		}
		*b.n = int(n)
	}
	if lo < 0 || hi > n || lo > hi {
		return x.noStr()
	}
	if !x.strOK {
		return x.noStr().withLen(hi - lo) // rand.Text()[:6]
	}
	x.str = x.str[lo:hi]
	return x
}

// constVal is the value of a constant, exact for strings, integers,
// booleans and floats (as fmt's %v prints them).
func constVal(v constant.Value) val {
	r := val{kinds: Constant, strOK: true}
	switch v.Kind() {
	case constant.String:
		r.str = constant.StringVal(v)
	case constant.Int:
		r.str = v.ExactString()
	case constant.Bool:
		r.str = strconv.FormatBool(constant.BoolVal(v))
	case constant.Float:
		f, _ := constant.Float64Val(v)
		r.str = strconv.FormatFloat(f, 'g', -1, 64)
	default:
		r.strOK = false
	}
	return r
}

// readerKinds are the kinds of bytes read from an io.Reader of value v:
// crypto/rand, a math/rand source, or an unknown reader.
func readerKinds(v val) Kind {
	if k := v.kinds & (CryptoRandom | MathRandGlobal | MathRandSeeded); k != 0 {
		return k
	}
	return Identifier
}

// seedKind is the kind of a math/rand source made from v, a seed or
// another source: a source keeps its kinds; a seed of constants, time,
// counters or small math/rand values makes a seeded source; anything else
// (crypto/rand, a 64-bit random value, a parameter) a random one.
func seedKind(v val) Kind {
	if k := v.kinds & (MathRandSeeded | MathRandGlobal); k != 0 {
		return k
	}
	if v.kinds != 0 && v.kinds&^(Constant|Time|Counter|MathRandSmall) == 0 {
		return MathRandSeeded
	}
	return MathRandGlobal
}

// randCall classifies a call of math/rand or math/rand/v2: source
// constructors, top-level functions and methods of sources; ok is false
// for other calls.
func (c *Classifier) randCall(ci callInfo, depth int) (val, bool) {
	if ci.fn.Pkg() == nil {
		return val{}, false
	}
	path := ci.fn.Pkg().Path()
	if path != randV1 && path != randV2 {
		return val{}, false
	}
	name := ci.fn.Name()
	var src Kind
	if tpath, tname, isMethod := recvType(ci.fn); isMethod {
		if !randTypes[tpath+"."+tname] || ci.recv == nil {
			return unknown, true
		}
		src = seedKind(c.argVal(ci, recvArg, depth))
	} else {
		switch name {
		case "New", "NewZipf":
			return val{kinds: seedKind(c.argVal(ci, 0, depth))}, true
		case "NewSource", "NewPCG", "NewChaCha8":
			return val{kinds: seedKind(c.allArgs(ci, depth))}, true
		}
		src = MathRandGlobal
		if path == randV1 {
			src = c.globalV1(depth)
		}
	}
	sz, ok := randSizes[path][name]
	if !ok {
		return unknown, true
	}
	k := src
	if sz == sizeSmall || sz == sizeBound && c.smallBound(ci, depth) {
		k = k&^MathRandGlobal | MathRandSmall
	}
	return val{kinds: k, gen: []token.Pos{ci.call.Pos()}}, true
}

// smallBound reports whether the bound (argument 0) is a constant in
// [0, 2^32).
func (c *Classifier) smallBound(ci callInfo, depth int) bool {
	v := c.argVal(ci, 0, depth)
	if v.kinds != Constant || !v.strOK {
		return false
	}
	n, ok := new(big.Int).SetString(v.str, 10)
	return ok && n.Sign() >= 0 && n.Cmp(big.NewInt(1<<32)) < 0
}

// globalV1 is the kind of the math/rand (v1) top-level source:
// MathRandSeeded when the package calls math/rand.Seed with a seed of
// constants or time in a file whose Go version is below 1.24, where Seed
// still seeds it; MathRandGlobal otherwise.
func (c *Classifier) globalV1(depth int) Kind {
	if c.v1Done {
		return c.v1
	}
	c.v1Done, c.v1 = true, MathRandGlobal
	for _, call := range c.seeds {
		v := c.fileVersion(call.Pos())
		if !version.IsValid(v) || version.Compare(v, "go1.24") >= 0 {
			continue
		}
		if seedKind(c.allArgs(c.callOf(call), depth)) == MathRandSeeded {
			c.v1 = MathRandSeeded
			break
		}
	}
	return c.v1
}

// fileVersion returns the Go version of the file containing pos, or "".
func (c *Classifier) fileVersion(pos token.Pos) string {
	for _, f := range c.files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return c.info.FileVersions[f]
		}
	}
	return ""
}

// summary is the union of the values fn's declaration returns, memoized;
// a recursive call contributes nothing.
func (c *Classifier) summary(fn *types.Func, fd *ast.FuncDecl, depth int) val {
	if r, ok := c.funcMemo[fn]; ok {
		return r
	}
	if i, ok := c.active[fn]; ok {
		c.cut(i)
		return val{}
	}
	c.push(fn)
	var r val
	for _, v := range c.returns(fd, depth) {
		r = join(r, v)
	}
	if c.pop() {
		c.funcMemo[fn] = r
	}
	return r
}

// returns classifies the first result of each return statement of fd that
// a caller checking errors would use: returns whose last result is an
// error other than nil are left out. It returns nil when fd has no body or
// its first result is an error.
func (c *Classifier) returns(fd *ast.FuncDecl, depth int) []val {
	fn, _ := c.info.Defs[fd.Name].(*types.Func)
	if fn == nil || fd.Body == nil {
		return nil
	}
	res := fn.Signature().Results()
	if res.Len() == 0 || isError(res.At(0).Type()) {
		return nil
	}
	errLast := res.Len() > 1 && isError(res.At(res.Len()-1).Type())
	var vals []val
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) == 0: // a bare return of named results
				vals = append(vals, c.variable(res.At(0), n.Pos(), depth+1))
			case len(n.Results) < res.Len(): // return f()
				vals = append(vals, c.tupleElem(n.Results[0], 0, depth+1))
			case errLast && !c.isNil(n.Results[len(n.Results)-1]):
				// an error return
			default:
				vals = append(vals, c.eval(n.Results[0], depth+1))
			}
		}
		return true
	})
	return vals
}

func (c *Classifier) isNil(e ast.Expr) bool {
	tv, ok := c.info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

var errorType = types.Universe.Lookup("error").Type()

func isError(t types.Type) bool { return types.Identical(t, errorType) }
