package driver

import (
	"fmt"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// factView is what one pass sees of the facts: its own package's, as its
// passes export them, and its dependencies', read in place. Facts are
// never copied from package to package (the checker copies every
// dependency's facts into each action); an import's facts are complete
// before the pass starts, since a unit runs only when its imports are
// done.
type factView struct {
	s    *stream
	u    *unit
	a    *analysis.Analyzer
	done bool // the pass has returned: exports are a bug
}

// owner is the unit whose facts may hold obj's, and whether a fact about
// obj travels from it to f's package, as the checker decides.
func (f *factView) owner(obj types.Object) (*unit, bool) {
	pkg := obj.Pkg()
	if pkg == nil {
		return nil, false
	}
	if pkg == f.u.pkg.Types {
		return f.u, true
	}
	v, ok := f.s.byTypes.Load(pkg)
	if !ok {
		return nil, false
	}
	return v.(*unit), visible(obj, f.u.direct[pkg])
}

// visible reports whether a fact about obj, of another package, reaches a
// package that imports obj's package (direct) or depends on it further
// away. It is the checker's rule (exportedFrom, applied at every edge).
func visible(obj types.Object, direct bool) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Signature().Recv() != nil || direct && obj.Exported()
	case *types.Var:
		return obj.IsField() || direct
	case *types.TypeName, *types.Const:
		return true
	}
	return false
}

func (f *factView) own(ptr analysis.Fact) bool {
	return f.s.factType[reflect.TypeOf(ptr)] == f.a
}

func (f *factView) importObject(obj types.Object, ptr analysis.Fact) bool {
	if obj == nil {
		panic("nil object")
	}
	if !f.own(ptr) {
		return false
	}
	u, ok := f.owner(obj)
	if !ok {
		return false
	}
	if v, ok := u.objFacts[objectFactKey{obj, reflect.TypeOf(ptr)}]; ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
		return true
	}
	return false
}

func (f *factView) exportObject(obj types.Object, fact analysis.Fact) {
	if f.done {
		panic(fmt.Sprintf("%s: Pass.ExportObjectFact(%s, %T) called after Run", f.a, obj, fact))
	}
	if obj.Pkg() != f.u.pkg.Types {
		panic(fmt.Sprintf("internal error: in analysis %s of package %s: Fact.Set(%s, %T): can't set facts on objects belonging another package", f.a, f.u.pkg, obj, fact))
	}
	if f.u.objFacts == nil {
		f.u.objFacts = map[objectFactKey]analysis.Fact{}
	}
	f.u.objFacts[objectFactKey{obj, reflect.TypeOf(fact)}] = fact
}

func (f *factView) importPackage(pkg *types.Package, ptr analysis.Fact) bool {
	if pkg == nil {
		panic("nil package")
	}
	if !f.own(ptr) {
		return false
	}
	v, ok := f.s.byTypes.Load(pkg)
	if !ok {
		return false
	}
	if fact, ok := v.(*unit).pkgFacts[reflect.TypeOf(ptr)]; ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(fact).Elem())
		return true
	}
	return false
}

func (f *factView) exportPackage(fact analysis.Fact) {
	if f.done {
		panic(fmt.Sprintf("%s: Pass.ExportPackageFact(%T) called after Run", f.a, fact))
	}
	if f.u.pkgFacts == nil {
		f.u.pkgFacts = map[reflect.Type]analysis.Fact{}
	}
	f.u.pkgFacts[reflect.TypeOf(fact)] = fact
}

// allObject lists the object facts of the pass's analyzer that its
// package sees: its own, and those its dependencies' facts pass on.
func (f *factView) allObject() []analysis.ObjectFact {
	var out []analysis.ObjectFact
	add := func(facts []objectFact) {
		for _, of := range facts {
			if f.s.factType[of.typ] == f.a {
				out = append(out, analysis.ObjectFact{Object: of.obj, Fact: of.fact})
			}
		}
	}
	for k, fact := range f.u.objFacts {
		if f.s.factType[k.typ] == f.a {
			out = append(out, analysis.ObjectFact{Object: k.obj, Fact: fact})
		}
	}
	for _, d := range f.s.transitive(f.u) {
		add(d.travelling)
		if f.u.direct[d.pkg.Types] {
			add(d.importerOnly)
		}
	}
	return out
}

// objectFact is one fact of a unit about one of its objects.
type objectFact struct {
	objectFactKey
	fact analysis.Fact
}

// sortFacts sorts u's object facts, once they are complete, by who may
// see them (see visible): those that reach every package that depends on
// u, and those that reach its direct importers alone; the rest reach no
// other package. So a package's AllObjectFacts looks at the facts it may
// see, not at every fact of every dependency: on Caddy's 1,150 packages,
// most of a dependency's facts are about its functions, which only its
// importers see.
func (u *unit) sortFacts() {
	for k, fact := range u.objFacts {
		switch {
		case visible(k.obj, false):
			u.travelling = append(u.travelling, objectFact{k, fact})
		case visible(k.obj, true):
			u.importerOnly = append(u.importerOnly, objectFact{k, fact})
		}
	}
}

// allPackage lists the package facts of the pass's analyzer of its
// package and every dependency.
func (f *factView) allPackage() []analysis.PackageFact {
	var out []analysis.PackageFact
	for _, u := range append([]*unit{f.u}, f.s.transitive(f.u)...) {
		for t, fact := range u.pkgFacts {
			if f.s.factType[t] == f.a {
				out = append(out, analysis.PackageFact{Package: u.pkg.Types, Fact: fact})
			}
		}
	}
	return out
}

// transitive lists u's dependencies, each once. It is not kept: a graph
// of a thousand packages would hold a million pointers. It marks the
// units it has seen by their index in the graph, not in a map: every
// package of Caddy's thousand asks once for its facts.
func (s *stream) transitive(u *unit) []*unit {
	var deps []*unit
	seen := make([]bool, s.graphSize)
	var walk func(*unit)
	walk = func(x *unit) {
		for _, imp := range x.imports {
			if !seen[imp.index] {
				seen[imp.index] = true
				deps = append(deps, imp)
				walk(imp)
			}
		}
	}
	walk(u)
	return deps
}
