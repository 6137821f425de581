// Package injclient is a Brex client whose HTTP client is injected: the
// code that passes the client is judged.
package injclient

import (
	"context"
	"fmt"
	"net/http"
)

const base = "https://api.brex.com"

type Client struct{ hc *http.Client }

// NewClient takes the client its Brex calls go through.
func NewClient(hc *http.Client) *Client {
	if hc == nil {
		hc = http.DefaultClient
	}
	return &Client{hc: hc}
}

func (c *Client) ListCards(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v2/cards", nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("brex: %s", resp.Status)
	}
	return nil
}

// Options holds the client of a Service in an exported field.
type Service struct {
	HTTP *http.Client
}

func (s *Service) ListUsers(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v2/users", nil)
	if err != nil {
		return err
	}
	resp, err := s.HTTP.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Default uses the package's own default client: judged here.
func Default(ctx context.Context) error {
	return NewClient(nil).ListCards(ctx) // want `nil \(so http.DefaultClient\), given to injclient.NewClient, does not retry 429 from GET /v2/cards`
}
