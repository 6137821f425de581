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
	c.ListCards(ctx)      // want `oauthscopes: GET /v2/cards \(called through brexcalls.Client.ListCards\) needs one of the scopes cards, cards.readonly, and the Brex OAuth configuration brexauth.Config requests none of them \(it requests offline_access openid transfers users.readonly\): Brex rejects every such call for insufficient scopes, which surfaces only when a customer connects; add "cards.readonly" to the Scopes`
	service.Sync(ctx, hc) // want `GET /v2/cards \(called through service.Sync\) needs one of the scopes cards, cards.readonly` `GET /v1/vendors \(called through service.Sync\) needs one of the scopes vendors.readonly`
	service.Users(ctx, hc)
	http.ListenAndServe(":8080", nil)
}
