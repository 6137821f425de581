package moneyfloat

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer reports Brex money amounts held as floats and Brex amounts
// scaled by 100.
var Analyzer = &analysis.Analyzer{
	Name:     checks.MoneyFloat,
	Doc:      "report Brex money amounts (integer minor units) held as float32/float64, and Brex amounts multiplied by 100",
	URL:      checks.DocURL(checks.MoneyFloat),
	Requires: []*analysis.Analyzer{brexmodel.Analyzer, directives.Analyzer, inspect.Analyzer},
	Run:      run,
}

// The kinds of finding (categories "moneyfloat/KIND").
const (
	kindFloat = "float-amount"
	kindScale = "scaled-by-100"
)

func run(pass *analysis.Pass) (any, error) {
	m := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model)
	r := directives.NewReporter(pass)
	defer r.Finish()
	c := &checker{pass: pass, model: m, insp: typesutil.Inspector(pass), brex: map[types.Type]bool{}, reported: map[*types.Var]bool{}}
	c.collectRoots()
	for _, root := range c.roots {
		c.walk(root, "", map[visit]bool{})
	}
	for _, f := range c.floats {
		if c.reported[f.amount] || f.inTest {
			continue
		}
		c.reported[f.amount] = true
		r.Reportf(f.amount.Pos(), kindFloat, "%s", checks.Message(
			fmt.Sprintf("%s.%s is a %s, but Brex money amounts are int64 minor units (cents for USD)", f.owner, f.amount.Name(), f.amount.Type()),
			"rounding can change what is paid", "make it an int64"))
	}
	c.findCopies()
	// Test files are left out; x*100/y is pruned at the division.
	for file := range typesutil.NonTestFiles(pass.Fset, c.insp) {
		file.Inspect([]ast.Node{(*ast.BinaryExpr)(nil), (*ast.AssignStmt)(nil)}, func(cur inspector.Cursor) bool {
			switch n := cur.Node().(type) {
			case *ast.BinaryExpr:
				if n.Op == token.QUO {
					// x*100/y, float64(x*100)/y: a percentage, not a
					// conversion to cents.
					if mul, ok := c.unconvert(n.X).(*ast.BinaryExpr); ok && mul.Op == token.MUL {
						return false
					}
				}
				if n.Op != token.MUL {
					return true
				}
				for _, pair := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
					if isHundred(pass.TypesInfo, pair[1]) {
						if what := c.amountOf(pair[0]); what != "" {
							r.Reportf(n.Pos(), kindScale, "%s", scaledMessage(what))
							break
						}
					}
				}
			case *ast.AssignStmt:
				if n.Tok == token.MUL_ASSIGN && len(n.Lhs) == 1 && isHundred(pass.TypesInfo, n.Rhs[0]) {
					if what := c.amountOf(n.Lhs[0]); what != "" {
						r.Reportf(n.Pos(), kindScale, "%s", scaledMessage(what))
					}
				}
			}
			return true
		})
	}
	return nil, nil
}

type checker struct {
	pass  *analysis.Pass
	model *brexmodel.Model
	insp  *inspector.Inspector
	// roots are the types decoded from Brex responses (other than the
	// Accounting API's, whose amounts are decimal) and encoded into Brex
	// requests in this package.
	roots []types.Type
	// brex are the types reachable from roots.
	brex     map[types.Type]bool
	floats   []floatAmount
	reported map[*types.Var]bool
	// copies are the local variables that hold a Brex amount: defined
	// from one (cents := x.Balance.Amount) and never assigned again.
	copies map[*types.Var]*ast.SelectorExpr
}

// visit is a type reached through a field of a JSON name.
type visit struct {
	t      types.Type
	parent string
}

// floatAmount is a float amount field of a Brex money object.
type floatAmount struct {
	owner  string // the struct's name, or the field that holds it
	amount *types.Var
	inTest bool
}

