package typesutil_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
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
// returns its file set, syntax, definitions and selections.
func check(t *testing.T, src string) (*token.FileSet, *ast.File, *types.Info) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
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

// TestIsFieldOf asks, of every selection of a package, whether it is the
// field F that struct S declares (or Gen's F): reached on a value, a
// pointer, an alias and through embedding, but not another struct's F, a
// field of the same name that shadows it, another field or a method.
func TestIsFieldOf(t *testing.T) {
	const src = `package p

type S struct{ F, G int }

func (S) M() {}

type R struct{ F int }

type Embeds struct{ S }

type EmbedsPtr struct{ *S }

type Deep struct{ Embeds }

type Shadows struct {
	S
	F string
}

type Gen[T any] struct{ F T }

type Alias = S

func use(s S, ps *S, r R, e Embeds, ep EmbedsPtr, d Deep, sh Shadows, g Gen[int], a Alias) {
	_, _, _, _, _, _ = s.F, ps.F, r.F, e.F, ep.F, d.F
	_, _, _, _, _, _ = sh.F, sh.S.F, g.F, a.F, s.G, s.M
}
`
	_, f, info := check(t, src)
	got := map[string]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		s := info.Selections[sel]
		var of []string
		for _, typ := range []string{"S", "Gen", "R"} {
			for _, field := range []string{"F", "M"} {
				if typesutil.IsFieldOf(s, "p", typ, field) {
					of = append(of, typ+"."+field)
				}
			}
		}
		if typesutil.IsFieldOf(s, "q", "S", "F") {
			of = append(of, "q.S.F")
		}
		got[types.ExprString(sel)] = strings.Join(of, ",")
		return true
	})
	want := map[string]string{
		"s.F": "S.F", "ps.F": "S.F", "e.F": "S.F", "ep.F": "S.F", "d.F": "S.F", "sh.S.F": "S.F", "a.F": "S.F",
		"r.F": "R.F", "g.F": "Gen.F",
		"sh.F": "", "sh.S": "", "s.G": "", "s.M": "",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("IsFieldOf (-want +got):\n%s", diff)
	}
}
