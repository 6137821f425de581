package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/packages"
)

// The streaming driver must run analyzers exactly as the checker of
// golang.org/x/tools does (analysistest runs brexlint's checks under the
// checker's rules): the same facts visible in the same packages, the same
// diagnostics, the same errors for broken packages and their importers.
// These tests run one suite of probing analyzers under both and compare.

// nameFact names the object or package it is about.
type nameFact struct{ Name string }

func (*nameFact) AFact()           {}
func (f *nameFact) String() string { return f.Name }

type pkgFact struct{ Name string }

func (*pkgFact) AFact() {}

// probe exports a fact on every object of its package that a fact can be
// about, reports at each use of another package's object whether it sees
// that object's fact, and reports at the package clause every object and
// package fact it sees.
var probe = &analysis.Analyzer{
	Name:      "probe",
	Doc:       "reports which facts each package sees",
	FactTypes: []analysis.Fact{new(nameFact), new(pkgFact)},
	// The inspector of a package is built while it is type-checked
	// (unit.inspector); the count of its calls shows it is the package's.
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		name := func(obj types.Object) string { return obj.Pkg().Path() + "." + obj.Name() }
		scope := pass.Pkg.Scope()
		export := func(obj types.Object) {
			if obj.Pkg() == pass.Pkg {
				pass.ExportObjectFact(obj, &nameFact{name(obj)})
			}
		}
		for _, n := range scope.Names() {
			obj := scope.Lookup(n)
			export(obj)
			if tn, ok := obj.(*types.TypeName); ok {
				if named, ok := tn.Type().(*types.Named); ok {
					for m := range named.Methods() {
						export(m)
					}
				}
				if st, ok := tn.Type().Underlying().(*types.Struct); ok {
					for fld := range st.Fields() {
						export(fld)
					}
				}
			}
		}
		pass.ExportPackageFact(&pkgFact{pass.Pkg.Path()})
		// In order of file name and offset, so that the JSON can be
		// compared: the file set's order of the files may differ.
		ids := slices.SortedFunc(maps.Keys(pass.TypesInfo.Uses), func(x, y *ast.Ident) int {
			px, py := pass.Fset.Position(x.Pos()), pass.Fset.Position(y.Pos())
			if px.Filename != py.Filename {
				return strings.Compare(px.Filename, py.Filename)
			}
			return px.Offset - py.Offset
		})
		for _, id := range ids {
			obj := pass.TypesInfo.Uses[id]
			if obj.Pkg() == nil || obj.Pkg() == pass.Pkg {
				continue
			}
			if _, ok := obj.(*types.PkgName); ok {
				continue
			}
			var f nameFact
			pass.Reportf(id.Pos(), "use of %s: fact %v", name(obj), pass.ImportObjectFact(obj, &f))
		}
		var all []string
		for _, f := range pass.AllObjectFacts() {
			all = append(all, f.Fact.(*nameFact).Name)
		}
		for _, f := range pass.AllPackageFacts() {
			all = append(all, "package "+f.Fact.(*pkgFact).Name)
		}
		slices.Sort(all)
		for file := range pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root().Children() {
			calls := 0
			for range file.Preorder((*ast.CallExpr)(nil)) {
				calls++
			}
			pass.Reportf(file.Node().(*ast.File).Package, "sees %s; %d calls", strings.Join(all, ", "), calls)
		}
		return nil, nil
	},
}

// requiresProbe fails where probe fails.
var requiresProbe = &analysis.Analyzer{
	Name:     "requiresprobe",
	Doc:      "reports each package whose probe ran",
	Requires: []*analysis.Analyzer{probe},
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			pass.Reportf(f.Package, "probe ran")
		}
		return nil, nil
	},
}

