package urlfold

import (
	"fmt"
	"go/ast"
	"go/types"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/ast/inspector"
)

// FuzzFold builds concatenations and Sprintf calls of random literals, with
// and without a parameter whose value FoldWith supplies, and checks that
// the fold equals what the program computes at run time. Only explicit
// argument indexes and '*' widths may leave a hole (documented); every
// other result must be complete.
func FuzzFold(f *testing.F) {
	f.Add("%s/v1/transfers/%s", "https://api.brex.com", "tr_1", int64(3))
	f.Fuzz(func(t *testing.T, format, a, b string, n int64) {
		src := fmt.Sprintf(`package fz

import "fmt"

func check(v any) {}

func f(p string) {
	check(fmt.Sprintf(%[1]s, %[2]s, p, %[3]d))
	check(fmt.Sprintf(%[1]s, %[2]s, %[3]d))
	check(%[2]s + p + %[1]s)
	check(fmt.Sprintf(%[1]s, p))
	check(fmt.Sprintf(%[1]s+"/%%s/%%d", %[2]s+p, %[3]d))
}
`, strconv.Quote(format), strconv.Quote(a), n)
		want := []string{
			fmt.Sprintf(format, a, b, int(n)),
			fmt.Sprintf(format, a, int(n)),
			a + b + format,
			fmt.Sprintf(format, b),
			fmt.Sprintf(format+"/%s/%d", a+b, int(n)),
		}
		l, err := load(t, "fz", src, testImporter{})
		if err != nil {
			t.Fatalf("type check: %v\n%s", err, src)
		}
		var calls []*ast.CallExpr
		var param *types.Var
		ast.Inspect(l.files[0], func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "check" {
					calls = append(calls, n)
				}
			case *ast.FuncDecl:
				if n.Name.Name == "f" {
					param = l.info.Defs[n.Type.Params.List[0].Names[0]].(*types.Var)
				}
			}
			return true
		})
		sort.Slice(calls, func(i, j int) bool { return calls[i].Pos() < calls[j].Pos() })
		fo := New(l.info, l.files, typesutil.NewFuncs(l.info, inspector.New(l.files)), nil)
		mayHole := strings.ContainsAny(format, "[*")
		for i, call := range calls {
			v := fo.FoldWith(call.Args[0], map[*types.Var]Value{param: Lit(b)})
			checkNormal(t, v)
			got, ok := v.Complete()
			if !ok {
				if !mayHole || i == 2 {
					t.Errorf("case %d: fold %q has a hole; want %q", i, v, want[i])
				}
				continue
			}
			if got != want[i] {
				t.Errorf("case %d: fold = %q, want %q", i, got, want[i])
			}
		}
	})
}

// checkNormal checks Value's invariant: no empty literal, no two adjacent
// literals.
func checkNormal(t *testing.T, v Value) {
	t.Helper()
	for i, p := range v.Parts {
		if !p.Hole && p.Lit == "" {
			t.Errorf("empty literal in %#v", v)
		}
		if i > 0 && !p.Hole && !v.Parts[i-1].Hole {
			t.Errorf("adjacent literals in %#v", v)
		}
	}
}

// BenchmarkFold folds every check expression of testdata/cases.go.txt
// with a fresh Folder per iteration, so the per-function scans are
// included.
func BenchmarkFold(b *testing.B) {
	l := loadCases(b)
	exprs := checks(l)
	delete(exprs, "blowup")
	list := make([]ast.Expr, 0, len(exprs))
	for _, e := range exprs {
		list = append(list, e)
	}
	insp := inspector.New(l.files) // the package's, built once by inspect.Analyzer
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		f := New(l.info, l.files, typesutil.NewFuncs(l.info, insp), PackageVars(l.info, l.files, insp))
		for _, e := range list {
			f.Fold(e)
		}
	}
}

// FuzzHostPath checks Host and Path of a complete URL against net/url on
// the URLs both can read: an http(s) URL without user info, holes or
// percent-escapes, whose host net/url accepts. Path is the path without
// query or fragment ("/" when empty), a form brexapi.Lookup accepts.
//
//	go test -fuzz FuzzHostPath ./internal/urlfold/
func FuzzHostPath(f *testing.F) {
	for _, s := range []string{
		"https://api.brex.com/v1/transfers", "https://platform.brexapis.com", "http://localhost:8080/v2/cards?x=1#f",
		"https://api.brex.com/", "https://api.brex.com?x", "https://h/a//b/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := Lit(s)
		host, hok := v.Host()
		path, pok := v.Path()
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Opaque != "" || u.User != nil || u.Host == "" ||
			strings.ContainsAny(s, "%{}\\@ \t") || s != strings.ToValidUTF8(s, "") {
			return
		}
		if !hok || host != u.Host {
			t.Errorf("Lit(%q).Host() = %q, %v; net/url says %q", s, host, hok, u.Host)
		}
		want := u.Path
		if want == "" {
			want = "/"
		}
		if !pok || path != want {
			t.Errorf("Lit(%q).Path() = %q, %v; net/url says %q", s, path, pok, want)
		}
	})
}

// FuzzJoin checks that a join never claims a host or path that one of its
// sides does not have, except that an unset side (empty or one hole)
// yields to the other's host.
func FuzzJoin(f *testing.F) {
	f.Add("https://api.brex.com/v1/transfers", "https://api.brex.com/v1/transfers?cursor=x", false, true)
	f.Add("", "https://api.brex.com", true, false)
	f.Add("/v1/transfers", "/v2/users", false, false)
	f.Fuzz(func(t *testing.T, a, b string, holeA, holeB bool) {
		va, vb := Lit(a), Lit(b)
		if holeA {
			va = Concat(Hole(Env), va)
		}
		if holeB {
			vb = Concat(vb, Hole(Unknown))
		}
		j := Join(va, vb)
		if !Join(vb, va).equal(j) {
			t.Errorf("Join is not symmetric for %s, %s", va, vb)
		}
		for _, side := range []struct{ v, other Value }{{va, vb}, {vb, va}} {
			if side.v.unset() {
				continue
			}
			if h, ok := j.Host(); ok {
				if sh, sok := side.v.Host(); !sok || sh != h {
					t.Errorf("Join(%s, %s) has host %q, which %s has not", va, vb, h, side.v)
				}
			}
			if p, ok := j.Path(); ok {
				if sp, sok := side.v.Path(); !sok || sp != p {
					t.Errorf("Join(%s, %s) has path %q, which %s has not", va, vb, p, side.v)
				}
			}
		}
	})
}
