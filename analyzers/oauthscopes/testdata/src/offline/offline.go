// Package offline uses Brex configurations with refresh, with and without
// offline_access.
package offline

import (
	"context"
	"net/http"
	"net/url"
	"os"

	"golang.org/x/oauth2"
)

var endpoint = oauth2.Endpoint{
	AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
	TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
}

var refreshing = &oauth2.Config{
	ClientID: os.Getenv("BREX_CLIENT_ID"),
	Endpoint: endpoint,
	Scopes:   []string{"openid", "users.readonly"}, // want `^oauthscopes: this Brex OAuth configuration is used with refresh \(TokenSource\) but its scopes lack "offline_access", so Brex issues no refresh token; ask for it with the other scopes$`
}

var multiline = &oauth2.Config{
	ClientID: os.Getenv("BREX_CLIENT_ID"),
	Endpoint: endpoint,
	Scopes: []string{ // want `used with refresh \(Client over a stored token\) but its scopes lack "offline_access"`
		"openid",
		"users.readonly",
	},
}

// exchangeOnly is never refreshed: fine.
var exchangeOnly = &oauth2.Config{
	ClientID: os.Getenv("BREX_CLIENT_ID"),
	Endpoint: endpoint,
	Scopes:   []string{"openid", "users.readonly"},
}

// complete requests offline_access: fine.
var complete = &oauth2.Config{
	ClientID: os.Getenv("BREX_CLIENT_ID"),
	Endpoint: endpoint,
	Scopes:   []string{"openid", "offline_access", "users.readonly"},
}

type store struct{ tok *oauth2.Token }

func (s *store) clients(ctx context.Context, code string) error {
	if _, err := exchangeOnly.Exchange(ctx, code); err != nil {
		return err
	}
	_ = oauth2.NewClient(ctx, refreshing.TokenSource(ctx, s.tok))
	_ = oauth2.NewClient(ctx, refreshing.TokenSource(ctx, s.tok))
	_ = multiline.Client(ctx, s.tok)
	_ = complete.TokenSource(ctx, s.tok)
	return nil
}

const authorize = "https://accounts-api.brex.com/oauth2/default/v1/authorize"

// login builds the authorization URL by hand, without offline_access.
func login(w http.ResponseWriter, r *http.Request, state string) {
	q := url.Values{
		"client_id":     {os.Getenv("BREX_CLIENT_ID")},
		"response_type": {"code"},
		"scope":         {"openid users.readonly"},
		"state":         {state},
	}
	http.Redirect(w, r, authorize+"?"+q.Encode(), http.StatusFound) // want `this Brex OAuth configuration is used with refresh \(a refresh_token grant\) but its scopes lack "offline_access"`
}

// refresh sends a refresh_token grant by hand.
func refresh(ctx context.Context, rt string) (*http.Response, error) {
	return http.PostForm("https://accounts-api.brex.com/oauth2/default/v1/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}})
}
