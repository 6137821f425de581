// Package builders calls Brex endpoints through retryablehttp and resty.
package builders

import (
	"context"
	"net/http"

	"github.com/go-resty/resty/v2"
	"github.com/hashicorp/go-retryablehttp"
)

const brex = "https://api.brex.com"

func Deprecated(ctx context.Context, rc *retryablehttp.Client) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, brex+"/v1/expenses/card", nil) // want `GET /v1/expenses/card is deprecated`
	if err != nil {
		return err
	}
	_, err = rc.Do(req)
	return err
}

var api = resty.New().SetBaseURL(brex)

func Budget(ctx context.Context, id string) error {
	_, err := api.R().SetContext(ctx).Get("/v1/budgets/" + id) // want `GET /v1/budgets/\{id\} is deprecated`
	return err
}

func SpendLimit(ctx context.Context, id string) error {
	_, err := api.R().SetContext(ctx).Get("/v2/spend_limits/" + id)
	return err
}

// Another API's budgets: quiet.
func Other(ctx context.Context, id string) error {
	_, err := resty.New().SetBaseURL("https://api.example.com").R().Get("/v1/budgets/" + id)
	return err
}
