package driver

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/packages"
)

// The driver streams: go list gives the import graph without syntax or
// types, and each package is then parsed, type-checked and analyzed as
// soon as its imports are done, on as many workers as GOMAXPROCS. When a
// package is done, only its *types.Package (which its importers' types
// point into) and its facts stay; its syntax, type information and
// analysis results are dropped (after Options.Observe has seen a root's). So the peak memory of a run is the
// types and facts of the whole graph plus a few packages in flight, where
// go/packages with LoadAllSyntax holds every package's syntax and
// types.Info to the end: on Caddy 2.2 GiB, against staticcheck's 323 MiB.
//
// Facts follow golang.org/x/tools/go/analysis/checker exactly, so that a
// check sees under brexlint what it sees under analysistest: a fact about
// a package-level function or variable is visible to the packages that
// import its package directly; a fact about a method, a field, a type or
// a constant to every package that depends on it; package facts to every
// dependent.

// metaMode is what go list must say about every package of the graph.
const metaMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

// unit is one package of the graph and the state of its analysis.
type unit struct {
	pkg  *packages.Package
	root bool
	// index is its place in the graph's order (see stream.graphSize).
	index   int
	export  string  // the export data file its types are read from, or ""
	imports []*unit // in the order of pkg.Imports' sorted keys
	users   []*unit // units that import this one
	// Guarded by the scheduler: imports not yet type-checked, imports
	// not yet analyzed, and whether this unit is type-checked.
	pendingCheck, pendingRun int
	checked                  bool

	illTyped bool
	purged   bool // some of its files were parsed without bodies
	// testMain: the go command's generated main package of a test
	// binary ("p.test"), which is type-checked but not analyzed (see
	// graph).
	testMain bool
	// variant: the test variant of a root package with in-package tests
	// ("p [p.test]", also a root). See analyze.
	variant bool
	// files are the files the unit's analyzers are given: all of its
	// syntax, or a test variant's test files alone (see analyze).
	files []*ast.File
	// inspector receives inspect.Analyzer's result, built from the
	// syntax while the package is type-checked (see check).
	inspector <-chan *inspector.Inspector
	// failed: analyzers whose action on this package failed, which
	// fails the same analyzer's action on importers (as the checker's
	// "failed prerequisites").
	failed map[*analysis.Analyzer]bool
	// results of the analyzers that ran without error, between the fact
	// step and the rest.
	results map[*analysis.Analyzer]any
	// Own facts, exported by this package's passes; read by importers
	// once the unit is done, never written after.
	objFacts map[objectFactKey]analysis.Fact
	pkgFacts map[reflect.Type]analysis.Fact
	// travelling and importerOnly are objFacts sorted by who may see
	// them, once they are complete (see sortFacts).
	travelling, importerOnly []objectFact
	direct                   map[*types.Package]bool // the packages it imports
}

type objectFactKey struct {
	obj types.Object
	typ reflect.Type
}

// stream is one run over a loaded import graph.
type stream struct {
	fset   *token.FileSet
	opts   Options
	depAs  []*analysis.Analyzer // run on every package: the fact-bearing ones and what they require, in dependency order
	restAs []*analysis.Analyzer // then on roots: the others, in dependency order
	// inspect.Analyzer runs on dependencies, on roots (see unit.inspector)
	inspectDeps, inspectRoots bool
	factType                  map[reflect.Type]*analysis.Analyzer
	parser                    *fileParser
	byTypes                   sync.Map          // *types.Package → *unit
	graphSize                 int               // the units of the graph (see unit.index)
	exports                   map[string]string // export data files by import path (stdExports)
	exportMu                  sync.Mutex        // gcexportdata.Read may add to the packages it is given

	mu      sync.Mutex
	actions []*Action
}

