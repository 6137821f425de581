package typesutil

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Inspector returns the inspector of the package of pass: the result of
// inspect.Analyzer when the pass's analyzer requires it, one built for the
// call otherwise (a model asked from a test's pass).
//
// The models walk a package many times, each for a few kinds of node. One
// inspector, built once per package, lets each walk skip the subtrees that
// hold none of its kinds; a walk with ast.Inspect visits every node every
// time (most of brexmodel's time on stripe-go's root package).
func Inspector(pass *analysis.Pass) *inspector.Inspector {
	if insp, ok := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector); ok {
		return insp
	}
	return inspector.New(pass.Files)
}
