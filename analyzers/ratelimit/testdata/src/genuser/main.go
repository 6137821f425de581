// Package genuser builds genclient's Client with its own HTTP clients.
package genuser

import (
	"context"
	"net/http"
	"os"
	"time"

	"genclient"

	"github.com/acmepay/brexsdk"
	"github.com/hashicorp/go-retryablehttp"
)

func plain() (*genclient.Client, error) {
	return genclient.NewClient(&http.Client{Timeout: 10 * time.Second}, os.Getenv("BREX_TOKEN")) // want `an http.Client with the default transport, given to genclient.NewClient, does not retry 429 from GET /v1/transfers`
}

func retrying() (*genclient.Client, error) {
	rc := retryablehttp.NewClient()
	return genclient.NewClient(rc.StandardClient(), os.Getenv("BREX_TOKEN"))
}

// Syncer holds a client made by genclient's constructors.
type Syncer struct {
	brex  *brexsdk.ClientWithResponses
	retry *brexsdk.ClientWithResponses
}

func NewSyncer(token string) (*Syncer, error) {
	b, err := genclient.NewBrex(token)
	if err != nil {
		return nil, err
	}
	r, err := genclient.NewRetryingBrex(token)
	if err != nil {
		return nil, err
	}
	return &Syncer{brex: b, retry: r}, nil
}

func (s *Syncer) Sync(ctx context.Context) error {
	if _, err := s.brex.ListTransfersWithResponse(ctx, &brexsdk.ListTransfersParams{}); err != nil { // want `429 from GET /v1/transfers is not retried \(client: the default http.Client of brexsdk.NewClientWithResponses\)`
		return err
	}
	_, err := s.retry.ListTransfersWithResponse(ctx, &brexsdk.ListTransfersParams{})
	return err
}

func syncAll(ctx context.Context) error {
	plain, err := brexsdk.NewClientWithResponses("https://platform.brexapis.com")
	if err != nil {
		return err
	}
	if err := genclient.SyncTransfers(ctx, plain); err != nil { // want `the default http.Client of brexsdk.NewClientWithResponses, given to genclient.SyncTransfers, does not retry 429 from GET /v1/transfers`
		return err
	}
	retrying, err := brexsdk.NewClientWithResponses("https://platform.brexapis.com", brexsdk.WithHTTPClient(retryablehttp.NewClient().StandardClient()))
	if err != nil {
		return err
	}
	return genclient.SyncTransfers(ctx, retrying)
}
