package typesutil_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/ast/astutil"
)

const enclosingSrc = `package p

import "net/http"

type T struct{ c *http.Client }

// Send sends.
func (t T) Send(req *http.Request) error {
	for i := 0; i < 3; i++ {
		resp, err := t.c.Do(req.WithContext(req.Context()))
		if err == nil && resp.StatusCode == 200 {
			return nil
		}
	}
	f := func() { _ = len("x") }
	f()
	return nil
}

var v = []int{1, 2, 3}

func G[T any](x T) (y T, err error) { return x, nil }

const (
	a = iota
	b
)
`

// TestEnclosingPath compares EnclosingPath with astutil.PathEnclosingInterval,
// whose answers it must reproduce, for every node and every position of a
// file: node by node, so that a difference names the node.
func TestEnclosingPath(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", enclosingSrc, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	files := []*ast.File{file}
	describe := func(path []ast.Node) []string {
		var out []string
		for _, n := range path {
			p := fset.Position(n.Pos())
			out = append(out, fmtNode(n, p))
		}
		return out
	}
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil || n == file {
			return true
		}
		if _, ok := n.(*ast.CommentGroup); ok {
			return false
		}
		if _, ok := n.(*ast.Comment); ok {
			return false
		}
		want, _ := astutil.PathEnclosingInterval(file, n.Pos(), n.End())
		got := typesutil.EnclosingPath(files, n.Pos(), n.End())
		if diff := cmp.Diff(describe(want), describe(got)); diff != "" {
			t.Errorf("path to %s (-PathEnclosingInterval +EnclosingPath):\n%s", fmtNode(n, fset.Position(n.Pos())), diff)
		}
		want, _ = astutil.PathEnclosingInterval(file, n.Pos(), n.Pos())
		got = typesutil.EnclosingPath(files, n.Pos(), n.Pos())
		if diff := cmp.Diff(describe(want), describe(got)); diff != "" {
			t.Errorf("path at %s (-PathEnclosingInterval +EnclosingPath):\n%s", fmtNode(n, fset.Position(n.Pos())), diff)
		}
		return true
	})
	if got := typesutil.EnclosingPath(files, token.Pos(fset.Base()+len(enclosingSrc)+10), 0); got != nil {
		t.Errorf("position past every file: got %d nodes, want nil", len(got))
	}
}

func fmtNode(n ast.Node, p token.Position) string {
	return p.String() + " " + astNodeType(n)
}

func astNodeType(n ast.Node) string {
	return fmt.Sprintf("%T", n)
}

// TestDeclAt compares DeclAt and FuncDeclAt with the top of
// astutil.PathEnclosingInterval's path at every position of a file.
func TestDeclAt(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", enclosingSrc, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	files := []*ast.File{file}
	base := token.Pos(fset.File(file.Pos()).Base())
	for off := range len(enclosingSrc) {
		pos := base + token.Pos(off)
		path, _ := astutil.PathEnclosingInterval(file, pos, pos)
		var wantDecl ast.Decl
		var wantFunc *ast.FuncDecl
		if len(path) >= 2 {
			wantDecl, _ = path[len(path)-2].(ast.Decl)
			if fd, ok := wantDecl.(*ast.FuncDecl); ok && fd.Body.Pos() <= pos && pos < fd.Body.End() {
				wantFunc = fd
			}
		}
		where := fset.Position(pos).String()
		if got := typesutil.DeclAt(files, pos); got != wantDecl {
			t.Errorf("DeclAt(%s) = %v, want %v", where, describeDecl(fset, got), describeDecl(fset, wantDecl))
		}
		if got := typesutil.FuncDeclAt(files, pos); got != wantFunc {
			t.Errorf("FuncDeclAt(%s) = %v, want %v", where, describeDecl(fset, got), describeDecl(fset, wantFunc))
		}
	}
	if got := typesutil.DeclAt(files, token.NoPos); got != nil {
		t.Errorf("DeclAt(NoPos) = %v, want nil", describeDecl(fset, got))
	}
}

func describeDecl(fset *token.FileSet, n ast.Node) string {
	if n == nil || n == (*ast.FuncDecl)(nil) {
		return "nil"
	}
	return fmtNode(n, fset.Position(n.Pos()))
}
