// Package retryable talks to Brex only through hashicorp/go-retryablehttp.
package retryable

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

type Transfer struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

func Transfer1(ctx context.Context, id string) (*Transfer, error) {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v1/transfers/"+id, nil)
	if err != nil {
		return nil, err
	}
	resp, err := retryablehttp.NewClient().Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var t Transfer
	dec := json.NewDecoder(resp.Body)
	dec.DisallowUnknownFields() // want `on the decoder of a Brex response`
	return &t, dec.Decode(&t)
}

// Another API's responses may be decoded strictly: quiet.
func Other(ctx context.Context, id string) (*Transfer, error) {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, "https://api.stripe.com/v1/transfers/"+id, nil)
	if err != nil {
		return nil, err
	}
	resp, err := retryablehttp.NewClient().Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var t Transfer
	dec := json.NewDecoder(resp.Body)
	dec.DisallowUnknownFields()
	return &t, dec.Decode(&t)
}
