// Package restyapp talks to Brex and to another API with go-resty/resty v2.
package restyapp

import (
	"context"
	"net/http"
	"os"

	"github.com/go-resty/resty/v2"
)

const brexBase = "https://platform.brexapis.com"

type Client struct {
	http *resty.Client
}

type Option func(*Client)

// WithBaseURL overrides the base URL (a test server).
func WithBaseURL(u string) Option {
	return func(c *Client) { c.http.SetBaseURL(u) }
}

func New(token string, opts ...Option) *Client {
	c := &Client{http: resty.New().
		SetBaseURL(brexBase).
		SetHeader("Authorization", "Bearer "+token).
		SetRetryCount(3)}
	for _, o := range opts {
		o(c)
	}
	return c
}

func (c *Client) CreateTransfer(ctx context.Context, key string, in any) error {
	_, err := c.http.R(). // want `POST /v1/transfers \[Brex API host platform.brexapis.com\] sent headers=Idempotency-Key,Authorization`
				SetContext(ctx).
				SetHeader("Idempotency-Key", key).
				SetBody(in).
				Post("/v1/transfers")
	return err
}

func (c *Client) Card(ctx context.Context, id string) error {
	r := c.http.R().SetContext(ctx)
	r.SetPathParam("id", id)
	_, err := r.Get("/v2/cards/{id}") // want `GET /v2/cards/\{id\} \[Brex API host platform.brexapis.com\] sent headers=Authorization`
	return err
}

func (c *Client) Lock(ctx context.Context, id, key string) error {
	_, err := c.http.R().SetHeaders(map[string]string{"Idempotency-Key": key}). // want `POST /v2/cards/\{\}/lock \[Brex API host platform.brexapis.com\] sent headers=Idempotency-Key,Authorization`
											Execute(http.MethodPost, "v2/cards/"+id+"/lock")
	return err
}

// do is a wrapper: its callers name the endpoint.
func (c *Client) do(ctx context.Context, method, path string, in any) error {
	_, err := c.http.R().SetContext(ctx).SetBody(in).Execute(method, path)
	return err
}

func (c *Client) CreateBudget(ctx context.Context, in any) error {
	return c.do(ctx, http.MethodPost, "/v2/budgets", in) // want `POST /v2/budgets \[Brex API host platform.brexapis.com\] sent via restyapp.do headers=Authorization`
}

// Absolute URLs are taken as they are.
func Me(ctx context.Context) error {
	_, err := resty.New().R().SetContext(ctx).Get("https://api.brex.com/v2/users/me") // want `GET /v2/users/me \[Brex API host api.brex.com\] sent`
	return err
}

// An env base URL named for Brex.
func Vendors(ctx context.Context) error {
	rc := resty.New()
	rc.SetBaseURL(os.Getenv("BREX_API_URL"))
	_, err := rc.R().Get("/v1/vendors") // want `GET /v1/vendors \[catalogue path and a base URL from a BREX_\* variable\] sent`
	return err
}

// Another API with the same shapes: quiet.
type Stripe struct{ rc *resty.Client }

func NewStripe() *Stripe {
	return &Stripe{rc: resty.New().SetBaseURL("https://api.stripe.com")}
}

func (s *Stripe) Transfer(ctx context.Context, key string) error {
	_, err := s.rc.R().SetHeader("Idempotency-Key", key).Post("/v1/transfers")
	return err
}

func Ledger(ctx context.Context) error {
	_, err := resty.New().SetBaseURL(os.Getenv("LEDGER_URL")).R().Post("/v1/transfers")
	return err
}
