// Package retryable talks to Brex only through hashicorp/go-retryablehttp.
package retryable

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

type User struct {
	ID string `json:"id"`
}

type Client struct {
	rc   *retryablehttp.Client
	base string
}

func New() *Client {
	return &Client{rc: retryablehttp.NewClient(), base: "https://api.brex.com"}
}

func (c *Client) Me(ctx context.Context) (*User, error) {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/users/me", nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.rc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var u User
	return &u, json.NewDecoder(resp.Body).Decode(&u) // want `the body of GET /v2/users/me is decoded before any check`
}

// Checked looks at the status first: quiet.
func (c *Client) Checked(ctx context.Context) (*User, error) {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/users/me", nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.rc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("brex: status %d", resp.StatusCode)
	}
	var u User
	return &u, json.NewDecoder(resp.Body).Decode(&u)
}

// Stripe is the same code against another API: quiet.
func (c *Client) Stripe(ctx context.Context) (*User, error) {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, "https://api.stripe.com/v1/account", nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.rc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var u User
	return &u, json.NewDecoder(resp.Body).Decode(&u)
}
