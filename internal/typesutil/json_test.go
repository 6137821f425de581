package typesutil

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestJSONFields(t *testing.T) {
	const src = `package p

type Cursor struct {
	NextCursor *string ` + "`json:\"next_cursor\"`" + `
	Items      []int   ` + "`json:\"hidden_by_outer\"`" + `
}

type Page struct {
	*Cursor
	Items    []string ` + "`json:\"items,omitempty\"`" + `
	Count    int
	Secret   string ` + "`json:\"-\"`" + `
	internal int
	Named    Cursor ` + "`json:\"named\"`" + `
	Empty    string ` + "`json:\",omitempty\"`" + `
	Outer    string ` + "`json:\"hidden_by_outer\"`" + `
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	st := pkg.Scope().Lookup("Page").Type().Underlying().(*types.Struct)
	got := map[string]string{}
	for name, v := range JSONFields(st) {
		got[name] = v.Name()
	}
	want := map[string]string{
		"next_cursor":     "NextCursor",
		"items":           "Items",
		"count":           "Count",
		"named":           "Named",
		"empty":           "Empty",
		"hidden_by_outer": "Outer",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("JSONFields (-want +got):\n%s", diff)
	}
}
