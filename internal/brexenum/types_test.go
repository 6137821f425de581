package brexenum_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/brexlint/brexlint/internal/brexenum"
	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/ast/inspector"
)

// check type-checks the sources of package "dep" and then "p" (which may
// import "dep" and the standard library).
func check(t *testing.T, dep, src string) (*token.FileSet, *types.Package, *types.Info, *ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	std := importer.Default()
	var depPkg *types.Package
	if dep != "" {
		f, err := parser.ParseFile(fset, "dep.go", dep, 0)
		if err != nil {
			t.Fatal(err)
		}
		depPkg, err = (&types.Config{Importer: std}).Check("dep", fset, []*ast.File{f}, nil)
		if err != nil {
			t.Fatal(err)
		}
	}
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{},
		Defs:  map[*ast.Ident]types.Object{},
		Uses:  map[*ast.Ident]types.Object{},
	}
	imp := importerFunc(func(path string) (*types.Package, error) {
		if path == "dep" && depPkg != nil {
			return depPkg, nil
		}
		return std.Import(path)
	})
	pkg, err := (&types.Config{Importer: imp}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return fset, pkg, info, f
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func TestTypesOf(t *testing.T) {
	const dep = `package dep
type Status string
const (
	Processing Status = "PROCESSING"
	Processed  Status = "PROCESSED"
	failed     Status = "FAILED" // unexported: not counted from another package
)
type Both string
const (
	A Both = "ACTIVE"
	I Both = "INACTIVE"
)
`
	const src = `package p
import "dep"
type Own string
const (
	Red  Own = "RED"
	Blue Own = "BLUE"
)
type card string
const (
	active card = "ACTIVE"
	locked card = "LOCKED"
	shipped card = "SHIPPED"
)
type one string
const only one = "PROCESSED"
type num int
var (
	s  dep.Status
	b  dep.Both
	o  Own
	c  *card
	x  one
	n  num
	al = s
)
func f() {
	type local string
	const (
		l1 local = "PENDING_APPROVAL"
		l2 local = "SCHEDULED"
	)
	var lv local
	_ = lv
}
`
	_, pkg, info, file := check(t, dep, src)
	ts := brexenum.NewTypes(pkg)
	type got struct {
		Values []string
		Enum   string
		Brex   bool
	}
	describe := func(typ types.Type) *got {
		r := ts.Of(typ)
		if r == nil {
			return nil
		}
		g := &got{Values: r.Values, Brex: r.Brex()}
		if r.Enum != nil {
			g.Enum = r.Enum.Name()
		}
		return g
	}
	lookup := func(name string) types.Type { return pkg.Scope().Lookup(name).Type() }
	var local types.Type
	ast.Inspect(file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == "lv" {
			if obj := info.Defs[id]; obj != nil {
				local = obj.Type()
			}
		}
		return true
	})
	tests := []struct {
		name string
		typ  types.Type
		want *got
	}{
		{"imported type: exported constants only", lookup("s"), &got{Values: []string{"PROCESSED", "PROCESSING"}, Enum: "TransferStatus", Brex: true}},
		{"ambiguous set", lookup("b"), &got{Values: []string{"ACTIVE", "INACTIVE"}}},
		{"own enum", lookup("o"), &got{Values: []string{"BLUE", "RED"}}},
		{"pointer, unexported constants of this package", lookup("c"), &got{Values: []string{"ACTIVE", "LOCKED", "SHIPPED"}, Enum: "CardStatus", Brex: true}},
		{"one constant", lookup("x"), &got{Values: []string{"PROCESSED"}}},
		{"local type", local, &got{Values: []string{"PENDING_APPROVAL", "SCHEDULED"}, Enum: "TransferStatus", Brex: true}},
		{"not a string", lookup("n"), nil},
		{"plain string", types.Typ[types.String], nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, describe(tt.typ)); diff != "" {
			t.Errorf("%s: Of mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestFailures(t *testing.T) {
	const src = `package p
import (
	"errors"
	"fmt"
	"log"
	"os"
)
var ErrUnknown = errors.New("unknown")
type statusError struct{ s string }
func (e *statusError) Error() string { return e.s }
type codeError string
func (e codeError) Error() string { return string(e) }
func newErr(s string) error { return &statusError{s} }
func wrapErr(s string) error { return fmt.Errorf("wrap: %w", newErr(s)) }
func maybe(s string) error {
	if s == "" {
		return nil
	}
	return ErrUnknown
}
func f(s string, prev error) (int, error) {
	switch s {
	case "a":
		return 0, errors.New("x")
	case "b":
		return 0, fmt.Errorf("x %s", s)
	case "c":
		return 0, ErrUnknown
	case "d":
		return 0, &statusError{s}
	case "e":
		return 0, codeError("e")
	case "f":
		return 0, newErr(s)
	case "g":
		return 0, wrapErr(s)
	case "h":
		return 0, maybe(s)
	case "i":
		return 0, prev
	case "j":
		return 0, nil
	case "k":
		panic(s)
	case "l":
		log.Fatalf("%s", s)
	case "m":
		os.Exit(1)
	case "n":
		fmt.Println(s)
	case "o":
		var l *log.Logger
		l.Panicln(s)
	}
	return 1, nil
}
`
	_, pkg, info, file := check(t, "", src)
	fl := brexenum.NewFailures(info, pkg, typesutil.NewFuncs(info, inspector.New([]*ast.File{file})))
	sig := pkg.Scope().Lookup("f").Type().(*types.Signature)
	got := map[string]string{}
	ast.Inspect(file, func(n ast.Node) bool {
		cc, ok := n.(*ast.CaseClause)
		if !ok {
			return true
		}
		label := fmt.Sprint(info.Types[cc.List[0]].Value)
		what, fatal := fl.Fatal(sig, cc.Body[len(cc.Body)-1])
		if !fatal {
			what = "-"
		}
		got[label] = what
		return true
	})
	want := map[string]string{
		`"a"`: "an error return", `"b"`: "an error return", `"c"`: "an error return",
		`"d"`: "an error return", `"e"`: "an error return", `"f"`: "an error return",
		`"g"`: "an error return", `"h"`: "-", `"i"`: "-", `"j"`: "-",
		`"k"`: "panic", `"l"`: "log.Fatalf", `"m"`: "os.Exit", `"n"`: "-", `"o"`: "log.Panicln",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Fatal mismatch (-want +got):\n%s", diff)
	}

}

func TestTerminates(t *testing.T) {
	const src = `package p
func f(ss []string) {
outer:
	for _, s := range ss {
	sw:
		switch s {
		case "a":
			return
		case "b":
			continue
		case "c":
			break outer
		case "d":
			break sw
		case "e":
			break
		case "f":
			panic(s)
		case "g":
			{
				return
			}
		case "h":
		}
	}
}
`
	_, _, info, file := check(t, "", src)
	var self *types.Label
	got := map[string]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.LabeledStmt:
			if n.Label.Name == "sw" {
				self = info.Defs[n.Label].(*types.Label)
			}
		case *ast.CaseClause:
			got[fmt.Sprint(info.Types[n.List[0]].Value)] = brexenum.Terminates(info, n.Body, self)
		}
		return true
	})
	want := map[string]bool{`"a"`: true, `"b"`: true, `"c"`: true, `"d"`: false, `"e"`: false, `"f"`: true, `"g"`: true, `"h"`: false}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Terminates mismatch (-want +got):\n%s", diff)
	}
}