// analyze type-checks and analyzes the graph of roots. A unit goes
// through up to three steps:
//
//  1. type-checking, once its imports are type-checked;
//  2. the analyzers with facts (and what they require), once it is
//     type-checked and its imports' facts are complete;
//  3. for a root, the other analyzers, which no importer waits for.
//
// A root with in-package tests has a test variant ("p [p.test]"), made
// of its files and its _test.go files. The package is analyzed in full:
// its facts are its importers', and the findings in its files are its
// own. The variant is type-checked from all its files but analyzed over
// its test files alone: its analyzers are given only those (Pass.Files,
// and the inspector), and what it reports elsewhere (or at no position)
// is dropped. So each file is analyzed once, where the variant used to
// repeat the package's whole analysis (on stripe-go the Brex model of its
// root package, built twice, was half of the analysis).
//
// The variant's Brex model is then empty (a package of tests alone gets
// none: see brexmodel), so it exports no fact about the package's
// objects. Its users miss none: they are the external test package,
// whose model is empty too, and the test binary's variants of other
// packages ("q [p.test]"), which are not roots and report nothing.
//
// go vet, which vets only the variant with all its files, finds the
// same: the checks are quiet in test files, and what they find elsewhere
// does not depend on the tests (the Brex model, the value classifier and
// the secret check's contexts skip the _test.go files).
// TestVariantFindsWhatPackageFinds in package analyzers holds them to it.
//
// Workers take facts first (they unlock importers), then type-checking,
// then the rest. Type-checking runs ahead only while fewer than maxAhead
// units hold syntax that is not done with: so the critical path is
// type-checking plus the fact analysis along the longest import chain,
// not every step of every package in turn (stripe-go's one root package,
// which three hundred packages import, would otherwise hold them all up
// while its findings are computed), and memory stays bounded. While units
// wait for step 2 there is always one that can take it: the first of
// them in dependency order has all its imports' facts.
func (s *stream) analyze(roots []*packages.Package) {
	units := s.graph(roots)
	gc := newGCTuner()
	defer gc.restore()
	workers := runtime.GOMAXPROCS(0)
	maxAhead := 4 * workers
	type step int
	const (
		checkStep step = iota
		factStep
		restStep
	)
	var (
		mu                     sync.Mutex
		cond                   = sync.NewCond(&mu)
		toCheck, toRun, toRest []*unit
		ahead                  int // type-checked or being checked, not yet done with
		left                   = len(units)
	)
	for _, u := range units {
		if u.pendingCheck == 0 {
			toCheck = append(toCheck, u)
		}
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				var (
					u    *unit
					what step
				)
				for u == nil {
					switch {
					case left == 0:
						mu.Unlock()
						return
					case len(toRun) > 0:
						u, toRun, what = toRun[0], toRun[1:], factStep
					case len(toCheck) > 0 && ahead < maxAhead:
						u, toCheck, what = toCheck[0], toCheck[1:], checkStep
						ahead++
					case len(toRest) > 0:
						u, toRest, what = toRest[0], toRest[1:], restStep
					default:
						cond.Wait()
					}
				}
				mu.Unlock()
				done := false
				switch what {
				case checkStep:
					s.typeCheck(u)
				case factStep:
					s.analyzeFacts(u)
					done = !u.root || u.testMain
				case restStep:
					s.analyzeRest(u)
					done = true
				}
				mu.Lock()
				switch what {
				case checkStep:
					u.checked = true
					for _, user := range u.users {
						if user.pendingCheck--; user.pendingCheck == 0 {
							toCheck = append(toCheck, user)
						}
					}
					if u.pendingRun == 0 {
						toRun = append(toRun, u)
					}
				case factStep:
					for _, user := range u.users {
						if user.pendingRun--; user.pendingRun == 0 && user.checked {
							toRun = append(toRun, user)
						}
					}
					if !done {
						toRest = append(toRest, u)
					}
				}
				if done {
					ahead--
					left--
				}
				cond.Broadcast()
				mu.Unlock()
				gc.tune()
			}
		}()
	}
	wg.Wait()
}

