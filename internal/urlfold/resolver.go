package urlfold

import (
	"go/ast"
	"go/token"
	"go/types"
)

// PackageVars returns a VarResolver for the unexported package-level
// variables of the package given by info and files that have exactly one
// initializer ("var baseURL = ..." or one result of "var a, b = f()" is not
// enough: only one expression per name) and that no code in the package
// assigns, increments, takes the address of or changes a field of. Exported
// variables are left out because other packages may assign them. It does not
// know struct-field defaults; a caller that wants them wraps it.
func PackageVars(info *types.Info, files []*ast.File) VarResolver {
	f := New(info, files, nil)
	r := packageVars{}
	mutated := map[*types.Var]bool{}
	for _, file := range files {
		for _, decl := range file.Decls {
			fi := f.scan(decl)
			for v := range fi.mutated {
				mutated[v] = true
			}
			for v := range fi.query {
				mutated[v] = true
			}
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Values) != len(vs.Names) {
					continue
				}
				for i, name := range vs.Names {
					if v, ok := info.Defs[name].(*types.Var); ok && !v.Exported() {
						r[v] = vs.Values[i]
					}
				}
			}
		}
	}
	for v := range mutated {
		delete(r, v)
	}
	return r
}

type packageVars map[*types.Var]ast.Expr

func (r packageVars) Value(v *types.Var) (ast.Expr, bool) {
	e, ok := r[v]
	return e, ok
}
