// Package b uses the wrappers of brexclient.
package b

import (
	"context"
	"net/http"

	"brexclient"
	"ids"
	"github.com/google/uuid"
)

const transfers = "/v1/transfers"

func pay(ctx context.Context, c *brexclient.Client, id string) {
	c.Do(ctx, http.MethodPost, transfers)          // want `POST /v1/transfers is sent through Do without an Idempotency-Key`
	c.Create(ctx, transfers, "same-key-every-time") // want `the Idempotency-Key of POST /v1/transfers is a constant`
	c.Create(ctx, transfers, uuid.NewString())
	c.Create(ctx, "/v2/cards", "card-"+id)
	c.Do(ctx, http.MethodGet, transfers)

	// Keys made by helpers of another package, judged by their facts.
	c.Create(ctx, transfers, ids.NewKey())
	c.Create(ctx, transfers, ids.TimeKey()) // want `the Idempotency-Key of POST /v1/transfers is made from the clock`

	// Keys the wrapper makes itself.
	c.CreateOnce(ctx, transfers)
	c.CreatePerAttempt(ctx, transfers) // want `POST /v1/transfers gets a new Idempotency-Key on every attempt inside CreatePerAttempt's retry loop`
	c.CreateConstant(ctx, "/v2/cards")  // want `the Idempotency-Key of POST /v2/cards is a constant`
}
