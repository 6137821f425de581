// Package brexwrap is a Brex client whose wrappers return the response.
package brexwrap

import (
	"context"
	"fmt"
	"net/http"
	"os"
)

type Client struct {
	base string
	hc   *http.Client
}

func New() *Client { return &Client{base: os.Getenv("BREX_API_URL"), hc: http.DefaultClient} }

// Get returns the response as it comes.
func (c *Client) Get(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// GetOK returns the response only when its status is 2xx.
func (c *Client) GetOK(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		resp.Body.Close()
		return nil, fmt.Errorf("brex: %s", resp.Status)
	}
	return resp, nil
}
