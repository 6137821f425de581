package a

import (
	"context"
	"net/http"
	"os"

	"golang.org/x/oauth2"
)

const api = "https://api.brex.com"

func calls(ctx context.Context, hc *http.Client, id string) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, api+"/v1/expenses/card", nil) // want `GET /v1/expenses/card is deprecated since May 2025 \(catalogue of Feb 2026\), so Brex may remove it; use GET /v1/expenses instead$`
	hc.Do(req)
	req, _ = http.NewRequest("GET", api+"/v1/budgets/"+id, nil) // want `GET /v1/budgets/\{id\} is deprecated since Oct 2024 \(catalogue of Feb 2026\), so Brex may remove it; use GET /v2/spend_limits/\{id\} instead`
	hc.Do(req)
	req, _ = http.NewRequest("GET", api+"/v2/users/"+id+"/status", nil) // want `GET /v2/users/\{\}/status is not a documented Brex endpoint, beside /v2/users`
	hc.Do(req)
	req, _ = http.NewRequest("GET", api+"/v1/cards", nil) // want `GET /v1/cards is not a documented Brex endpoint, where Brex documents cards only at v2`
	hc.Do(req)
	req, _ = http.NewRequest("GET", api+"/v2/accounts/"+id+"/transactions", nil) // want `GET /v2/accounts/\{\}/transactions is not a documented Brex endpoint`
	hc.Do(req)
	req, _ = http.NewRequest(http.MethodDelete, api+"/v2/cards/"+id, nil) // want `DELETE is not documented on /v2/cards/\{id\} \(documented: GET, PUT\) \(catalogue of Feb 2026\), so Brex may reject it; use a documented method$`
	hc.Do(req)
}

// Look-alikes that must stay quiet.
func quiet(ctx context.Context, hc *http.Client, id string) {
	// The old API host still works.
	req, _ := http.NewRequest("GET", "https://platform.brexapis.com/v2/users/me", nil)
	hc.Do(req)
	// Current endpoints.
	req, _ = http.NewRequest("GET", api+"/v1/expenses", nil)
	hc.Do(req)
	req, _ = http.NewRequest("GET", api+"/v2/spend_limits/"+id, nil)
	hc.Do(req)
	// A resource the catalogue does not know: Brex adds endpoints without notice.
	req, _ = http.NewRequest("GET", api+"/v1/widgets/"+id, nil)
	hc.Do(req)
	// Stripe's and an internal service's /v1/transfers.
	http.Get("https://api.stripe.com/v1/cards/" + id)
	req, _ = http.NewRequest("DELETE", os.Getenv("LEDGER_URL")+"/v2/cards/"+id, nil)
	hc.Do(req)
	// The current OAuth host.
	_ = oauth2.Endpoint{AuthURL: "https://accounts-api.brex.com/oauth2/default/v1/authorize"}
}

var legacy = oauth2.Endpoint{
	AuthURL:  "https://accounts.brex.com/oauth2/default/v1/authorize", // want `accounts.brex.com is Brex.s legacy OAuth host, so it is not where Brex has sent new integrations since Nov 2022; use accounts-api.brex.com unless Brex told you to stay until it migrates you$`
	TokenURL: "https://accounts.brex.com/oauth2/default/v1/token",     // want `legacy OAuth host`
}

func ignored(hc *http.Client) {
	//brexlint:ignore brexendpoint migrating in PAY-12 before launch
	req, _ := http.NewRequest("GET", api+"/v1/expenses/card", nil)
	hc.Do(req)
}
