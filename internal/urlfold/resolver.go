package urlfold

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/ast/inspector"
)

// PackageVars returns a VarResolver for the package-level variables and
// the struct fields of the package given by info and files. The folder
// joins (see Join) every value the package gives one: a variable's
// initializer (or its zero value) and its assignments; a field's values in
// composite literals and its assignments, wherever they are (a
// constructor, an option such as WithBaseURL, a method). An assignment
// the folder cannot see through (x++, x -= n, its address taken, a field of
// it changed) is an unknown value. Because an unset value (a hole) joined
// with a literal host is that host, a base URL given a Brex host by the
// constructor and overridable by an option or from the environment folds
// to the Brex host. A field's zero value does not count (a struct literal
// that leaves the field out is not an assignment), and neither does what
// other packages assign: their code is not here. Only the variables and
// fields the package declares are resolved. Value returns the single
// initializer of a variable or field that has exactly one.
func PackageVars(info *types.Info, files []*ast.File, insp *inspector.Inspector) VarResolver {
	return packageVars(info, files, insp, nil)
}

// NewPackage returns a Folder for one package (an analysis pass), with
// PackageVars as its resolver, except that values given in _test.go files
// are left out: a test that points a client at its own server does not
// change where the code sends its requests. index is the index of the
// functions of files (the package's one, see brexmodel's Model.Funcs).
func NewPackage(fset *token.FileSet, info *types.Info, files []*ast.File, index *typesutil.Funcs) *Folder {
	skip := func(f *ast.File) bool {
		return fset != nil && typesutil.InTestFile(fset, f.Pos())
	}
	return New(info, files, index, packageVars(info, files, index.Inspector(), skip))
}

// varDef is one value a package-level variable or a field is given: expr
// (result idx of a call when idx >= 0), the zero value, or, with expr nil
// and zero false, a value the folder cannot know.
type varDef struct {
	expr ast.Expr
	idx  int
	zero bool
}

type pkgVars map[*types.Var][]varDef

func (r pkgVars) Value(v *types.Var) (ast.Expr, bool) {
	ds := r[v.Origin()]
	if len(ds) != 1 || ds[0].expr == nil || ds[0].idx >= 0 {
		return nil, false
	}
	return ds[0].expr, true
}

func packageVars(info *types.Info, files []*ast.File, insp *inspector.Inspector, skip func(*ast.File) bool) pkgVars {
	r := pkgVars{}
	// target returns the package-level variable or field that lhs
	// assigns, and the fields of url.URL type it changes in part
	// (c.base.Path = ...).
	target := func(lhs ast.Expr) (*types.Var, []*types.Var) {
		var partly []*types.Var
		var v *types.Var
		for e := lhs; ; {
			switch x := ast.Unparen(e).(type) {
			case *ast.Ident:
				if w, ok := info.Uses[x].(*types.Var); ok && w.Pkg() != nil && w.Parent() == w.Pkg().Scope() {
					if v == nil {
						return w, partly
					}
					if isURL(w.Type()) {
						partly = append(partly, w)
					}
				}
				return v, partly
			case *ast.SelectorExpr:
				if sel := info.Selections[x]; sel != nil && sel.Kind() == types.FieldVal {
					f := sel.Obj().(*types.Var).Origin()
					if v == nil {
						v = f
					} else if isURL(f.Type()) {
						partly = append(partly, f)
					}
					e = x.X
					continue
				}
				if w, ok := info.Uses[x.Sel].(*types.Var); ok && v == nil {
					return w, nil // pkg.Var of another package
				}
				return v, partly
			case *ast.IndexExpr:
				return nil, partly // an element of a map or slice
			case *ast.StarExpr:
				e = x.X
				continue
			}
			return v, partly
		}
	}
	unknown := func(vs ...*types.Var) {
		for _, v := range vs {
			if v != nil {
				r[v] = append(r[v], varDef{idx: -1})
			}
		}
	}
	kinds := []ast.Node{(*ast.GenDecl)(nil), (*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.CompositeLit)(nil)}
	for file := range insp.Root().Children() {
		skipped := skip != nil && skip(file.Node().(*ast.File))
		for cur := range file.Preorder(kinds...) {
			switch n := cur.Node().(type) {
			case *ast.GenDecl:
				if n.Tok != token.VAR {
					continue
				}
				for _, spec := range n.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, name := range vs.Names {
						v, ok := info.Defs[name].(*types.Var)
						if !ok || v.Parent() != v.Pkg().Scope() {
							continue
						}
						switch {
						case len(vs.Values) == 0:
							r[v] = append(r[v], varDef{idx: -1, zero: true})
						case len(vs.Values) == len(vs.Names):
							r[v] = append(r[v], varDef{expr: vs.Values[i], idx: -1})
						case len(vs.Values) == 1:
							r[v] = append(r[v], varDef{expr: vs.Values[0], idx: i})
						}
					}
				}
			case *ast.AssignStmt:
				if skipped || n.Tok == token.DEFINE {
					continue
				}
				for i, lhs := range n.Lhs {
					v, partly := target(lhs)
					unknown(partly...)
					if v == nil {
						continue
					}
					switch {
					case n.Tok != token.ASSIGN:
						unknown(v)
					case len(n.Lhs) == len(n.Rhs):
						r[v] = append(r[v], varDef{expr: n.Rhs[i], idx: -1})
					case len(n.Rhs) == 1:
						r[v] = append(r[v], varDef{expr: n.Rhs[0], idx: i})
					default:
						unknown(v)
					}
				}
			case *ast.IncDecStmt:
				if !skipped {
					v, partly := target(n.X)
					unknown(append(partly, v)...)
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND && !skipped {
					v, partly := target(n.X)
					unknown(append(partly, v)...)
				}
			case *ast.CompositeLit:
				if skipped {
					continue
				}
				t := info.TypeOf(n)
				if p, ok := t.Underlying().(*types.Pointer); ok {
					t = p.Elem() // an elided &T{...} in a []*T literal
				}
				st, ok := t.Underlying().(*types.Struct)
				if !ok {
					continue
				}
				for i, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok {
							if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() {
								r[f.Origin()] = append(r[f.Origin()], varDef{expr: kv.Value, idx: -1})
							}
						}
					} else if i < st.NumFields() {
						f := st.Field(i).Origin()
						r[f] = append(r[f], varDef{expr: el, idx: -1})
					}
				}
			}
		}
	}
	// Keep what this package declares: a variable of another package
	// assigned here is still that package's to give, and a field of
	// another package's type (url.URL's Path) belongs to each value of it,
	// not to the package.
	for v := range r {
		if !declaredIn(v, files) {
			delete(r, v)
		}
	}
	return r
}

// declaredIn reports whether v is declared in one of files.
func declaredIn(v *types.Var, files []*ast.File) bool {
	for _, f := range files {
		if f.FileStart <= v.Pos() && v.Pos() < f.FileEnd {
			return true
		}
	}
	return false
}
