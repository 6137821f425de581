// Package oagtuned gives its openapi-generator clients their HTTP clients
// after making them, through GetConfig (api.GetConfig().HTTPClient = hc):
// the client given there is the one judged, not the configuration's.
package oagtuned

import (
	"context"
	"net/http"
	"time"

	brex "github.com/acmepay/brexopenapi"
	"github.com/hashicorp/go-retryablehttp"
)

type Service struct {
	api *brex.APIClient
}

// New tunes its client for 429 handling: quiet.
func New() *Service {
	api := brex.NewAPIClient(brex.NewConfiguration())
	api.GetConfig().HTTPClient = retryablehttp.NewClient().StandardClient()
	return &Service{api: api}
}

func (s *Service) Transfers(ctx context.Context) error {
	_, _, err := s.api.TransfersAPI.ListTransfers(ctx).Execute()
	return err
}

// Plain gives its client an http.Client that does not retry 429, through
// GetConfig: reported, like one given to the configuration.
type Plain struct {
	api *brex.APIClient
}

func NewPlain() *Plain {
	api := brex.NewAPIClient(brex.NewConfiguration())
	api.GetConfig().HTTPClient = &http.Client{Timeout: 10 * time.Second}
	return &Plain{api: api}
}

func (p *Plain) Transfers(ctx context.Context) error {
	_, _, err := p.api.TransfersAPI.ListTransfers(ctx).Execute() // want `429 from GET /v1/transfers is not retried \(client: an http.Client with the default transport as HTTPClient\)`
	return err
}
