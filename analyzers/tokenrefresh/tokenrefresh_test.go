package tokenrefresh_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/tokenrefresh"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestTokenRefresh(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenrefresh.Analyzer, "a", "brexauth", "brexsync", "app", "handrolled", "other", "customer")
}
