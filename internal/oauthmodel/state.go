package oauthmodel

import (
	"go/ast"
	"go/types"

	"github.com/brexlint/brexlint/internal/entropy"
)

// The classification of state values, on internal/entropy's sources. A
// state is good when it is unpredictable; the model says "constant" or
// "predictable" only on evidence, and "unknown" otherwise: a value with a
// part the package cannot see (a parameter, a field, a call of an unknown
// function: entropy.Identifier) is unknown, whatever else it holds.

// classify describes the state value e, in the function fn (a FuncDecl or
// FuncLit) that uses it.
func (m *modeler) classify(e ast.Expr, fn ast.Node) State {
	st := m.classifyExpr(e, fn)
	st.Expr = e
	return st
}

func (m *modeler) classifyExpr(e ast.Expr, fn ast.Node) State {
	if e == nil {
		return State{}
	}
	// A parameter that is never reassigned: the callers decide.
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && fn != nil {
		if v, _ := m.info.Uses[id].(*types.Var); v != nil && len(m.vals.defs[v]) == 0 && !m.vals.mutated[v] {
			if i, ok := paramIndex(m.info, fn, v); ok {
				return State{Class: StateParam, Param: i}
			}
		}
	}
	return stateOf(m.entropy().Classify(e))
}

// stateOf maps entropy's sources to a state class.
func stateOf(v entropy.Value) State {
	switch {
	case v.Kinds == 0:
		return State{}
	case v.Has(entropy.Random):
		return State{Class: StateRandom}
	case v.Has(entropy.Identifier):
		return State{}
	case v.Only(entropy.Constant):
		return State{Class: StateConstant, ConstLen: v.ConstLen}
	case v.Has(entropy.MathRand):
		return State{Class: StatePredictable, Why: "math/rand"}
	case v.Has(entropy.Counter):
		return State{Class: StatePredictable, Why: "a counter"}
	case v.Has(entropy.Time):
		return State{Class: StatePredictable, Why: "the time"}
	case v.Has(entropy.UUIDTime):
		return State{Class: StatePredictable, Why: "a time-based UUID"}
	case v.Has(entropy.UUIDName):
		return State{Class: StatePredictable, Why: "a name-based UUID"}
	}
	return State{}
}

// entropy returns the package's classifier, built on first use.
func (m *modeler) entropy() *entropy.Classifier {
	if m.classifier == nil {
		m.classifier = entropy.New(m.info, m.pass.Files, oracle{m})
	}
	return m.classifier
}

// oracle answers entropy's questions about functions of other packages:
// random helpers (//brexlint:random, the Brex model's random fact) and the
// kinds that a ValueFact records.
type oracle struct{ m *modeler }

func (o oracle) Random(fn *types.Func) bool {
	return o.m.opts.Random != nil && o.m.opts.Random(fn)
}

func (o oracle) Kinds(fn *types.Func) (entropy.Kind, bool) {
	fn = fn.Origin()
	if fn.Pkg() == nil || fn.Pkg() == o.m.pass.Pkg {
		return 0, false
	}
	var f ValueFact
	if o.m.pass.ImportObjectFact(fn, &f) {
		return entropy.Kind(f.Kinds), true
	}
	return 0, false
}

// valueFact returns the ValueFact of a function of the package whose first
// result is a string, a []byte or an integer, when its returns are known
// (not only entropy.Identifier).
func (m *modeler) valueFact(fn *types.Func, fd *ast.FuncDecl) *ValueFact {
	r := fn.Signature().Results()
	if r.Len() == 0 || !valueType(r.At(0).Type()) {
		return nil
	}
	v := m.entropy().Results(fd)
	if v.Kinds == 0 || v.Kinds == entropy.Identifier {
		return nil
	}
	return &ValueFact{Kinds: uint32(v.Kinds), ConstLen: v.ConstLen}
}

func valueType(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&(types.IsString|types.IsInteger) != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}
