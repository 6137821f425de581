// Package directives parses brexlint's source directives and applies the
// suppression ones on behalf of every check.
//
// Two kinds of directive exist. Suppression directives silence findings:
//
//	//brexlint:ignore CHECK[,CHECK] reason       (this line, or the next when alone on its line)
//	//brexlint:file-ignore CHECK[,CHECK] reason  (the whole file)
//
// Teaching directives tell the analysis what it cannot infer; they stand in
// the doc comment of a function or type declaration:
//
//	//brexlint:client      this function or type talks to Brex
//	//brexlint:retries429  this client, transport or helper retries HTTP 429
//	//brexlint:random      this function returns unpredictable values
//
// Directives are applied by each analyzer itself (through [Reporter]) rather
// than by a driver, so that they behave the same under brexlint, go vet,
// golangci-lint and nogo. Analyzers cannot read configuration files under
// every driver: source directives and analyzer flags are the configuration
// that works everywhere.
//
// The parsing is done once per package by [Analyzer], whose result every
// check requires; the directive check reports the malformed directives.
package directives

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"unicode"

	"github.com/brexlint/brexlint/internal/checks"
	"golang.org/x/tools/go/analysis"
)

// Prefix starts every brexlint directive. Like Go's own directives it has no
// space after the slashes; "// brexlint:ignore" is an ordinary comment.
const Prefix = "//brexlint:"

// Verbs of the directives.
const (
	VerbIgnore     = "ignore"
	VerbFileIgnore = "file-ignore"
	VerbClient     = "client"
	VerbRetries429 = "retries429"
	VerbRandom     = "random"
)

// Teaching is a set of teaching directives attached to one declaration.
type Teaching uint8

// The teaching directives.
const (
	Client     Teaching = 1 << iota // //brexlint:client
	Retries429                      // //brexlint:retries429
	Random                          // //brexlint:random
)

// Suppression is one parsed //brexlint:ignore or //brexlint:file-ignore.
type Suppression struct {
	Pos    token.Pos // of the comment
	File   string    // file name, as the FileSet knows it
	Line   int       // line of the comment
	Lines  [2]int    // the lines it covers (inclusive); zero for file-ignore
	Whole  bool      // file-ignore
	Checks []string
	Reason string
}

// Covers reports whether the suppression silences check at the given line of
// its file.
func (s *Suppression) Covers(check string, line int) bool {
	if !slices.Contains(s.Checks, check) {
		return false
	}
	return s.Whole || (s.Lines[0] <= line && line <= s.Lines[1])
}

// Problem is a malformed directive, reported by the directive check.
type Problem struct {
	Pos     token.Pos
	End     token.Pos
	Kind    string // category suffix: "malformed", "unknown-check", "missing-reason", "misplaced"
	Message string
}

// Index is the result of [Analyzer]: every directive of one package.
type Index struct {
	Suppressions []*Suppression
	// Teaching maps a declared function, method or type name to the teaching
	// directives in its doc comment.
	Teaching map[types.Object]Teaching
	Problems []Problem

	// skip holds, per file, position ranges that get no findings at all:
	// generated files and Example functions.
	skip map[*token.File][]posRange
}

type posRange struct{ from, to token.Pos }

// Skipped reports whether findings at pos are dropped whatever the check:
// in generated files, and in Example functions of test files.
func (x *Index) Skipped(fset *token.FileSet, pos token.Pos) bool {
	tf := fset.File(pos)
	for _, r := range x.skip[tf] {
		if r.from <= pos && pos <= r.to {
			return true
		}
	}
	return false
}

// Analyzer parses the directives of a package. It reports nothing itself.
var Analyzer = &analysis.Analyzer{
	Name:             "brexlintdirectives",
	Doc:              "parses //brexlint: directives for the other brexlint analyzers",
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Index](),
}

func run(pass *analysis.Pass) (any, error) {
	x := &Index{Teaching: map[types.Object]Teaching{}, skip: map[*token.File][]posRange{}}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		if Generated(pass.Fset, f) {
			x.skip[tf] = append(x.skip[tf], posRange{token.Pos(tf.Base()), token.Pos(tf.Base() + tf.Size())})
		}
		isTest := strings.HasSuffix(tf.Name(), "_test.go")
		placed := map[*ast.Comment]bool{}
		for _, decl := range f.Decls {
			if isTest {
				if fd, ok := decl.(*ast.FuncDecl); ok && fd.Recv == nil && strings.HasPrefix(fd.Name.Name, "Example") {
					x.skip[tf] = append(x.skip[tf], posRange{fd.Pos(), fd.End()})
				}
			}
			x.collectTeaching(pass, decl, placed)
		}
		var src []byte // read lazily, only for files that hold a suppression
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if !strings.HasPrefix(c.Text, Prefix) {
					continue
				}
				verb, rest := split(c.Text)
				switch verb {
				case VerbIgnore, VerbFileIgnore:
					if src == nil {
						src, _ = pass.ReadFile(tf.Name())
					}
					x.parseSuppression(pass.Fset, tf, src, c, verb, rest)
				case VerbClient, VerbRetries429, VerbRandom:
					if !placed[c] {
						x.problem(c, "misplaced", checks.Message(fmt.Sprintf("//brexlint:%s must be in the doc comment of a function, method or type declaration", verb),
							"brexlint ignores it here", "move it into one"))
					}
				default:
					x.problem(c, "malformed", checks.Message(fmt.Sprintf("unknown directive //brexlint:%s (known: ignore, file-ignore, client, retries429, random)", verb),
						"brexlint ignores it", "correct its spelling"))
				}
			}
		}
	}
	return x, nil
}

