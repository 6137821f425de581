package brex

import (
	"context"
	"net/http"
	"net/url"
)

// TransferStatus is the status of a Brex transfer.
type TransferStatus string

// The transfer statuses that Brex documents.
const (
	TransferProcessing      TransferStatus = "PROCESSING"
	TransferScheduled       TransferStatus = "SCHEDULED"
	TransferPendingApproval TransferStatus = "PENDING_APPROVAL"
	TransferFailed          TransferStatus = "FAILED"
	TransferProcessed       TransferStatus = "PROCESSED"
)

// Money is an amount in the smallest unit of its currency.
type Money struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

// Counterparty is who receives a transfer.
type Counterparty struct {
	Type                string `json:"type"` // VENDOR
	PaymentInstrumentID string `json:"payment_instrument_id"`
}

// Account is the Brex Cash account a transfer is paid from.
type Account struct {
	Type string `json:"type"` // BREX_CASH
	ID   string `json:"id"`
}

// TransferRequest is the body of Create transfer.
type TransferRequest struct {
	Counterparty       Counterparty `json:"counterparty"`
	Amount             Money        `json:"amount"`
	Description        string       `json:"description"`
	ExternalMemo       string       `json:"external_memo"`
	OriginatingAccount Account      `json:"originating_account"`
}

// Transfer is a Brex Cash transfer.
type Transfer struct {
	ID          string         `json:"id"`
	Status      TransferStatus `json:"status"`
	Amount      Money          `json:"amount"`
	Description string         `json:"description"`
}

// CreateTransfer pays a counterparty from a Brex Cash account.
func (c *Client) CreateTransfer(ctx context.Context, in TransferRequest) (Transfer, error) {
	var t Transfer
	// launch problem: idempotencykey: POST /v1/transfers without an Idempotency-Key; a retried timeout pays the vendor twice.
	err := c.do(ctx, http.MethodPost, "/v1/transfers", in, &t)
	return t, err
}

// CreateTransferOnce is CreateTransfer with a caller-chosen idempotency key:
// Brex ignores a repeated request that carries the same key.
func (c *Client) CreateTransferOnce(ctx context.Context, key string, in TransferRequest) (Transfer, error) {
	req, err := c.newRequest(ctx, http.MethodPost, "/v1/transfers", in)
	if err != nil {
		return Transfer{}, err
	}
	req.Header.Set("Idempotency-Key", key)
	var t Transfer
	err = c.send(req, &t)
	return t, err
}

// Vendor is a payee with its payment instruments.
type Vendor struct {
	ID              string `json:"id"`
	CompanyName     string `json:"company_name"`
	PaymentAccounts []struct {
		Details struct {
			Type                string `json:"type"`
			PaymentInstrumentID string `json:"payment_instrument_id"`
		} `json:"details"`
	} `json:"payment_accounts"`
}

// ListVendors returns the company's vendors, page by page.
func (c *Client) ListVendors(ctx context.Context) ([]Vendor, error) {
	var vendors []Vendor
	q := url.Values{"limit": {"1000"}}
	for {
		var page struct {
			Items      []Vendor `json:"items"`
			NextCursor *string  `json:"next_cursor"`
		}
		if err := c.do(ctx, http.MethodGet, "/v1/vendors?"+q.Encode(), nil, &page); err != nil {
			return nil, err
		}
		vendors = append(vendors, page.Items...)
		if page.NextCursor == nil || *page.NextCursor == "" {
			return vendors, nil
		}
		q.Set("cursor", *page.NextCursor)
	}
}
