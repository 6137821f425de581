package pagination_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/pagination"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestPagination(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pagination.Analyzer, "a")
}