// Generated reports whether f is generated code in brexlint's sense: a
// file that says it is generated (ast.IsGenerated), except cmd/cgo's
// translation of a file the user wrote (see cgoTranslation). Checks are
// quiet in generated files, and the Brex model judges a generated
// client's operations at their callers.
func Generated(fset *token.FileSet, f *ast.File) bool {
	return ast.IsGenerated(f) && !cgoTranslation(fset, f)
}

// cgoTranslation reports whether f is cmd/cgo's translation of a file the
// user wrote: the checker analyzes a cgo package through these files, which
// say "Code generated by cmd/cgo" but hold the user's code, with //line
// directives back to it. Their findings are the user's, at the original
// positions; cgo's own glue (_cgo_gotypes.go) maps to no Go file.
func cgoTranslation(fset *token.FileSet, f *ast.File) bool {
	if len(f.Comments) == 0 || !strings.Contains(f.Comments[0].Text(), "Code generated by cmd/cgo") {
		return false
	}
	orig := fset.Position(f.Package).Filename
	return orig != fset.PositionFor(f.Package, false).Filename && strings.HasSuffix(orig, ".go")
}

// split returns the verb and the rest of the directive comment text
// (which starts with Prefix). A "//" inside the directive starts a comment
// on the directive ("//brexlint:ignore x reason // see #12"), as it does
// for Go's own directives in test data; any white space separates the verb.
func split(text string) (verb, rest string) {
	text = strings.TrimPrefix(text, Prefix)
	text, _, _ = strings.Cut(text, "//")
	text = strings.TrimSpace(text)
	i := strings.IndexFunc(text, unicode.IsSpace)
	if i < 0 {
		return text, ""
	}
	return text[:i], strings.TrimSpace(text[i:])
}

// problem records a problem with the directive c; msg is a finding's
// message ([checks.Message]).
func (x *Index) problem(c *ast.Comment, kind, msg string) {
	x.Problems = append(x.Problems, Problem{Pos: c.Pos(), End: c.End(), Kind: kind, Message: msg})
}

func (x *Index) parseSuppression(fset *token.FileSet, tf *token.File, src []byte, c *ast.Comment, verb, rest string) {
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		x.problem(c, "malformed", checks.Message(fmt.Sprintf("//brexlint:%s names no check", verb),
			"it silences nothing", fmt.Sprintf("write //brexlint:%s CHECK[,CHECK] reason", verb)))
		return
	}
	names := strings.Split(fields[0], ",")
	for _, n := range names {
		if !checks.Known(n) {
			x.problem(c, "unknown-check", checks.Message(fmt.Sprintf("//brexlint:%s names unknown check %q", verb, n),
				"it silences nothing under that name", "use a check that brexlint help lists"))
			return
		}
	}
	reason := strings.TrimSpace(strings.Join(fields[1:], " "))
	if reason == "" {
		x.problem(c, "missing-reason", checks.Message(fmt.Sprintf("//brexlint:%s %s needs a reason", verb, fields[0]),
			"a reviewer cannot tell why the finding does not apply", "say why after the check names"))
		return
	}
	line := tf.Line(c.Pos())
	s := &Suppression{Pos: c.Pos(), File: tf.Name(), Line: line, Checks: names, Reason: reason}
	if verb == VerbFileIgnore {
		s.Whole = true
	} else if ownLine(tf, src, c.Pos()) {
		s.Lines = [2]int{line, line + 1}
	} else {
		s.Lines = [2]int{line, line}
	}
	x.Suppressions = append(x.Suppressions, s)
}

// ownLine reports whether only blanks precede the comment at pos on its line,
// so that the directive speaks of the next line. Without the source it
// assumes so, which widens the directive by one line rather than losing it.
func ownLine(tf *token.File, src []byte, pos token.Pos) bool {
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := tf.Offset(pos)
	if src == nil || end > len(src) || start > end {
		return true
	}
	return strings.TrimSpace(string(src[start:end])) == ""
}

// collectTeaching records the teaching directives in the doc comments of a
// function or type declaration.
func (x *Index) collectTeaching(pass *analysis.Pass, decl ast.Decl, placed map[*ast.Comment]bool) {
	add := func(doc *ast.CommentGroup, name *ast.Ident) {
		if doc == nil {
			return
		}
		var t Teaching
		for _, c := range doc.List {
			if !strings.HasPrefix(c.Text, Prefix) {
				continue
			}
			verb, _ := split(c.Text)
			switch verb {
			case VerbClient:
				t |= Client
			case VerbRetries429:
				t |= Retries429
			case VerbRandom:
				t |= Random
			default:
				continue
			}
			placed[c] = true
		}
		if t == 0 {
			return
		}
		if obj := pass.TypesInfo.Defs[name]; obj != nil {
			x.Teaching[obj] |= t
		}
	}
	switch d := decl.(type) {
	case *ast.FuncDecl:
		add(d.Doc, d.Name)
	case *ast.GenDecl:
		if d.Tok != token.TYPE {
			return
		}
		for _, spec := range d.Specs {
			ts := spec.(*ast.TypeSpec)
			doc := ts.Doc
			if doc == nil && len(d.Specs) == 1 {
				doc = d.Doc
			}
			add(doc, ts.Name)
		}
	}
}
