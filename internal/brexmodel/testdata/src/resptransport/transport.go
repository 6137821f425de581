// Package resptransport holds what the response flow exports about
// clients and transports: round trippers that retry 429, a factory of a
// retrying client, injection points, and a credential helper.
package resptransport

import (
	"context"
	"net/http"
	"time"
)

const base = "https://api.brex.com"

// Backoff retries 429 with a growing wait.
type Backoff struct{ Base http.RoundTripper } // want Backoff:`retries429`

func (t *Backoff) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`response\(returns=resp nil@429 nil@401\)`
	wait := 100 * time.Millisecond
	for i := 0; i < 4; i++ {
		resp, err := t.Base.RoundTrip(req)
		if err != nil || resp.StatusCode != http.StatusTooManyRequests {
			return resp, err
		}
		time.Sleep(wait)
		wait *= 2
	}
	return t.Base.RoundTrip(req)
}

// Fixed retries 429 with a constant wait.
type Fixed struct{ Base http.RoundTripper } // want Fixed:`retries429\(constant\)`

func (t *Fixed) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:`response\(returns=resp checked handles429 nil@429 nil@401\)`
	for i := 0; ; i++ {
		resp, err := t.Base.RoundTrip(req)
		if err != nil || i == 3 || resp.StatusCode != http.StatusTooManyRequests {
			return resp, err
		}
		time.Sleep(time.Second)
	}
}

// NewRetryingClient returns a client that retries 429.
func NewRetryingClient() *http.Client { // want NewRetryingClient:`retries429`
	return &http.Client{Transport: &Backoff{Base: http.DefaultTransport}}
}

type Client struct {
	hc    *http.Client
	token string
}

// New takes the client through which its Brex calls go.
func New(hc *http.Client, token string) *Client { // want New:`clientparam\(\$0\)`
	return &Client{hc: hc, token: token}
}

func (c *Client) Me(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v2/users/me", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// reset drops the stored token.
func (c *Client) reset() { // want reset:`credential\(clears or replaces the stored credential\)`
	c.token = ""
}

// Service holds its client in an exported field.
type Service struct {
	HTTP *http.Client // want HTTP:`clientfield`
}

func (s *Service) Cards(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v2/cards", nil)
	if err != nil {
		return err
	}
	resp, err := s.HTTP.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
