package brexmodel

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"runtime/debug"
	"slices"
	"sync"

	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/entropy"
	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/brexlint/brexlint/internal/urlfold"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer computes the Brex model of a package. It reports nothing.
var Analyzer = &analysis.Analyzer{
	Name: "brexmodel",
	Doc:  "computes the Brex model (HTTP requests to Brex, wrappers, headers, response flow, OAuth flows) for brexlint's checks",
	Run:  run,
	// inspect.Analyzer: the model and its sub-models (OAuth, webhooks,
	// values) walk each package for a few kinds of node at a time; one
	// inspector per package lets every walk skip what it does not look at.
	Requires:         []*analysis.Analyzer{directives.Analyzer, inspect.Analyzer},
	ResultType:       reflect.TypeFor[*Model](),
	FactTypes:        factTypes(),
	RunDespiteErrors: false,
}

// Model is the Brex model of one package: the result of [Analyzer].
type Model struct {
	// Requests are the HTTP requests the package makes, each at the call
	// that names its endpoint (a NewRequest with a complete URL, or the
	// call of a wrapper with constant arguments). Requests that only a
	// caller can resolve (a wrapper's own NewRequest) are not listed:
	// they are exported as facts and listed in the caller's package.
	Requests []*Request

	// KeyCalls are the calls, inside a retry loop, of functions that
	// make a new Idempotency-Key on every call (see FreshKeyFact).
	KeyCalls []*KeyCall

	// OAuth is the OAuth half of the model; never nil.
	OAuth *OAuth

	// Webhooks is the webhook half of the model; nil for a package that
	// can neither receive nor verify a webhook.
	Webhooks *Webhooks

	info  *types.Info
	files []*ast.File
	pass  *analysis.Pass
	teach map[types.Object]directives.Teaching
	ent   *entropy.Classifier // built on first use; see classifier
	// valuesDone is closed when exportValues is done with the classifier
	// (see run).
	valuesDone chan struct{}
	resp       *responseAnalysis // the response flow; nil until analyzeHTTP ran
	// retriers are the package's functions that call a function
	// parameter once per attempt of a retry loop: parameter index.
	retriers map[*types.Func]int
	// retried are the package's functions called inside a retry, found
	// under retriedOnce when RetriedInPackage is first asked: the checks
	// of a package run concurrently.
	retriedOnce sync.Once
	retried     map[*types.Func]bool
	// folder folds the package's URLs for the HTTP and OAuth halves
	// alike; built on first use (see urlFolder).
	folder *urlfold.Folder
	// imports are the facts on other packages' objects; see
	// gatherImportedFacts.
	imports []analysis.ObjectFact

	// insp is the package's one inspector (typesutil.Inspector): the
	// model's walks of the whole package, and of a function among all of
	// them, look at a few kinds of node each.
	insp *inspector.Inspector
	// funcs indexes the package's functions on insp, for the model, its
	// halves, its URL folder and the checks alike (see Funcs).
	funcs *typesutil.Funcs
}

// Funcs returns the index of the package's functions that the model and
// its halves use: a check that walks the package's functions, or builds a
// URL folder of its own, shares it rather than indexing them again. It is
// safe for concurrent use.
func (m *Model) Funcs() *typesutil.Funcs { return m.funcs }

// gatherImportedFacts gathers the facts the pass sees on objects of other
// packages (Model.imports), before the halves start, for every question
// of the model and its OAuth half: pass.AllObjectFacts copies every fact
// of every dependency each time it is called. The package's own facts are
// left out, so the answer does not change as the pass exports them.
func (m *Model) gatherImportedFacts() {
	for _, of := range m.pass.AllObjectFacts() {
		if of.Object.Pkg() != m.pass.Pkg {
			m.imports = append(m.imports, of)
		}
	}
}

// urlFolder returns the package's URL folder, one for the whole model: its
// resolver indexes every assignment of the package, and its caches are
// worth sharing.
func (m *Model) urlFolder() *urlfold.Folder {
	if m.folder == nil {
		m.folder = urlfold.NewPackage(m.pass.Fset, m.info, m.files, m.funcs)
	}
	return m.folder
}

// bodyCursor returns the cursor of the body of fd, a function declared in
// the package: a walk of the body that looks at a few kinds of node
// (Cursor.Preorder, Cursor.Inspect) skips the subtrees that hold none.
func (m *Model) bodyCursor(fd *ast.FuncDecl) inspector.Cursor {
	return m.funcs.Body(fd.Body)
}

// hasFact reports whether facts hold a fact of type F.
func hasFact[F analysis.Fact](facts []analysis.ObjectFact) bool {
	for _, of := range facts {
		if _, ok := of.Fact.(F); ok {
			return true
		}
	}
	return false
}

func factTypes() []analysis.Fact {
	return slices.Concat(httpFactTypes(), valueFactTypes(), responseFactTypes(), oauthFactTypes(), webhookFactTypes(),
		[]analysis.Fact{new(RetrierFact), new(FreshKeyFact)})
}

