package oauthmodel

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The OAuth model's facts. Each is an object fact on a package-level
// variable or a function (object facts reach every importer under every
// driver; package facts do not, under go vet). They are gob-encoded by
// go vet, so they hold only exported plain fields: parameter indexes
// instead of *types.Var, strings instead of go/types values. The Brex model
// analyzer (internal/brexmodel) declares them and exports them; no check
// declares facts of its own.

// ConfigFact describes an OAuth configuration held by a package-level
// variable (an oauth2.Config, *oauth2.Config, oauth2.Endpoint or
// clientcredentials.Config) or returned by a function.
type ConfigFact struct {
	Kind        ConfigKind
	Provider    Provider
	Legacy      bool // on the legacy Brex auth host accounts.brex.com
	AuthURL     string
	TokenURL    string
	Scopes      []string
	ScopesKnown bool
}

// AuthURLFact marks a function that returns an OAuth authorization URL:
// the result of (*oauth2.Config).AuthCodeURL, of another such function, or a
// URL built by hand to an authorization endpoint.
type AuthURLFact struct {
	// StateParam is the index of the parameter that becomes the URL's
	// state, or -1: callers' arguments are judged as the state.
	StateParam int
	Provider   Provider
	Legacy     bool
	// PKCE: the URL carries a PKCE challenge (S256ChallengeOption).
	PKCE bool
	// HandBuilt: the URL is built by hand; Scopes are its scope
	// parameter when ScopesKnown (a hand-built flow's configuration).
	HandBuilt   bool
	Scopes      []string
	ScopesKnown bool
}

// ExchangeFact marks a function that exchanges an authorization code for a
// token: (*oauth2.Config).Exchange, a POST to a token endpoint with
// grant_type=authorization_code, or a call of another such function.
type ExchangeFact struct {
	Provider   Provider
	Legacy     bool
	HandRolled bool
	// PKCE: the exchange sends a PKCE verifier (VerifierOption).
	PKCE bool
}

// CallbackHelperFact marks a function that a callback handler may call to
// check the callback request: given the request (ReqParam), it reads the
// state parameter and compares it with a stored value (VerifiesState),
// reads the error parameter (ReadsError); or given the state value
// (StateParam) it compares it with a stored value.
type CallbackHelperFact struct {
	ReqParam      int // -1 if none
	StateParam    int // -1 if none
	VerifiesState bool
	ReadsError    bool
}

func (*ConfigFact) AFact()         {}
func (*AuthURLFact) AFact()        {}
func (*ExchangeFact) AFact()       {}
func (*CallbackHelperFact) AFact() {}

func (f *ConfigFact) String() string {
	s := fmt.Sprintf("config(%s %s", f.Kind, f.Provider)
	if f.Legacy {
		s += " legacy"
	}
	if f.ScopesKnown {
		s += " scopes=[" + strings.Join(f.Scopes, " ") + "]"
	}
	return s + ")"
}

func (f *AuthURLFact) String() string {
	s := fmt.Sprintf("authurl(%s", f.Provider)
	if f.StateParam >= 0 {
		s += fmt.Sprintf(" state=$%d", f.StateParam)
	}
	if f.PKCE {
		s += " pkce"
	}
	if f.HandBuilt {
		s += " hand-built"
	}
	if f.ScopesKnown {
		s += " scopes=[" + strings.Join(f.Scopes, " ") + "]"
	}
	return s + ")"
}

func (f *ExchangeFact) String() string {
	s := fmt.Sprintf("exchange(%s", f.Provider)
	if f.HandRolled {
		s += " hand-rolled"
	}
	if f.PKCE {
		s += " pkce"
	}
	return s + ")"
}

func (f *CallbackHelperFact) String() string {
	var parts []string
	if f.ReqParam >= 0 {
		parts = append(parts, fmt.Sprintf("req=$%d", f.ReqParam))
	}
	if f.StateParam >= 0 {
		parts = append(parts, fmt.Sprintf("state=$%d", f.StateParam))
	}
	if f.VerifiesState {
		parts = append(parts, "verifies-state")
	}
	if f.ReadsError {
		parts = append(parts, "reads-error")
	}
	return "callbackhelper(" + strings.Join(parts, " ") + ")"
}

// FactTypes returns the OAuth model's fact types, for the Brex model
// analyzer's FactTypes.
func FactTypes() []analysis.Fact {
	return []analysis.Fact{
		new(ConfigFact), new(AuthURLFact), new(ExchangeFact), new(CallbackHelperFact),
		new(ScopeUseFact), new(TokenSinkFact), new(StoredTokenFact), new(TokenSlotFact),
	}
}