// graph builds the units of every package reachable from roots. An
// import cycle (which go list reports as an error) is broken where it
// closes, so that the schedule cannot stall.
func (s *stream) graph(roots []*packages.Package) []*unit {
	units := map[*packages.Package]*unit{}
	state := map[*packages.Package]int{} // 1 visiting, 2 done
	var order []*unit
	var visit func(p *packages.Package) *unit
	visit = func(p *packages.Package) *unit {
		if state[p] == 2 {
			return units[p]
		}
		state[p] = 1
		u := &unit{pkg: p, failed: map[*analysis.Analyzer]bool{}, direct: map[*types.Package]bool{}}
		units[p] = u
		paths := make([]string, 0, len(p.Imports))
		for path := range p.Imports {
			paths = append(paths, path)
		}
		slices.Sort(paths)
		for _, path := range paths {
			imp := p.Imports[path]
			if state[imp] == 1 {
				continue // a cycle: go list has said so in p's errors
			}
			iu := visit(imp)
			u.imports = append(u.imports, iu)
			iu.users = append(iu.users, u)
		}
		u.pendingCheck, u.pendingRun = len(u.imports), len(u.imports)
		state[p] = 2
		order = append(order, u)
		return u
	}
	for _, p := range roots {
		visit(p).root = true
	}
	byID := make(map[string]*unit, len(order))
	s.graphSize = len(order)
	for i, u := range order {
		byID[u.pkg.ID] = u
		u.index = i
	}
	// The main package the go command generates for a test binary (its
	// ID is "p.test", and it imports the packages "… [p.test]") holds
	// only the table of the tests: nothing imports it and nothing in it
	// is the program's code. go vet does not vet it; brexlint
	// type-checks it, so that an error in it is reported, and analyzes
	// nothing there (on stripe-go, 90 packages whose model read the
	// facts of all their test binary's packages).
	for _, u := range order {
		p := u.pkg
		if p.Name != "main" || p.ID != p.PkgPath || !strings.HasSuffix(p.ID, ".test") || len(u.users) > 0 {
			continue
		}
		for _, imp := range u.imports {
			if strings.HasSuffix(imp.pkg.ID, " ["+p.ID+"]") {
				u.testMain = true
				break
			}
		}
	}
	for _, u := range order {
		if !u.root || u.pkg.ID != u.pkg.PkgPath {
			continue
		}
		if v := byID[u.pkg.ID+" ["+u.pkg.PkgPath+".test]"]; v != nil && v.root && v.pkg.PkgPath == u.pkg.PkgPath {
			v.variant = true
		}
	}
	for _, u := range order {
		if !u.root && u.pkg.ID == u.pkg.PkgPath {
			u.export = s.exports[u.pkg.PkgPath]
		}
	}
	s.parser.count(order)
	return order
}

// typeCheck type-checks a unit whose imports are type-checked.
func (s *stream) typeCheck(u *unit) {
	p := u.pkg
	p.Fset = s.fset
	if p.PkgPath == "unsafe" {
		// As go/packages: no syntax, and a pass like any other's.
		p.Types, p.TypesSizes = types.Unsafe, cmp.Or(p.TypesSizes, types.SizesFor("gc", runtime.GOARCH))
		p.Syntax, p.TypesInfo = []*ast.File{}, newInfo()
		s.byTypes.Store(p.Types, u)
		return
	}
	if u.export != "" {
		if err := s.readExport(u); err == nil {
			s.byTypes.Store(p.Types, u)
			return
		}
		u.export = "" // unreadable: check it from source
	}
	s.check(u, false)
	if u.purged && hasTypeErrors(p) {
		// A file did not type-check without its bodies: check the
		// package again from its full source.
		p.Errors = slices.DeleteFunc(p.Errors, func(e packages.Error) bool { return e.Kind != packages.ListError })
		p.TypeErrors = nil
		s.check(u, true)
	}
	for _, imp := range u.imports {
		u.direct[imp.pkg.Types] = true
		if imp.illTyped {
			u.illTyped = true
		}
	}
	if len(p.Errors) > 0 {
		u.illTyped = true
	}
}

func hasTypeErrors(p *packages.Package) bool {
	return slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return e.Kind == packages.TypeError })
}

