package pagelimit

import (
	"fmt"

	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"golang.org/x/tools/go/analysis"
)

// Analyzer reports limit query parameters above the maximum that the Brex
// list endpoint documents.
var Analyzer = &analysis.Analyzer{
	Name:     checks.PageLimit,
	Doc:      "report a limit query parameter above the maximum a Brex list endpoint accepts (100 on List Expenses, 1000 elsewhere)",
	URL:      checks.DocURL(checks.PageLimit),
	Requires: []*analysis.Analyzer{brexmodel.Analyzer, directives.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	r := directives.NewReporter(pass)
	defer r.Finish()
	m := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model)
	for _, req := range m.Requests {
		ep := req.Endpoint
		if !req.Brex || req.InTest || ep == nil || ep.Page == nil || ep.Page.MaxLimit == 0 {
			continue
		}
		for _, l := range m.Limits(req) {
			if l.Const && l.N > int64(ep.Page.MaxLimit) {
				r.Report(analysis.Diagnostic{
					Pos:      l.Pos,
					Category: kindOverMaximum,
					Message: checks.Message(fmt.Sprintf("limit=%d on %s exceeds its maximum of %d", l.N, ep, ep.Page.MaxLimit),
						"Brex answers 400 Bad Request", fmt.Sprintf("use at most %d and follow next_cursor", ep.Page.MaxLimit)),
					Related: []analysis.RelatedInformation{{Pos: l.Pos, Message: "the maximum is documented at " + ep.Page.LimitSource}},
				})
				break
			}
		}
	}
	return nil, nil
}

// kindOverMaximum is the category of a limit above an endpoint's maximum.
const kindOverMaximum = "over-maximum"