// collectRoots finds the types this package decodes from or encodes into
// Brex requests.
func (c *checker) collectRoots() {
	for _, d := range c.model.DecodeTargets() {
		if d.Type == nil || d.InTest || decimalOnly(d.Requests) {
			continue
		}
		c.roots = append(c.roots, d.Type)
	}
	info := c.pass.TypesInfo
	for _, req := range c.model.Requests {
		if !req.Brex || req.InTest || (req.Endpoint != nil && req.Endpoint.DecimalMoney()) {
			continue
		}
		// The arguments of a wrapper call: the request body or the
		// destination of the response.
		if req.Via != nil {
			for _, a := range req.Call.Args {
				if t := deref(info.TypeOf(a)); t != nil && isStruct(t) {
					c.roots = append(c.roots, t)
				}
			}
		}
		// Values marshalled in the function that builds the request.
		if req.Func == nil {
			continue
		}
		ast.Inspect(req.Func, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			fn, _ := typeutil.Callee(info, call).(*types.Func)
			if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "encoding/json" {
				return true
			}
			switch fn.Name() {
			case "Marshal", "MarshalIndent", "Encode":
				if fn.Name() == "Encode" && fn.Signature().Recv() == nil {
					return true
				}
				if t := deref(info.TypeOf(call.Args[0])); t != nil && isStruct(t) {
					c.roots = append(c.roots, t)
				}
			}
			return true
		})
	}
}

// decimalOnly reports whether every request is to an endpoint whose money
// is decimal (the Accounting API); false when none is known.
func decimalOnly(reqs []*brexmodel.Request) bool {
	for _, r := range reqs {
		if r.Endpoint == nil || !r.Endpoint.DecimalMoney() {
			return false
		}
	}
	return len(reqs) > 0
}

// walk visits t and the types reachable from it through fields, pointers,
// slices, arrays and map elements, recording float amounts of money
// objects; parent is the JSON name of the field that holds t ("" for a
// root).
func (c *checker) walk(t types.Type, parent string, seen map[visit]bool) {
	t = deref(t)
	if t == nil {
		return
	}
	key := t
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if n.Obj().Pkg() == nil {
			return
		}
		key = n.Origin()
	}
	// A struct is visited once per parent name: the same Money type may
	// have a currency field under one and be a money property under
	// another (its finding is made once).
	if seen[visit{key, parent}] {
		return
	}
	seen[visit{key, parent}] = true
	c.brex[key] = true
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	fields := typesutil.JSONFields(st)
	if amount := fields["amount"]; amount != nil && isFloat(amount.Type()) && c.pass.Pkg == amount.Pkg() &&
		(fields["currency"] != nil || isMoneyProperty(parent)) {
		owner := parent
		if n, ok := types.Unalias(t).(*types.Named); ok {
			owner = n.Obj().Name()
		}
		c.floats = append(c.floats, floatAmount{owner: owner, amount: amount,
			inTest: typesutil.InTestFile(c.pass.Fset, amount.Pos())})
	}
	for name, f := range fields {
		c.walk(f.Type(), name, seen)
	}
}

// brexAmount returns the selector of a Brex amount that e is, through
// parentheses and conversions: x.Amount where x is a Brex money object (a
// struct with a currency field, or the value of a money property such as
// current_balance) of a type decoded from Brex or encoded into a request.
func (c *checker) brexAmount(e ast.Expr) *ast.SelectorExpr {
	info := c.pass.TypesInfo
	sel, ok := c.unconvert(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return nil
	}
	owner := deref(s.Recv())
	st, ok := owner.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	fields := typesutil.JSONFields(st)
	if fields["amount"] != s.Obj() {
		return nil
	}
	money := fields["currency"] != nil
	if !money {
		// x.CurrentBalance.Amount: the holder's field names a money property.
		if outer, ok := astutil.Unparen(sel.X).(*ast.SelectorExpr); ok {
			if os := info.Selections[outer]; os != nil && os.Kind() == types.FieldVal {
				if ost, ok := deref(os.Recv()).Underlying().(*types.Struct); ok {
					for name, f := range typesutil.JSONFields(ost) {
						if f == os.Obj() && isMoneyProperty(name) {
							money = true
						}
					}
				}
			}
		}
	}
	if !money || !c.isBrex(owner) {
		return nil
	}
	return sel
}

