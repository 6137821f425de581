// Package oagtuned gives its openapi-generator client an HTTP client after
// making it, through GetConfig: the configuration's HTTPClient is not the
// one it was made with, so the model takes it on trust.
package oagtuned

import (
	"context"

	brex "github.com/acmepay/brexopenapi"
	"github.com/hashicorp/go-retryablehttp"
)

type Service struct {
	api *brex.APIClient
}

func New() *Service {
	api := brex.NewAPIClient(brex.NewConfiguration())
	api.GetConfig().HTTPClient = retryablehttp.NewClient().StandardClient()
	return &Service{api: api}
}

func (s *Service) Transfers(ctx context.Context) error {
	_, _, err := s.api.TransfersAPI.ListTransfers(ctx).Execute()
	return err
}
