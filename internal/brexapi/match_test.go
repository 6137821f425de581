package brexapi

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHosts(t *testing.T) {
	for _, c := range []struct {
		host                 string
		api, pci, auth, lgcy bool
	}{
		{host: "api.brex.com", api: true},
		{host: "API.Brex.COM", api: true},
		{host: "api.brex.com:443", api: true},
		{host: "api.brex.com.", api: true},
		{host: "api-staging.brex.com", api: true},
		{host: "platform.brexapis.com", api: true},
		{host: "platform.staging.brexapps.com:8443", api: true},
		{host: "secure-platform.brexapis.com", api: true, pci: true},
		{host: "secure-platform.staging.brexapps.com", api: true, pci: true},
		{host: "accounts-api.brex.com", auth: true},
		{host: "accounts-api.staging.brexapps.com", auth: true},
		{host: "Accounts.Brex.com:443", auth: true, lgcy: true},
		// Look-alikes and neighbours.
		{host: "api.brex.com.evil.com"},
		{host: "notapi.brex.com"},
		{host: "evil-api.brex.com"},
		{host: "brex.com"},
		{host: "dashboard.brex.com"},
		{host: "api.brexapis.com"},
		{host: "xaccounts-api.brex.com"},
		{host: "accounts-api.brex.com.evil.com"},
		{host: "[::1]:443"},
		{host: ""},
	} {
		if got := IsAPIHost(c.host); got != c.api {
			t.Errorf("IsAPIHost(%q) = %v, want %v", c.host, got, c.api)
		}
		if got := IsPCIHost(c.host); got != c.pci {
			t.Errorf("IsPCIHost(%q) = %v, want %v", c.host, got, c.pci)
		}
		ok, legacy := IsAuthHost(c.host)
		if ok != c.auth || legacy != c.lgcy {
			t.Errorf("IsAuthHost(%q) = %v, %v; want %v, %v", c.host, ok, legacy, c.auth, c.lgcy)
		}
	}
	if d := cmp.Diff([]string{"api.brex.com", "api-staging.brex.com", "platform.brexapis.com", "platform.staging.brexapps.com"}, APIHosts()); d != "" {
		t.Errorf("APIHosts (-want +got):\n%s", d)
	}
}

func TestAuthURLs(t *testing.T) {
	for _, c := range []struct {
		url              string
		authorize, token bool
	}{
		{url: "https://accounts-api.brex.com/oauth2/default/v1/authorize", authorize: true},
		{url: "https://accounts-api.brex.com/oauth2/default/v1/authorize?client_id=x&state=y", authorize: true},
		{url: "https://accounts-api.staging.brexapps.com/oauth2/default/v1/authorize/", authorize: true},
		{url: "accounts-api.brex.com/oauth2/default/v1/authorize", authorize: true},
		{url: "https://accounts.brex.com/oauth2/v1/auth", authorize: true},
		{url: "https://accounts-api.brex.com/oauth2/default/v1/token", token: true},
		{url: "https://ACCOUNTS-API.brex.com:443/oauth2/default/v1/token", token: true},
		{url: "https://accounts.brex.com/oauth2/v1/token", token: true},
		// Wrong host, wrong path, or the Accounting spec's staging typo.
		{url: "https://api.brex.com/oauth2/default/v1/authorize"},
		{url: "https://accounts-api.brex.com.evil.com/oauth2/default/v1/token"},
		{url: "https://accounts-api.staging.brexapps.com/oauth2/defaultv1/token"},
		{url: "https://accounts-api.brex.com/oauth2/default/v1/revoke"},
		{url: "https://example.com/oauth2/default/v1/authorize"},
	} {
		if got := IsAuthorizeURL(c.url); got != c.authorize {
			t.Errorf("IsAuthorizeURL(%q) = %v, want %v", c.url, got, c.authorize)
		}
		if got := IsTokenURL(c.url); got != c.token {
			t.Errorf("IsTokenURL(%q) = %v, want %v", c.url, got, c.token)
		}
	}
	if !IsRevokeURL("https://accounts-api.brex.com/oauth2/default/v1/revoke") {
		t.Error("IsRevokeURL: revoke endpoint not recognised")
	}
}

