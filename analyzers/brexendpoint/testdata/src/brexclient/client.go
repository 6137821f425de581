// Package brexclient is a Brex client whose base URL comes from the
// environment, with a generic wrapper.
package brexclient

import (
	"context"
	"net/http"
	"os"
)

type Client struct {
	base string
	hc   *http.Client
}

func New() *Client { return &Client{base: os.Getenv("BREX_API_URL"), hc: http.DefaultClient} }

// Do sends a request to path on the Brex API. Findings land at its callers.
func (c *Client) Do(ctx context.Context, method, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}
