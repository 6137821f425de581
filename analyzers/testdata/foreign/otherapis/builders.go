package otherapis

import (
	"context"
	"encoding/json"
	"net/http"
	"os"

	"github.com/go-resty/resty/v2"
	"github.com/hashicorp/go-retryablehttp"
)

// Other APIs through resty and retryablehttp, with Brex's paths, no 429
// handling, no key and no status check: not Brex's business.
type Ledger struct{ rc *resty.Client }

func NewLedger() *Ledger {
	return &Ledger{rc: resty.New().SetBaseURL(os.Getenv("LEDGER_URL")).SetHeader("Authorization", "Bearer "+os.Getenv("LEDGER_TOKEN"))}
}

func (l *Ledger) CreateTransfer(ctx context.Context, in any) (*Transfer, error) {
	resp, err := l.rc.R().SetContext(ctx).SetBody(in).Post("/v1/transfers")
	if err != nil {
		return nil, err
	}
	var t Transfer
	return &t, json.Unmarshal(resp.Body(), &t)
}

func (l *Ledger) Budget(ctx context.Context, id string) (*Transfer, error) {
	var t Transfer
	_, err := resty.New().R().SetContext(ctx).SetResult(&t).Get("https://api.example.com/v1/budgets/" + id)
	return &t, err
}

func StripeTransferRetryable(ctx context.Context, id string) (*Transfer, error) {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, "https://api.stripe.com/v1/transfers", nil)
	if err != nil {
		return nil, err
	}
	resp, err := retryablehttp.NewClient().Do(req.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var t Transfer
	dec := json.NewDecoder(resp.Body)
	dec.DisallowUnknownFields()
	return &t, dec.Decode(&t)
}
