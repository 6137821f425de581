package oauthmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/brexlint/brexlint/internal/typesutil"
)

// valueIndex records, for the whole package, where each variable and
// struct field gets its values, so that the model can follow a
// configuration, a state or a url.Values through variables and fields.
type valueIndex struct {
	// defs are the definitions and plain assignments of each variable
	// (var x = e, x := e, x = e; one result of a multi-value call).
	defs map[*types.Var][]def
	// mutated variables are changed in ways defs do not capture: their
	// address is taken, or they are the target of op-assignments,
	// increments or range clauses.
	mutated map[*types.Var]bool
	// fields are the values given to struct fields anywhere in the
	// package: keyed composite literals and x.f = e.
	fields map[*types.Var][]ast.Expr
	// fieldAssigns are assignments to fields of a variable: v.f = e and
	// v.f.g = e, keyed by the variable.
	fieldAssigns map[*types.Var][]fieldAssign
}

type def struct {
	expr ast.Expr // the value, or the multi-value call
	idx  int      // the result index in a multi-value call; -1 for a single value
}

type fieldAssign struct {
	path []string // field names from the variable: ["Endpoint", "AuthURL"]
	expr ast.Expr
}

func (m *modeler) indexValues() {
	x := &valueIndex{
		defs:         map[*types.Var][]def{},
		mutated:      map[*types.Var]bool{},
		fields:       map[*types.Var][]ast.Expr{},
		fieldAssigns: map[*types.Var][]fieldAssign{},
	}
	info := m.info
	varOf := func(e ast.Expr) *types.Var { return typesutil.VarOf(info, e) }
	assign := func(lhs []ast.Expr, rhs []ast.Expr) {
		if len(lhs) == len(rhs) {
			for i, l := range lhs {
				if v := varOf(l); v != nil {
					x.defs[v] = append(x.defs[v], def{rhs[i], -1})
					continue
				}
				m.recordFieldAssign(x, l, rhs[i])
			}
			return
		}
		if len(rhs) == 1 {
			for i, l := range lhs {
				if v := varOf(l); v != nil {
					x.defs[v] = append(x.defs[v], def{rhs[0], i})
				}
			}
		}
	}
	kinds := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil),
		(*ast.IncDecStmt)(nil), (*ast.RangeStmt)(nil), (*ast.CompositeLit)(nil)}
	m.insp.Preorder(kinds, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			switch n.Tok {
			case token.ASSIGN, token.DEFINE:
				assign(n.Lhs, n.Rhs)
			default:
				for _, l := range n.Lhs {
					if v := varOf(l); v != nil {
						x.mutated[v] = true
					}
				}
			}
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			if len(n.Values) > 0 {
				assign(lhs, n.Values)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if v := varOf(n.X); v != nil {
					x.mutated[v] = true
				}
			}
		case *ast.IncDecStmt:
			if v := varOf(n.X); v != nil {
				x.mutated[v] = true
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if v := varOf(e); v != nil {
					x.mutated[v] = true
				}
			}
		case *ast.CompositeLit:
			st, ok := deref(info.TypeOf(n)).Underlying().(*types.Struct)
			if !ok {
				return
			}
			for i, el := range n.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() {
							x.fields[f] = append(x.fields[f], kv.Value)
						}
					}
				} else if i < st.NumFields() {
					x.fields[st.Field(i)] = append(x.fields[st.Field(i)], el)
				}
			}
		}
	})
	m.vals = x
}

// recordFieldAssign records lhs = rhs when lhs is a field selector.
func (m *modeler) recordFieldAssign(x *valueIndex, lhs, rhs ast.Expr) {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return
	}
	s := m.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return
	}
	f, _ := s.Obj().(*types.Var)
	if f == nil {
		return
	}
	x.fields[f] = append(x.fields[f], rhs)
	// The path from a variable: v.A.B = rhs.
	path := []string{sel.Sel.Name}
	e := ast.Unparen(sel.X)
	for {
		switch ee := e.(type) {
		case *ast.SelectorExpr:
			if s := m.info.Selections[ee]; s != nil && s.Kind() == types.FieldVal {
				path = append([]string{ee.Sel.Name}, path...)
				e = ast.Unparen(ee.X)
				continue
			}
			if v, ok := m.info.Uses[ee.Sel].(*types.Var); ok { // pkg.Var.F
				x.fieldAssigns[v] = append(x.fieldAssigns[v], fieldAssign{path, rhs})
			}
			return
		case *ast.StarExpr:
			e = ast.Unparen(ee.X)
			continue
		case *ast.Ident:
			if v, ok := m.info.Uses[ee].(*types.Var); ok {
				x.fieldAssigns[v] = append(x.fieldAssigns[v], fieldAssign{path, rhs})
			}
		}
		return
	}
}

// single returns the one value of v: its only definition, when v is never
// otherwise changed. A parameter has none.
func (m *modeler) single(v *types.Var) (ast.Expr, bool) {
	if v == nil || m.vals.mutated[v] {
		return nil, false
	}
	ds := m.vals.defs[v]
	if len(ds) != 1 || ds[0].idx >= 0 {
		return nil, false
	}
	return ds[0].expr, true
}

// varOf returns the variable that e (an identifier or a qualified
// identifier) denotes.
func (m *modeler) varOf(e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := m.info.Defs[e].(*types.Var); ok {
			return v
		}
		v, _ := m.info.Uses[e].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if m.info.Selections[e] == nil {
			v, _ := m.info.Uses[e.Sel].(*types.Var)
			return v
		}
	}
	return nil
}

// fieldOf returns the struct field that e (x.f) selects.
func (m *modeler) fieldOf(e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s := m.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return nil
	}
	f, _ := s.Obj().(*types.Var)
	return f
}

func deref(t types.Type) types.Type {
	if t == nil {
		return types.Typ[types.Invalid]
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// isParam reports whether v is a parameter of the function declaration or
// literal fn, and its index.
func paramIndex(info *types.Info, fn ast.Node, v *types.Var) (int, bool) {
	var ft *ast.FuncType
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		ft = fn.Type
	case *ast.FuncLit:
		ft = fn.Type
	default:
		return 0, false
	}
	i := 0
	for _, f := range ft.Params.List {
		if len(f.Names) == 0 {
			i++
			continue
		}
		for _, id := range f.Names {
			if info.Defs[id] == v {
				return i, true
			}
			i++
		}
	}
	return 0, false
}
