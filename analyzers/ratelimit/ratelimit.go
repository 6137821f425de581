package ratelimit

import (
	"fmt"
	"go/ast"
	"strings"

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

// fix is what every message asks for.
const fix = "retry 429 with exponential backoff and jitter, a bounded number of times " +
	"(a loop, a retry library such as cenkalti/backoff, or a transport such as hashicorp/go-retryablehttp)"

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
			r.Reportf(s.Call.Pos(), kindUnhandled, "%s", unhandled(pass, s))
		}
		if s.Client == brexmodel.ClientRetriesConstant && s.Via == nil {
			r.Reportf(s.Call.Pos(), kindNoBackoff, "%s retries 429 from %s with a constant wait: every client retries in lockstep and Brex keeps answering 429; "+
				"make the wait grow exponentially, with jitter", s.ClientWhat, brexmodel.EndpointList(s.Endpoints, "the Brex requests sent here"))
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
			r.Reportf(ic.Node.Pos(), kindNoBackoff, "%s, passed to %s, retries 429 from %s with a constant wait: every client retries in lockstep and Brex keeps answering 429; "+
				"make the wait grow exponentially, with jitter", ic.What, ic.Into, brexmodel.EndpointList(ic.Endpoints, "the Brex requests sent here"))
			continue
		}
		r.Reportf(ic.Node.Pos(), kindUnhandled, "%s is passed to %s, which sends %s through it with no other 429 handling: "+
			"Brex answers 429 above 1,000 requests a minute, and this client fails them; pass a client whose transport retries 429 "+
			"with exponential backoff and jitter, bounded (e.g. retryablehttp.NewClient().StandardClient())",
			ic.What, ic.Into, brexmodel.EndpointList(ic.Endpoints, "the Brex requests sent here"))
	}
	return nil, nil
}

func unhandled(pass *analysis.Pass, s *brexmodel.Send) string {
	var b strings.Builder
	switch {
	case s.Via != nil && s.ViaReturns:
		fmt.Fprintf(&b, "%s returns the response of %s and nothing retries its 429", typesutil.FuncName(s.Via, pass.Pkg), brexmodel.EndpointList(s.Endpoints, "the Brex requests sent here"))
	case s.Via != nil:
		fmt.Fprintf(&b, "a 429 from %s is not retried, by %s or around it", brexmodel.EndpointList(s.Endpoints, "the Brex requests sent here"), typesutil.FuncName(s.Via, pass.Pkg))
	default:
		fmt.Fprintf(&b, "a 429 from %s is not retried", brexmodel.EndpointList(s.Endpoints, "the Brex requests sent here"))
		if s.ClientWhat != "" {
			fmt.Fprintf(&b, " (the client is %s)", s.ClientWhat)
		}
	}
	b.WriteString(": Brex answers 429 above 1,000 requests a minute or past a daily limit, and this call then fails; " + fix)
	return b.String()
}

func checkRetry(r *directives.Reporter, s *brexmodel.Send, rt *brexmodel.Retry) {
	what := "this retry of " + brexmodel.EndpointList(s.Endpoints, "the Brex requests sent here")
	if rt.Lib != "" {
		what += " (" + rt.Lib + ")"
	}
	at := rt.Node
	if rt.WaitAt != nil {
		at = rt.WaitAt
	}
	switch rt.Wait {
	case brexmodel.WaitNone:
		r.Reportf(at.Pos(), kindNoBackoff, "%s does not wait between attempts: every client retries at once and Brex keeps answering 429; "+
			"wait between attempts, growing exponentially with jitter (e.g. base<<attempt plus a random fraction)", what)
	case brexmodel.WaitConstant:
		r.Reportf(at.Pos(), kindNoBackoff, "%s waits a constant time between attempts: every client retries in lockstep and Brex keeps answering 429; "+
			"make the wait grow exponentially, with jitter (e.g. base<<attempt plus a random fraction)", what)
	case brexmodel.WaitRetryAfterOnly:
		r.Reportf(at.Pos(), kindNoBackoff, "%s waits only for the Retry-After header, which Brex does not document: without it the retry does not wait; "+
			"honor Retry-After when present, otherwise wait exponentially longer, with jitter", what)
	}
	if !rt.Bounded {
		r.Reportf(rt.Node.Pos(), kindUnbounded, "%s has neither an attempt limit nor a context or deadline: during a long rate limit it never stops; "+
			"stop after a few attempts or when the context is done", what)
	}
}
