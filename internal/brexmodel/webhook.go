package brexmodel

import (
	"github.com/brexlint/brexlint/internal/webframe"
	"github.com/brexlint/brexlint/internal/webhookmodel"
	"golang.org/x/tools/go/analysis"
)

// Webhooks is the webhook half of the Brex model: Standard Webhooks
// receivers, what they read and how they verify. See internal/webhookmodel.
type Webhooks = webhookmodel.Model

func webhookFactTypes() []analysis.Fact { return webhookmodel.FactTypes() }

// analyzeWebhooks runs the webhook model on packages that can receive or
// verify a webhook: those that import net/http, a web framework the model
// knows (gin, echo: their handlers need not import net/http), crypto/hmac
// or a verifying library themselves (a verification helper need not
// import net/http),
// that see functions with webhook facts, or that name a Standard Webhooks
// header in a string literal (the model summarises all their functions).
// The standard library is none of them.
func (m *Model) analyzeWebhooks(pass *analysis.Pass) {
	if inGOROOT(pass) {
		return
	}
	relevant := false
	for _, p := range pass.Pkg.Imports() {
		if _, lib := webhookmodel.Libraries[p.Path()]; lib || p.Path() == "net/http" || p.Path() == "crypto/hmac" ||
			webframe.IsFramework(p.Path()) {
			relevant = true
			break
		}
	}
	if !relevant && !hasFact[*webhookmodel.FuncFact](m.imports) && !webhookmodel.NamesHeader(m.insp) {
		return
	}
	m.Webhooks = webhookmodel.Analyze(pass, m.funcs)
}

// FetchesWebhookSecrets reports whether the package requests GET
// /v1/webhooks/secrets from Brex: the webhook secrets it verifies with are
// Brex's.
func (m *Model) FetchesWebhookSecrets() bool {
	for _, r := range m.Requests {
		if r.Brex && r.Endpoint != nil && r.Endpoint.Path == "/v1/webhooks/secrets" {
			return true
		}
	}
	return false
}
