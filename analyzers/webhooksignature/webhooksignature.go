package webhooksignature

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"

	"github.com/brexlint/brexlint/internal/brexenum"
	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/typesutil"
	wm "github.com/brexlint/brexlint/internal/webhookmodel"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// Analyzer reports Brex webhook receivers that do not verify what Brex
// signs.
var Analyzer = &analysis.Analyzer{
	Name:             checks.WebhookSignature,
	Doc:              "report Brex webhook receivers that skip or botch the verification of the Webhook-Signature HMAC",
	URL:              checks.DocURL(checks.WebhookSignature),
	Requires:         []*analysis.Analyzer{directives.Analyzer, inspect.Analyzer, brexmodel.Analyzer},
	Run:              run,
	ResultType:       reflect.TypeFor[*Result](),
	RunDespiteErrors: false,
}

// Result is what the check examined in a package: the Brex webhook
// receivers outside test files (for the checklist's coverage: the
// webhook-signatures item is n/a in a module that has none).
type Result struct {
	// Receivers are the positions of the receivers: a function's name,
	// or a literal's func keyword.
	Receivers []token.Pos
}

// The kinds of finding (categories "webhooksignature/KIND").
const (
	kindUnverified   = "unverified"
	kindVariableTime = "variable-time-compare"
	kindReserialised = "reserialised-body"
	kindBodyOnly     = "body-only"
	kindNoTimestamp  = "no-timestamp-check"
	kindFirstEntry   = "first-signature-only"
	kindOneSecret    = "one-secret"
	kindRawSecret    = "raw-secret"
	kindPrefix       = "whsec-prefix"
)

type checker struct {
	pass     *analysis.Pass
	r        *directives.Reporter
	wh       *wm.Model
	events   *brexenum.EventFields // made on first need
	reported map[string]bool       // kind and position already reported
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{}
	// The reporter comes first: even with nothing to judge, a directive
	// that silences no finding of the check is reported.
	r := directives.NewReporter(pass)
	defer r.Finish()
	model := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model)
	if model.Webhooks == nil {
		return res, nil
	}
	c := &checker{pass: pass, r: r, wh: model.Webhooks, reported: map[string]bool{}}
	if !model.FetchesWebhookSecrets() && !c.decodesBrexPayload() {
		return res, nil
	}
	generated := map[*token.File]bool{}
	for _, f := range pass.Files {
		if directives.Generated(pass.Fset, f) {
			generated[pass.Fset.File(f.Pos())] = true
		}
	}
	for _, u := range c.wh.Units() {
		// Tests and generated code are not reported, so they are not
		// counted as receivers the checklist examined either.
		if !u.Request || c.inTest(u.Node.Pos()) || generated[pass.Fset.File(u.Node.Pos())] {
			continue
		}
		if c.checkReceiver(u) {
			res.Receivers = append(res.Receivers, unitPos(u))
		}
	}
	return res, nil
}

// decodesBrexPayload reports whether a function of the package decodes a
// request body into a type that takes Brex event values: the package
// receives Brex webhooks.
func (c *checker) decodesBrexPayload() bool {
	for _, u := range c.wh.Units() {
		if c.brexDecode(u) != nil {
			return true
		}
	}
	return false
}

// brexDecode returns u's first decoding of a request body into a type
// that takes Brex event values, or nil.
func (c *checker) brexDecode(u *wm.Unit) *wm.Decode {
	decodes := c.wh.DecodesOf(u)
	for i, d := range decodes {
		if c.events == nil {
			c.events = brexenum.NewEventFields(c.pass.TypesInfo, typesutil.Inspector(c.pass), brexenum.NewTypes(c.pass.Pkg))
		}
		if c.events.Takes(d.Target) {
			return &decodes[i]
		}
	}
	return nil
}

func (c *checker) inTest(pos token.Pos) bool {
	return typesutil.InTestFile(c.pass.Fset, pos)
}

// checkReceiver judges one function that takes an *http.Request in a
// package that receives Brex webhooks. It is a receiver when it reads a
// Standard Webhooks header (itself or through what it calls) or decodes a
// Brex payload. It reports whether u is a receiver.
func (c *checker) checkReceiver(u *wm.Unit) bool {
	s, decodes := c.wh.SummaryOf(u), c.wh.DecodesOf(u)
	var payload *wm.Decode
	switch {
	case s.Headers != 0 && len(decodes) > 0:
		payload = &decodes[0]
	case s.Headers == 0:
		payload = c.brexDecode(u)
		if payload == nil {
			return false
		}
	}
	// A receiver that another package may wrap in a verifying middleware
	// (see wm.Model.WrappedElsewhere) need not verify; what it verifies
	// itself is judged below all the same.
	elsewhere := c.wh.WrappedElsewhere(u)
	if payload != nil && !s.Verifies && !s.Opaque && !elsewhere &&
		!c.wh.Covered(u, func(s *wm.Summary) bool { return s.Verifies || s.Opaque }) {
		c.report(payload.Call.Pos(), kindUnverified, "",
			"Brex webhook payload decoded without verifying its Webhook-Signature", "anyone can forge Brex events", "verify its HMAC-SHA256 first")
	}
	// The steps judged are those of a receiver that compares a MAC with
	// the signature header (all its HMACs), or those of the verifying
	// library it calls: an HMAC that a receiver verified by a library
	// computes is for another purpose.
	// One wrapped elsewhere that takes no step of its own is no receiver
	// of the package: the wrapping code is.
	byHand := comparesSignature(s)
	if !byHand && s.Library == "" {
		return !elsewhere
	}
	// The code that wraps one wrapped elsewhere may check the clock too.
	if !s.Clock && !s.Opaque && !elsewhere && !c.wh.Covered(u, func(s *wm.Summary) bool { return s.Clock || s.Opaque }) {
		pos := s.TimestampPos
		if !pos.IsValid() {
			pos = unitPos(u)
		}
		c.report(pos, kindNoTimestamp, "",
			"Webhook-Timestamp of a Brex webhook never compared with the clock", "a captured Brex event can be replayed", "reject stale timestamps")
	}
	for _, site := range s.Sites {
		if byHand || site.Lib {
			c.judge(site)
		}
	}
	return true
}

