// Package reqbuild makes requests from requests, the way integrations
// written against net/http and hashicorp/go-retryablehttp do.
package reqbuild

import (
	"context"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

const base = "https://api.brex.com"

// WithCtx sets the key on the request made with WithContext: the request is
// the first one.
func WithCtx(ctx context.Context, hc *http.Client, key string) {
	req, _ := http.NewRequest(http.MethodPost, base+"/v1/transfers", nil) // want `POST /v1/transfers \[Brex API host api.brex.com\] sent headers=Idempotency-Key`
	req = req.WithContext(ctx)
	r2 := req.WithContext(ctx)
	r2.Header.Set("Idempotency-Key", key)
	hc.Do(r2)
}

// Reused holds a clone, then a request of its own: the second request's
// headers are its own, not the first's (which is not seen sent: a
// variable that holds two requests is not followed flow-sensitively).
func Reused(ctx context.Context, hc *http.Client, key string) {
	req, _ := http.NewRequest(http.MethodGet, base+"/v2/users/me", nil) // want `GET /v2/users/me \[Brex API host api.brex.com\]$`
	r := req.Clone(ctx)
	hc.Do(r)
	r, _ = http.NewRequest(http.MethodPost, base+"/v1/transfers", nil) // want `POST /v1/transfers \[Brex API host api.brex.com\] sent headers=Idempotency-Key`
	r.Header.Set("Idempotency-Key", key)
	hc.Do(r)
}

// Cloned sends a clone made in the argument of Do.
func Cloned(ctx context.Context, hc *http.Client) {
	req, _ := http.NewRequest(http.MethodGet, base+"/v2/cards", nil) // want `GET /v2/cards \[Brex API host api.brex.com\] sent`
	hc.Do(req.Clone(ctx))
}

// newRequest is a builder helper that returns a request made with
// WithContext: its callers name the endpoint.
func newRequest(ctx context.Context, method, path string) (*http.Request, error) {
	req, err := http.NewRequest(method, base+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return req.WithContext(ctx), nil
}

func UsesBuilder(ctx context.Context, hc *http.Client) {
	req, _ := newRequest(ctx, http.MethodPost, "/v2/users") // want `POST /v2/users \[Brex API host api.brex.com\] sent via reqbuild.newRequest headers=Accept`
	hc.Do(req)
}

// Retryable builds and sends retryablehttp requests.
func Retryable(ctx context.Context, rc *retryablehttp.Client, key string) {
	req, _ := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, base+"/v1/transfers", nil) // want `POST /v1/transfers \[Brex API host api.brex.com\] sent headers=Idempotency-Key`
	req.Header.Set("Idempotency-Key", key)
	rc.Do(req)

	req2, _ := retryablehttp.NewRequest(http.MethodGet, base+"/v2/users/me", nil) // want `GET /v2/users/me \[Brex API host api.brex.com\] sent`
	rc.Do(req2.WithContext(ctx))

	hreq, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/v2/cards", nil) // want `POST /v2/cards \[Brex API host api.brex.com\] sent headers=Idempotency-Key`
	hreq.Header.Set("Idempotency-Key", key)
	rreq, _ := retryablehttp.FromRequest(hreq)
	rc.Do(rreq)

	// The embedded *http.Request is the request too.
	req3, _ := retryablehttp.NewRequest(http.MethodPost, base+"/v2/users", nil) // want `POST /v2/users \[Brex API host api.brex.com\] sent headers=Idempotency-Key`
	req3.Request.Header.Set("Idempotency-Key", key)
	http.DefaultClient.Do(req3.Request)

	rc.Get(base + "/v2/departments")          // want `GET /v2/departments \[Brex API host api.brex.com\] sent noheaders`
	retryablehttp.Get(base + "/v2/locations") // want `GET /v2/locations \[Brex API host api.brex.com\] sent noheaders`
}

// Elsewhere is the same code against another API: quiet.
func Elsewhere(ctx context.Context, rc *retryablehttp.Client, hc *http.Client) {
	req, _ := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, "https://api.stripe.com/v1/transfers", nil)
	rc.Do(req)
	hreq, _ := http.NewRequest(http.MethodPost, "https://api.stripe.com/v1/transfers", nil)
	hc.Do(hreq.WithContext(ctx))
}
