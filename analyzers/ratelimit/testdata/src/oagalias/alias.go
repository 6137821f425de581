// Package oagalias gives a client kept in a field its HTTP client through
// another variable (api := s.api; api.GetConfig().HTTPClient = hc): the
// client changed is not the one a NewAPIClient call there made, so every
// client of the generated package is taken on trust.
package oagalias

import (
	"context"

	brex "github.com/acmepay/brexopenapi"
	"github.com/hashicorp/go-retryablehttp"
)

type Service struct {
	api *brex.APIClient
}

func New() *Service {
	return &Service{api: brex.NewAPIClient(brex.NewConfiguration())}
}

// Tune gives the client a retrying HTTP client after the fact.
func (s *Service) Tune() {
	api := s.api
	api.GetConfig().HTTPClient = retryablehttp.NewClient().StandardClient()
}

func (s *Service) Transfers(ctx context.Context) error {
	_, _, err := s.api.TransfersAPI.ListTransfers(ctx).Execute()
	return err
}
