package typesutil

import (
	"go/ast"
	"go/token"
	"iter"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Inspector returns the inspector of the package of pass: the result of
// inspect.Analyzer, which the pass's analyzer must require directly (a
// pass's ResultOf holds its direct requirements only).
//
// The models walk a package many times, each for a few kinds of node. One
// inspector, built once per package, lets each walk skip the subtrees that
// hold none of its kinds; a walk with ast.Inspect visits every node every
// time (most of brexmodel's time on stripe-go's root package).
//
// A pass without the inspector is a missing requirement, which the
// analyzers' TestInspectorRequired finds; Inspector then builds an
// inspector for the call, which costs time but changes no finding.
func Inspector(pass *analysis.Pass) *inspector.Inspector {
	if insp, ok := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector); ok {
		return insp
	}
	return inspector.New(pass.Files)
}

// NonTestFiles yields the cursors of the files of insp that are not
// _test.go files (see InTestFile), in order: a check that walks each for
// its few kinds of node (Cursor.Inspect, Cursor.Preorder) never enters a
// test file, where a test that calls the code wrongly on purpose makes no
// finding.
func NonTestFiles(fset *token.FileSet, insp *inspector.Inspector) iter.Seq[inspector.Cursor] {
	return func(yield func(inspector.Cursor) bool) {
		for file := range insp.Root().Children() {
			if !InTestFile(fset, file.Node().(*ast.File).FileStart) && !yield(file) {
				return
			}
		}
	}
}
