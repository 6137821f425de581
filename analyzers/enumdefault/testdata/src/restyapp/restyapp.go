// Package restyapp talks to Brex only through resty: the transfers resty
// decodes into with SetResult are Brex's.
package restyapp

import (
	"context"
	"errors"

	"github.com/go-resty/resty/v2"
)

type transfer struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

type payout struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

var brex = resty.New().SetBaseURL("https://platform.brexapis.com").SetRetryCount(3)

func getTransfer(ctx context.Context, id string) (*transfer, error) {
	var t transfer
	_, err := brex.R().SetContext(ctx).SetResult(&t).Get("/v1/transfers/" + id)
	return &t, err
}

var stripe = resty.New().SetBaseURL("https://api.stripe.com")

func getPayout(ctx context.Context, id string) (*payout, error) {
	var p payout
	r := stripe.R().SetContext(ctx)
	r.SetResult(&p)
	_, err := r.Get("/v1/payouts/" + id)
	return &p, err
}

func settled(t *transfer) (bool, error) {
	switch t.Status {
	case "PROCESSED":
		return true, nil
	default:
		return false, errors.New("transfer not processed: " + t.Status) // want `an unknown TransferStatus value reaches an error return`
	}
}

// Stripe's payouts are not Brex values: quiet.
func paid(p *payout) (bool, error) {
	switch p.Status {
	case "PROCESSED":
		return true, nil
	default:
		return false, errors.New("payout not paid: " + p.Status)
	}
}
