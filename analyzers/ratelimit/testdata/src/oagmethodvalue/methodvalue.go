// Package oagmethodvalue reads its client's configuration back through a
// method value of GetConfig (get := api.GetConfig; get().HTTPClient = hc):
// what HTTPClient any client of the generated package ends with is not
// followed, and it is taken on trust.
package oagmethodvalue

import (
	"context"
	"net/http"
	"time"

	brex "github.com/acmepay/brexopenapi"
)

type Service struct {
	api *brex.APIClient
}

func New(hc *http.Client) *Service {
	api := brex.NewAPIClient(brex.NewConfiguration())
	get := api.GetConfig
	get().HTTPClient = hc
	return &Service{api: api}
}

func (s *Service) Transfers(ctx context.Context) error {
	_, _, err := s.api.TransfersAPI.ListTransfers(ctx).Execute()
	return err
}

// Tuned gives another client its HTTP client the way the model reads;
// the method value above still leaves it unknown: quiet.
type Tuned struct {
	api *brex.APIClient
}

func NewTuned() *Tuned {
	api := brex.NewAPIClient(brex.NewConfiguration())
	api.GetConfig().HTTPClient = &http.Client{Timeout: 10 * time.Second}
	return &Tuned{api: api}
}

func (t *Tuned) Transfers(ctx context.Context) error {
	_, _, err := t.api.TransfersAPI.ListTransfers(ctx).Execute()
	return err
}
