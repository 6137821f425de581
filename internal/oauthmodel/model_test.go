package oauthmodel_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/oauthmodel"
	"github.com/brexlint/brexlint/internal/teststubs"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// dump reports the OAuth model of each package, so that analysistest can
// compare it with // want comments.
var dump = &analysis.Analyzer{
	Name:     "oauthdump",
	Doc:      "reports the OAuth model (test only)",
	Requires: []*analysis.Analyzer{brexmodel.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		m := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model).OAuth
		if len(pass.Files) > 0 {
			pass.Reportf(pass.Files[0].Name.Pos(), "brex=%v", m.HasBrexConfig())
		}
		for _, c := range m.Configs {
			s := fmt.Sprintf("config %s %s", c.Kind, c.Provider)
			if c.ScopesKnown {
				s += " scopes=[" + strings.Join(c.Scopes, " ") + "]"
			}
			pass.Reportf(c.Pos, "%s", s)
		}
		for _, a := range m.AuthURLs {
			pass.Reportf(a.Node.Pos(), "authurl %s state=%s", a.Provider, stateName(a.State.Class))
		}
		for _, x := range m.Exchanges {
			s := fmt.Sprintf("exchange %s grant=%s", x.Provider, x.Grant)
			if x.Via != nil {
				s += " via " + x.Via.Pkg().Name() + "." + x.Via.Name()
			}
			if x.TokenVar != nil {
				s += " token=" + x.TokenVar.Name()
			}
			pass.Reportf(x.Call.Pos(), "%s", s)
		}
		for _, h := range m.Handlers {
			pass.Reportf(h.Func.Pos(), "handler verifies=%v error=%v exchanges=%d brex=%v",
				h.VerifiesState, h.HandlesError, len(h.Exchanges), h.Brex())
		}
		return nil, nil
	},
}

func stateName(c oauthmodel.StateClass) string {
	return [...]string{"unknown", "random", "constant", "predictable", "param", "absent"}[c]
}

func TestModel(t *testing.T) {
	analysistest.Run(t, teststubs.GOPATH(t, analysistest.TestData(), "golang.org/x/oauth2"), dump, "config", "mainapp", "other", "plain")
}

func TestQueryKeys(t *testing.T) {
	for _, c := range []struct {
		in    string
		keys  string
		holes int
	}{
		{"https://x/authorize?client_id={}&state=abc", "client_id state", 0},
		{"https://x/authorize?{}", "", 1},
		{"https://x/authorize", "", 0},
		{"https://x/authorize?response_type=code&{}#frag", "response_type", 1},
	} {
		keys, holes := oauthmodel.QueryKeys(c.in)
		if got := strings.Join(keys, " "); got != c.keys || holes != c.holes {
			t.Errorf("QueryKeys(%q) = %q, %d; want %q, %d", c.in, got, holes, c.keys, c.holes)
		}
	}
}

func TestAuthorizeURLs(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"https://accounts-api.brex.com/oauth2/default/v1/authorize", true},
		{"https://accounts.brex.com/oauth2/v1/auth?client_id=x", true},
		{"https://github.com/login/oauth/authorize?client_id=x", true},
		{"https://accounts.google.com/o/oauth2/auth?response_type=code", true},
		{"https://github.com/login/oauth/authorize", false},       // no client_id: not a request
		{"https://app.example.com/admin/authorize?user=1", false}, // an app's own page
		{"https://accounts-api.brex.com/oauth2/default/v1/token", false},
		{"/oauth/authorize?client_id=x", false}, // no host
	} {
		if got := oauthmodel.IsAuthorizeURLString(c.in); got != c.want {
			t.Errorf("IsAuthorizeURLString(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestFactsGob checks that every fact survives go vet's gob encoding.
func TestFactsGob(t *testing.T) {
	facts := []analysis.Fact{
		&oauthmodel.ConfigFact{Kind: oauthmodel.ClientCredentialsConfig, Provider: oauthmodel.ProviderBrex, Legacy: true,
			AuthURL: "a", TokenURL: "t", Scopes: []string{"openid"}, ScopesKnown: true},
		&oauthmodel.AuthURLFact{StateParam: 1, Provider: oauthmodel.ProviderOther, PKCE: true, HandBuilt: true,
			Scopes: []string{"openid", "users.readonly"}, ScopesKnown: true},
		&oauthmodel.ExchangeFact{Provider: oauthmodel.ProviderBrex, HandRolled: true},
		&oauthmodel.CallbackHelperFact{ReqParam: 0, StateParam: -1, VerifiesState: true, ReadsError: true},
		&oauthmodel.ScopeUseFact{Uses: []oauthmodel.ScopeUse{{Method: "GET", Path: "/v2/users", Origin: "example.com/brex.ListUsers"}}},
		&oauthmodel.TokenSinkFact{Sinks: []oauthmodel.TokenSink{{Param: 1, Kind: oauthmodel.ConfigSourceUse, Brex: true, Persisted: true,
			RefreshOnPath: true, Kept: true}}},
		&oauthmodel.StoredTokenFact{Brex: true, Access: true, Refreshed: true},
		&oauthmodel.TokenSlotFact{Access: true, Refreshed: true},
	}
	if got := len(oauthmodel.FactTypes()); got != len(facts) {
		t.Fatalf("FactTypes has %d types, the test %d", got, len(facts))
	}
	for _, f := range facts {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(f); err != nil {
			t.Fatalf("encode %T: %v", f, err)
		}
		out := reflect.New(reflect.TypeOf(f).Elem()).Interface()
		if err := gob.NewDecoder(&buf).Decode(out); err != nil {
			t.Fatalf("decode %T: %v", f, err)
		}
		if !reflect.DeepEqual(f, out) {
			t.Errorf("%T: round trip gave %+v, want %+v", f, out, f)
		}
	}
}

// TestCallbackHelperFacts: which helpers are taken to verify the state
// they are given (their callers' callbacks then count as verifying).
func TestCallbackHelperFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), brexmodel.Analyzer, "example.com/stateutil")
}

// TestModelOnlyWhereFactsAreNamed: a package that imports OAuth facts is
// modelled when it names an object that carries one (statenamer), not
// when the facts only sit in its imports (stateblind).
func TestModelOnlyWhereFactsAreNamed(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), brexmodel.Analyzer, "example.com/statenamer", "example.com/stateblind")
}
