package ratelimit

import (
	"fmt"
	"go/ast"

	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/analysis"
)

// Analyzer reports Brex calls whose 429 responses are not retried with a
// growing, bounded wait.
var Analyzer = &analysis.Analyzer{
	Name:     checks.RateLimit,
	Doc:      "report Brex calls whose HTTP 429 (rate limit) responses are not retried with a growing, bounded backoff",
	URL:      checks.DocURL(checks.RateLimit),
	Requires: []*analysis.Analyzer{brexmodel.Analyzer, directives.Analyzer},
	Run:      run,
}

// The kinds of finding (categories "ratelimit/KIND").
const (
	kindUnhandled = "unhandled"
	kindNoBackoff = "no-backoff"
	kindUnbounded = "unbounded"
)

func run(pass *analysis.Pass) (any, error) {
	r := directives.NewReporter(pass)
	defer r.Finish()
	m := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model)
	retries := map[ast.Node]bool{}
	for _, s := range m.Sends() {
		if s.InTest {
			continue
		}
		if s.Landing && !s.Handled {
			report(r, s.Call, kindUnhandled, s.Endpoints, unhandled(pass, s))
		}
		if s.Client == brexmodel.ClientRetriesConstant && s.Via == nil {
			report(r, s.Call, kindNoBackoff, s.Endpoints, checks.Message(fmt.Sprintf("%s retries 429 from %s with a constant wait",
				s.ClientWhat, endpoints(s.Endpoints)), whyHerd, fixBackoff))
		}
		if rt := s.Retry; rt != nil && !retries[rt.Node] {
			retries[rt.Node] = true
			checkRetry(r, s, rt)
		}
	}
	for _, ic := range m.InjectedClients() {
		if ic.InTest {
			continue
		}
		if ic.Kind == brexmodel.ClientRetriesConstant {
			report(r, ic.Node, kindNoBackoff, ic.Endpoints, checks.Message(fmt.Sprintf("%s, given to %s, retries 429 from %s with a constant wait",
				ic.What, ic.Into, endpoints(ic.Endpoints)), whyHerd, fixBackoff))
			continue
		}
		report(r, ic.Node, kindUnhandled, ic.Endpoints, checks.Message(fmt.Sprintf("%s, given to %s, does not retry 429 from %s",
			ic.What, ic.Into, endpoints(ic.Endpoints)), whyUnhandled, fixClient))
	}
	return nil, nil
}

// endpoints names the endpoints of a finding in its message; [report]
// lists them all as related information when it names only some.
func endpoints(eps []string) string {
	return brexmodel.EndpointList(eps, "the Brex requests sent here")
}

// Why each kind of finding matters to Brex, and what to do, in the
// messages ([checks.Message]); doc.go says it at length.
const (
	whyUnhandled = "bursts fail under Brex's rate limit"
	whyHerd      = "retries hit Brex's rate limit in lockstep"
	whyUnbounded = "an outage retries forever"
	fixRetry     = "retry with backoff and jitter"
	fixClient    = "pass a client that retries 429"
	fixBackoff   = "back off exponentially with jitter"
	fixBound     = "cap attempts or use a deadline"
)

// report reports a finding at n whose message names eps.
func report(r *directives.Reporter, n ast.Node, kind string, eps []string, msg string) {
	r.Report(analysis.Diagnostic{Pos: n.Pos(), Category: kind, Message: msg, Related: brexmodel.EndpointsRelated(n.Pos(), eps)})
}

func unhandled(pass *analysis.Pass, s *brexmodel.Send) string {
	switch {
	case s.Generated:
		return checks.Message(fmt.Sprintf("429 from %s is not retried (client: %s)", endpoints(s.Endpoints), s.ClientWhat), whyUnhandled, fixRetry)
	case s.Via != nil && s.ViaReturns:
		return checks.Message(fmt.Sprintf("%s returns the response of %s and nothing retries its 429", typesutil.FuncName(s.Via, pass.Pkg), endpoints(s.Endpoints)), whyUnhandled, fixRetry)
	case s.Via != nil:
		return checks.Message(fmt.Sprintf("429 from %s is not retried, by %s or around it", endpoints(s.Endpoints), typesutil.FuncName(s.Via, pass.Pkg)), whyUnhandled, fixRetry)
	case s.ClientWhat != "":
		return checks.Message(fmt.Sprintf("429 from %s is not retried (client: %s)", endpoints(s.Endpoints), s.ClientWhat), whyUnhandled, fixRetry)
	}
	return checks.Message(fmt.Sprintf("429 from %s is not retried", endpoints(s.Endpoints)), whyUnhandled, fixRetry)
}

func checkRetry(r *directives.Reporter, s *brexmodel.Send, rt *brexmodel.Retry) {
	what := "this retry of " + endpoints(s.Endpoints)
	if rt.Lib != "" {
		what += " (" + rt.Lib + ")"
	}
	at := rt.Node
	if rt.WaitAt != nil {
		at = rt.WaitAt
	}
	switch rt.Wait {
	case brexmodel.WaitNone:
		report(r, at, kindNoBackoff, s.Endpoints, checks.Message(what+" does not wait between attempts", whyHerd, fixBackoff))
	case brexmodel.WaitConstant:
		report(r, at, kindNoBackoff, s.Endpoints, checks.Message(what+" waits a constant time between attempts", whyHerd, fixBackoff))
	case brexmodel.WaitRetryAfterOnly:
		report(r, at, kindNoBackoff, s.Endpoints, checks.Message(what+" waits only for the Retry-After header, which Brex does not document", "it retries at once when the header is absent", "back off exponentially when there is none"))
	}
	if !rt.Bounded {
		report(r, rt.Node, kindUnbounded, s.Endpoints, checks.Message(what+" has neither an attempt limit nor a context or deadline", whyUnbounded, fixBound))
	}
}
