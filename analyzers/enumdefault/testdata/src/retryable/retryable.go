// Package retryable talks to Brex only through hashicorp/go-retryablehttp:
// the transfers it decodes are Brex's.
package retryable

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

type transfer struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

type payout struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

func fetch(ctx context.Context, rc *retryablehttp.Client, url string, out any) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := rc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func getTransfer(ctx context.Context, rc *retryablehttp.Client, id string) (*transfer, error) {
	var t transfer
	return &t, fetch(ctx, rc, "https://api.brex.com/v1/transfers/"+id, &t)
}

func getPayout(ctx context.Context, rc *retryablehttp.Client, id string) (*payout, error) {
	var p payout
	return &p, fetch(ctx, rc, "https://api.stripe.com/v1/payouts/"+id, &p)
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
