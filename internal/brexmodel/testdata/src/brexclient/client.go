// Package brexclient is a Brex client whose base URL comes from the
// environment, with a generic wrapper used from other packages.
package brexclient

import (
	"context"
	"io"
	"net/http"
	"os"
)

type Client struct {
	base string
	hc   *http.Client
}

func New() *Client {
	return &Client{base: os.Getenv("BREX_API_URL"), hc: http.DefaultClient}
}

// Do sends a request to path on the Brex API.
func (c *Client) Do(ctx context.Context, method, path string, body io.Reader) (*http.Response, error) { // want Do:`wrapper\(\$1 \{\}\{\$2\} sends signal\)`
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// Post sends a POST with an idempotency key the caller chooses.
func (c *Client) Post(ctx context.Context, path, key string, body io.Reader) (*http.Response, error) { // want Post:`wrapper\(POST \{\}\{\$1\} sends signal Idempotency-Key=\$2\)`
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, body)
	if err != nil {
		return nil, err
	}
	SetKey(req, key)
	return c.hc.Do(req)
}

// SetKey sets the idempotency key: a header set in a helper.
func SetKey(req *http.Request, key string) { // want SetKey:`sets\(\$0: Idempotency-Key=\$1\)`
	req.Header.Set("idempotency-key", key)
}

// Send sends a request built elsewhere.
func Send(hc *http.Client, req *http.Request) (*http.Response, error) { // want Send:`sends\(\$1\)`
	return hc.Do(req)
}