// despite runs on packages with errors too.
var despite = &analysis.Analyzer{
	Name:             "despite",
	Doc:              "counts files, even of broken packages",
	RunDespiteErrors: true,
	Run: func(pass *analysis.Pass) (any, error) {
		var names []string
		for _, f := range pass.Files {
			names = append(names, pass.Fset.File(f.Pos()).Name())
			pass.Reportf(f.Package, "analyzed with %d type errors", len(pass.TypeErrors))
		}
		if len(names) == 0 {
			return nil, nil
		}
		_, err := pass.ReadFile(names[0])
		_, errOther := pass.ReadFile("go.mod")
		if err != nil || errOther == nil {
			return nil, fmt.Errorf("ReadFile: own file: %v; another: %v", err, errOther)
		}
		return nil, nil
	},
}

var probes = []*analysis.Analyzer{probe, requiresProbe, despite}

// outcome is what a run says, as comparable lines.
func outcome(t *testing.T, acts []actionView) []string {
	t.Helper()
	var out []string
	for _, a := range acts {
		if a.err != nil {
			out = append(out, fmt.Sprintf("%s %s: error: %v", a.analyzer, a.pkg.ID, a.err))
			continue
		}
		if !a.root {
			continue
		}
		for _, d := range a.diags {
			out = append(out, fmt.Sprintf("%s %s: %s: %s", a.analyzer, a.pkg.ID, a.pkg.Fset.Position(d.Pos), d.Message))
		}
	}
	slices.Sort(out)
	return out
}

type actionView struct {
	analyzer string
	pkg      *packages.Package
	root     bool
	err      error
	diags    []analysis.Diagnostic
}

func TestStreamMatchesChecker(t *testing.T) {
	// Dependencies' bodies are dropped on purpose (see fileParser); the
	// checker, given go/packages' syntax, has them all.
	parseAll = true
	defer func() { parseAll = false }()
	for _, patterns := range [][]string{{"./..."}, {"./a"}, {"./e"}} {
		t.Run(strings.Join(patterns, " "), func(t *testing.T) {
			pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: "testdata/mod", Tests: true}, patterns...)
			if err != nil {
				t.Fatal(err)
			}
			graph, err := checker.Analyze(probes, pkgs, nil)
			if err != nil {
				t.Fatal(err)
			}
			// The deliberate differences: the test variant of a package
			// reports only in its test files (see stream.analyze), and a
			// test binary's generated main package is not analyzed (see
			// stream.graph).
			bases := variantBases(pkgs)
			var want []actionView
			for act := range graph.All() {
				if isTestMain(act.Package) {
					continue
				}
				diags := act.Diagnostics
				if base := bases[act.Package.ID]; base != nil {
					diags = slices.DeleteFunc(slices.Clone(diags), func(d analysis.Diagnostic) bool {
						return slices.Contains(base.CompiledGoFiles, act.Package.Fset.Position(d.Pos).Filename)
					})
				}
				want = append(want, actionView{act.Analyzer.Name, act.Package, act.IsRoot, act.Err, diags})
			}
			res, err := Run(probes, patterns, Options{Dir: "testdata/mod", Tests: true})
			if err != nil {
				t.Fatal(err)
			}
			var got []actionView
			for _, act := range res.Actions {
				got = append(got, actionView{act.Analyzer.Name, act.Package, act.IsRoot, act.Err, act.Diagnostics})
			}
			w, g := outcome(t, want), outcome(t, got)
			if diff := cmp.Diff(w, g); diff != "" {
				t.Errorf("streaming driver and checker differ (-checker +driver):\n%s", diff)
			}
			if len(w) < 3 {
				t.Errorf("the probes said almost nothing: %q", w)
			}
			var wantJSON, gotJSON bytes.Buffer
			if err := graph.PrintJSON(&wantJSON); err != nil {
				t.Fatal(err)
			}
			if err := res.PrintJSON(&gotJSON); err != nil {
				t.Fatal(err)
			}
			var wantTree, gotTree map[string]map[string]any
			if err := json.Unmarshal(wantJSON.Bytes(), &wantTree); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(gotJSON.Bytes(), &gotTree); err != nil {
				t.Fatal(err)
			}
			for id, base := range bases {
				for name, v := range wantTree[id] {
					diags, ok := v.([]any)
					if !ok {
						continue // an error
					}
					diags = slices.DeleteFunc(diags, func(d any) bool {
						file, _, _ := strings.Cut(d.(map[string]any)["posn"].(string), ":")
						return slices.Contains(base.CompiledGoFiles, file)
					})
					// The driver leaves out an analyzer without
					// findings, and a package without any.
					if len(diags) == 0 {
						delete(wantTree[id], name)
					} else {
						wantTree[id][name] = diags
					}
				}
				if len(wantTree[id]) == 0 {
					delete(wantTree, id)
				}
			}
			for _, p := range pkgs {
				if isTestMain(p) {
					delete(wantTree, p.ID)
				}
			}
			if diff := cmp.Diff(wantTree, gotTree); diff != "" {
				t.Errorf("-json differs (-checker +driver):\n%s", diff)
			}
		})
	}
}

