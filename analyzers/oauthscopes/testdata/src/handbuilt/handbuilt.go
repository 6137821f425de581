// Package handbuilt requests its scopes in a hand-built authorization
// URL.
package handbuilt

import (
	"context"
	"net/http"
	"net/url"
	"os"
)

const authorize = "https://accounts-api.brex.com/oauth2/default/v1/authorize"

func login(w http.ResponseWriter, r *http.Request, state string) {
	q := url.Values{}
	q.Set("client_id", os.Getenv("BREX_CLIENT_ID"))
	q.Set("response_type", "code")
	q.Set("scope", "openid offline_access users.readonly")
	q.Set("state", state)
	http.Redirect(w, r, authorize+"?"+q.Encode(), http.StatusFound)
}

func calls(ctx context.Context, hc *http.Client) {
	me, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/users/me", nil)
	hc.Do(me)
	cards, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/cards", nil) // want `GET /v2/cards needs scope cards.readonly \(or cards\), not requested by the Brex OAuth configuration, so Brex rejects it for insufficient scopes; request cards.readonly$`
	hc.Do(cards)
}
