// Package brexcalls calls the Brex API with a client it is given; it does
// not know the OAuth configuration, so it hands its endpoints on to its
// importers (facts).
package brexcalls

import (
	"context"
	"net/http"
	"strings"
)

const base = "https://api.brex.com"

type Client struct{ hc *http.Client }

func New(hc *http.Client) *Client { return &Client{hc: hc} }

func (c *Client) get(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// ListUsers needs users or users.readonly.
func (c *Client) ListUsers(ctx context.Context) (*http.Response, error) {
	return c.get(ctx, "/v2/users")
}

// ListCards needs cards or cards.readonly.
func (c *Client) ListCards(ctx context.Context) (*http.Response, error) {
	return c.get(ctx, "/v2/cards")
}

// CreateTransfer needs transfers.
func (c *Client) CreateTransfer(ctx context.Context, body string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/v1/transfers", strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Idempotency-Key", body)
	return c.hc.Do(req)
}

// Vendors needs vendors.readonly.
func Vendors(ctx context.Context, hc *http.Client) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v1/vendors", nil)
	if err != nil {
		return nil, err
	}
	return hc.Do(req)
}
