package webhookmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/http"
	"slices"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Flags say where a value comes from and what was done to it, as far as
// the Standard Webhooks scheme cares.
type Flags uint32

// The flags of an [Origin].
const (
	FromID        Flags = 1 << iota // the Webhook-Id header
	FromTimestamp                   // the Webhook-Timestamp header
	FromSignature                   // the Webhook-Signature header
	FromBody                        // the raw body of a request (r.Body, gin's c.GetRawData())
	Reserialised                    // the output of json.Marshal
	StrConv                         // a string converted to bytes
	Decoded                         // the output of a base64 decoding
	Stripped                        // a string with a whsec_ prefix removed
	FirstOfList                     // element 0 of a list ([0])
	SpaceSplit                      // a string split on spaces (strings.Fields, Split(x, " "))
	EachEntry                       // an element of a space-split list, ranged over or indexed by a variable
	MAC                             // an HMAC (hmac.New), its sum or an encoding of it
	Unknown                         // something the model cannot see

	headerFlags = FromID | FromTimestamp | FromSignature
)

// Origin is where a value comes from: flags, and the parameters of the
// function it is computed from (bit i: parameter i), which a caller
// replaces with the origins of its arguments.
type Origin struct {
	Flags  Flags
	Params uint64
}

func (o Origin) union(p Origin) Origin { return Origin{o.Flags | p.Flags, o.Params | p.Params} }

// Has reports whether o carries every flag of f.
func (o Origin) Has(f Flags) bool { return o.Flags&f == f }

// headerFlag maps a canonical Standard Webhooks header name to its flag.
var headerFlag = map[string]Flags{"Webhook-Id": FromID, "Webhook-Timestamp": FromTimestamp, "Webhook-Signature": FromSignature}

// HeaderRead returns the flag of the Standard Webhooks header that e reads
// from an http.Header (h.Get(name), h.Values(name), h[name]) or with a
// framework's accessor (gin's c.GetHeader(name)), with a constant name in
// any spelling that http.CanonicalHeaderKey maps to it.
func HeaderRead(info *types.Info, e ast.Expr) Flags {
	isHeader := func(e ast.Expr) bool { return typesutil.IsNamed(info.TypeOf(e), "net/http", "Header") }
	name := func(e ast.Expr) Flags {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return 0
		}
		return headerFlag[http.CanonicalHeaderKey(constant.StringVal(tv.Value))]
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		s, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if ok && (s.Sel.Name == "Get" || s.Sel.Name == "Values") && len(e.Args) == 1 && isHeader(s.X) {
			return name(e.Args[0])
		}
		if ok {
			if arg := headerName(info, e); arg != nil {
				return name(arg)
			}
		}
	case *ast.IndexExpr:
		if isHeader(e.X) {
			return name(e.Index)
		}
	}
	return 0
}

// UnwrapReader returns the reader or bytes that e wraps or converts
// (typesutil.ReaderOver: io.LimitReader(x, n), gzip.NewReader(x) ...;
// bytes.NewReader(x), io.ReadAll(x), string(x) ...), or nil.
func UnwrapReader(info *types.Info, e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return nil
	}
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return call.Args[0] // a conversion: string(b), []byte(s)
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return nil
	}
	if i, ok := typesutil.ReaderOver(fn); ok {
		if i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "io.ReadAll", "io/ioutil.ReadAll",
		"bytes.NewReader", "bytes.NewBuffer", "bytes.NewBufferString", "strings.NewReader":
		return call.Args[0]
	}
	return nil
}

// source is one value given to a local variable.
type source struct {
	expr  ast.Expr
	rng   bool // the variable is the value of a range over expr
	taken bool // &v is handed to a call: it is filled where the model cannot see
}

// scope is the outermost function declaration (or package-level
// literal) whose body holds a unit: the values of its local variables,
// found for each variable when first asked (most are never asked about).
type scope struct {
	info    *types.Info
	body    inspector.Cursor
	sources map[*types.Var][]source
}

func newScope(info *types.Info, body inspector.Cursor) *scope {
	return &scope{info: info, body: body, sources: map[*types.Var][]source{}}
}

