package typesutil

import (
	"go/ast"
	"go/token"
	"sort"
)

// EnclosingPath returns the nodes of files that enclose the interval
// [pos, end], innermost first and the *ast.File last: the answer of
// astutil.PathEnclosingInterval for an interval that is a node or a
// position inside one.
//
// PathEnclosingInterval sorts the children of every node on the way down,
// the file's declarations included, so asking it once per call site costs
// time proportional to the file's size each time: quadratic in a generated
// client with thousands of operations in one file. Here the top-level
// declaration is found by binary search and the walk below it visits only
// the children of the enclosing nodes, so a query costs the depth of the
// node times the fan-out along the way.
//
// It returns nil when no file holds pos.
func EnclosingPath(files []*ast.File, pos, end token.Pos) []ast.Node {
	var file *ast.File
	for _, f := range files {
		if f.FileStart <= pos && pos < f.FileEnd {
			file = f
			break
		}
	}
	if file == nil {
		return nil
	}
	if encloses(file.Name, pos, end) {
		return []ast.Node{file.Name, file}
	}
	decls := file.Decls
	i := sort.Search(len(decls), func(i int) bool { return decls[i].End() > pos })
	if i == len(decls) || decls[i].Pos() > pos || end > decls[i].End() {
		// Outside every declaration (the package clause, imports of a
		// file without other declarations, comments between them).
		return []ast.Node{file}
	}
	var outer []ast.Node // outermost first
	ast.Inspect(decls[i], func(n ast.Node) bool {
		if n == nil || !encloses(n, pos, end) {
			return false
		}
		if fd, ok := decls[i].(*ast.FuncDecl); ok && n == fd.Type && !inSignature(fd.Type, pos, end) {
			// Like PathEnclosingInterval, a declaration's FuncType
			// is on the path only to its type parameters,
			// parameters and results: it spans the "func" keyword,
			// the receiver and the name without holding the last two.
			return true
		}
		outer = append(outer, n)
		return true
	})
	path := make([]ast.Node, 0, len(outer)+1)
	for j := len(outer) - 1; j >= 0; j-- {
		path = append(path, outer[j])
	}
	return append(path, file)
}

// DeclAt returns the top-level declaration of files that holds pos, found
// by binary search, or nil.
func DeclAt(files []*ast.File, pos token.Pos) ast.Decl {
	if !pos.IsValid() {
		return nil
	}
	for _, file := range files {
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

// FuncDeclAt returns the function declaration of files whose body holds
// pos, or nil.
func FuncDeclAt(files []*ast.File, pos token.Pos) *ast.FuncDecl {
	fd, ok := DeclAt(files, pos).(*ast.FuncDecl)
	if !ok || fd.Body == nil || pos < fd.Body.Pos() || pos >= fd.Body.End() {
		return nil
	}
	return fd
}

// encloses reports whether n covers [pos, end]; an empty interval must lie
// before n's end, as a position does.
func encloses(n ast.Node, pos, end token.Pos) bool {
	if pos == end {
		return n.Pos() <= pos && pos < n.End()
	}
	return n.Pos() <= pos && end <= n.End()
}

// inSignature reports whether [pos, end] lies in t's type parameters,
// parameters or results.
func inSignature(t *ast.FuncType, pos, end token.Pos) bool {
	for _, l := range []*ast.FieldList{t.TypeParams, t.Params, t.Results} {
		if l != nil && encloses(l, pos, end) {
			return true
		}
	}
	return false
}
