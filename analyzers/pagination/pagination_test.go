package pagination_test

import (
	"strings"
	"testing"

	"github.com/brexlint/brexlint/analyzers/pagination"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestPagination(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), pagination.Analyzer, "a")
	// Each finding points at the decode of the page it is about.
	n := 0
	for _, res := range results {
		for _, d := range res.Diagnostics {
			n++
			if len(d.Related) != 1 || !strings.HasSuffix(d.Related[0].Message, " is decoded here") {
				t.Errorf("%s: related information %+v, want the decode", res.Pass.Fset.Position(d.Pos), d.Related)
				continue
			}
			if d.Related[0].Pos >= d.Pos {
				t.Errorf("%s: the decode (%s) is not before the use", res.Pass.Fset.Position(d.Pos), res.Pass.Fset.Position(d.Related[0].Pos))
			}
		}
	}
	if n == 0 {
		t.Fatal("no findings: the test proves nothing")
	}
}

// TestUnusedSuppression: a package with nothing to judge still has its
// pagination suppressions that silence nothing reported.
func TestUnusedSuppression(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pagination.Analyzer, "unusedignore")
}
