//go:build go1.24

package fix

import (
	"context"
	"math/rand"
	"net/http"
)

const api = "https://api.brex.com"

func create(ctx context.Context, hc *http.Client) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, api+"/v1/transfers", nil) // want `sent without an Idempotency-Key`
	if err != nil {
		return err
	}
	_, err = hc.Do(req)
	_ = rand.Intn
	return err
}

func inLoop(ctx context.Context, hc *http.Client) {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, api+"/v2/cards", nil) // want `sent without an Idempotency-Key`
		if _, err := hc.Do(req); err != nil {
			continue
		}
		return
	}
}

// send is retried by its caller: a key made here would be new on every
// attempt, so no fix is offered.
func send(ctx context.Context, hc *http.Client) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, api+"/v1/vendors", nil) // want `sent without an Idempotency-Key`
	if err != nil {
		return err
	}
	_, err = hc.Do(req)
	return err
}

func sendRetrying(ctx context.Context, hc *http.Client) {
	for i := 0; i < 3; i++ {
		if err := send(ctx, hc); err == nil {
			return
		}
	}
}