// isTestMain reports whether p is the main package the go command
// generates for a test binary.
func isTestMain(p *packages.Package) bool {
	return p.Name == "main" && p.ID == p.PkgPath && strings.HasSuffix(p.ID, ".test")
}

// variantBases returns, by the ID of each test variant among pkgs whose
// package is among them too, that package.
func variantBases(pkgs []*packages.Package) map[string]*packages.Package {
	byID := map[string]*packages.Package{}
	for _, p := range pkgs {
		byID[p.ID] = p
	}
	out := map[string]*packages.Package{}
	for _, p := range pkgs {
		if v := byID[p.ID+" ["+p.PkgPath+".test]"]; p.ID == p.PkgPath && v != nil {
			out[v.ID] = p
		}
	}
	return out
}

// observer records the packages a run shows to Options.Observe, after
// check, if set, has looked at each.
type observer struct {
	mu    sync.Mutex
	ids   []string
	check func(*packages.Package, map[*analysis.Analyzer]any)
}

func (o *observer) observe(p *packages.Package, results map[*analysis.Analyzer]any) {
	if o.check != nil {
		o.check(p, results)
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.ids = append(o.ids, p.ID)
}

func (o *observer) sorted() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return slices.Sorted(slices.Values(o.ids))
}

// given reports at each file how many files the pass was given and how
// many its inspector holds.
var given = &analysis.Analyzer{
	Name:     "given",
	Doc:      "reports the files a pass is given",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		inspected := 0
		for range pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root().Children() {
			inspected++
		}
		for _, f := range pass.Files {
			pass.Reportf(f.Package, "given %d files, inspecting %d", len(pass.Files), inspected)
		}
		return nil, nil
	},
}