func TestLookup(t *testing.T) {
	for _, c := range []struct {
		method, path string
		want         string // "METHOD template", or "" for no match
	}{
		{"POST", "/v1/transfers", "POST /v1/transfers"},
		{"post", "/v1/transfers", "POST /v1/transfers"},
		{"GET", "/v1/transfers/tr_123", "GET /v1/transfers/{id}"},
		{"GET", "/v1/transfers/{id}", "GET /v1/transfers/{id}"},
		{"GET", "/v1/transfers/{transfer_id}", "GET /v1/transfers/{id}"},
		{"GET", "/v1/transfers/%s", "GET /v1/transfers/{id}"},
		{"GET", "/v1/transfers/*", "GET /v1/transfers/{id}"},
		{"GET", "/v1/transfers/", "GET /v1/transfers"},
		{"GET", "/v1/transfers?limit=100&cursor=abc", "GET /v1/transfers"},
		{"GET", "/v1/transfers/tr_1/?x=1#frag", "GET /v1/transfers/{id}"},
		{"GET", "https://api.brex.com/v1/transfers/tr_1", "GET /v1/transfers/{id}"},
		{"GET", "v1/transfers", "GET /v1/transfers"},
		{"GET", "/v1/fields/%s/values/%s", "GET /v1/fields/{field_id}/values/{brex_id}"},
		{"PUT", "/v1/fields/f_1", "PUT /v1/fields/{id}"},
		{"GET", "/v2/accounts/cash/%d/statements", "GET /v2/accounts/cash/{id}/statements"},
		{"GET", "/v2/accounts/cash/primary", "GET /v2/accounts/cash/primary"},
		{"GET", "/v2/accounts/cash/dpacc_1", "GET /v2/accounts/cash/{id}"},
		{"GET", "/v2/accounts/cash/{id}", "GET /v2/accounts/cash/{id}"},
		// /v2/users/me and /v2/users/{id} are both fine.
		{"GET", "/v2/users/me", "GET /v2/users/me"},
		{"GET", "/v2/users/cuuser_1", "GET /v2/users/{id}"},
		{"GET", "/v2/users/{id}", "GET /v2/users/{id}"},
		{"GET", "/v2/users/%s", "GET /v2/users/{id}"},
		// Falls back to the parameter template when the literal lacks the method.
		{"PUT", "/v2/users/me", "PUT /v2/users/{id}"},
		// Method mismatch and undocumented paths.
		{"DELETE", "/v2/cards/c_1", ""},
		{"PATCH", "/v1/transfers", ""},
		{"", "/v1/transfers", ""},
		{"PUT", "/v2/users/u_1/status", ""},
		{"GET", "/v1/transfers/tr_1/extra", ""},
		{"GET", "/v1/transfers//", "GET /v1/transfers"},
		{"GET", "/v1/widgets", ""},
		{"GET", "/v2", ""},
		{"GET", "/", ""},
		{"GET", "", ""},
		// A placeholder never fills a literal segment.
		{"GET", "/v2/accounts/%s/primary", ""},
		{"GET", "/v2/%s/cash", ""},
		// Empty id segment does not match a parameter.
		{"GET", "/v2/users//limit", ""},
	} {
		e, ok := Lookup(c.method, c.path)
		got := ""
		if ok {
			got = e.String()
		}
		if got != c.want {
			t.Errorf("Lookup(%q, %q) = %q, want %q", c.method, c.path, got, c.want)
		}
	}
}

