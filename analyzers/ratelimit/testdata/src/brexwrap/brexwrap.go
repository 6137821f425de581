// Package brexwrap is a Brex client whose base URL its user gives it:
// only its callers' paths say that it reaches Brex, so it is judged at its
// callers.
package brexwrap

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

type Client struct {
	base string
	hc   *http.Client
}

// DefaultBase is the production API; tests and sandboxes pass their own.
const DefaultBase = "https://api.brex.com"

func New(base string) *Client {
	return &Client{base: base, hc: http.DefaultClient}
}

// Get returns the response: its callers handle the status, 429 included.
func (c *Client) Get(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// Call turns every non-2xx status into an error, 429 included.
func (c *Client) Call(ctx context.Context, method, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("brex: %s", resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