// sourcesOf returns the values given to v in the scope: its initializers,
// the right-hand sides of assignments to it (the call of a tuple
// assignment), the ranged expression of a range over which it is the
// value, and a taken source when &v is handed out.
func (sc *scope) sourcesOf(v *types.Var) []source {
	if srcs, ok := sc.sources[v]; ok {
		return srcs
	}
	var srcs []source
	is := func(e ast.Expr) bool { return typesutil.VarOf(sc.info, e) == v }
	pick := func(lhs, rhs []ast.Expr) {
		for i, l := range lhs {
			if !is(l) {
				continue
			}
			switch {
			case len(rhs) == len(lhs):
				srcs = append(srcs, source{expr: rhs[i]})
			case len(rhs) == 1:
				srcs = append(srcs, source{expr: rhs[0]}) // a tuple: x, err := f()
			}
		}
	}
	for cur := range sc.body.Preorder(sourceKinds...) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			pick(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if sc.info.Defs[name] != v {
					continue
				}
				switch {
				case len(n.Values) == len(n.Names):
					srcs = append(srcs, source{expr: n.Values[i]})
				case len(n.Values) == 1:
					srcs = append(srcs, source{expr: n.Values[0]})
				}
			}
		case *ast.RangeStmt:
			if n.Value != nil && is(n.Value) {
				srcs = append(srcs, source{expr: n.X, rng: true})
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && is(n.X) {
				srcs = append(srcs, source{taken: true})
			}
		}
	}
	sc.sources[v] = srcs
	return srcs
}

// sourceKinds are the kinds of node sourcesOf looks at.
var sourceKinds = []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.RangeStmt)(nil), (*ast.UnaryExpr)(nil)}

// eval computes origins in one unit (a function declaration or literal).
type eval struct {
	m        *Model
	sc       *scope
	sig      *types.Signature
	visiting []*types.Var // the variables being followed (a short stack)
}

func (m *Model) newEval(sc *scope, sig *types.Signature) *eval {
	return &eval{m: m, sc: sc, sig: sig}
}

// param returns the index of v among the unit's parameters, or -1.
func (ev *eval) param(v *types.Var) int {
	if ev.sig == nil {
		return -1
	}
	for i := range ev.sig.Params().Len() {
		if ev.sig.Params().At(i) == v {
			return i
		}
	}
	return -1
}

func (ev *eval) origin(e ast.Expr) Origin {
	info := ev.m.info
	if e == nil {
		return Origin{}
	}
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; ok && (tv.Value != nil || tv.IsNil()) {
		return Origin{}
	}
	if f := HeaderRead(info, e); f != 0 {
		return Origin{Flags: f}
	}
	switch x := e.(type) {
	case *ast.Ident:
		return ev.ident(x)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			if BodyRead(info, x) {
				return Origin{Flags: FromBody}
			}
			return ev.origin(x.X)
		}
		return Origin{Flags: Unknown}
	case *ast.IndexExpr:
		o := ev.origin(x.X)
		if _, isMap := types.Unalias(info.TypeOf(x.X)).Underlying().(*types.Map); isMap {
			return o
		}
		if tv, ok := info.Types[x.Index]; ok && tv.Value != nil {
			if v, ok := constant.Int64Val(tv.Value); ok && v == 0 && !typesutil.IsString(info.TypeOf(x.X)) {
				o.Flags |= FirstOfList
			}
		} else if o.Flags&SpaceSplit != 0 {
			o.Flags |= EachEntry
		}
		o.Flags &^= SpaceSplit
		return o
	case *ast.SliceExpr:
		o := ev.origin(x.X)
		if x.Low != nil && typesutil.IsString(info.TypeOf(x.X)) {
			if tv, ok := info.Types[x.Low]; ok && tv.Value != nil {
				if v, ok := constant.Int64Val(tv.Value); ok && v == int64(len(secretPrefix)) {
					o.Flags |= Stripped
				}
			}
		}
		return o
	case *ast.StarExpr:
		return ev.origin(x.X)
	case *ast.UnaryExpr:
		return ev.origin(x.X)
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return ev.origin(x.X).union(ev.origin(x.Y))
		}
		return Origin{}
	case *ast.CompositeLit:
		var o Origin
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			o = o.union(ev.origin(el))
		}
		return o
	case *ast.TypeAssertExpr:
		return ev.origin(x.X)
	case *ast.CallExpr:
		return ev.call(x)
	}
	return Origin{Flags: Unknown}
}

func (ev *eval) ident(x *ast.Ident) Origin {
	v, ok := ev.m.info.Uses[x].(*types.Var)
	if !ok {
		return Origin{}
	}
	if i := ev.param(v); i >= 0 {
		if i < 64 {
			return Origin{Params: 1 << i}
		}
		return Origin{Flags: Unknown}
	}
	srcs := ev.sc.sourcesOf(v)
	if len(srcs) == 0 || slices.Contains(ev.visiting, v) {
		return Origin{Flags: Unknown}
	}
	ev.visiting = append(ev.visiting, v)
	defer func() { ev.visiting = ev.visiting[:len(ev.visiting)-1] }()
	var o Origin
	for _, s := range srcs {
		switch {
		case s.taken:
			o.Flags |= Unknown
		case s.rng:
			r := ev.origin(s.expr)
			if r.Flags&SpaceSplit != 0 {
				r.Flags = r.Flags&^SpaceSplit | EachEntry
			}
			o = o.union(r)
		default:
			o = o.union(ev.origin(s.expr))
		}
	}
	return o
}

