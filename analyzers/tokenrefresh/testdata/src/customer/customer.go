// Package customer calls Brex with a customer's user token (bxt_…) from
// the environment: it does not expire while used and is not refreshed,
// so static use is right.
package customer

import (
	"context"
	"net/http"
	"os"

	"github.com/patrickmn/go-cache"
	"golang.org/x/oauth2"
)

type Client struct {
	hc    *http.Client
	token string
}

func New(ctx context.Context) *Client {
	tok := &oauth2.Token{AccessToken: os.Getenv("BREX_API_TOKEN")}
	return &Client{hc: oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)), token: os.Getenv("BREX_API_TOKEN")}
}

func (c *Client) Me(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/users/me", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	return c.hc.Do(req)
}

var kept *oauth2.Token

func init() {
	kept = &oauth2.Token{AccessToken: os.Getenv("BREX_API_TOKEN")}
}

func Cached(ctx context.Context, c *cache.Cache) *http.Client {
	c.Set("token", os.Getenv("BREX_API_TOKEN"), cache.NoExpiration)
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(kept))
}
