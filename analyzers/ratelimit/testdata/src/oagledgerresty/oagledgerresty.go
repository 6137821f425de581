// Package oagledgerresty hands resty's plain http.Client (GetClient) to
// openapi-generator clients that do not talk to Brex: the ledger's own
// generated client, on the ledger's host like the resty client, and Brex's
// generated client pointed at the ledger's proxy. resty's inner client does
// not retry 429, but nothing here reaches Brex: quiet.
package oagledgerresty

import (
	"context"
	"time"

	brex "github.com/acmepay/brexopenapi"
	ledger "github.com/acmepay/ledgeropenapi"
	"github.com/go-resty/resty/v2"
)

const ledgerHost = "https://api.ledger.example.com"

type Books struct {
	ledger *ledger.APIClient
	proxy  *brex.APIClient
}

func New(token string) *Books {
	r := resty.New().SetBaseURL(ledgerHost).SetAuthToken(token).SetTimeout(10 * time.Second)

	cfg := ledger.NewConfiguration()
	cfg.HTTPClient = r.GetClient()

	proxied := brex.NewConfiguration()
	proxied.Servers = brex.ServerConfigurations{{URL: ledgerHost + "/brex-proxy", Description: "ledger proxy"}}
	proxied.HTTPClient = r.GetClient()

	return &Books{ledger: ledger.NewAPIClient(cfg), proxy: brex.NewAPIClient(proxied)}
}

func (b *Books) Transfers(ctx context.Context) error {
	if _, _, err := b.ledger.TransfersAPI.ListTransfers(ctx).Execute(); err != nil {
		return err
	}
	_, _, err := b.proxy.TransfersAPI.ListTransfers(ctx).Execute()
	return err
}
