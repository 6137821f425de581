// Package ledgerlive is analyzers/testdata/foreign/ledgeropenapp pointed
// at Brex: Brex's openapi-generator client used line for line as that
// package uses the ledger's (a server from the environment with Brex's
// host as default, no 429 handling, a constant key and a key made per
// attempt, unbounded pagination, a deprecated operation, an undocumented
// sub-resource, a switch over every status without a default and a strict
// decode), so that its findings prove the checks live on the code that
// stays quiet there.
package ledgerlive

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"time"

	ledger "github.com/acmepay/brexopenapi"
)

const defaultServer = "https://platform.brexapis.com"

// Books keeps the generated client, as integrations do.
type Books struct {
	api *ledger.APIClient
}

func NewBooks(token string) *Books {
	server := os.Getenv("BREX_SERVER")
	if server == "" {
		server = defaultServer
	}
	cfg := ledger.NewConfiguration()
	cfg.Servers = ledger.ServerConfigurations{{URL: server, Description: "Brex"}}
	cfg.HTTPClient = &http.Client{Timeout: 15 * time.Second}
	cfg.AddDefaultHeader("Authorization", "Bearer "+token)
	return &Books{api: ledger.NewAPIClient(cfg)}
}

// Record books a transfer under a constant key.
func (b *Books) Record(ctx context.Context, amount int64) (*ledger.Transfer, error) {
	t, _, err := b.api.TransfersAPI.CreateTransfer(ctx).
		IdempotencyKey("brex-record").
		CreateTransferRequest(ledger.CreateTransferRequest{Description: "rent", Amount: ledger.Money{Amount: &amount}}).
		Execute()
	return t, err
}

// RecordRetrying makes a new key on every attempt.
func (b *Books) RecordRetrying(ctx context.Context, amount int64) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		_, _, err = b.api.TransfersAPI.CreateTransfer(ctx).
			IdempotencyKey(rand.Text()).
			CreateTransferRequest(ledger.CreateTransferRequest{Description: "rent"}).
			Execute()
		if err == nil {
			return nil
		}
		time.Sleep(time.Second << attempt)
	}
	return err
}

// RecordUnkeyed leaves the key out, building the request in steps.
func (b *Books) RecordUnkeyed(ctx context.Context, memo string) error {
	req := b.api.TransfersAPI.CreateTransfer(ctx).CreateTransferRequest(ledger.CreateTransferRequest{Description: memo})
	_, resp, err := req.Execute()
	if resp != nil && resp.StatusCode == http.StatusTooManyRequests {
		return errors.New("brex: busy")
	}
	return err
}

// All pages through every transfer without a limit, retrying a failed
// page at once.
func (b *Books) All(ctx context.Context) ([]ledger.Transfer, error) {
	var out []ledger.Transfer
	var cursor string
	for {
		req := b.api.TransfersAPI.ListTransfers(ctx)
		if cursor != "" {
			req = req.Cursor(cursor)
		}
		page, _, err := req.Execute()
		if err != nil {
			continue
		}
		out = append(out, page.Items...)
		if page.NextCursor == nil {
			return out, nil
		}
		cursor = *page.NextCursor
	}
}

// Settled reads one transfer and switches over its status.
func (b *Books) Settled(ctx context.Context, id string) (bool, error) {
	t, _, err := b.api.TransfersAPI.GetTransferById(ctx, id).Execute()
	if err != nil {
		return false, err
	}
	switch t.Status {
	case "PROCESSED":
		return true, nil
	case "FAILED":
		return false, fmt.Errorf("transfer %s failed", id)
	case "PROCESSING", "SCHEDULED", "PENDING_APPROVAL":
	}
	return false, nil
}

// CardExpenses calls the deprecated operation on a client made on the spot
// with the generator's default server.
func CardExpenses(ctx context.Context) ([]ledger.Expense, error) {
	client := ledger.NewAPIClient(ledger.NewConfiguration())
	page, _, err := client.CardExpensesAPI.ListExpenses1(ctx).Execute()
	if err != nil {
		return nil, err
	}
	return page.Items, nil
}

// Deactivate calls the sub-resource the ledger has and Brex does not
// document, and decodes the raw response strictly.
func (b *Books) Deactivate(ctx context.Context, id string) (string, error) {
	_, resp, err := b.api.UsersAPI.UpdateUserStatus(ctx, id).
		UpdateUserStatusRequest(ledger.UpdateUserStatusRequest{Status: "DISABLED"}).
		Execute()
	if err != nil && resp == nil {
		return "", err
	}
	defer resp.Body.Close()
	var u struct {
		Status string `json:"status"`
	}
	dec := json.NewDecoder(resp.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&u); err != nil {
		return "", err
	}
	return u.Status, nil
}

// Owner reads a user.
func (b *Books) Owner(ctx context.Context, id string) (string, error) {
	u, _, err := b.api.UsersAPI.GetUserById(ctx, id).Execute()
	if err != nil {
		return "", err
	}
	return u.Status, nil
}