// amountOf describes the Brex amount that e is, through parentheses and
// conversions: "x.Balance.Amount", or "cents (x.Balance.Amount)" for a
// local copy; "" when e is none.
func (c *checker) amountOf(e ast.Expr) string {
	if sel := c.brexAmount(e); sel != nil {
		return typesutil.ExprCode(sel)
	}
	if id, ok := c.unconvert(e).(*ast.Ident); ok {
		if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok && c.copies[v] != nil {
			return id.Name + " (" + typesutil.ExprCode(c.copies[v]) + ")"
		}
	}
	return ""
}

// findCopies finds the local variables defined from a Brex amount and
// never assigned again (other than multiplied by 100, which is reported).
func (c *checker) findCopies() {
	info := c.pass.TypesInfo
	c.copies = map[*types.Var]*ast.SelectorExpr{}
	changed := map[*types.Var]bool{}
	define := func(id *ast.Ident, rhs ast.Expr) {
		if v, ok := info.Defs[id].(*types.Var); ok {
			if sel := c.brexAmount(rhs); sel != nil {
				c.copies[v] = sel
			}
		}
	}
	c.insp.Preorder([]ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.IncDecStmt)(nil), (*ast.UnaryExpr)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.MUL_ASSIGN && len(n.Rhs) == 1 && isHundred(info, n.Rhs[0]) {
				break
			}
			for i, lhs := range n.Lhs {
				id, ok := astutil.Unparen(lhs).(*ast.Ident)
				if !ok {
					continue
				}
				if v, ok := info.Uses[id].(*types.Var); ok {
					changed[v] = true // assigned, or redeclared by :=
				} else if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
					define(id, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					define(id, n.Values[i])
				}
			}
		case *ast.IncDecStmt:
			if id, ok := astutil.Unparen(n.X).(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok {
					changed[v] = true
				}
			}
		case *ast.UnaryExpr:
			if id, ok := astutil.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
				if v, ok := info.Uses[id].(*types.Var); ok {
					changed[v] = true
				}
			}
		}
	})
	for v := range changed {
		delete(c.copies, v)
	}
}

// unconvert removes parentheses and conversions around e.
func (c *checker) unconvert(e ast.Expr) ast.Expr {
	for {
		e = astutil.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return e
		}
		if tv, ok := c.pass.TypesInfo.Types[call.Fun]; !ok || !tv.IsType() {
			return e
		}
		e = call.Args[0]
	}
}

// isBrex reports whether values of t come from or go to Brex: reachable
// from a root of this package, or a type of another package that its
// package decodes from Brex.
func (c *checker) isBrex(t types.Type) bool {
	key := t
	if n, ok := types.Unalias(t).(*types.Named); ok {
		key = n.Origin()
		if n.Obj().Pkg() != c.pass.Pkg {
			return c.brex[key] || c.model.DecodedFromBrex(t)
		}
	}
	return c.brex[key]
}

// isMoneyProperty reports whether name is a property the Brex specs declare
// as a money object.
func isMoneyProperty(name string) bool {
	money, _ := brexapi.MoneyProperty(name)
	return money
}

// isHundred reports whether e is the constant 100 (or 100.0).
func isHundred(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.Int, constant.Float:
		return constant.Compare(tv.Value, token.EQL, constant.MakeInt64(100))
	}
	return false
}

func isFloat(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsFloat != 0
}

func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// deref removes pointers, slices, arrays and map values around t.
func deref(t types.Type) types.Type {
	for t != nil {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		default:
			return t
		}
	}
	return nil
}

// scaledMessage is the message of a Brex amount, what, multiplied by 100.
func scaledMessage(what string) string {
	return checks.Message(what+" is multiplied by 100, but Brex amounts are already in minor units (cents for USD)",
		"it is 100 times too large", "use it as it is")
}
