package brexmodel

import (
	"go/types"

	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/oauthmodel"
	"golang.org/x/tools/go/analysis"
)

// OAuth is the OAuth half of the Brex model: configurations and their
// providers and scopes, authorization URLs and their state, callback
// handlers, and code exchanges. See internal/oauthmodel.
type OAuth = oauthmodel.Result

func oauthFactTypes() []analysis.Fact { return oauthmodel.FactTypes() }

// analyzeOAuth runs the OAuth model, which exports its own facts through
// this analyzer. A function returns unpredictable values when it is taught
// //brexlint:random here, or carries the model's RandomFact.
func (m *Model) analyzeOAuth(pass *analysis.Pass) error {
	teach := pass.ResultOf[directives.Analyzer].(*directives.Index).Teaching
	res, err := oauthmodel.Analyze(pass, oauthmodel.Options{
		Random: func(fn *types.Func) bool {
			if fn.Pkg() == pass.Pkg {
				return teach[fn]&directives.Random != 0
			}
			return pass.ImportObjectFact(fn, new(RandomFact))
		},
	})
	if err != nil {
		return err
	}
	m.OAuth = res
	return nil
}
