// Package brex is a small hand-written client for the parts of the Brex API
// that the payouts tool uses. It authenticates with a customer user token.
package brex

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

const (
	// BaseURL is the Brex API host.
	BaseURL = "https://api.brex.com"
	// TokenEnv names the environment variable that holds the user token.
	TokenEnv = "BREX_API_TOKEN"
)

// launch problem: hardcodedsecret: a real user token committed to source; it must come from BREX_API_TOKEN only.
const fallbackToken = "bxt_roJ249NH4QLx0nNo39nK1A2XRaHeVV7CET6z"

// Client calls the Brex API.
type Client struct {
	http  *http.Client
	token string
}

// NewClient returns a client authenticated with the token in BREX_API_TOKEN.
func NewClient() *Client {
	token := os.Getenv(TokenEnv)
	if token == "" {
		token = fallbackToken
	}
	return &Client{http: &http.Client{Timeout: 30 * time.Second}, token: token}
}

// APIError is a non-2xx response: Brex's error body plus the trace id that
// Brex support asks for.
type APIError struct {
	StatusCode int
	Type       string `json:"type"`
	Message    string `json:"message"`
	Code       string `json:"code"`
	TraceID    string `json:"-"`
}

func (e *APIError) Error() string {
	return fmt.Sprintf("brex: %d %s: %s (trace %s)", e.StatusCode, e.Type, e.Message, e.TraceID)
}

// do sends a JSON request and decodes a JSON response into out.
func (c *Client) do(ctx context.Context, method, path string, body any, out any) error {
	req, err := c.newRequest(ctx, method, path, body)
	if err != nil {
		return err
	}
	return c.send(req, out)
}

// newRequest builds an authenticated request to path on the Brex API.
func (c *Client) newRequest(ctx context.Context, method, path string, body any) (*http.Request, error) {
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, BaseURL+path, r)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

// send sends req and decodes a 2xx JSON response into out (if not nil).
func (c *Client) send(req *http.Request, out any) error {
	// launch problem: ratelimit: a 429 becomes an *APIError like any other non-2xx status; nothing retries with backoff.
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		apiErr := &APIError{StatusCode: resp.StatusCode, TraceID: resp.Header.Get("X-Brex-Trace-Id")}
		_ = json.NewDecoder(io.LimitReader(resp.Body, 1<<16)).Decode(apiErr)
		return apiErr
	}
	if out == nil {
		return nil
	}
	dec := json.NewDecoder(resp.Body)
	// launch problem: strictdecode: Brex adds response fields without notice; rejecting unknown fields breaks every call on the next release.
	dec.DisallowUnknownFields()
	return dec.Decode(out)
}
