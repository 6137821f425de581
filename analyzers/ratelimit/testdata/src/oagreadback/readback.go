// Package oagreadback reads its client's configuration back into a
// variable and changes it there: what HTTPClient any client of the
// generated package ends with is not followed, and it is taken on trust.
package oagreadback

import (
	"context"
	"net/http"
	"time"

	brex "github.com/acmepay/brexopenapi"
)

type Service struct {
	api *brex.APIClient
}

func New() *Service {
	api := brex.NewAPIClient(brex.NewConfiguration())
	cfg := api.GetConfig()
	cfg.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	return &Service{api: api}
}

func (s *Service) Transfers(ctx context.Context) error {
	_, _, err := s.api.TransfersAPI.ListTransfers(ctx).Execute()
	return err
}
