package brexmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// The query parameters a request sends, the limit above all: the checks of
// Brex's cursor pagination (pagelimit, pagination) read them here.

// QueryValue is one value a request gives a query parameter.
type QueryValue struct {
	// Value is the value when Const.
	Value string
	// Const: the value is a constant here (or the caller's constant
	// argument of a wrapper); otherwise it is chosen at run time (a
	// parameter, a variable, a configuration field).
	Const bool
	// Pos is where the value is written: the call that names the endpoint
	// for a value in the URL, the value's expression for one set on a
	// url.Values.
	Pos token.Pos
}

// Limit is one value a request gives its limit query parameter.
type Limit struct {
	// N is the limit when Const.
	N int64
	// Const: the value is an integer constant here; otherwise it is
	// chosen at run time.
	Const bool
	// Pos is where the value is written (see QueryValue).
	Pos token.Pos
}

// Limits returns the values req gives its limit query parameter (see
// Query). A constant that is not an integer is left out: Brex rejects it
// whatever the endpoint.
func (m *Model) Limits(req *Request) []Limit {
	var out []Limit
	for _, v := range m.Query(req, "limit") {
		l := Limit{Pos: v.Pos}
		if v.Const {
			n, err := strconv.ParseInt(v.Value, 10, 64)
			if err != nil {
				continue
			}
			l.N, l.Const = n, true
		}
		out = append(out, l)
	}
	return out
}

// Query returns the values req gives the query parameter name: in its
// folded URL ("?limit=1000", fmt.Sprintf("...?limit=%d", n), a wrapper's
// caller's argument), and on a url.Values of its function whose Encode()
// becomes the request's query (q.Set("limit", "1000"), q.Add, a
// url.Values{"limit": {...}} literal): inside the call that names the
// endpoint, or assigned to a variable or field that call uses or that
// holds the request (req.URL.RawQuery = q.Encode()). A value set on a
// url.Values is constant when it is a string constant, or strconv.Itoa,
// strconv.FormatInt, fmt.Sprint of an integer constant.
func (m *Model) Query(req *Request, name string) []QueryValue {
	var out []QueryValue
	for _, v := range req.URL.Query(name) {
		qv := QueryValue{Pos: req.Call.Pos()}
		qv.Value, qv.Const = v.Complete()
		out = append(out, qv)
	}
	body := funcBody(req.Func)
	if body == nil {
		return out
	}
	info := m.info
	// The url.Values variables whose Encode() reaches the request.
	reaching := map[*types.Var]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if !isValuesMethod(fn, "Encode") {
			return true
		}
		sel := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
		if v := typesutil.VarOf(info, astutil.Unparen(sel.X)); v != nil && encodedInto(info, body, call, req) {
			reaching[v] = true
		}
		return true
	})
	if len(reaching) == 0 {
		return out
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			// q.Set("limit", "1000"), q.Add("limit", strconv.Itoa(1000))
			fn, _ := typeutil.Callee(info, n).(*types.Func)
			if (isValuesMethod(fn, "Set") || isValuesMethod(fn, "Add")) && len(n.Args) == 2 {
				sel := astutil.Unparen(n.Fun).(*ast.SelectorExpr)
				if v := typesutil.VarOf(info, astutil.Unparen(sel.X)); reaching[v] && typesutil.ConstString(info, n.Args[0]) == name {
					val, ok := constValue(info, n.Args[1])
					out = append(out, QueryValue{Value: val, Const: ok, Pos: n.Args[1].Pos()})
				}
			}
		case *ast.AssignStmt:
			// q := url.Values{"limit": {"1000"}}
			for i, lhs := range n.Lhs {
				v := typesutil.VarOf(info, lhs)
				if !reaching[v] || i >= len(n.Rhs) || len(n.Lhs) != len(n.Rhs) {
					continue
				}
				out = append(out, literalValues(info, n.Rhs[i], name)...)
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if v, _ := info.Defs[id].(*types.Var); reaching[v] && i < len(n.Values) && len(n.Names) == len(n.Values) {
					out = append(out, literalValues(info, n.Values[i], name)...)
				}
			}
		}
		return true
	})
	return out
}