// TestStreamVariantTestFilesOnly: a package with in-package tests is
// analyzed in full, and its test variant over its test files alone, so
// that each file's findings come from one package: a.go's from a,
// a_test.go's from the variant. The variant of f does not type-check (its
// test has a type error), so only the analyzers that run despite errors
// run there. A test binary's generated main package is type-checked and
// not analyzed.
func TestStreamVariantTestFilesOnly(t *testing.T) {
	var obs observer
	res, err := Run(append(probes, given), []string{"./a", "./f"}, Options{Dir: "testdata/mod", Tests: true, Observe: obs.observe})
	if err != nil {
		t.Fatal(err)
	}
	ran := map[string][]string{}
	for _, act := range res.Actions {
		if act.IsRoot && act.Err == nil {
			ran[act.Package.ID] = append(ran[act.Package.ID], act.Analyzer.Name)
		}
	}
	for id := range ran {
		slices.Sort(ran[id])
	}
	all := []string{"despite", "given", "inspect", "probe", "requiresprobe"}
	want := map[string][]string{
		"example.com/mod/a":                          all,
		"example.com/mod/a [example.com/mod/a.test]": all,
		"example.com/mod/f":                          all,
		"example.com/mod/f [example.com/mod/f.test]": {"despite", "inspect"},
	}
	if diff := cmp.Diff(want, ran); diff != "" {
		t.Errorf("analyzers that ran without error, by package (-want +got):\n%s", diff)
	}
	mains := 0
	packages.Visit(res.Packages, nil, func(p *packages.Package) {
		if isTestMain(p) {
			mains++
			if p.Types == nil || !p.Types.Complete() {
				t.Errorf("%s was not type-checked", p.ID)
			}
		}
	})
	if mains != 2 {
		t.Errorf("%d test mains in the graph, want 2 (a's and f's)", mains)
	}
	// Every finding of every check, by file and package: the probe
	// reports a use in each file, and each analyzer its package clause.
	from := map[string][]string{}
	for _, d := range res.Diagnostics() {
		file := filepath.Base(d.Position.Filename)
		if !slices.Contains(from[file], d.Package.ID) {
			from[file] = append(from[file], d.Package.ID)
		}
	}
	wantFrom := map[string][]string{
		"a.go":      {"example.com/mod/a"},
		"a_test.go": {"example.com/mod/a [example.com/mod/a.test]"},
		"f.go":      {"example.com/mod/f"},
		"f_test.go": {"example.com/mod/f [example.com/mod/f.test]"},
	}
	if diff := cmp.Diff(wantFrom, from); diff != "" {
		t.Errorf("packages the findings of each file come from (-want +got):\n%s", diff)
	}
	// The variant's analyzers were given its test file alone, and its
	// inspector holds that file alone: one call (UseB), where a.go has 3.
	var calls []string
	for _, d := range res.Diagnostics() {
		if d.Check == probe.Name && strings.HasPrefix(d.Message, "sees ") {
			_, n, _ := strings.Cut(d.Message, "; ")
			calls = append(calls, filepath.Base(d.Position.Filename)+": "+n)
		}
	}
	slices.Sort(calls)
	if want := []string{"a.go: 3 calls", "a_test.go: 1 calls", "f.go: 0 calls"}; !slices.Equal(calls, want) {
		t.Errorf("calls the probe saw per file: %q, want %q", calls, want)
	}
	// Each package and variant was given its own files alone, and its
	// inspector held them alone: a's variant holds a.go and a_test.go.
	var givenTo []string
	for _, act := range res.Actions {
		if act.Analyzer == given {
			for _, d := range act.Diagnostics {
				givenTo = append(givenTo, fmt.Sprintf("%s %s: %s", act.Package.ID, filepath.Base(act.Package.Fset.Position(d.Pos).Filename), d.Message))
			}
		}
	}
	slices.Sort(givenTo)
	wantGiven := []string{
		"example.com/mod/a [example.com/mod/a.test] a_test.go: given 1 files, inspecting 1",
		"example.com/mod/a a.go: given 1 files, inspecting 1",
		"example.com/mod/f f.go: given 1 files, inspecting 1",
	}
	if diff := cmp.Diff(wantGiven, givenTo); diff != "" {
		t.Errorf("files given to each pass (-want +got):\n%s", diff)
	}
	observed := obs.sorted()
	wantObserved := []string{
		"example.com/mod/a", "example.com/mod/a [example.com/mod/a.test]",
		"example.com/mod/f", "example.com/mod/f [example.com/mod/f.test]",
	}
	if diff := cmp.Diff(wantObserved, observed); diff != "" {
		t.Errorf("observed (-want +got):\n%s", diff)
	}
}

