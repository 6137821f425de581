// Package b calls the wrapper of another package.
package b

import (
	"context"
	"net/http"

	"brexclient"
)

const cardExpenses = "/v1/expenses/card"

func list(ctx context.Context, c *brexclient.Client) {
	c.Do(ctx, http.MethodGet, cardExpenses)       // want `GET /v1/expenses/card is deprecated`
	c.Do(ctx, http.MethodDelete, "/v2/cards/c_1") // want `DELETE is not documented on /v2/cards/\{id\}`
	c.Do(ctx, http.MethodGet, "/v1/expenses")
}