func TestPCIEndpointHosts(t *testing.T) {
	e, ok := Lookup("GET", "/v2/cards/card_1/pan")
	if !ok {
		t.Fatal("GET /v2/cards/{id}/pan not found")
	}
	if d := cmp.Diff([]string{"secure-platform.brexapis.com", "secure-platform.staging.brexapps.com"}, e.Hosts); d != "" {
		t.Errorf("pan hosts (-want +got):\n%s", d)
	}
	for _, h := range e.Hosts {
		if !IsPCIHost(h) {
			t.Errorf("%s not a PCI host", h)
		}
	}
	// Every other endpoint uses the API hosts.
	for _, e := range Endpoints() {
		if e.Hosts != nil && e.Path != "/v2/cards/{id}/pan" {
			t.Errorf("%s has hosts %v", e, e.Hosts)
		}
	}
}

func TestPathEndpoints(t *testing.T) {
	str := func(eps []*Endpoint) []string {
		var s []string
		for _, e := range eps {
			s = append(s, e.String())
		}
		return s
	}
	for _, c := range []struct {
		path string
		want []string
	}{
		{"/v2/cards/c_1", []string{"GET /v2/cards/{id}", "PUT /v2/cards/{id}"}},
		{"/v1/vendors/%s", []string{"DELETE /v1/vendors/{id}", "GET /v1/vendors/{id}", "PUT /v1/vendors/{id}"}},
		{"/v2/users/me", []string{"GET /v2/users/me", "GET /v2/users/{id}", "PUT /v2/users/{id}"}},
		{"/v2/users/{id}/status", nil},
		{"/v1/widgets", nil},
	} {
		if d := cmp.Diff(c.want, str(PathEndpoints(c.path))); d != "" {
			t.Errorf("PathEndpoints(%q) (-want +got):\n%s", c.path, d)
		}
	}
}

func TestResourceOf(t *testing.T) {
	type res struct {
		R          Resource
		OK         bool
		Documented bool
		BrexOnly   bool
	}
	for _, c := range []struct {
		path string
		want res
	}{
		{"/v2/users/{id}/status", res{Resource{"v2", "users"}, true, true, false}},
		{"/v2/users/me", res{Resource{"v2", "users"}, true, true, false}},
		{"/v1/cards", res{Resource{"v1", "cards"}, true, false, false}},
		{"/v1/users", res{Resource{"v1", "users"}, true, false, false}},
		{"/v1/transactions", res{Resource{"v1", "transactions"}, true, false, false}},
		{"/v2/accounts/{id}/transactions", res{Resource{"v2", "accounts"}, true, true, false}},
		{"/v2/accounts/acc_1/transactions", res{Resource{"v2", "accounts"}, true, true, false}},
		{"/v2/accounts/cash", res{Resource{"v2", "accounts/cash"}, true, true, true}},
		{"/v2/accounts/cash/x/statements", res{Resource{"v2", "accounts/cash"}, true, true, true}},
		{"/v2/accounts/card/primary/statements", res{Resource{"v2", "accounts/card"}, true, true, true}},
		{"/v2/transactions/card/primary", res{Resource{"v2", "transactions/card"}, true, true, true}},
		{"/v1/expenses/card/e_1", res{Resource{"v1", "expenses/card"}, true, true, true}},
		{"/v1/expenses/e_1", res{Resource{"v1", "expenses"}, true, true, false}},
		{"/v2/spend_limits?limit=1", res{Resource{"v2", "spend_limits"}, true, true, true}},
		{"/v1/spend_limits", res{Resource{"v1", "spend_limits"}, true, false, true}},
		{"https://api.brex.com/v1/trips/t/bookings", res{Resource{"v1", "trips"}, true, true, true}},
		{"/v1/webhooks/groups/g/members", res{Resource{"v1", "webhooks/groups"}, true, true, false}},
		{"/v1/webhooks/secrets", res{Resource{"v1", "webhooks"}, true, true, false}},
		{"/v1/transfers", res{Resource{"v1", "transfers"}, true, true, false}},
		// Unknown resources, missing versions.
		{"/v1/widgets", res{}},
		{"/v2/%s/cash", res{}},
		{"/users", res{}},
		{"/api/v2/users", res{}},
		{"/v2", res{}},
		{"", res{}},
	} {
		r, ok := ResourceOf(c.path)
		got := res{r, ok, ok && r.Documented(), ok && r.BrexOnly()}
		if d := cmp.Diff(c.want, got); d != "" {
			t.Errorf("ResourceOf(%q) (-want +got):\n%s", c.path, d)
		}
	}
	r, _ := ResourceOf("/v1/budgets/x")
	if d := cmp.Diff([]string{"v1", "v2"}, r.Versions()); d != "" {
		t.Errorf("budgets versions (-want +got):\n%s", d)
	}
	if got := r.String(); got != "/v1/budgets" {
		t.Errorf("Resource.String() = %q", got)
	}
	// Every Brex-only resource of the overlay is a documented resource.
	for _, name := range brexOnlyResources {
		info := resources[name]
		if info == nil || !info.brexOnly {
			t.Errorf("brex-only resource %q is not a catalogue resource", name)
		}
	}
}

