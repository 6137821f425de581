package brexmodel_test

import (
	"go/types"
	"sync"
	"testing"

	"github.com/brexlint/brexlint/internal/brexmodel"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// retried reports each function of the package that the model says is
// called inside a retry loop, asking RetriedInPackage about every
// function from several goroutines at once, as checks that run
// concurrently on one package's model may; every goroutine must get the
// same answers.
var retried = &analysis.Analyzer{
	Name:     "retried",
	Doc:      "reports the functions the Brex model finds retried in the package (test only)",
	Requires: []*analysis.Analyzer{brexmodel.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		m := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model)
		var fns []*types.Func
		for fn := range m.Funcs().All() {
			fns = append(fns, fn)
		}
		answers := make([][]bool, 4)
		var wg sync.WaitGroup
		for g := range answers {
			wg.Go(func() {
				for _, fn := range fns {
					answers[g] = append(answers[g], m.RetriedInPackage(fn))
				}
			})
		}
		wg.Wait()
		for i, fn := range fns {
			for g := range answers {
				if answers[g][i] != answers[0][i] {
					pass.Reportf(fn.Pos(), "goroutine %d says %v, goroutine 0 says %v", g, answers[g][i], answers[0][i])
				}
			}
			if answers[0][i] {
				pass.Reportf(fn.Pos(), "retried in the package")
			}
		}
		return nil, nil
	},
}

// TestConcurrentRetried checks Model.RetriedInPackage, which the model
// answers from a package-wide scan made on the first question, asked
// concurrently. Run with -race (.ci/run does), it shows the scan safe for
// concurrent use.
func TestConcurrentRetried(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), retried, "retried")
}

// TestConcurrentHalves checks the facts of a package on which the model's
// value and webhook halves run on their own goroutine while the HTTP half
// asks the classifier the value half filled (see run). Run with -race
// (.ci/run does), it shows that the halves share nothing unguarded.
//
// In halvesgate, only the value half's fact lets the rest of the model
// run: it fails, most runs, when the model does not wait for the side
// before counting the package's own facts.
func TestConcurrentHalves(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), brexmodel.Analyzer, "halves", "halvesgate")
}
