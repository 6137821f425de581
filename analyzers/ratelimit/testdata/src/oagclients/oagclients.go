// Package oagclients gives its openapi-generator clients the HTTP clients
// of the retry libraries: the retrying client a library offers for that
// (retryablehttp's StandardClient) is trusted, and the plain client a
// library keeps inside (retryablehttp's HTTPClient field, resty's
// GetClient) does not retry 429, whatever the library's own retry settings.
package oagclients

import (
	"context"
	"net/http"
	"time"

	brex "github.com/acmepay/brexopenapi"
	"github.com/go-resty/resty/v2"
	"github.com/hashicorp/go-retryablehttp"

	"transport"
)

type Service struct {
	inner    *brex.APIClient
	standard *brex.APIClient
	resty    *brex.APIClient
}

func New() *Service {
	rc := retryablehttp.NewClient()
	rc.RetryMax = 5

	inner := brex.NewConfiguration()
	inner.HTTPClient = rc.HTTPClient

	standard := brex.NewConfiguration()
	standard.HTTPClient = rc.StandardClient()

	r := resty.New().SetRetryCount(3).SetTimeout(10 * time.Second).AddRetryCondition(func(resp *resty.Response, err error) bool {
		return resp != nil && resp.StatusCode() == http.StatusTooManyRequests
	})
	viaResty := brex.NewConfiguration()
	viaResty.HTTPClient = r.GetClient()

	return &Service{inner: brex.NewAPIClient(inner), standard: brex.NewAPIClient(standard), resty: brex.NewAPIClient(viaResty)}
}

// The retryablehttp client's inner http.Client sends once.
func (s *Service) Inner(ctx context.Context) error {
	_, _, err := s.inner.TransfersAPI.ListTransfers(ctx).Execute() // want `429 from GET /v1/transfers is not retried \(client: retryablehttp.s inner HTTPClient as HTTPClient\)`
	return err
}

// StandardClient retries 429 with a growing wait: quiet.
func (s *Service) Standard(ctx context.Context) error {
	_, _, err := s.standard.TransfersAPI.ListTransfers(ctx).Execute()
	return err
}

// resty retries its own requests; the http.Client it hands out sends once.
func (s *Service) Resty(ctx context.Context) error {
	_, _, err := s.resty.TransfersAPI.ListTransfers(ctx).Execute() // want `429 from GET /v1/transfers is not retried \(client: resty.s GetClient\(\) as HTTPClient\)`
	return err
}

// Tuned gives its clients resty's http.Client where it retries 429 by
// itself: made over retryablehttp's StandardClient, or given a transport
// that retries 429 with a growing wait. Quiet.
type Tuned struct {
	overRetryable *brex.APIClient
	overTransport *brex.APIClient
}

func NewTuned() *Tuned {
	over := brex.NewConfiguration()
	over.HTTPClient = resty.NewWithClient(retryablehttp.NewClient().StandardClient()).SetRetryCount(2).GetClient()

	r := resty.New()
	r.SetTransport(&transport.Retrying{Base: http.DefaultTransport})
	viaTransport := brex.NewConfiguration()
	viaTransport.HTTPClient = r.GetClient()
	return &Tuned{overRetryable: brex.NewAPIClient(over), overTransport: brex.NewAPIClient(viaTransport)}
}

func (t *Tuned) Transfers(ctx context.Context) error {
	if _, _, err := t.overRetryable.TransfersAPI.ListTransfers(ctx).Execute(); err != nil {
		return err
	}
	_, _, err := t.overTransport.TransfersAPI.ListTransfers(ctx).Execute()
	return err
}

// Books takes its HTTP client from the caller.
type Books struct {
	api *brex.APIClient
}

func NewBooks(hc *http.Client) *Books {
	cfg := brex.NewConfiguration()
	cfg.HTTPClient = hc
	return &Books{api: brex.NewAPIClient(cfg)}
}

func (b *Books) Transfer(ctx context.Context, id string) (*brex.Transfer, error) {
	t, _, err := b.api.TransfersAPI.GetTransferById(ctx, id).Execute()
	return t, err
}

func books() (*Books, *Books) {
	rc := retryablehttp.NewClient()
	inner := NewBooks(rc.HTTPClient) // want `retryablehttp.s inner HTTPClient, given to oagclients.NewBooks, does not retry 429 from GET /v1/transfers/\{id\}`
	return inner, NewBooks(rc.StandardClient())
}
