package strictdecode

import (
	"go/ast"
	"go/types"

	"github.com/brexlint/brexlint/internal/brexenum"
	"github.com/brexlint/brexlint/internal/webhookmodel"
)

// webhookPayload reports whether reader is a Brex webhook payload in the
// function whose body is body, and says on which evidence:
//   - reader is the body of an *http.Request or a web framework's raw
//     body (gin's c.GetRawData()) (directly, through a wrapping reader,
//     or as bytes read from it), and
//   - the function reads the Webhook-Id or Webhook-Signature header
//     (itself, through a function of this package that reads it, or by
//     handing the headers to a Standard Webhooks or Svix verifier), and
//   - a Brex signal: the decoder decodes into a type with a field that
//     takes Brex event values (TRANSFER_PROCESSED ...), or the package
//     fetches its signing secrets from GET /v1/webhooks/secrets at Brex.
//
// Other providers use the same headers (the Standard Webhooks scheme), so
// the headers alone are not enough.
func (c *checker) webhookPayload(reader ast.Expr, body *ast.BlockStmt, targets []types.Type) (string, bool) {
	if !c.readsRequestBody(reader, body, 0) || !c.readsWebhookHeaders(body) {
		return "", false
	}
	for _, t := range targets {
		if c.takesBrexEvents(t) {
			return "Standard Webhooks headers and Brex event types", true
		}
	}
	if c.fetchesBrexSecrets() {
		return "Standard Webhooks headers and secrets from GET /v1/webhooks/secrets", true
	}
	return "", false
}

// readsRequestBody reports whether e is the raw body of a request (the
// Body of an *http.Request, a web framework's raw body: see
// webhookmodel.BodyRead), a reader wrapping it, or bytes read from it,
// following local variables.
func (c *checker) readsRequestBody(e ast.Expr, body *ast.BlockStmt, depth int) bool {
	if depth > 6 || e == nil {
		return false
	}
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if webhookmodel.BodyRead(info, e) {
		return true
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		for _, rhs := range assignedTo(info, body, v) {
			if c.readsRequestBody(rhs, body, depth+1) {
				return true
			}
		}
	case *ast.CallExpr:
		return c.readsRequestBody(webhookmodel.UnwrapReader(info, x), body, depth+1)
	}
	return false
}

// readsWebhookHeaders reports whether the function whose body is body
// reads Webhook-Id or Webhook-Signature, itself or through the functions
// it calls (of this package or, through facts, of others), or by handing
// the headers to a Standard Webhooks or Svix verifier (see the webhook
// model).
func (c *checker) readsWebhookHeaders(body *ast.BlockStmt) bool {
	if c.model.Webhooks == nil {
		return false
	}
	u := c.model.Webhooks.UnitOf(body)
	return u != nil && c.model.Webhooks.SummaryOf(u).Headers&(webhookmodel.FromID|webhookmodel.FromSignature) != 0
}

// takesBrexEvents reports whether t has a field that takes Brex webhook
// event values (see brexenum.EventFields).
func (c *checker) takesBrexEvents(t types.Type) bool {
	if c.events == nil {
		c.events = brexenum.NewEventFields(c.pass.TypesInfo, c.insp, c.types)
	}
	return c.events.Takes(t)
}

// fetchesBrexSecrets reports whether the package requests GET
// /v1/webhooks/secrets from Brex (per the Brex model): the webhook
// secrets it verifies with are Brex's.
func (c *checker) fetchesBrexSecrets() bool {
	if c.secrets == nil {
		found := c.model.FetchesWebhookSecrets()
		c.secrets = &found
	}
	return *c.secrets
}
