// Command app imports the configuration (brexauth) and the calls
// (brexcalls, service): here both are visible, so the calls are compared
// with the scopes.
package main

import (
	"context"
	"net/http"

	"brexauth"
	"brexcalls"
	"service"
)

func main() {
	ctx := context.Background()
	hc := brexauth.Config.Client(ctx, nil)
	c := brexcalls.New(hc)
	c.ListUsers(ctx)
	c.CreateTransfer(ctx, "payout-1")
	c.ListCards(ctx)      // want `^oauthscopes: GET /v2/cards \(via brexcalls.Client.ListCards\) needs scope cards.readonly \(or cards\), not requested by brexauth.Config, so Brex rejects it for insufficient scopes; request cards.readonly$`
	service.Sync(ctx, hc) // want `GET /v2/cards \(via service.Sync\) needs scope cards.readonly \(or cards\)` `GET /v1/vendors \(via service.Sync\) needs scope vendors.readonly,`
	service.Users(ctx, hc)
	http.ListenAndServe(":8080", nil)
}