// TestStreamFactVisibility pins down the rules the comparison above
// relies on, so that a change to both sides cannot pass unnoticed.
func TestStreamFactVisibility(t *testing.T) {
	res, err := Run(probes, []string{"./a", "./b"}, Options{Dir: "testdata/mod"})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, act := range res.Actions {
		for _, d := range act.Diagnostics {
			if act.Analyzer == probe && strings.HasPrefix(d.Message, "sees ") {
				seen[act.Package.PkgPath] = d.Message
			}
		}
	}
	want := map[string]string{
		// b imports c: its own facts, and c's exported function and its
		// variable, not its unexported function.
		"example.com/mod/b": "sees example.com/mod/b.G, example.com/mod/b.T, example.com/mod/b.UseC, example.com/mod/b.W, " +
			"example.com/mod/c.F, example.com/mod/c.Field, example.com/mod/c.K, example.com/mod/c.M, example.com/mod/c.T, example.com/mod/c.V, " +
			"package example.com/mod/b, package example.com/mod/c; 2 calls",
		// a sees c only through b: c's methods, fields, types and
		// constants travel; its functions and variables do not. (b.T is
		// the field of W that embeds c.T.)
		"example.com/mod/a": "sees example.com/mod/a.UseB, example.com/mod/b.G, example.com/mod/b.T, example.com/mod/b.UseC, example.com/mod/b.W, " +
			"example.com/mod/c.Field, example.com/mod/c.K, example.com/mod/c.M, example.com/mod/c.T, " +
			"package example.com/mod/a, package example.com/mod/b, package example.com/mod/c; 3 calls",
	}
	if diff := cmp.Diff(want, seen); diff != "" {
		t.Errorf("facts seen (-want +got):\n%s", diff)
	}
}

// TestStreamDropsSyntax: Observe sees each matched package with its
// syntax, type information and results; after the run no package keeps
// its syntax or type information, only its types.
func TestStreamDropsSyntax(t *testing.T) {
	obs := observer{check: func(p *packages.Package, results map[*analysis.Analyzer]any) {
		if p.Syntax == nil || p.TypesInfo == nil {
			t.Errorf("Observe: %s without its syntax", p.ID)
		}
		if _, ok := results[requiresProbe]; !ok {
			t.Errorf("Observe: %s without the result of %s (got %v)", p.ID, requiresProbe, results)
		}
	}}
	res, err := Run(probes, []string{"./a", "./b"}, Options{Dir: "testdata/mod", Observe: obs.observe})
	if err != nil {
		t.Fatal(err)
	}
	observed := obs.sorted()
	if want := []string{"example.com/mod/a", "example.com/mod/b"}; !slices.Equal(observed, want) {
		t.Errorf("observed %q, want %q", observed, want)
	}
	// The file set keeps the files of the packages named by the patterns,
	// where findings are reported, and forgets those of a dependency
	// checked from source once it is done.
	inFileSet := map[string]bool{}
	res.Packages[0].Fset.Iterate(func(f *token.File) bool {
		inFileSet[filepath.Base(f.Name())] = true
		return true
	})
	packages.Visit(res.Packages, nil, func(p *packages.Package) {
		if p.Syntax != nil || p.TypesInfo != nil {
			t.Errorf("%s kept its syntax", p.ID)
		}
		if p.Types == nil || !p.Types.Complete() {
			t.Errorf("%s lost its types", p.ID)
		}
	})
	got := slices.Sorted(maps.Keys(inFileSet))
	got = slices.DeleteFunc(got, func(name string) bool { return name != "a.go" && name != "b.go" && name != "c.go" })
	if want := []string{"a.go", "b.go"}; !slices.Equal(got, want) {
		t.Errorf("files of the module in the file set: %q, want %q (c.go is a dependency's)", got, want)
	}
}

// TestStreamStdFromExportData: the standard library packages the patterns
// do not name come from export data, so no analyzer runs on them (the
// probe sees no fact of package testing in a's test), while the package
// named by the pattern is analyzed from source.
func TestStreamStdFromExportData(t *testing.T) {
	res, err := Run(probes, []string{"./a", "strings"}, Options{Dir: "testdata/mod", Tests: true})
	if err != nil {
		t.Fatal(err)
	}
	sees := map[string]string{}
	for _, act := range res.Actions {
		for _, d := range act.Diagnostics {
			if act.Analyzer == probe && strings.HasPrefix(d.Message, "sees ") {
				sees[act.Package.ID] = d.Message
			}
		}
	}
	test := sees["example.com/mod/a [example.com/mod/a.test]"]
	if test == "" || strings.Contains(test, "package testing") {
		t.Errorf("a's test sees %.200q: want no fact of package testing", test)
	}
	if !strings.Contains(sees["strings"], "package strings") {
		t.Errorf("strings, named by the patterns, was not analyzed from source: %.200q", sees["strings"])
	}
}

