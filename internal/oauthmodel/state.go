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
		return State{Class: StateRandom, RandLen: max(v.Len, 0)}
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
	if m.classifier == nil && m.opts.Classifier != nil {
		m.classifier = m.opts.Classifier()
	}
	if m.classifier == nil {
		var o entropy.Oracle
		if m.opts.Values != nil {
			o = m.opts.Values
		}
		m.classifier = entropy.New(m.pass.Fset, m.info, m.pass.Files, m.funcs, o)
	}
	return m.classifier
}
