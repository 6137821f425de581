package typesutil_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/google/go-cmp/cmp"
)

func TestIsLocalVar(t *testing.T) {
	const src = `package p

var global int

type T struct{ field int }

func F(param int) (result int) {
	local := param
	for i := range local {
		_ = i
	}
	return
}
`
	_, _, info := check(t, src)
	got := map[string]bool{}
	for id, obj := range info.Defs {
		if v, ok := obj.(*types.Var); ok {
			got[id.Name] = typesutil.IsLocalVar(v)
		}
	}
	want := map[string]bool{"global": false, "field": false, "param": true, "result": true, "local": true, "i": true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("IsLocalVar (-want +got):\n%s", diff)
	}
}

// check parses and type-checks src, the file p.go of package p, and
// returns its file set, syntax and definitions.
func check(t *testing.T, src string) (*token.FileSet, *ast.File, *types.Info) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	return fset, f, info
}

func TestExprCode(t *testing.T) {
	for src, want := range map[string]string{
		`resp.Balance.Amount`:                      `resp.Balance.Amount`,
		`byAccount["bxt_4fT9xQzz"].Balance.Amount`: `byAccount["…"].Balance.Amount`,
		"get(ctx, `sk_live_123`, 2).Items[i]":      `get(ctx, "…", 2).Items[i]`,
		`pages[key].Items`:                         `pages[key].Items`,
	} {
		e, err := parser.ParseExpr(src)
		if err != nil {
			t.Fatal(err)
		}
		if got := typesutil.ExprCode(e); got != want {
			t.Errorf("ExprCode(%s) = %s, want %s", src, got, want)
		}
	}
}
