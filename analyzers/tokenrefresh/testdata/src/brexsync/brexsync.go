// Package brexsync calls Brex with the tokens that package brexauth
// stores: the configuration and the exchange are in another package.
package brexsync

import (
	"context"
	"net/http"
	"time"

	"brexauth"

	"golang.org/x/oauth2"
)

// Users lists users with the stored token, never refreshed.
func Users(ctx context.Context, s *brexauth.Store, company string) (*http.Response, error) {
	client := oauth2.NewClient(ctx, oauth2.StaticTokenSource(s.Token(company))) // want `this stored Brex OAuth token is used through oauth2.StaticTokenSource`
	return client.Get("https://api.brex.com/v2/users")
}

// Me sets the header from the stored access token.
func Me(ctx context.Context, s *brexauth.Store) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/users/me", nil)
	if err != nil {
		return nil, err
	}
	brexauth.Authorize(req, s.Access) // want `used through a literal Authorization header \(through brexauth.Authorize\)`
	return http.DefaultClient.Do(req)
}

// Title sets the header from the access token the store's getter returns.
func Title(ctx context.Context, s *brexauth.Store) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/titles", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+s.AccessToken()) // want `this stored Brex OAuth token is used through a literal Authorization header, so it is never refreshed and expires within the hour; use Config.TokenSource, save what it refreshes$`
	return http.DefaultClient.Do(req)
}

// Company uses the stored token through the helper's static client.
func Company(ctx context.Context, s *brexauth.Store, id string) (*http.Response, error) {
	client := brexauth.StaticClient(ctx, s.Token(id)) // want `used through oauth2.StaticTokenSource \(through brexauth.StaticClient\)`
	return client.Get("https://api.brex.com/v2/company")
}

type row struct {
	Access, Refresh string
	Expiry          time.Time
}

// FromRow rebuilds the token from a database row and lets the helper
// refresh it inside a client.
func FromRow(ctx context.Context, r row) *http.Client {
	tok := &oauth2.Token{AccessToken: r.Access, RefreshToken: r.Refresh, Expiry: r.Expiry}
	return brexauth.ClientFor(ctx, tok) // want `Config.Client \(through brexauth.ClientFor\) over a stored Brex token`
}

// Saved refreshes through the saving helper: fine.
func Saved(ctx context.Context, r row, save func(*oauth2.Token)) *http.Client {
	tok := &oauth2.Token{AccessToken: r.Access, RefreshToken: r.Refresh, Expiry: r.Expiry}
	return brexauth.SavingClient(ctx, tok, save)
}
