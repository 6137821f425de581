// Package flow creates Brex resources through a client whose base URL is a
// struct field, and through URLs assigned more than once.
package flow

import (
	"bytes"
	"context"
	"net/http"
	"os"

	"github.com/google/uuid"
)

type Client struct {
	baseURL string
	hc      *http.Client
}

type Option func(*Client)

func WithBaseURL(u string) Option { return func(c *Client) { c.baseURL = u } }

func NewClient(opts ...Option) *Client {
	c := &Client{baseURL: "https://platform.brexapis.com", hc: http.DefaultClient}
	for _, o := range opts {
		o(c)
	}
	return c
}

// endpoint returns the base URL, or the Brex host when none is set.
func (c *Client) endpoint() string {
	if c.baseURL != "" {
		return c.baseURL
	}
	return "https://platform.brexapis.com"
}

func (c *Client) CreateVendor(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint()+"/v1/vendors", bytes.NewReader(body)) // want `POST /v1/vendors`
	if err != nil {
		return err
	}
	_, err = c.hc.Do(req)
	return err
}

func (c *Client) CreateVendorKeyed(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/v1/vendors", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", uuid.NewString())
	_, err = c.hc.Do(req)
	return err
}

// The base URL from the environment, with the Brex host as default; a
// query appended behind an if.
func CreateTransfer(ctx context.Context, body []byte, dryRun bool) error {
	base := os.Getenv("API_URL")
	if base == "" {
		base = "https://platform.brexapis.com"
	}
	u := base + "/v1/transfers"
	if dryRun {
		u += "?dry_run=true"
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body)) // want `POST /v1/transfers`
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

// The same shapes against another API stay quiet.

type Payments struct{ baseURL string }

func NewPayments() *Payments { return &Payments{baseURL: "https://api.stripe.com"} }

func (p *Payments) CreateTransfer(ctx context.Context, body []byte) error {
	u := p.baseURL + "/v1/transfers"
	if len(body) == 0 {
		u += "?empty=1"
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

func OtherTransfer(ctx context.Context, body []byte) error {
	base := os.Getenv("PAYMENTS_URL")
	if base == "" {
		base = "https://api.stripe.com"
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/v1/transfers", bytes.NewReader(body))
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}
