package oauthstate

import (
	"fmt"

	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/oauthmodel"
	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/analysis"
)

// Analyzer reports OAuth state values that do not protect against CSRF.
var Analyzer = &analysis.Analyzer{
	Name:     checks.OAuthState,
	Doc:      "report OAuth authorization requests whose state is constant, predictable or missing, and callbacks that do not verify it",
	URL:      checks.DocURL(checks.OAuthState),
	Requires: []*analysis.Analyzer{brexmodel.Analyzer, directives.Analyzer},
	Run:      run,
}

// The kinds of finding (categories "oauthstate/KIND").
const (
	kindConstant    = "constant-state"
	kindPredictable = "predictable-state"
	kindShort       = "short-state"
	kindMissing     = "missing-state"
	kindUnverified  = "unverified-state"
)

func run(pass *analysis.Pass) (any, error) {
	r := directives.NewReporter(pass)
	defer r.Finish()
	m := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model).OAuth
	for _, a := range m.AuthURLs {
		if a.InTest {
			continue
		}
		// PKCE protects another provider's flow against CSRF (x/oauth2
		// documents it as the alternative to state); Brex's checklist
		// asks for the state whatever else the flow does.
		pkceOK := a.PKCE && a.Provider != oauthmodel.ProviderBrex
		where := subject(pass, a)
		pos := a.Node.Pos()
		if a.State.Expr != nil {
			pos = a.State.Expr.Pos()
		}
		switch a.State.Class {
		case oauthmodel.StateConstant:
			if pkceOK {
				continue
			}
			r.Reportf(pos, kindConstant, "%s", checks.Message(fmt.Sprintf("%s is %s%s", where, constDesc(a.State), brexNote(a.Provider)), whyForged, fixRandom))
		case oauthmodel.StatePredictable:
			if pkceOK {
				continue
			}
			r.Reportf(pos, kindPredictable, "%s", checks.Message(fmt.Sprintf("%s is made from %s, which is predictable%s", where, a.State.Why, brexNote(a.Provider)), whyForged, fixRandom))
		case oauthmodel.StateRandom:
			if n := a.State.RandLen; n > 0 && n < minStateLen {
				r.Reportf(pos, kindShort, "%s", checks.Message(fmt.Sprintf("%s is random but only %d characters long%s", where, n, brexNote(a.Provider)), "it can be guessed", fixRandom))
			}
		case oauthmodel.StateAbsent:
			if pkceOK {
				continue
			}
			r.Reportf(pos, kindMissing, "%s", checks.Message("this authorization URL is built by hand without a state parameter"+brexNote(a.Provider), whyForged, "add one from crypto/rand.Text()"))
		}
	}
	for _, h := range m.Handlers {
		if h.InTest || h.VerifiesState || len(h.Exchanges) == 0 {
			continue
		}
		x := h.Exchanges[0]
		if pkceOnly(h) {
			continue
		}
		what := "never reads the request's state"
		if len(h.StateReads) > 0 {
			what = "reads the request's state but never compares it"
		}
		why := whyForged
		if provider(h) == oauthmodel.ProviderBrex {
			why = "an attacker can connect their Brex account to your user (CSRF)"
		}
		r.Reportf(x.Call.Pos(), kindUnverified, "%s", checks.Message("this OAuth callback exchanges the code but "+what, why, "compare it with the state stored at login"))
	}
	return nil, nil
}

// Why a weak or unverified state matters, and what to do, in the messages
// ([checks.Message]); doc.go says it at length.
const (
	whyForged = "an attacker can forge the callback (CSRF)"
	fixRandom = "use crypto/rand.Text()"
)

// minStateLen is the shortest state accepted: Brex's checklist asks for
// at least 9 characters, and CSRF protection is universal.
const minStateLen = 9

// subject names the state in a message.
func subject(pass *analysis.Pass, a *oauthmodel.AuthURL) string {
	switch {
	case a.HandBuilt:
		return "the state of this hand-built authorization URL"
	case a.Via != nil:
		return fmt.Sprintf("the state given to %s", typesutil.FuncName(a.Via, pass.Pkg))
	}
	return "the OAuth state passed to AuthCodeURL"
}

func constDesc(s oauthmodel.State) string {
	switch {
	case s.ConstLen == 0:
		return "empty"
	case s.ConstLen > 0 && s.ConstLen < 9:
		return fmt.Sprintf("a constant of %d characters", s.ConstLen)
	}
	return "a constant"
}

func brexNote(p oauthmodel.Provider) string {
	if p == oauthmodel.ProviderBrex {
		return " (Brex requires 9+ random characters)"
	}
	return ""
}

func provider(h *oauthmodel.Handler) oauthmodel.Provider {
	if h.Brex() {
		return oauthmodel.ProviderBrex
	}
	return oauthmodel.ProviderUnknown
}

// pkceOnly reports whether every exchange of a handler sends a PKCE
// verifier to another provider: PKCE then protects the flow.
func pkceOnly(h *oauthmodel.Handler) bool {
	for _, x := range h.Exchanges {
		if !x.PKCE || x.Provider == oauthmodel.ProviderBrex {
			return false
		}
	}
	return true
}
