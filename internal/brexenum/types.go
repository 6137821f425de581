package brexenum

import (
	"go/constant"
	"go/types"
)

// Type is what a named string type of the program says about Brex enums.
type Type struct {
	// Obj is the type's name.
	Obj *types.TypeName
	// Values are the distinct values of the type's constants, in the
	// order of their names (go/types keeps scopes sorted).
	Values []string
	// Enum is the Brex enum that the values identify; nil when they
	// identify none (the program's own enum, or an ambiguous set).
	Enum *Enum
}

// IsEnumType reports whether the type has enough constants to be an enum
// at all: at least two distinct values.
func (t *Type) IsEnumType() bool { return t != nil && len(t.Values) >= 2 }

// Brex reports whether the type is a Brex enum type: at least two distinct
// constant values, all held by exactly one Brex enum.
func (t *Type) Brex() bool { return t.IsEnumType() && t.Enum != nil }

// Types looks up the named string types of one analysis pass. It caches
// per type name; make one per pass (go/types objects are per pass).
type Types struct {
	pkg   *types.Package
	cache map[*types.TypeName]*Type
	// consts holds, per scope read, its string constants of a named type
	// grouped by that type's name, in the order of their names: a
	// package of many enum types (stripe-go's root has hundreds) is read
	// once, not once per type.
	consts map[*types.Scope]map[*types.TypeName][]*types.Const
}

// NewTypes returns an empty cache for the package under analysis.
func NewTypes(pkg *types.Package) *Types {
	return &Types{pkg: pkg, cache: map[*types.TypeName]*Type{}, consts: map[*types.Scope]map[*types.TypeName][]*types.Const{}}
}

// constsOf returns the string constants of scope grouped by their named
// type, reading the scope on first need.
func (ts *Types) constsOf(scope *types.Scope) map[*types.TypeName][]*types.Const {
	if m, ok := ts.consts[scope]; ok {
		return m
	}
	m := map[*types.TypeName][]*types.Const{}
	for _, name := range scope.Names() {
		c, ok := scope.Lookup(name).(*types.Const)
		if !ok || c.Val().Kind() != constant.String {
			continue
		}
		if ct, ok := types.Unalias(c.Type()).(*types.Named); ok {
			m[ct.Obj()] = append(m[ct.Obj()], c)
		}
	}
	ts.consts[scope] = m
	return m
}

// Of returns what t says about Brex enums, or nil when t (pointers and
// aliases removed) is not a named type whose underlying type is string.
//
// The constants of a type are those declared with the type in the scope
// that declares it: its package or, for a local type, the enclosing
// function's scope. For a type of an imported package only its exported
// constants count: export data, which go vet and nogo type-check against,
// need not hold the unexported ones, and every driver must see the same
// set. Constants of the type declared in other packages do not count.
func (ts *Types) Of(t types.Type) *Type {
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.TypeParams().Len() > 0 {
		return nil
	}
	if b, ok := n.Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return nil
	}
	tn := n.Obj()
	if r, ok := ts.cache[tn]; ok {
		return r
	}
	r := &Type{Obj: tn}
	scope := tn.Parent()
	if scope == nil && tn.Pkg() != nil {
		scope = tn.Pkg().Scope()
	}
	if scope != nil {
		var vals []string
		for _, c := range ts.constsOf(scope)[tn] {
			if tn.Pkg() != ts.pkg && !c.Exported() {
				continue
			}
			vals = append(vals, constant.StringVal(c.Val()))
		}
		r.Values = Distinct(vals)
	}
	if len(r.Values) >= 2 {
		r.Enum = Match(r.Values)
	}
	ts.cache[tn] = r
	return r
}
