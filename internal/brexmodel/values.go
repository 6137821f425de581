package brexmodel

import (
	"go/ast"
	"go/build"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/entropy"
	"golang.org/x/tools/go/analysis"
)

// Generated values across packages: an idempotency key or an OAuth state
// is often made by a helper of another package (ids.NewKey()), and the
// checks that judge it must know what the helper returns. The model
// exports what internal/entropy learns of each such helper as a ValueFact,
// and the Model answers entropy's questions about imported functions from
// those facts: it is an entropy.KindOracle, for its own classifier and for
// the checks' ones.

// ValueFact describes what a function returns (its first result, a string,
// a []byte or an integer): the union of the internal/entropy kinds of its
// returns (an entropy.Kind bit set) and, for a constant, its length (-1 if
// unknown). A function taught //brexlint:random returns CryptoRandom. The
// fact is not exported when nothing is known beyond entropy.Identifier.
type ValueFact struct {
	Kinds    uint32
	ConstLen int
}

func (*ValueFact) AFact() {}

func (f *ValueFact) String() string {
	return "value(" + entropy.Kind(f.Kinds).String() + ")"
}

func valueFactTypes() []analysis.Fact { return []analysis.Fact{new(ValueFact)} }

// Random reports whether fn is known to return unpredictable values and
// nothing predictable: it is taught //brexlint:random, or its fact says
// its returns are crypto/rand or random UUID output, perhaps formatted or
// joined to constants.
func (m *Model) Random(fn *types.Func) bool {
	k, ok := m.Kinds(fn)
	return ok && k&entropy.Random != 0 && k&^(entropy.Random|entropy.Constant) == 0
}

// Kinds reports what a function of another package returns, from its
// ValueFact, or a function of this package taught //brexlint:random. It
// reports false for a function the model knows nothing about (entropy then
// looks into the body of a function of this package itself).
func (m *Model) Kinds(fn *types.Func) (entropy.Kind, bool) {
	if m.pass == nil || fn == nil || fn.Pkg() == nil {
		return 0, false
	}
	fn = fn.Origin()
	if fn.Pkg() == m.pass.Pkg {
		if m.teach[fn]&directives.Random != 0 {
			return entropy.CryptoRandom, true
		}
		return 0, false
	}
	var f ValueFact
	if m.pass.ImportObjectFact(fn, &f) {
		return entropy.Kind(f.Kinds), true
	}
	return 0, false
}

// classifier returns the model's entropy classifier for the package,
// built on first use. It is the model's own: the checks run concurrently
// and build theirs (a Classifier is not safe for concurrent use). It waits
// for exportValues, which asks it first on a goroutine of its own (see
// run): the classifier's memos, and so its answers near its budget, follow
// the order of the questions, which stays the order of a model built one
// half after the other.
func (m *Model) classifier() *entropy.Classifier {
	<-m.valuesDone
	return m.valueClassifier()
}

// valueClassifier is classifier for exportValues, which does not wait for
// itself.
func (m *Model) valueClassifier() *entropy.Classifier {
	if m.ent == nil {
		m.ent = entropy.New(m.pass.Fset, m.pass.TypesInfo, m.pass.Files, m.funcs, m)
	}
	return m.ent
}

// exportValues exports a ValueFact for each function of the package that
// returns a value whose kinds are known, and for each function taught
// //brexlint:random. Standard-library packages are skipped (entropy models
// the ones that generate values), and so are packages that could not
// generate anything worth a fact: those that import none of the packages
// entropy knows as sources and no function with a ValueFact.
func (m *Model) exportValues(pass *analysis.Pass) {
	for obj, t := range m.teach {
		if fn, ok := obj.(*types.Func); ok && t&directives.Random != 0 {
			pass.ExportObjectFact(fn, &ValueFact{Kinds: uint32(entropy.CryptoRandom), ConstLen: -1})
		}
	}
	if inGOROOT(pass) || !m.mayGenerate(pass) {
		return
	}
	for fn, fd := range m.funcs.All() {
		// Only importers read the fact, and they can only name exported
		// functions.
		if !fn.Exported() || m.teach[fn]&directives.Random != 0 || !valueResult(fn) {
			continue
		}
		v := m.valueClassifier().Results(fd)
		if v.Kinds == 0 || v.Kinds == entropy.Identifier {
			continue
		}
		pass.ExportObjectFact(fn, &ValueFact{Kinds: uint32(v.Kinds), ConstLen: v.ConstLen})
	}
}

// mayGenerate reports whether the package imports a package whose
// functions entropy knows to generate values, or a function with a
// ValueFact: only then can one of its functions return anything that a
// fact would be worth for.
func (m *Model) mayGenerate(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if entropy.Generates(imp.Path()) {
			return true
		}
	}
	return hasFact[*ValueFact](m.imports)
}

// valueResult reports whether fn's first result is a string, a []byte or
// an integer: the values entropy classifies.
func valueResult(fn *types.Func) bool {
	r := fn.Signature().Results()
	if r.Len() == 0 {
		return false
	}
	switch u := r.At(0).Type().Underlying().(type) {
	case *types.Basic:
		return u.Info()&(types.IsString|types.IsInteger) != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

// inGOROOT reports whether the package's files are in the Go installation:
// a standard-library package. (Import paths cannot tell: a module may be
// named without a dot, and so are GOPATH packages in tests.)
func inGOROOT(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 || build.Default.GOROOT == "" {
		return false
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	return strings.HasPrefix(name, filepath.Join(build.Default.GOROOT, "src")+string(filepath.Separator))
}

// summarize describes a header value that a wrapper or helper produces
// itself, for its fact: the value's kinds, and whether it is generated
// inside a retry loop of the function that also sends the request (each
// attempt then carries a new value). sends are the function's sends.
func (a *httpAnalysis) summarize(e ast.Expr, sends []*ast.CallExpr) ValueSummary {
	v := a.model.classifier().Classify(e)
	s := ValueSummary{Kinds: uint32(v.Kinds)}
	for _, g := range v.Gen {
		loop := a.model.RetryAround(g)
		if loop != nil && containsAny(loop, sends) {
			s.InRetryLoop = true
			break
		}
	}
	return s
}

func containsAny(n ast.Node, calls []*ast.CallExpr) bool {
	for _, c := range calls {
		if n.Pos() <= c.Pos() && c.End() <= n.End() {
			return true
		}
	}
	return false
}
