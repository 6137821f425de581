// Package restyuser calls the endpoints through restyclient's wrappers.
package restyuser

import (
	"context"
	"net/http"

	"restyclient"
)

func Use(ctx context.Context, c *restyclient.Client, key string) {
	c.Do(ctx, http.MethodPost, "/v1/transfers", key, nil) // want `POST /v1/transfers \[Brex API host platform.brexapis.com\] sent via restyclient.Do headers=Idempotency-Key`
	c.Get(ctx, "/v2/users/me")                            // want `GET /v2/users/me \[Brex API host platform.brexapis.com\] sent via restyclient.Get`
}
