package brexmodel_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/teststubs"
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
	analysistest.Run(t, analysistest.TestData(), brexmodel.Analyzer, "ids", "plain", "brexclient", "otherclient", "builder", "consts", "whverify", "headerwrap")
}

func TestRequests(t *testing.T) {
	analysistest.Run(t, teststubs.GOPATH(t, analysistest.TestData(), "github.com/hashicorp/go-retryablehttp", "github.com/go-resty/resty/v2"), requests, "app", "direct", "reqbuild", "restyapp")
}

// TestBuilderFacts checks the wrapper facts of a client built on resty and
// retryablehttp, and their requests at a caller in another package.
func TestBuilderFacts(t *testing.T) {
	dir := teststubs.GOPATH(t, analysistest.TestData(), "github.com/hashicorp/go-retryablehttp", "github.com/go-resty/resty/v2")
	analysistest.Run(t, dir, brexmodel.Analyzer, "restyclient")
	analysistest.Run(t, dir, requests, "restyuser")
}