// secretPrefix is the prefix of Svix-style signing secrets.
const secretPrefix = "whsec_"

// transparent packages: their functions return what their arguments are
// made of (strings.TrimSpace(x), fmt.Sprintf("%s.%s", a, b) ...).
var transparent = map[string]bool{"strings": true, "bytes": true, "strconv": true, "fmt": true, "encoding/hex": true, "unicode/utf8": true}

func (ev *eval) call(call *ast.CallExpr) Origin {
	info := ev.m.info
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		o := ev.origin(call.Args[0])
		if typesutil.IsString(info.TypeOf(call.Args[0])) && !typesutil.IsString(tv.Type) {
			o.Flags |= StrConv
		}
		return o
	}
	if r := UnwrapReader(info, call); r != nil {
		return ev.origin(r)
	}
	switch fn := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		if fn.Name() == "append" {
			return ev.args(call.Args)
		}
		return Origin{}
	case *types.Func:
		return ev.funcCall(fn, call)
	}
	return Origin{Flags: Unknown}
}

func (ev *eval) args(args []ast.Expr) Origin {
	var o Origin
	for _, a := range args {
		o = o.union(ev.origin(a))
	}
	return o
}

func (ev *eval) funcCall(fn *types.Func, call *ast.CallExpr) Origin {
	info := ev.m.info
	if fn.Pkg() == nil {
		return Origin{Flags: Unknown}
	}
	path, name := fn.Pkg().Path(), fn.Name()
	recv := fn.Signature().Recv()
	var x ast.Expr // the receiver expression of a method call
	if s, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && recv != nil {
		x = s.X
	}
	switch {
	case BodyRead(info, call):
		return Origin{Flags: FromBody} // c.GetRawData()
	case path == "crypto/hmac" && name == "New":
		return Origin{Flags: MAC}
	case path == "hash" && name == "Sum" && x != nil:
		return Origin{Flags: ev.origin(x).Flags & MAC}
	case path == "encoding/base64" && name == "DecodeString" && len(call.Args) == 1:
		o := ev.origin(call.Args[0])
		o.Flags = o.Flags&^StrConv | Decoded
		return o
	case path == "encoding/base64" && name == "EncodeToString" && len(call.Args) == 1:
		return ev.origin(call.Args[0])
	case path == "encoding/json" && (name == "Marshal" || name == "MarshalIndent"):
		return Origin{Flags: Reserialised}
	case path == "encoding/json" && name == "NewDecoder" && len(call.Args) == 1:
		return ev.origin(call.Args[0])
	case path == "strings" && (name == "TrimPrefix" || name == "CutPrefix") && len(call.Args) == 2:
		o := ev.origin(call.Args[0])
		if typesutil.ConstString(info, call.Args[1]) == secretPrefix {
			o.Flags |= Stripped
		}
		return o
	case path == "strings" && name == "Fields" && len(call.Args) == 1:
		o := ev.origin(call.Args[0])
		o.Flags |= SpaceSplit
		return o
	case path == "strings" && (name == "Split" || name == "SplitN") && len(call.Args) >= 2:
		o := ev.origin(call.Args[0])
		if typesutil.ConstString(info, call.Args[1]) == " " {
			o.Flags |= SpaceSplit
		}
		return o
	case transparent[path] && recv == nil:
		return ev.args(call.Args)
	}
	if f := ev.m.funcOrigin(fn); f != nil {
		return ev.subst(f.Returns, fn, call)
	}
	return Origin{Flags: Unknown}
}

// subst replaces the parameters of fn in o with the origins of the
// arguments of call.
func (ev *eval) subst(o Origin, fn *types.Func, call *ast.CallExpr) Origin {
	out := Origin{Flags: o.Flags}
	if o.Params == 0 {
		return out
	}
	sig := fn.Signature()
	n := sig.Params().Len()
	for i := range min(n, 64) {
		if o.Params&(1<<i) == 0 {
			continue
		}
		switch {
		case sig.Variadic() && i == n-1 && !call.Ellipsis.IsValid():
			if i < len(call.Args) {
				out = out.union(ev.args(call.Args[i:]))
			}
		case i < len(call.Args):
			out = out.union(ev.origin(call.Args[i]))
		default:
			out.Flags |= Unknown
		}
	}
	return out
}
