// Package oagowninner puts an http.Client of its own inside its
// retryablehttp client: which client a retryablehttp.Client's HTTPClient
// holds is then not told apart, and the generated client that is given it
// stays quiet.
package oagowninner

import (
	"context"
	"net/http"

	brex "github.com/acmepay/brexopenapi"
	"github.com/hashicorp/go-retryablehttp"

	"transport"
)

type Service struct {
	api *brex.APIClient
}

func New() *Service {
	rc := retryablehttp.NewClient()
	rc.HTTPClient = &http.Client{Transport: &transport.Retrying{Base: http.DefaultTransport}}
	cfg := brex.NewConfiguration()
	cfg.HTTPClient = rc.HTTPClient
	return &Service{api: brex.NewAPIClient(cfg)}
}

func (s *Service) Transfers(ctx context.Context) error {
	_, _, err := s.api.TransfersAPI.ListTransfers(ctx).Execute()
	return err
}
