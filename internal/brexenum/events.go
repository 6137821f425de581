package brexenum

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// EventFields recognises the types of Brex webhook payloads in one
// package: structs with a field that takes Brex event values.
type EventFields struct {
	info   *types.Info
	insp   *inspector.Inspector
	types  *Types
	values map[*types.Var][]string // computed on first need
}

// NewEventFields returns the recogniser for the package of info and insp
// (its inspector); types is the package's enum types (see [NewTypes]).
func NewEventFields(info *types.Info, insp *inspector.Inspector, types *Types) *EventFields {
	return &EventFields{info: info, insp: insp, types: types}
}

// Takes reports whether t (a struct, or a pointer to one) has a field, at
// the top level or in an embedded or nested struct, that takes Brex webhook
// event values: its type has a constant that is a Brex event type, or the
// package compares it with one (==, !=, a switch case).
func (e *EventFields) Takes(t types.Type) bool { return e.takes(t, 0) }

func (e *EventFields) takes(t types.Type, depth int) bool {
	if depth > 3 || t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if et := e.types.Of(f.Type()); et != nil {
			for _, v := range et.Values {
				if IsEventValue(v) {
					return true
				}
			}
		}
		for _, v := range e.comparedValues()[f] {
			if IsEventValue(v) {
				return true
			}
		}
		if e.takes(f.Type(), depth+1) {
			return true
		}
	}
	return false
}

// comparedValues maps each struct field to the string constants the
// package compares it with: f == "X", f != "X", and switch f { case "X" }.
func (e *EventFields) comparedValues() map[*types.Var][]string {
	if e.values != nil {
		return e.values
	}
	info := e.info
	e.values = map[*types.Var][]string{}
	field := func(x ast.Expr) *types.Var {
		sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		s, ok := info.Selections[sel]
		if !ok || s.Kind() != types.FieldVal {
			return nil
		}
		v, _ := s.Obj().(*types.Var)
		return v
	}
	str := func(x ast.Expr) (string, bool) {
		tv, ok := info.Types[x]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return "", false
		}
		return constant.StringVal(tv.Value), true
	}
	e.insp.Preorder([]ast.Node{(*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op != token.EQL && n.Op != token.NEQ {
				return
			}
			for _, pair := range [2][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
				if v := field(pair[0]); v != nil {
					if s, ok := str(pair[1]); ok {
						e.values[v] = append(e.values[v], s)
					}
				}
			}
		case *ast.SwitchStmt:
			v := field(n.Tag)
			if v == nil {
				return
			}
			for _, s := range n.Body.List {
				if cc, ok := s.(*ast.CaseClause); ok {
					vals, _, _ := CaseValues(info, cc)
					e.values[v] = append(e.values[v], vals...)
				}
			}
		}
	})
	return e.values
}