// TestPrintJSONRedactsErrors: an analyzer's error may quote the code it
// failed on; -json must not print a secret in it.
func TestPrintJSONRedactsErrors(t *testing.T) {
	const token = "bxt_oxZkuf441Ct803qILrklP4X7IRrr8RLnbyt2"
	failing := &analysis.Analyzer{
		Name: "failing",
		Doc:  "fails, quoting a token",
		Run: func(*analysis.Pass) (any, error) {
			return nil, fmt.Errorf("cannot use %q here", token)
		},
	}
	// A fix whose new text quotes a token (a line copied from the code) is
	// redacted as -diff redacts it.
	fixing := &analysis.Analyzer{
		Name: "fixing",
		Doc:  "suggests a fix that quotes a token",
		Run: func(pass *analysis.Pass) (any, error) {
			pos := pass.Files[0].Package
			pass.Report(analysis.Diagnostic{Pos: pos, Message: "move the key", SuggestedFixes: []analysis.SuggestedFix{{
				Message: "move it", TextEdits: []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte("// was \"" + token + "\"\n")}},
			}}})
			return nil, nil
		},
	}
	res, err := Run([]*analysis.Analyzer{failing, fixing}, []string{"./c"}, Options{Dir: "testdata/mod"})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := res.PrintJSON(&out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "cannot use") || !strings.Contains(out.String(), "// was") {
		t.Fatalf("-json lost the error or the fix: %s", out.String())
	}
	for i := 4; i+8 <= len(token); i++ {
		if strings.Contains(out.String(), token[i:i+8]) {
			t.Fatalf("-json prints the token (%q): %s", token[i:i+8], out.String())
		}
	}
}

// filesFact names the files a package's pass was given.
type filesFact struct{ Names []string }

func (*filesFact) AFact() {}

// depFiles exports, on every package, the files its pass was given, and
// reports at a root those of each package it depends on.
var depFiles = &analysis.Analyzer{
	Name:      "depfiles",
	Doc:       "reports the files each dependency's pass was given",
	FactTypes: []analysis.Fact{new(filesFact)},
	Run: func(pass *analysis.Pass) (any, error) {
		var names []string
		for _, f := range pass.Files {
			names = append(names, filepath.Base(pass.Fset.File(f.Pos()).Name()))
		}
		pass.ExportPackageFact(&filesFact{names})
		for _, pf := range pass.AllPackageFacts() {
			if pf.Package != pass.Pkg && len(pass.Files) > 0 {
				pass.Reportf(pass.Files[0].Package, "%s: %s", pf.Package.Path(), strings.Join(pf.Fact.(*filesFact).Names, " "))
			}
		}
		return nil, nil
	},
}

// TestStreamDependencyFiles: a dependency's file parsed without its
// bodies that holds no string literal outside its imports (g.go: a type
// and a signature; timeout.go: an import and a duration) is not given to
// the dependency's analyzers; one that
// keeps a string constant (names.go) and one parsed with its bodies
// (http.go) are.
func TestStreamDependencyFiles(t *testing.T) {
	res, err := Run([]*analysis.Analyzer{depFiles}, []string{"./h"}, Options{Dir: "testdata/mod"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range res.Diagnostics() {
		if strings.HasPrefix(d.Message, "example.com/mod/g:") {
			got = append(got, d.Message)
		}
	}
	if want := []string{"example.com/mod/g: http.go names.go"}; !slices.Equal(got, want) {
		t.Errorf("files given to g's pass: %q, want %q", got, want)
	}
}
