package typesutil_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"sync"
	"testing"

	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/ast/inspector"
)

const funcsSrc = `package p

func A() { f := func() { g := func() {}; g() }; f() }

var h = func() int { return 1 }

func (T) M() {}

type T struct{}

func G[X any](x X) X { return x }

func Decl()
`

// TestFuncs checks every answer of the index against a walk of the
// syntax: each declaration and body maps to the cursor of that very node,
// and each function with a body to its declaration.
func TestFuncs(t *testing.T) {
	fset, file, info := check(t, funcsSrc)
	x := typesutil.NewFuncs(info, inspector.New([]*ast.File{file}))

	// Asked concurrently, as the checks of a package may (run with -race).
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			var bodies []*ast.BlockStmt
			ast.Inspect(file, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncDecl:
					if n.Body != nil {
						bodies = append(bodies, n.Body)
					}
				case *ast.FuncLit:
					bodies = append(bodies, n.Body)
				}
				return true
			})
			if len(bodies) != 6 {
				t.Errorf("%d bodies in the source, want 6", len(bodies))
			}
			for _, b := range bodies {
				if got := x.Body(b).Node(); got != b {
					t.Errorf("Body(%v) is the cursor of %T at %v", fset.Position(b.Pos()), got, got.Pos())
				}
			}
			for _, d := range file.Decls {
				if got := x.Decl(d).Node(); got != d {
					t.Errorf("Decl(%v) is the cursor of %T", fset.Position(d.Pos()), got)
				}
			}
		})
	}
	wg.Wait()

	var names []string
	for fn, fd := range x.All() {
		names = append(names, fd.Name.Name)
		if fn != info.Defs[fd.Name] {
			t.Errorf("All yields %v with the declaration of %s", fn, fd.Name.Name)
		}
		if got := x.FuncDecl(fn); got != fd {
			t.Errorf("FuncDecl(%v) = %v, want its declaration", fn, got)
		}
	}
	if diff := cmp.Diff([]string{"A", "M", "G"}, names); diff != "" {
		t.Errorf("All (source order, with a body) (-want +got):\n%s", diff)
	}
	if got := len(x.FuncDecls()); got != len(names) {
		t.Errorf("%d FuncDecls, want %d", got, len(names))
	}
	decl := info.Defs[file.Decls[len(file.Decls)-1].(*ast.FuncDecl).Name].(*types.Func)
	if got := x.FuncDecl(decl); got != nil {
		t.Errorf("FuncDecl(%v) = %v, want nil for a function without a body", decl, got)
	}
	if got := x.Body(&ast.BlockStmt{}); got != (inspector.Cursor{}) {
		t.Errorf("Body of a foreign block = %T, want the zero Cursor", got.Node())
	}
}

// TestNonTestFiles checks that the _test.go files, and only they, are left
// out, in the files' order.
func TestNonTestFiles(t *testing.T) {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range []string{"a.go", "a_test.go", "b.go", "test.go", "b_test.go"} {
		f, err := parser.ParseFile(fset, name, "package p", 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	var got []string
	for cur := range typesutil.NonTestFiles(fset, inspector.New(files)) {
		got = append(got, fset.File(cur.Node().Pos()).Name())
	}
	if diff := cmp.Diff([]string{"a.go", "b.go", "test.go"}, got); diff != "" {
		t.Errorf("NonTestFiles (-want +got):\n%s", diff)
	}
}