// literalValues returns the values of name in a url.Values{"limit":
// {"1000"}} literal.
func literalValues(info *types.Info, e ast.Expr, name string) []QueryValue {
	lit, ok := astutil.Unparen(e).(*ast.CompositeLit)
	if !ok || !typesutil.IsNamed(info.TypeOf(lit), "net/url", "Values") {
		return nil
	}
	var out []QueryValue
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok || typesutil.ConstString(info, kv.Key) != name {
			continue
		}
		vals, ok := astutil.Unparen(kv.Value).(*ast.CompositeLit)
		if !ok {
			continue
		}
		for _, v := range vals.Elts {
			val, ok := constValue(info, v)
			out = append(out, QueryValue{Value: val, Const: ok, Pos: v.Pos()})
		}
	}
	return out
}

// encodedInto reports whether the Encode call enc becomes part of the
// request req: it is inside the call that names the endpoint, or it is
// assigned to (a field of) a variable that call uses or that holds the
// request (req.URL.RawQuery = q.Encode(); u.RawQuery = q.Encode()).
func encodedInto(info *types.Info, body *ast.BlockStmt, enc *ast.CallExpr, req *Request) bool {
	if req.Call.Pos() <= enc.Pos() && enc.End() <= req.Call.End() {
		return true
	}
	used := map[*types.Var]bool{}
	if req.Var != nil {
		used[req.Var] = true
	}
	ast.Inspect(req.Call, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				used[v] = true
			}
		}
		return true
	})
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		var lhs []ast.Expr
		var rhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs, rhs = n.Lhs, n.Rhs
		case *ast.ValueSpec:
			for _, id := range n.Names {
				lhs = append(lhs, id)
			}
			rhs = n.Values
		default:
			return true
		}
		for i, l := range lhs {
			if i >= len(rhs) || len(lhs) != len(rhs) || !(rhs[i].Pos() <= enc.Pos() && enc.End() <= rhs[i].End()) {
				continue
			}
			if v := rootVar(info, l); v != nil && used[v] {
				found = true
			}
		}
		return true
	})
	return found
}

// rootVar returns the variable at the root of x, x.f, x.f.g.
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := astutil.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
			continue
		case *ast.Ident:
			if v, ok := info.Defs[x].(*types.Var); ok {
				return v
			}
			v, _ := info.Uses[x].(*types.Var)
			return v
		}
		return nil
	}
}

func isValuesMethod(fn *types.Func, name string) bool {
	if fn == nil || fn.Name() != name {
		return false
	}
	recv := fn.Signature().Recv()
	return recv != nil && typesutil.IsNamed(recv.Type(), "net/url", "Values")
}

// constValue returns the string a query value spells when it is constant:
// a string constant, or strconv.Itoa, strconv.FormatInt, strconv.FormatUint
// (base 10), fmt.Sprint of an integer constant.
func constValue(info *types.Info, e ast.Expr) (string, bool) {
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	call, ok := astutil.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return "", false
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return "", false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "strconv.FormatInt", "strconv.FormatUint":
		if len(call.Args) != 2 {
			return "", false
		}
		if tv := info.Types[call.Args[1]]; tv.Value == nil || tv.Value.ExactString() != "10" {
			return "", false
		}
	case "strconv.Itoa", "fmt.Sprint":
		if len(call.Args) != 1 {
			return "", false
		}
	default:
		return "", false
	}
	if tv, ok := info.Types[call.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
		return tv.Value.ExactString(), true
	}
	return "", false
}

func funcBody(n ast.Node) *ast.BlockStmt {
	switch f := n.(type) {
	case *ast.FuncDecl:
		return f.Body
	case *ast.FuncLit:
		return f.Body
	}
	return nil
}
