package urlfold

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"github.com/brexlint/brexlint/internal/typesutil"
)

// def is the defining expression of a local variable: expr itself
// (idx < 0) or result idx of the call expr (v, ok := os.LookupEnv(...)).
// expr is nil for "var x T" without initializer.
type def struct {
	expr ast.Expr
	idx  int
}

// funcInfo is what one scan of a top-level declaration (a function with
// all its nested function literals, or a package-level var/const block)
// learns about its local variables.
type funcInfo struct {
	defs   map[*types.Var]def
	params map[*types.Var]bool // parameters of the function or a literal in it
	// mutated: assigned after its definition, incremented, its address
	// taken, a field other than the query assigned, or defined by a range
	// clause: such a variable folds to an Unknown hole.
	mutated map[*types.Var]bool
	// query: a url.URL variable whose RawQuery or Fragment is assigned,
	// which leaves its path intact.
	query map[*types.Var]bool
}

// funcInfoFor returns the scan of the top-level declaration that declares
// the local variable v, scanning it on first use.
func (f *Folder) funcInfoFor(v *types.Var) *funcInfo {
	decl := f.declAt(v.Pos())
	if decl == nil {
		return nil
	}
	if fi, ok := f.funcs[decl]; ok {
		return fi
	}
	fi := f.scan(decl)
	f.funcs[decl] = fi
	return fi
}

// declAt returns the top-level declaration containing pos.
func (f *Folder) declAt(pos token.Pos) ast.Decl {
	if !pos.IsValid() {
		return nil
	}
	for _, file := range f.files {
		if pos < file.FileStart || pos >= file.FileEnd {
			continue
		}
		decls := file.Decls
		i := sort.Search(len(decls), func(i int) bool { return decls[i].End() > pos })
		if i < len(decls) && decls[i].Pos() <= pos {
			return decls[i]
		}
		return nil
	}
	return nil
}

// scan walks decl once and records definitions, parameters and every way a
// variable can change after its definition. The scan is flow-insensitive:
// one assignment anywhere makes the variable unknown everywhere, which is
// what "never reassigned" means and keeps the result independent of
// control flow.
func (f *Folder) scan(decl ast.Decl) *funcInfo {
	fi := &funcInfo{
		defs:    map[*types.Var]def{},
		params:  map[*types.Var]bool{},
		mutated: map[*types.Var]bool{},
		query:   map[*types.Var]bool{},
	}
	varOf := func(e ast.Expr) *types.Var { return typesutil.VarOf(f.info, e) }
	// assigned records an assignment to lhs (not a definition).
	assigned := func(lhs ast.Expr) {
		lhs = ast.Unparen(lhs)
		if v := varOf(lhs); v != nil {
			fi.mutated[v] = true
			return
		}
		// u.RawQuery = ..., u.Path = ..., p.x.y = ...: find the root.
		field := ""
		for {
			switch x := lhs.(type) {
			case *ast.SelectorExpr:
				if field == "" {
					field = x.Sel.Name
				}
				lhs = ast.Unparen(x.X)
				continue
			case *ast.IndexExpr:
				lhs = ast.Unparen(x.X)
				field = "?" // an element changed
				continue
			case *ast.StarExpr:
				lhs = ast.Unparen(x.X)
				continue
			}
			break
		}
		if v := varOf(lhs); v != nil {
			if isURL(v.Type()) && (field == "RawQuery" || field == "Fragment" || field == "ForceQuery" || field == "RawFragment") {
				fi.query[v] = true
			} else {
				fi.mutated[v] = true
			}
		}
	}
	ast.Inspect(decl, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncType:
			if n.Params != nil {
				for _, field := range n.Params.List {
					for _, name := range field.Names {
						if v, ok := f.info.Defs[name].(*types.Var); ok {
							fi.params[v] = true
						}
					}
				}
			}
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				for _, lhs := range n.Lhs {
					assigned(lhs)
				}
				break
			}
			for i, lhs := range n.Lhs {
				id, ok := lhs.(*ast.Ident)
				if !ok {
					continue
				}
				if v, ok := f.info.Defs[id].(*types.Var); ok {
					switch {
					case len(n.Lhs) == len(n.Rhs):
						fi.defs[v] = def{expr: n.Rhs[i], idx: -1}
					case len(n.Rhs) == 1:
						fi.defs[v] = def{expr: n.Rhs[0], idx: i}
					}
				} else if v, ok := f.info.Uses[id].(*types.Var); ok {
					fi.mutated[v] = true // redeclared in a := with a new variable
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				v, ok := f.info.Defs[name].(*types.Var)
				if !ok {
					continue
				}
				switch {
				case len(n.Values) == 0:
					fi.defs[v] = def{idx: -1}
				case len(n.Values) == len(n.Names):
					fi.defs[v] = def{expr: n.Values[i], idx: -1}
				case len(n.Values) == 1:
					fi.defs[v] = def{expr: n.Values[0], idx: i}
				}
			}
		case *ast.IncDecStmt:
			assigned(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if v := varOf(n.X); v != nil {
					fi.mutated[v] = true
				}
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if v := varOf(e); v != nil {
					fi.mutated[v] = true
				}
			}
		}
		return true
	})
	return fi
}
