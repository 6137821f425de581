// Package builders creates Brex objects through retryablehttp and resty.
package builders

import (
	"context"
	"crypto/rand"
	"net/http"

	"github.com/go-resty/resty/v2"
	"github.com/hashicorp/go-retryablehttp"
)

const brex = "https://api.brex.com"

func RetryableNoKey(ctx context.Context, rc *retryablehttp.Client) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, brex+"/v1/transfers", nil) // want `POST /v1/transfers is sent without an Idempotency-Key`
	if err != nil {
		return err
	}
	_, err = rc.Do(req)
	return err
}

func RetryableKeyed(ctx context.Context, rc *retryablehttp.Client) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, brex+"/v1/transfers", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", rand.Text())
	_, err = rc.Do(req)
	return err
}

// The key is set on the request that WithContext made: keyed.
func WithContextKeyed(ctx context.Context, hc *http.Client) error {
	req, err := http.NewRequest(http.MethodPost, brex+"/v2/cards", nil)
	if err != nil {
		return err
	}
	req = req.WithContext(ctx)
	req.Header.Set("Idempotency-Key", rand.Text())
	_, err = hc.Do(req)
	return err
}

type Client struct{ rc *resty.Client }

func New(token string) *Client {
	return &Client{rc: resty.New().SetBaseURL(brex).SetAuthToken(token)}
}

func (c *Client) TransferNoKey(ctx context.Context, in any) error {
	_, err := c.rc.R().SetContext(ctx).SetBody(in).Post("/v1/transfers") // want `POST /v1/transfers is sent without an Idempotency-Key`
	return err
}

func (c *Client) TransferKeyed(ctx context.Context, in any) error {
	_, err := c.rc.R().SetContext(ctx).SetHeader("Idempotency-Key", rand.Text()).SetBody(in).Post("/v1/transfers")
	return err
}

func (c *Client) TransferConstant(ctx context.Context, in any) error {
	_, err := c.rc.R().SetHeader("Idempotency-Key", "transfer").SetBody(in).Post("/v1/transfers") // want `the Idempotency-Key of POST /v1/transfers is a constant`
	return err
}

// Another API's transfers: quiet.
func StripeTransfer(ctx context.Context, in any) error {
	_, err := resty.New().SetBaseURL("https://api.stripe.com").R().SetBody(in).Post("/v1/transfers")
	return err
}