func TestKnownBad(t *testing.T) {
	for _, c := range []struct {
		path string
		want bool
	}{
		{"/v1/cards", true},
		{"/v1/cards/c_1", true},
		{"/v1/users", true},
		{"/v1/transactions", true},
		{"/v2/users/{id}/status", true},
		{"/v2/users/u_1/status", true},
		{"/v2/users/%s/status", true},
		{"/v2/accounts/{id}/transactions", true},
		{"https://platform.brexapis.com/v2/accounts/acc_1/transactions?start=x", true},
		{"/v2/transfers", true},
		// Documented paths.
		{"/v2/users/{id}", false},
		{"/v2/users/me", false},
		{"/v1/transfers/tr_1", false},
		{"/v1/expenses/card", false}, // deprecated, not bad
		// Unknown resources are never bad.
		{"/v1/widgets", false},
		{"/v1/widgets/w_1/parts", false},
		{"/internal/users", false},
	} {
		if got := KnownBad(c.path); got != c.want {
			t.Errorf("KnownBad(%q) = %v, want %v", c.path, got, c.want)
		}
	}
	// The overlay's list is consistent with the catalogue: each path is under
	// a documented resource and matches no template.
	for _, p := range knownBadPaths {
		if _, ok := ResourceOf(p); !ok {
			t.Errorf("known-bad %s is under no documented resource", p)
		}
		if eps := PathEndpoints(p); len(eps) != 0 {
			t.Errorf("known-bad %s matches %v", p, eps)
		}
	}
}

var benchPaths = []struct{ method, path string }{
	{"POST", "/v1/transfers"},
	{"GET", "/v1/transfers/tr_123?x=1"},
	{"GET", "/v2/users/me"},
	{"PUT", "/v2/users/%s"},
	{"GET", "/v2/accounts/cash/{id}/statements"},
	{"GET", "/v1/fields/f_1/values/b_2"},
	{"GET", "https://api.brex.com/v2/cards/c_1/pan"},
	{"DELETE", "/v2/cards/c_1"},
	{"GET", "/v1/widgets/w"},
	{"GET", "/v2/users/u_1/status"},
}

func TestLookupDoesNotAllocate(t *testing.T) {
	n := testing.AllocsPerRun(100, func() {
		for _, p := range benchPaths {
			Lookup(p.method, p.path)
			ResourceOf(p.path)
			KnownBad(p.path)
			IsAPIHost("API.brex.com:443")
		}
	})
	if n != 0 {
		t.Errorf("lookups allocate %v times per run", n)
	}
}

func BenchmarkLookup(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p := benchPaths[i%len(benchPaths)]
		Lookup(p.method, p.path)
	}
}
