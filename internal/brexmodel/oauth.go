package brexmodel

import (
	"github.com/brexlint/brexlint/internal/oauthmodel"
	"golang.org/x/tools/go/analysis"
)

// OAuth is the OAuth half of the Brex model: configurations and their
// providers and scopes, authorization URLs and their state, callback
// handlers, and code exchanges. See internal/oauthmodel.
type OAuth = oauthmodel.Result

func oauthFactTypes() []analysis.Fact { return oauthmodel.FactTypes() }

// analyzeOAuth runs the OAuth model, which exports its own facts through
// this analyzer. The model answers its questions about what functions of
// other packages return (value facts), and is given the Brex endpoints the
// package calls, for its scope view.
func (m *Model) analyzeOAuth(pass *analysis.Pass) error {
	var calls []oauthmodel.EndpointCall
	for _, r := range m.Requests {
		if r.Brex && r.Endpoint != nil {
			c := oauthmodel.EndpointCall{Call: r.Call, Func: r.Func, Endpoint: r.Endpoint, InTest: r.InTest}
			for _, h := range r.Headers {
				if h.Name == "Authorization" && h.Value != nil {
					c.Auth = h.Value
				}
			}
			if c.Auth == nil && m.resp != nil && len(r.Endpoint.Scopes) > 0 {
				// A generated client's operation: what the program gave
				// the client (genauth.go). Only the scope view reads the
				// Authorization, and only of endpoints with scopes.
				c.Auth = m.resp.genAuth(r)
			}
			calls = append(calls, c)
		}
	}
	res, err := oauthmodel.Analyze(pass, oauthmodel.Options{Values: m, Calls: calls, Imported: m.imports, Folder: m.urlFolder(), Funcs: m.funcs, Classifier: m.classifier})
	if err != nil {
		return err
	}
	m.OAuth = res
	return nil
}
