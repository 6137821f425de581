package brexapi

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPermittedBy(t *testing.T) {
	ep := func(method, path string) *Endpoint {
		t.Helper()
		e, ok := Lookup(method, path)
		if !ok {
			t.Fatalf("no endpoint %s %s", method, path)
		}
		return e
	}
	for _, c := range []struct {
		ep      *Endpoint
		granted []string
		want    bool
	}{
		{ep("GET", "/v2/users"), []string{"openid", "users.readonly"}, true},
		{ep("GET", "/v2/users"), []string{"users"}, true},
		{ep("GET", "/v2/users"), []string{"openid", "offline_access", "cards"}, false},
		{ep("POST", "/v1/transfers"), []string{"transfers.readonly"}, false},
		{ep("POST", "/v1/transfers"), []string{"transfers"}, true},
		// The write scope permits an endpoint that lists only its
		// read-only twin.
		{ep("GET", "/v1/transfers"), []string{"transfers"}, true},
		{ep("GET", "/v1/vendors"), []string{"vendors"}, true},
		// Not the other way round.
		{ep("PUT", "/v1/vendors/{id}"), []string{"vendors.readonly"}, false},
		// No stated scope: permitted by anything.
		{ep("GET", "/v1/webhooks"), nil, true},
		{ep("GET", "/v2/spend_limits"), []string{"openid"}, true},
		{nil, nil, true},
	} {
		if got := c.ep.PermittedBy(c.granted); got != c.want {
			t.Errorf("%v.PermittedBy(%q) = %v, want %v", c.ep, c.granted, got, c.want)
		}
	}
}

func TestScopeUsed(t *testing.T) {
	e, _ := Lookup("GET", "/v1/transfers")
	for s, want := range map[string]bool{"transfers": true, "transfers.readonly": true, "incoming_transfers": true, "users": false, "openid": false} {
		if got := e.ScopeUsed(s); got != want {
			t.Errorf("GET /v1/transfers ScopeUsed(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestParseScopes(t *testing.T) {
	for in, want := range map[string][]string{
		"openid offline_access users.readonly": {"openid", "offline_access", "users.readonly"},
		"openid+offline_access":                {"openid", "offline_access"},
		"openid%20cards.readonly":              {"openid", "cards.readonly"},
		"  users  ":                            {"users"},
		"":                                     nil,
		"https://onboarding.brexapis.com/referrals": {"https://onboarding.brexapis.com/referrals"},
	} {
		if d := cmp.Diff(want, ParseScopes(in)); d != "" {
			t.Errorf("ParseScopes(%q) (-want +got):\n%s", in, d)
		}
	}
}

func TestIdentityScope(t *testing.T) {
	for s, want := range map[string]bool{"openid": true, "offline_access": true, "profile": true, "email": true, "users": false, "cards.readonly": false} {
		if got := IdentityScope(s); got != want {
			t.Errorf("IdentityScope(%q) = %v, want %v", s, got, want)
		}
	}
}
