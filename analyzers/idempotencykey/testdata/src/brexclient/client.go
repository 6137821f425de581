// Package brexclient is a Brex client with wrappers used from package b.
package brexclient

import (
	"context"
	"net/http"
	"os"

	"ids"
)

type Client struct {
	base string
	hc   *http.Client
}

func New() *Client { return &Client{base: os.Getenv("BREX_API_URL"), hc: http.DefaultClient} }

// Do sends a request without any Idempotency-Key.
func (c *Client) Do(ctx context.Context, method, path string) error {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, nil)
	if err != nil {
		return err
	}
	_, err = c.hc.Do(req)
	return err
}

// Create sends a POST with the key the caller passes.
func (c *Client) Create(ctx context.Context, path, key string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, nil)
	if err != nil {
		return err
	}
	setKey(req, key)
	_, err = c.hc.Do(req)
	return err
}

// setKey is a helper that sets the header.
func setKey(req *http.Request, key string) { req.Header.Set("Idempotency-Key", key) }

// CreateOnce makes its own key, once, and re-sends the request with it.
func (c *Client) CreateOnce(ctx context.Context, path string) error {
	key := ids.NewKey()
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		req, rerr := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, nil)
		if rerr != nil {
			return rerr
		}
		req.Header.Set("Idempotency-Key", key)
		if _, err = c.hc.Do(req); err == nil {
			return nil
		}
	}
	return err
}

// CreatePerAttempt makes a new key on every attempt of its retry loop.
func (c *Client) CreatePerAttempt(ctx context.Context, path string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		req, rerr := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, nil)
		if rerr != nil {
			return rerr
		}
		req.Header.Set("Idempotency-Key", ids.NewKey())
		if _, err = c.hc.Do(req); err == nil {
			return nil
		}
	}
	return err
}

// CreateConstant sets the same key on every call.
func (c *Client) CreateConstant(ctx context.Context, path string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", "brex-key")
	_, err = c.hc.Do(req)
	return err
}
