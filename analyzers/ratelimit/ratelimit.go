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
			report(r, s.Call, kindNoBackoff, s.Endpoints, fmt.Sprintf("%s retries 429 from %s with a constant wait",
				s.ClientWhat, endpoints(s.Endpoints)))
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
			report(r, ic.Node, kindNoBackoff, ic.Endpoints, fmt.Sprintf("%s, given to %s, retries 429 from %s with a constant wait",
				ic.What, ic.Into, endpoints(ic.Endpoints)))
			continue
		}
		report(r, ic.Node, kindUnhandled, ic.Endpoints, fmt.Sprintf("%s, given to %s, does not retry 429 from %s",
			ic.What, ic.Into, endpoints(ic.Endpoints)))
	}
	return nil, nil
}

// endpoints names the endpoints of a finding in its message; [report]
// lists them all as related information when it names only some.
func endpoints(eps []string) string {
	return brexmodel.EndpointList(eps, "the Brex requests sent here")
}

// report reports a finding at n whose message names eps. The message says
// what is wrong and where; why Brex cares and how to fix it are in doc.go,
// which `brexlint help ratelimit` prints and the Analyzer's URL shows.
func report(r *directives.Reporter, n ast.Node, kind string, eps []string, msg string) {
	r.Report(analysis.Diagnostic{Pos: n.Pos(), Category: kind, Message: msg, Related: brexmodel.EndpointsRelated(n.Pos(), eps)})
}

func unhandled(pass *analysis.Pass, s *brexmodel.Send) string {
	switch {
	case s.Generated:
		return fmt.Sprintf("429 from %s is not retried (client: %s)", endpoints(s.Endpoints), s.ClientWhat)
	case s.Via != nil && s.ViaReturns:
		return fmt.Sprintf("%s returns the response of %s and nothing retries its 429", typesutil.FuncName(s.Via, pass.Pkg), endpoints(s.Endpoints))
	case s.Via != nil:
		return fmt.Sprintf("429 from %s is not retried, by %s or around it", endpoints(s.Endpoints), typesutil.FuncName(s.Via, pass.Pkg))
	case s.ClientWhat != "":
		return fmt.Sprintf("429 from %s is not retried (client: %s)", endpoints(s.Endpoints), s.ClientWhat)
	}
	return fmt.Sprintf("429 from %s is not retried", endpoints(s.Endpoints))
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
		report(r, at, kindNoBackoff, s.Endpoints, what+" does not wait between attempts")
	case brexmodel.WaitConstant:
		report(r, at, kindNoBackoff, s.Endpoints, what+" waits a constant time between attempts")
	case brexmodel.WaitRetryAfterOnly:
		report(r, at, kindNoBackoff, s.Endpoints, what+" waits only for the Retry-After header, which Brex does not document")
	}
	if !rt.Bounded {
		report(r, rt.Node, kindUnbounded, s.Endpoints, what+" has neither an attempt limit nor a context or deadline")
	}
}