// run builds the model. Its value and webhook halves run on a goroutine of
// their own while the HTTP half runs: a package that many others import
// (stripe-go's root package, three hundred importers) holds them all up
// until its facts are out, while the other cores wait. The halves share
// nothing that either writes:
//   - each reads only the facts of its own types on the package's objects,
//     and the pass's fact functions are made safe for concurrent use
//     (lockFacts), so every fact is what it would be one half after the
//     other;
//   - the entropy classifier, which the value half fills and the HTTP half
//     asks later, is handed over when the value half is done with it (see
//     classifier), so it answers the same questions in the same order;
//   - the imported facts are gathered before either starts, and the gate
//     that counts the package's own facts waits for the side's.
//
// The OAuth half reads the HTTP half's requests and URL folder: it runs
// after both.
func run(pass *analysis.Pass) (any, error) {
	pass = lockFacts(pass)
	insp := typesutil.Inspector(pass)
	m := &Model{OAuth: &OAuth{}, info: pass.TypesInfo, files: pass.Files, pass: pass,
		insp: insp, funcs: typesutil.NewFuncs(pass.TypesInfo, insp),
		teach:      pass.ResultOf[directives.Analyzer].(*directives.Index).Teaching,
		valuesDone: make(chan struct{})}
	if onlyTests(pass, insp) {
		close(m.valuesDone)
		return m, nil
	}
	m.gatherImportedFacts()
	side := goSide(func() {
		// Helpers that generate values matter wherever they are
		// declared: an ids package need not import net/http.
		func() {
			defer close(m.valuesDone) // even if it panics: the HTTP half waits for it
			m.exportValues(pass)
		}()
		m.analyzeWebhooks(pass)
	})
	// On every way out, the side is done before Run returns: a pass
	// takes no fact after. Its panic is passed on by wait, at each
	// return; a panic of this goroutine goes on as it is.
	defer side.join()
	m.findRetriers(pass)
	if !reachesNetHTTP(pass.Pkg) && len(m.imports) == 0 {
		// The package's own facts count too (they are few when it
		// imports none), the side's as well.
		side.wait()
		if len(pass.AllObjectFacts()) == 0 {
			return m, nil
		}
	}
	if err := m.analyzeHTTP(pass); err != nil {
		side.wait()
		return nil, err
	}
	m.findFreshKeys(pass)
	side.wait()
	if err := m.analyzeOAuth(pass); err != nil {
		return nil, err
	}
	return m, nil
}

// side is a part of run on a goroutine of its own.
type side struct {
	done     chan struct{}
	panicked string // what it panicked with, and where
}

func goSide(f func()) *side {
	s := &side{done: make(chan struct{})}
	go func() {
		defer close(s.done)
		defer func() {
			if r := recover(); r != nil {
				s.panicked = fmt.Sprintf("%v\n\n%s", r, debug.Stack())
			}
		}()
		f()
	}()
	return s
}

// wait waits for the side to be done, and panics on run's goroutine if it
// did, with the side's stack in the message: the crash then shows the
// analyzer's Run under its driver's frames, as any panic of an analyzer
// does, and the side's own frames.
func (s *side) wait() {
	s.join()
	if s.panicked != "" {
		panic(s.panicked)
	}
}

// join waits for the side to be done.
func (s *side) join() { <-s.done }

// lockFacts returns a copy of pass whose fact functions take a lock: the
// halves of the model run concurrently, and a driver's facts (the
// checker's, go vet's) are maps that are not safe for concurrent use.
func lockFacts(pass *analysis.Pass) *analysis.Pass {
	var mu sync.Mutex
	p := *pass
	p.ImportObjectFact = func(obj types.Object, fact analysis.Fact) bool {
		mu.Lock()
		defer mu.Unlock()
		return pass.ImportObjectFact(obj, fact)
	}
	p.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		mu.Lock()
		defer mu.Unlock()
		pass.ExportObjectFact(obj, fact)
	}
	p.ImportPackageFact = func(pkg *types.Package, fact analysis.Fact) bool {
		mu.Lock()
		defer mu.Unlock()
		return pass.ImportPackageFact(pkg, fact)
	}
	p.ExportPackageFact = func(fact analysis.Fact) {
		mu.Lock()
		defer mu.Unlock()
		pass.ExportPackageFact(fact)
	}
	p.AllObjectFacts = func() []analysis.ObjectFact {
		mu.Lock()
		defer mu.Unlock()
		return pass.AllObjectFacts()
	}
	p.AllPackageFacts = func() []analysis.PackageFact {
		mu.Lock()
		defer mu.Unlock()
		return pass.AllPackageFacts()
	}
	return &p
}

// onlyTests reports whether every file of the package is a _test.go file:
// an external test package (p_test), or a directory of tests alone. Such a
// package gets an empty model. The checks that read the model stay quiet
// in test files (checks.md, "Tests"), so none of its results would be
// reported, and no package imports it, so none of its facts would be read.
// On stripe-go, whose example directory is one 13,000-line test file, the
// model of those packages took a fifth of the analysis.
func onlyTests(pass *analysis.Pass, insp *inspector.Inspector) bool {
	for range typesutil.NonTestFiles(pass.Fset, insp) {
		return false
	}
	return len(pass.Files) > 0
}

// reachesNetHTTP reports whether pkg imports net/http, directly or not. A
// package that does not cannot build a request, and cannot call a wrapper
// (a wrapper's package imports net/http, so the caller's graph reaches it).
func reachesNetHTTP(pkg *types.Package) bool {
	seen := map[*types.Package]bool{}
	var visit func(p *types.Package) bool
	visit = func(p *types.Package) bool {
		if p.Path() == "net/http" {
			return true
		}
		if seen[p] {
			return false
		}
		seen[p] = true
		for _, q := range p.Imports() {
			if visit(q) {
				return true
			}
		}
		return false
	}
	return visit(pkg)
}
