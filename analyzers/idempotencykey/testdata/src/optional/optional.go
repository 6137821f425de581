// Package optional runs with -idempotencykey.optional: endpoints whose
// Idempotency-Key is optional get a suggestion when they carry none.
package optional

import (
	"context"
	"crypto/rand"
	"net/http"
)

const api = "https://platform.brexapis.com"

func update(ctx context.Context, hc *http.Client) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPut, api+"/v2/cards/card_1", nil) // want `PUT /v2/cards/\{id\} accepts an Idempotency-Key but is sent without one, so a retried timeout can apply it twice; set one from crypto/rand.Text\(\) and reuse it on retries$`
	hc.Do(req)
}

func updateWithKey(ctx context.Context, hc *http.Client) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPut, api+"/v1/vendors/v_1", nil)
	req.Header.Set("Idempotency-Key", rand.Text())
	hc.Do(req)
}

func updateConstant(ctx context.Context, hc *http.Client) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPut, api+"/v1/vendors/v_1", nil)
	req.Header.Set("Idempotency-Key", "vendor") // want `the Idempotency-Key of PUT /v1/vendors/\{id\} is a constant`
	hc.Do(req)
}

// Required endpoints are reported as always.
func create(ctx context.Context, hc *http.Client) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, api+"/v1/transfers", nil) // want `POST /v1/transfers is sent without an Idempotency-Key`
	hc.Do(req)
}
