package driver

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPurgeBodies(t *testing.T) {
	const src = `package p

import (
	"fmt"
	"strings"
	mrand "math/rand/v2"
	"io"
	"errors"
	"bytes"
)

var W io.Writer

// Tables lose their elements, not their types; an import used only there
// goes blank.
var table = map[string]error{"a": errors.New("a"), "b": errors.New("b")}

var ranges = &struct{ R []int }{R: []int{1, 2, 3}}

// An [...] array keeps its elements: they are its length.
var sized = [...]string{"x", "y"}

var hook = func(b []byte) int { return bytes.Count(b, nil) }

func init() { fmt.Println("x") }

func F(s string) string { return strings.ToUpper(s) + fmt.Sprint(mrand.N(3)) }

func G[T any](x T) T { return x }

type L[T any] struct{ x T }

func (l *L[T]) Get() T { return l.x }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	if !purgeBodies(f) {
		t.Fatal("purgeBodies refused a file whose imports are all accounted for")
	}
	var names []string
	for _, imp := range f.Imports {
		name := imp.Path.Value
		if imp.Name != nil {
			name = imp.Name.Name + " " + name
		}
		names = append(names, name)
	}
	// Only io is used outside the bodies.
	want := []string{`_ "fmt"`, `_ "strings"`, `_ "math/rand/v2"`, `"io"`, `_ "errors"`, `_ "bytes"`}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("imports (-want +got):\n%s", diff)
	}
	// What remains type-checks: no unused import, no generic function
	// without a body, no init without one.
	// Fake imports; io.Writer must resolve.
	var conf types.Config
	conf.Importer = importerFunc(func(path string) (*types.Package, error) {
		p := types.NewPackage(path, guessName(&ast.ImportSpec{Path: &ast.BasicLit{Value: `"` + path + `"`}}))
		if path == "io" {
			p.Scope().Insert(types.NewTypeName(token.NoPos, p, "Writer", types.NewInterfaceType(nil, nil)))
		}
		p.MarkComplete()
		return p, nil
	})
	pkg, err := conf.Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatalf("the purged file does not type-check: %v", err)
	}
	// The variables keep their types; the array its length.
	types := map[string]string{}
	for _, name := range []string{"table", "ranges", "sized", "hook"} {
		types[name] = pkg.Scope().Lookup(name).Type().String()
	}
	wantTypes := map[string]string{
		"table":  "map[string]error",
		"ranges": "*struct{R []int}",
		"sized":  "[2]string",
		"hook":   "func(b []byte) int",
	}
	if diff := cmp.Diff(wantTypes, types); diff != "" {
		t.Errorf("types of the purged variables (-want +got):\n%s", diff)
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "F" && fd.Body != nil {
			t.Error("F kept its body")
		}
	}
}

func TestPurgeBodiesRefuses(t *testing.T) {
	for _, src := range []string{
		"package p\n\nimport . \"strings\"\n\nfunc F() string { return ToUpper(\"x\") }\n",
		// The package's name is not its path's last element.
		"package p\n\nimport \"example.com/go-yaml\"\n\nfunc F() { yaml.Marshal(nil) }\n",
	} {
		f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		if purgeBodies(f) {
			t.Errorf("purgeBodies accepted\n%s", src)
		}
	}
}

func TestGuessName(t *testing.T) {
	for path, want := range map[string]string{
		"fmt": "fmt", "math/rand/v2": "rand", "net/http": "http", "vendor/golang.org/x/net/http2/hpack": "hpack", "v2": "v2",
	} {
		if got := guessName(&ast.ImportSpec{Path: &ast.BasicLit{Value: `"` + path + `"`}}); got != want {
			t.Errorf("guessName(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestNeedsBodies(t *testing.T) {
	for src, want := range map[string]bool{
		"package c\n\nimport \"net/http\"\n":                     true, // a wrapper or sender may live here
		"package c\n\n// Client talks to the BREX API.\n":        true,
		"package c\n\nimport \"golang.org/x/oauth2\"\n":          true,
		"package c\n\n//brexlint:client\nfunc Do() {}\n":         true,
		"package yaml\n\nimport \"strings\"\n\nfunc F() {}\n":    false,
		"package ids\n\nimport \"crypto/rand\"\n\nfunc K() {}\n": false, // a documented miss: no value fact
		"package c\n\n// OAuth":                                  true,  // the word last in the file
		"package c\n\n// BrEx":                                   true,
		"package c\n\n// Bre":                                    false, // cut short at the end
		"package c\n\n// Break, bread and Oats\n":                false,
	} {
		if got := needsBodies([]byte(src)); got != want {
			t.Errorf("needsBodies(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestMatchPattern(t *testing.T) {
	for _, tc := range []struct {
		pat, path string
		want      bool
	}{
		{"example.com/m/...", "example.com/m", true},
		{"example.com/m/...", "example.com/m/a/b", true},
		{"example.com/m/...", "example.com/m1", false},
		{"example.com/m/...", "example.com/m1/a", false},
		{"example.com/m...", "example.com/m1/a", true},
		{"example.com/.../b", "example.com/x/y/b", true},
		{"example.com/.../b", "example.com/x/y/c", false},
	} {
		if got := matchPattern(tc.pat)(tc.path); got != tc.want {
			t.Errorf("matchPattern(%q)(%q) = %v, want %v", tc.pat, tc.path, got, tc.want)
		}
	}
}

// TestContainsFold compares containsFold with lowering the whole text, on
// texts made of the letters of the words in both cases.
func TestContainsFold(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const letters = "bBrReExXoOaAuUtThH _"
	for range 20000 {
		src := make([]byte, rng.IntN(12))
		for i := range src {
			src[i] = letters[rng.IntN(len(letters))]
		}
		for _, word := range []string{"brex", "oauth"} {
			if got, want := containsFold(src, word), bytes.Contains(bytes.ToLower(src), []byte(word)); got != want {
				t.Fatalf("containsFold(%q, %q) = %v, want %v", src, word, got, want)
			}
		}
	}
}