func unitPos(u *wm.Unit) token.Pos {
	if fd, ok := u.Node.(*ast.FuncDecl); ok {
		return fd.Name.Pos()
	}
	return u.Node.Pos()
}

// comparesSignature reports whether s compares a MAC with the
// Webhook-Signature header.
func comparesSignature(s *wm.Summary) bool {
	for _, site := range s.Sites {
		if (site.Kind == wm.SiteCompare || site.Kind == wm.SiteCompareCT) &&
			(signed(site.A, site.B) || signed(site.B, site.A)) {
			return true
		}
	}
	return false
}

// signed: mac is a MAC and sig comes from the Webhook-Signature header.
func signed(mac, sig wm.Origin) bool { return mac.Has(wm.MAC) && sig.Has(wm.FromSignature) }

// judge reports what is wrong with one step of a verification.
func (c *checker) judge(s wm.Site) {
	switch s.Kind {
	case wm.SiteKey:
		switch {
		case s.A.Has(wm.StrConv) && !s.A.Has(wm.Decoded):
			c.report(s.Pos(), kindRawSecret, s.In,
				"Brex webhook secret used as the HMAC key without base64-decoding it", whyNoneVerifies, "strip whsec_ and base64-decode it")
		case s.A.Has(wm.Decoded) && !s.A.Has(wm.Stripped) && s.A.Params == 0:
			c.report(s.Pos(), kindPrefix, s.In,
				"Brex webhook secret base64-decoded without stripping a whsec_ prefix", whyNoneVerifies, "strip whsec_ before decoding")
		}
		if s.A.Has(wm.FirstOfList) {
			c.report(s.Pos(), kindOneSecret, s.In,
				"only the first Brex webhook secret is tried", "verification fails during a secret rotation", "try every secret from GET /v1/webhooks/secrets")
		}
	case wm.SiteContent:
		switch {
		case s.A.Has(wm.Reserialised):
			c.report(s.Pos(), kindReserialised, s.In,
				"Brex webhook MAC computed over re-serialised JSON instead of the raw body", whyNoneVerifies, "sign the raw body bytes")
		case s.A.Has(wm.FromBody) && !s.A.Has(wm.FromID|wm.FromTimestamp) && !s.A.Has(wm.Unknown) && s.A.Params == 0:
			c.report(s.Pos(), kindBodyOnly, s.In,
				"Brex webhook MAC computed without Webhook-Id and Webhook-Timestamp", whyNoneVerifies, "sign {id}.{timestamp}.{body}")
		}
	case wm.SiteCompare, wm.SiteCompareCT:
		if s.Kind == wm.SiteCompare && (signed(s.A, s.B) || signed(s.B, s.A)) {
			c.report(s.Pos(), kindVariableTime, s.In,
				"Brex webhook signature compared with "+s.Op+", in variable time", "its timing leaks the expected signature", "compare with hmac.Equal")
		}
		if firstEntry(s.A, s.B) || firstEntry(s.B, s.A) {
			c.report(s.Pos(), kindFirstEntry, s.In,
				"Brex Webhook-Signature compared as one entry, not entry by entry", "verification fails during a key rotation", "check each v1, entry")
		}
	}
}

// firstEntry: mac is a MAC and sig is the signature header not taken
// entry by entry.
func firstEntry(mac, sig wm.Origin) bool {
	return mac.Has(wm.MAC) && sig.Has(wm.FromSignature) && !sig.Has(wm.EachEntry) && sig.Params == 0
}

// whyNoneVerifies is why a MAC over the wrong key or content matters.
const whyNoneVerifies = "no genuine Brex event verifies"

// report reports a finding once per position and kind, with what is
// wrong, why and what to do ([checks.Message]); in names the function of
// another package where it happens.
func (c *checker) report(pos token.Pos, kind, in, what, why, fix string) {
	key := fmt.Sprint(kind, pos)
	if c.reported[key] {
		return
	}
	c.reported[key] = true
	if in != "" {
		what += " (in " + in + ")"
	}
	c.r.Report(analysis.Diagnostic{Pos: pos, Category: kind, Message: checks.Message(what, why, fix)})
}
