package brexmodel_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/internal/brexmodel"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// requests reports each request of the model, so that analysistest can
// compare the model with // want comments.
var requests = &analysis.Analyzer{
	Name:     "requests",
	Doc:      "reports the Brex model's requests (test only)",
	Requires: []*analysis.Analyzer{brexmodel.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		m := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model)
		for _, r := range m.Requests {
			pass.Reportf(r.Pos(), "%s", describe(r))
		}
		return nil, nil
	},
}

func describe(r *brexmodel.Request) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s [%s]", r.Method, r.Path, r.Why)
	if r.Sent {
		b.WriteString(" sent")
	}
	if r.Via != nil {
		fmt.Fprintf(&b, " via %s.%s", r.Via.Pkg().Name(), r.Via.Name())
	}
	if r.NoHeaders {
		b.WriteString(" noheaders")
	}
	if len(r.Headers) > 0 {
		var names []string
		for _, h := range r.Headers {
			names = append(names, h.Name)
		}
		b.WriteString(" headers=" + strings.Join(names, ","))
	}
	return b.String()
}

func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), brexmodel.Analyzer, "ids", "plain", "brexclient", "otherclient", "builder", "consts", "headerwrap")
}

func TestRequests(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), requests, "app", "direct")
}
