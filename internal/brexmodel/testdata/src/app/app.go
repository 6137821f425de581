// Package app uses both clients; only the Brex one's calls reach Brex.
package app

import (
	"context"
	"net/http"

	"brexclient"
	"builder"
	"consts"
	"otherclient"
)

func Pay(ctx context.Context, b *brexclient.Client, o *otherclient.Client, key string) {
	b.Do(ctx, http.MethodPost, consts.TransfersPath, nil)   // want `POST /v1/transfers \[catalogue path and a base URL from a BREX_\* variable\] sent via brexclient.Do`
	b.Post(ctx, consts.CardsPath, key, nil)                 // want `POST /v2/cards \[catalogue path and a base URL from a BREX_\* variable\] sent via brexclient.Post headers=Idempotency-Key`
	b.Do(ctx, http.MethodGet, "/v2/spend_limits/"+key, nil) // want `GET /v2/spend_limits/\{\} \[path /v2/spend_limits exists only at Brex\] sent via brexclient.Do`
	o.Do(ctx, http.MethodPost, "/v1/transfers", nil)        // a Stripe-like API: quiet
	o.Do(ctx, http.MethodPost, "/v2/spend_limits", nil)     // want `POST /v2/spend_limits \[path /v2/spend_limits exists only at Brex\] sent via otherclient.Do`
}

func Helper(ctx context.Context, hc *http.Client, key string) {
	req, _ := http.NewRequestWithContext(ctx, "POST", "https://api.brex.com/v1/transfers", nil) // want `POST /v1/transfers \[Brex API host api.brex.com\] sent headers=Idempotency-Key`
	brexclient.SetKey(req, key)
	brexclient.Send(hc, req)
}

func Build(ctx context.Context, hc *http.Client) {
	req, _ := builder.NewTransfer(ctx) // want `POST /v1/transfers \[Brex API host platform.brexapis.com\] sent via builder.NewTransfer`
	builder.Send(hc, req)
	req2, _ := builder.NewRequest(ctx, http.MethodPost, "/v2/cards") // want `POST /v2/cards \[Brex API host platform.brexapis.com\] via builder.NewRequest headers=Accept`
	_ = req2
}

// CreateTransfer calls a wrapper with a constant path and returns only its
// error: the request is this package's, and CreateTransfer is no wrapper
// (its callers make no request).
func CreateTransfer(ctx context.Context, b *brexclient.Client) error {
	_, err := b.Do(ctx, http.MethodPost, consts.TransfersPath, nil) // want `POST /v1/transfers \[catalogue path and a base URL from a BREX_\* variable\] sent via brexclient.Do`
	return err
}

func CallsCreate(ctx context.Context, b *brexclient.Client) error {
	return CreateTransfer(ctx, b)
}

// SendErr returns the error of a wrapper call, which is no request either.
func SendErr(ctx context.Context, b *brexclient.Client) error {
	return b.SendOnly(ctx, consts.CardsPath) // want `POST /v2/cards \[catalogue path and a base URL from a BREX_\* variable\] sent via brexclient.SendOnly`
}

func CallsSendErr(ctx context.Context, b *brexclient.Client) error {
	return SendErr(ctx, b)
}
