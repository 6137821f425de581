package pagelimit_test

import (
	"strings"
	"testing"

	"github.com/brexlint/brexlint/analyzers/pagelimit"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestPageLimit(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), pagelimit.Analyzer, "a")
	// Each finding names where its maximum is documented: the List
	// Expenses maximum in the changelog, the others on the pagination page.
	n := 0
	for _, res := range results {
		for _, d := range res.Diagnostics {
			n++
			want := "developer.brex.com/docs/pagination"
			if strings.Contains(d.Message, "/v1/expenses") {
				want = "developer.brex.com/changelog, Feb 2026"
			}
			if len(d.Related) != 1 || !strings.Contains(d.Related[0].Message, want) {
				t.Errorf("%s: related information %+v, want the source %q", res.Pass.Fset.Position(d.Pos), d.Related, want)
			}
		}
	}
	if n == 0 {
		t.Fatal("no findings: the test proves nothing")
	}
}
