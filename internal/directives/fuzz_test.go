package directives

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/internal/checks"
	"golang.org/x/tools/go/analysis"
)

// FuzzParse feeds arbitrary directive text to the parser, once on a line
// of its own above a statement, once at the end of a line, and once in a
// function's doc comment, and checks what every result must satisfy: the
// parser does not panic; a suppression names only known checks and has a
// reason; every directive yields a suppression, a teaching, or a problem
// (never silence); a teaching directive in a doc comment is never
// "misplaced"; positions stay inside the file.
//
//	go test -fuzz FuzzParse ./internal/directives/
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"ignore idempotencykey the sandbox replays this fixture",
		"ignore idempotencykey,ratelimit reason // see #12",
		"file-ignore hardcodedsecret fixtures",
		"ignore",
		"ignore nosuchcheck reason",
		"ignore hardcodedsecret",
		"random",
		"random\t// taught",
		"client",
		"retries429 extra words",
		"unknownverb",
		"",
		"ignore\tratelimit\treason",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if strings.ContainsAny(text, "\n\r") || strings.Contains(text, "*/") || !isUTF8(text) {
			return // a line comment cannot hold them
		}
		comment := Prefix + text
		src := "package p\n\n" + comment + "\nfunc f() {\n\t" + comment + "\n\t_ = 1 " + comment + "\n}\n"
		x, fset, file := parseWith(t, src)
		if x == nil {
			return // the comment ended the file early: not Go
		}
		for _, s := range x.Suppressions {
			if s.Reason == "" || len(s.Checks) == 0 {
				t.Errorf("%q: suppression without reason or checks: %+v", text, s)
			}
			for _, c := range s.Checks {
				if !checks.Known(c) {
					t.Errorf("%q: suppression names unknown check %q", text, c)
				}
			}
		}
		for _, p := range x.Problems {
			if p.Pos < file.Pos() || p.End > file.End() || p.Pos > p.End {
				t.Errorf("%q: problem %q at %v..%v outside the file", text, p.Message, fset.Position(p.Pos), fset.Position(p.End))
			}
			if p.Message == "" || !slices.Contains([]string{"malformed", "unknown-check", "missing-reason", "misplaced"}, p.Kind) {
				t.Errorf("%q: problem %+v", text, p)
			}
		}
		verb, _ := split(comment)
		switch verb {
		case VerbIgnore, VerbFileIgnore:
			// Three directives: each a suppression or a problem.
			if n := len(x.Suppressions) + len(x.Problems); n != 3 {
				t.Errorf("%q: %d suppressions and problems for 3 directives", text, n)
			}
		case VerbClient, VerbRetries429, VerbRandom:
			if len(x.Teaching) != 1 {
				t.Errorf("%q: the doc comment taught %d declarations, want 1", text, len(x.Teaching))
			}
			// The two in the body are misplaced; the doc comment's is not.
			if len(x.Problems) != 2 {
				t.Errorf("%q: %d problems, want 2 (the misplaced ones): %+v", text, len(x.Problems), x.Problems)
			}
		default:
			if len(x.Problems) != 3 {
				t.Errorf("%q (verb %q): %d problems, want 3", text, verb, len(x.Problems))
			}
		}
	})
}

func isUTF8(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// parseWith runs the directive parser over one file of source; nil when
// the source does not parse.
func parseWith(t *testing.T, src string) (*Index, *token.FileSet, *ast.File) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		return nil, nil, nil
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
	pkg, _ := (&types.Config{Error: func(error) {}}).Check("p", fset, []*ast.File{file}, info)
	pass := &analysis.Pass{
		Fset:      fset,
		Files:     []*ast.File{file},
		Pkg:       pkg,
		TypesInfo: info,
		ReadFile: func(name string) ([]byte, error) {
			if name == "p.go" {
				return []byte(src), nil
			}
			return os.ReadFile(name)
		},
	}
	x, err := run(pass)
	if err != nil {
		t.Fatal(err)
	}
	return x.(*Index), fset, file
}