// check parses and type-checks u's package, in full if full is set (else
// dependencies' files as fileParser decides).
func (s *stream) check(u *unit, full bool) {
	p := u.pkg
	appendError := func(err error) {
		switch err := err.(type) {
		case scanner.ErrorList:
			for _, e := range err {
				p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		case types.Error:
			p.TypeErrors = append(p.TypeErrors, err)
			p.Errors = append(p.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
		case *os.PathError:
			p.Errors = append(p.Errors, packages.Error{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError})
		default:
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
	}
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	s.byTypes.Store(p.Types, u)
	if p.TypesSizes == nil {
		p.TypesSizes = types.SizesFor("gc", runtime.GOARCH)
	}
	p.Syntax = nil
	purged := false
	var analyzed []*ast.File // see below
	for _, name := range p.CompiledGoFiles {
		f, wasPurged, bare, err := s.parser.parse(name, full)
		if err != nil {
			appendError(err)
		}
		if f != nil {
			p.Syntax = append(p.Syntax, f)
			purged = purged || wasPurged
			if !bare {
				analyzed = append(analyzed, f)
			}
		}
	}
	u.purged = purged && !full
	p.TypesInfo = newInfo()
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			if imp := p.Imports[path]; imp != nil && imp.Types != nil && imp.Types.Complete() {
				return imp.Types, nil
			}
			return nil, fmt.Errorf("no metadata for %s", path)
		}),
		Error: appendError,
		Sizes: p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	// A dependency's analyzers are not given the files parsed without
	// their bodies that hold no string literal either (only a unit with
	// files parsed without bodies has any): such a file declares types
	// and signatures, which no fact is about and no analyzer's look at a
	// package's words finds (a Brex host, an OAuth parameter, a webhook
	// header). go/ast/inspector sizes its table by the files' source
	// extent, bodies or not: on Caddy, 245 MB of tables for bodies that
	// are not there.
	u.files = analyzed
	if u.variant {
		u.files = s.testFiles(u)
	}
	if u.root && s.inspectRoots || !u.root && s.inspectDeps {
		// The inspector needs only the syntax: build it on another core
		// while go/types works, not after, on the way to the package's
		// facts (70 ms for stripe-go's root package, which three hundred
		// packages wait for).
		ch := make(chan *inspector.Inspector, 1)
		go func(files []*ast.File) { ch <- inspector.New(files) }(u.files)
		u.inspector = ch
	}
	err := types.NewChecker(tc, s.fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if err != nil && len(p.Errors) == 0 {
		appendError(err) // "package requires newer Go version", which is not passed to Error
	}
}

// testFiles returns the _test.go files of a test variant: the files it is
// analyzed over (see analyze).
func (s *stream) testFiles(v *unit) []*ast.File {
	var files []*ast.File
	for _, f := range v.pkg.Syntax {
		if typesutil.InTestFile(s.fset, f.FileStart) {
			files = append(files, f)
		}
	}
	return files
}

func newInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// analyzeFacts runs, on a type-checked unit whose imports' facts are
// complete, the analyzers with facts and what they require. A
// dependency is then done with, and drops its syntax.
func (s *stream) analyzeFacts(u *unit) {
	u.results = map[*analysis.Analyzer]any{}
	switch {
	case u.export != "":
		return // no syntax, and no fact to find (see stdExports)
	case u.testMain:
		s.release(u) // analyzed no further (see graph)
		return
	}
	s.run(u, s.depAs)
	u.sortFacts()
	if !u.root {
		s.release(u) // a root keeps its syntax for the rest
	}
}

// analyzeRest runs the other analyzers on a root, shows the root to
// Options.Observe, and drops its syntax.
func (s *stream) analyzeRest(u *unit) {
	s.run(u, s.restAs)
	if s.opts.Observe != nil {
		s.opts.Observe(u.pkg, u.results)
	}
	s.release(u)
}

// release drops what the rest of the run does not need of a unit.
func (s *stream) release(u *unit) {
	s.parser.release(u)
	u.pkg.Syntax, u.pkg.TypesInfo, u.inspector = nil, nil, nil
	u.files = nil
	u.results = nil
}

// run runs analyzers (in dependency order) on u, records their actions,
// and adds the results of those that did not fail to u.results.
func (s *stream) run(u *unit, analyzers []*analysis.Analyzer) {
	for _, a := range analyzers {
		act := &Action{Analyzer: a, Package: u.pkg, IsRoot: u.root}
		var result any
		result, act.Err = s.runOne(u, a, u.results, act)
		if act.Err != nil {
			u.failed[a] = true
		} else {
			u.results[a] = result
		}
		if u.root || act.Err != nil {
			s.mu.Lock()
			s.actions = append(s.actions, act)
			s.mu.Unlock()
		}
	}
}

func (s *stream) runOne(u *unit, a *analysis.Analyzer, results map[*analysis.Analyzer]any, act *Action) (any, error) {
	var failed []string
	for _, req := range a.Requires {
		if u.failed[req] {
			failed = append(failed, fmt.Sprintf("%s@%s", req, u.pkg))
		}
	}
	if len(a.FactTypes) > 0 {
		for _, imp := range u.imports {
			if imp.failed[a] {
				failed = append(failed, fmt.Sprintf("%s@%s", a, imp.pkg))
			}
		}
	}
	if len(failed) > 0 {
		slices.Sort(failed)
		return nil, fmt.Errorf("failed prerequisites: %s", strings.Join(failed, ", "))
	}
	if u.illTyped && !a.RunDespiteErrors {
		return nil, fmt.Errorf("analysis skipped due to errors in package")
	}
	if a == inspect.Analyzer && u.inspector != nil {
		return <-u.inspector, nil // the result of inspect.Analyzer's run
	}
	p := u.pkg
	module := &analysis.Module{}
	if p.Module != nil {
		module = analysisModule(p.Module)
	}
	inputs := make(map[*analysis.Analyzer]any, len(a.Requires))
	for _, req := range a.Requires {
		inputs[req] = results[req]
	}
	facts := &factView{s: s, u: u, a: a}
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         s.fset,
		Files:        u.files,
		OtherFiles:   p.OtherFiles,
		IgnoredFiles: p.IgnoredFiles,
		Pkg:          p.Types,
		TypesInfo:    p.TypesInfo,
		TypesSizes:   p.TypesSizes,
		TypeErrors:   p.TypeErrors,
		Module:       module,
		ResultOf:     inputs,
		Report: func(d analysis.Diagnostic) {
			if !u.variant || typesutil.InTestFile(s.fset, d.Pos) {
				act.Diagnostics = append(act.Diagnostics, d)
			}
		},
		ImportObjectFact:  facts.importObject,
		ExportObjectFact:  facts.exportObject,
		ImportPackageFact: facts.importPackage,
		ExportPackageFact: facts.exportPackage,
		AllObjectFacts:    facts.allObject,
		AllPackageFacts:   facts.allPackage,
	}
	pass.ReadFile = func(name string) ([]byte, error) {
		// As the checker: a pass reads only the files its package is
		// made of.
		if slices.Contains(p.OtherFiles, name) || slices.Contains(p.IgnoredFiles, name) ||
			slices.Contains(p.CompiledGoFiles, name) || slices.Contains(p.GoFiles, name) {
			return os.ReadFile(name)
		}
		return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", name)
	}
	result, err := a.Run(pass)
	facts.done = true
	if err != nil {
		return nil, err
	}
	if got, want := reflect.TypeOf(result), a.ResultType; got != want {
		return nil, fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v", p.PkgPath, a, got, want)
	}
	return result, nil
}

func analysisModule(m *packages.Module) *analysis.Module {
	if m == nil {
		return nil
	}
	var merr *analysis.ModuleError
	if m.Error != nil {
		merr = &analysis.ModuleError{Err: m.Error.Err}
	}
	return &analysis.Module{Path: m.Path, Version: m.Version, Replace: analysisModule(m.Replace), Time: m.Time,
		Main: m.Main, Indirect: m.Indirect, Dir: m.Dir, GoMod: m.GoMod, GoVersion: m.GoVersion, Error: merr}
}

// plan orders the analyzers to run on roots (all of them and what they
// require) and on dependencies (those with facts and what they require),
// each after what it requires.
func (s *stream) plan(analyzers []*analysis.Analyzer) {
	all := requiresFirst(analyzers)
	var withFacts []*analysis.Analyzer
	for _, a := range all {
		for _, f := range a.FactTypes {
			s.factType[reflect.TypeOf(f)] = a
		}
		if len(a.FactTypes) > 0 {
			withFacts = append(withFacts, a)
		}
	}
	s.depAs = requiresFirst(withFacts)
	s.inspectDeps, s.inspectRoots = slices.Contains(s.depAs, inspect.Analyzer), slices.Contains(all, inspect.Analyzer)
	for _, a := range all {
		if !slices.Contains(s.depAs, a) {
			s.restAs = append(s.restAs, a)
		}
	}
}

// requiresFirst lists analyzers and all they require, each once, each
// after what it requires.
func requiresFirst(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			visit(req)
		}
		out = append(out, a)
	}
	for _, a := range analyzers {
		visit(a)
	}
	return out
}

// sorted returns the recorded actions in a stable order: the root
// actions of each analyzer the caller named, package by package as go
// list gave them; then the rest (the analyzers they require, and the
// failures on dependencies), by package and analyzer.
func (s *stream) sorted(analyzers []*analysis.Analyzer, roots []*packages.Package) []*Action {
	rank := func(act *Action) (int, int) {
		a := slices.Index(analyzers, act.Analyzer)
		p := slices.Index(roots, act.Package)
		if a < 0 || p < 0 {
			return len(analyzers), 0
		}
		return a, p
	}
	slices.SortStableFunc(s.actions, func(x, y *Action) int {
		xa, xp := rank(x)
		ya, yp := rank(y)
		if xa != ya {
			return xa - ya
		}
		if xp != yp {
			return xp - yp
		}
		if c := strings.Compare(x.Package.ID, y.Package.ID); c != 0 {
			return c
		}
		return strings.Compare(x.Analyzer.Name, y.Analyzer.Name)
	})
	return s.actions
}
