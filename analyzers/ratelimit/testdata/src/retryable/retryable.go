// Package retryable sends Brex requests made from requests, and through
// hashicorp/go-retryablehttp.
package retryable

import (
	"context"
	"net/http"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

const brex = "https://api.brex.com"

// WithContext: the request sent is the one made with NewRequest.
func WithContext(ctx context.Context) error {
	req, err := http.NewRequest(http.MethodGet, brex+"/v2/users/me", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req.WithContext(ctx)) // want `429 from GET /v2/users/me is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// build is a builder helper that returns a clone.
func build(ctx context.Context, path string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, brex+path, nil)
	if err != nil {
		return nil, err
	}
	return req.Clone(ctx), nil
}

func Cloned(ctx context.Context) error {
	hc := &http.Client{Timeout: 10 * time.Second}
	req, err := build(ctx, "/v2/cards")
	if err != nil {
		return err
	}
	resp, err := hc.Do(req) // want `429 from GET /v2/cards is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The retryablehttp client retries 429 with a growing wait: quiet.
func Retrying(ctx context.Context, rc *retryablehttp.Client) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, brex+"/v2/users/me", nil)
	if err != nil {
		return err
	}
	resp, err := rc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Shorthand() error {
	resp, err := retryablehttp.Get(brex + "/v2/departments")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// FromRequest hands a net/http request to retryablehttp: quiet.
func FromRequest(ctx context.Context) error {
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, brex+"/v2/locations", nil)
	if err != nil {
		return err
	}
	rreq, err := retryablehttp.FromRequest(hreq)
	if err != nil {
		return err
	}
	resp, err := retryablehttp.NewClient().Do(rreq)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Another API, without 429 handling: quiet.
func Other(ctx context.Context) error {
	req, err := http.NewRequest(http.MethodGet, "https://api.stripe.com/v1/balance", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
