// Package brexclient is a Brex client whose base URL comes from the
// environment, with a generic wrapper used from other packages.
package brexclient

import (
	"context"
	"io"
	"net/http"
	"os"

	"ids"
)

type Client struct {
	base string
	hc   *http.Client
}

func New() *Client {
	return &Client{base: os.Getenv("BREX_API_URL"), hc: http.DefaultClient}
}

// Do sends a request to path on the Brex API.
func (c *Client) Do(ctx context.Context, method, path string, body io.Reader) (*http.Response, error) { // want Do:`wrapper\(\$1 \{env BREX_API_URL\}\{\$2\} sends signal\)` Do:`response\(returns=resp judged nil@429 nil@401\)`
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// Post sends a POST with an idempotency key the caller chooses.
func (c *Client) Post(ctx context.Context, path, key string, body io.Reader) (*http.Response, error) { // want Post:`wrapper\(POST \{env BREX_API_URL\}\{\$1\} sends signal Idempotency-Key=\$2\)` Post:`response\(returns=resp judged nil@429 nil@401\)`
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
func Send(hc *http.Client, req *http.Request) (*http.Response, error) { // want Send:`sends\(\$1\)` Send:`response\(returns=resp handles429 nil@429 nil@401\)` Send:`clientparam\(\$0 per-call\)`
	return hc.Do(req)
}

// CreateOnce makes its own key, once, and re-sends the request with it:
// the value fact of ids.NewKey carries the key's kind here.
func (c *Client) CreateOnce(ctx context.Context, path string) error { // want CreateOnce:`wrapper\(POST \{env BREX_API_URL\}\{\$1\} sends signal Idempotency-Key=CryptoRandom\)` CreateOnce:`response\(judged nil@429 nil@401\)`
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
func (c *Client) CreatePerAttempt(ctx context.Context, path string) error { // want CreatePerAttempt:`wrapper\(POST \{env BREX_API_URL\}\{\$1\} sends signal Idempotency-Key=CryptoRandom per-attempt\)` CreatePerAttempt:`response\(judged nil@429 nil@401\)`
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

// SendOnly posts to path and returns only the error.
func (c *Client) SendOnly(ctx context.Context, path string) error { // want SendOnly:`wrapper\(POST \{env BREX_API_URL\}\{\$1\} sends signal\)` SendOnly:`response\(judged nil@429 nil@401\)`
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, nil)
	if err != nil {
		return err
	}
	_, err = c.hc.Do(req)
	return err
}
