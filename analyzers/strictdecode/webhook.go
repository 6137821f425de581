package strictdecode

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/brexlint/brexlint/internal/brexenum"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/webframe"
	"github.com/brexlint/brexlint/internal/webhookmodel"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// webhookPayload reports whether reader is a Brex webhook payload in the
// function whose body is body, and says on which evidence: reader is the
// body of an *http.Request or a web framework's raw body (gin's
// c.GetRawData()) (directly, through a wrapping reader, or as bytes read
// from it), and the function shows a Brex webhook receiver's evidence
// (see webhookEvidence) for the types decoded into, targets.
func (c *checker) webhookPayload(reader ast.Expr, body *ast.BlockStmt, targets []types.Type) (string, bool) {
	if !c.readsRequestBody(reader, body, 0) {
		return "", false
	}
	return c.webhookEvidence(body, targets)
}

// webhookEvidence reports whether the function whose body is body, which
// decodes a request body into targets, receives Brex webhooks, and says
// on which evidence:
//   - the function reads the Webhook-Id or Webhook-Signature header
//     (itself, through a function of this package that reads it, or by
//     handing the headers to a Standard Webhooks or Svix verifier), and
//   - a Brex signal: a target is a type with a field that takes Brex
//     event values (TRANSFER_PROCESSED ...), or the package fetches its
//     signing secrets from GET /v1/webhooks/secrets at Brex.
//
// Other providers use the same headers (the Standard Webhooks scheme), so
// the headers alone are not enough.
func (c *checker) webhookEvidence(body *ast.BlockStmt, targets []types.Type) (string, bool) {
	if !c.readsWebhookHeaders(body) {
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

// checkStrictBinding judges gin's switch that makes every JSON bind of the
// program strict (binding.EnableDecoderDisallowUnknownFields = true,
// gin.EnableJsonDecoderDisallowUnknownFields()), at n: a finding when a
// gin handler of the package binds a Brex webhook payload as JSON
// (webframe.JSONBind) on the evidence a decoder of one needs
// (webhookEvidence). The switch is global: a handler of another package
// is out of reach.
func (c *checker) checkStrictBinding(n ast.Node) {
	if c.model.Webhooks == nil {
		return
	}
	for _, u := range c.model.Webhooks.Units() {
		if !u.Request || c.inTestFile(u.Node.Pos()) {
			continue
		}
		for _, d := range c.model.Webhooks.DecodesOf(u) {
			if webframe.JSONBind(c.pass.TypesInfo, d.Call) == nil {
				continue
			}
			why, ok := c.webhookEvidence(u.Body, []types.Type{d.Target})
			if !ok {
				continue
			}
			fn := typeutil.Callee(c.pass.TypesInfo, d.Call)
			c.r.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Category: kindWebhook,
				Message: checks.Message(fmt.Sprintf("gin's strict JSON binding on the Brex webhook payload of %s (%s)", fn.Name(), why),
					whyStrict, "turn it off"),
				Related: []analysis.RelatedInformation{{Pos: d.Call.Pos(), End: d.Call.End(), Message: "the Brex webhook payload is bound here"}}})
			return
		}
	}
}

// strictBindingSwitch reports whether n turns gin's strict JSON binding
// on: binding.EnableDecoderDisallowUnknownFields = true, or a call of
// gin.EnableJsonDecoderDisallowUnknownFields.
func strictBindingSwitch(info *types.Info, n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, n).(*types.Func)
		return fn != nil && webframe.IsStrictBindingSwitch(fn)
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
			return false
		}
		for i, l := range n.Lhs {
			var id *ast.Ident
			switch l := ast.Unparen(l).(type) {
			case *ast.SelectorExpr:
				id = l.Sel
			case *ast.Ident:
				id = l
			}
			tv := info.Types[n.Rhs[i]]
			if id != nil && webframe.IsStrictBindingSwitch(info.Uses[id]) &&
				tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) {
				return true
			}
		}
	}
	return false
}
