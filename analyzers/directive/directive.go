package directive

import (
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"golang.org/x/tools/go/analysis"
)

// Analyzer reports malformed //brexlint: directives.
var Analyzer = &analysis.Analyzer{
	Name:             checks.Directive,
	Doc:              "report malformed //brexlint: directives",
	URL:              checks.DocURL(checks.Directive),
	Requires:         []*analysis.Analyzer{directives.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
}

func run(pass *analysis.Pass) (any, error) {
	r := directives.NewReporter(pass)
	for _, p := range r.Index().Problems {
		r.Report(analysis.Diagnostic{Pos: p.Pos, End: p.End, Category: p.Kind, Message: p.Message})
	}
	r.Finish()
	return nil, nil
}
