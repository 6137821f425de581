package driver

import (
	"cmp"
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"strings"
)

// purgeBodies drops f's function bodies and, in the values of its
// package-level variables, the elements of composite literals (a
// literal's type does not depend on them, except an [...]T array's) and
// the bodies of function literals: the tables of unicode, crypto and
// generated code are much of what type-checking a dependency costs, and no
// fact is about them. It blanks the imports that only the dropped parts
// used, and reports false, leaving f unusable, when an import's name
// cannot be told from its path.
func purgeBodies(f *ast.File) bool {
	var (
		dropped []ast.Node // function bodies, literals losing their elements, function literals
		spans   [][2]token.Pos
	)
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Body != nil {
				dropped = append(dropped, d)
				spans = append(spans, [2]token.Pos{d.Body.Pos(), d.Body.End()})
			}
		case *ast.GenDecl:
			if d.Tok != token.VAR {
				continue
			}
			for _, spec := range d.Specs {
				for _, v := range spec.(*ast.ValueSpec).Values {
					ast.Inspect(v, func(n ast.Node) bool {
						switch n := n.(type) {
						case *ast.CompositeLit:
							if at, ok := n.Type.(*ast.ArrayType); ok {
								if _, ok := at.Len.(*ast.Ellipsis); ok {
									return true // [...]T: its length is its elements
								}
							}
							if len(n.Elts) > 0 {
								dropped = append(dropped, n)
								spans = append(spans, [2]token.Pos{n.Lbrace, n.Rbrace})
							}
							return false
						case *ast.FuncLit:
							dropped = append(dropped, n)
							spans = append(spans, [2]token.Pos{n.Body.Pos(), n.Body.End()})
							return false
						}
						return true
					})
				}
			}
		}
	}
	// The spans do not overlap; sorted, one binary search answers for a
	// position (a scan of them all per selector was quadratic in the
	// functions of a file).
	slices.SortFunc(spans, func(a, b [2]token.Pos) int { return cmp.Compare(a[0], b[0]) })
	inDropped := func(pos token.Pos) bool {
		i, _ := slices.BinarySearchFunc(spans, pos, func(s [2]token.Pos, pos token.Pos) int {
			switch {
			case s[1] <= pos:
				return -1
			case pos < s[0]:
				return 1
			}
			return 0
		})
		return i < len(spans) && spans[i][0] <= pos && pos < spans[i][1]
	}
	inBody := map[string]bool{}  // selector operands used in dropped parts
	outside := map[string]bool{} // and elsewhere
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				if inDropped(id.Pos()) {
					inBody[id.Name] = true
				} else {
					outside[id.Name] = true
				}
			}
		}
		return true
	})
	for _, imp := range f.Imports {
		name := guessName(imp)
		switch {
		case name == "_":
		case name == "." || name == "" || !inBody[name] && !outside[name]:
			return false // the file uses the import under another name
		case !outside[name]:
			imp.Name = ast.NewIdent("_")
		}
	}
	for _, n := range dropped {
		switch n := n.(type) {
		case *ast.CompositeLit:
			n.Elts = nil
		case *ast.FuncLit:
			n.Body = neverReturns(n.Body)
		case *ast.FuncDecl:
			if n.Name.Name == "init" || n.Type.TypeParams != nil || genericRecv(n) {
				// go/types wants these bodies.
				n.Body = neverReturns(n.Body)
				continue
			}
			n.Body = nil
		}
	}
	return true
}

// neverReturns is a body in place of b that needs nothing else: it panics,
// so it satisfies any result list.
func neverReturns(b *ast.BlockStmt) *ast.BlockStmt {
	return &ast.BlockStmt{Lbrace: b.Lbrace, Rbrace: b.Rbrace, List: []ast.Stmt{
		&ast.ExprStmt{X: &ast.CallExpr{Fun: ast.NewIdent("panic"), Args: []ast.Expr{&ast.BasicLit{Kind: token.INT, Value: "0"}}}},
	}}
}

// genericRecv reports whether fd is a method of a generic type.
func genericRecv(fd *ast.FuncDecl) bool {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return false
	}
	t := fd.Recv.List[0].Type
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	switch t.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}

// guessName returns the name an import binds: its explicit name, or the
// last element of its path that is not a major version ("math/rand/v2" is
// rand).
func guessName(imp *ast.ImportSpec) string {
	if imp.Name != nil {
		return imp.Name.Name
	}
	path, err := strconv.Unquote(imp.Path.Value)
	if err != nil {
		return ""
	}
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = elems[len(elems)-2]
	}
	return last
}
