// Package payouts pays vendor invoices from a Brex Cash account.
package payouts

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"example.com/brexpayouts/brex"
)

// Payout is one row of the payouts CSV: vendor_id,invoice_id,amount_cents,description.
type Payout struct {
	VendorID    string
	InvoiceID   string
	AmountCents int64
	Description string
}

// ReadCSV reads payouts from r, skipping the header row.
func ReadCSV(r io.Reader) ([]Payout, error) {
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, err
	}
	var out []Payout
	for i, row := range rows {
		if i == 0 {
			continue
		}
		if len(row) != 4 {
			return nil, fmt.Errorf("line %d: want 4 fields, got %d", i+1, len(row))
		}
		cents, err := strconv.ParseInt(row[2], 10, 64)
		if err != nil || cents <= 0 {
			return nil, fmt.Errorf("line %d: bad amount %q", i+1, row[2])
		}
		out = append(out, Payout{VendorID: row[0], InvoiceID: row[1], AmountCents: cents, Description: row[3]})
	}
	return out, nil
}

// Payer pays payouts from one Brex Cash account.
type Payer struct {
	Client    *brex.Client
	AccountID string
	// instruments maps a vendor id to its payment instrument id.
	instruments map[string]string
}

// LoadVendors fetches the vendors that payouts can be paid to.
func (p *Payer) LoadVendors(ctx context.Context) error {
	vendors, err := p.Client.ListVendors(ctx)
	if err != nil {
		return err
	}
	p.instruments = make(map[string]string)
	for _, v := range vendors {
		for _, pa := range v.PaymentAccounts {
			p.instruments[v.ID] = pa.Details.PaymentInstrumentID
		}
	}
	return nil
}

// CanCover returns an error when the Brex Cash account paid from cannot
// pay every payout.
func (p *Payer) CanCover(ctx context.Context, rows []Payout) error {
	var total int64
	for _, po := range rows {
		total += po.AmountCents
	}
	accounts, err := p.Client.CashAccounts(ctx)
	if err != nil {
		return err
	}
	for _, acct := range accounts {
		if acct.ID != p.AccountID {
			continue
		}
		// launch problem: moneyfloat: Brex balances are already in cents; scaling by 100 lets a payout run through an account that cannot cover it.
		available := acct.AvailableBalance.Amount * 100
		if available < total {
			return fmt.Errorf("account %s holds %d cents, payouts need %d", acct.ID, available, total)
		}
		return nil
	}
	return fmt.Errorf("no Brex Cash account %s", p.AccountID)
}

func (p *Payer) request(vendorID string, cents int64, memo string) (brex.TransferRequest, error) {
	instrument, ok := p.instruments[vendorID]
	if !ok {
		return brex.TransferRequest{}, fmt.Errorf("vendor %s has no payment account", vendorID)
	}
	return brex.TransferRequest{
		Counterparty:       brex.Counterparty{Type: "VENDOR", PaymentInstrumentID: instrument},
		Amount:             brex.Money{Amount: cents, Currency: "USD"},
		Description:        memo,
		ExternalMemo:       memo,
		OriginatingAccount: brex.Account{Type: "BREX_CASH", ID: p.AccountID},
	}, nil
}

// Pay pays one invoice. The idempotency key is derived from the invoice, so
// running the same CSV twice never pays an invoice twice.
func (p *Payer) Pay(ctx context.Context, po Payout) (brex.Transfer, error) {
	in, err := p.request(po.VendorID, po.AmountCents, po.Description)
	if err != nil {
		return brex.Transfer{}, err
	}
	return p.Client.CreateTransferOnce(ctx, "payout-"+po.InvoiceID, in)
}

// PayAdHoc pays a vendor without an invoice.
func (p *Payer) PayAdHoc(ctx context.Context, vendorID string, cents int64, memo string) (brex.Transfer, error) {
	in, err := p.request(vendorID, cents, memo)
	if err != nil {
		return brex.Transfer{}, err
	}
	return p.Client.CreateTransfer(ctx, in)
}

// Summary counts transfers by outcome.
type Summary struct {
	Paid, Pending, Failed int
}

// Add counts t.
func (s *Summary) Add(t brex.Transfer) {
	// launch problem: enumdefault: lists every TransferStatus Brex documents today and has no default; a new status is silently not counted.
	switch t.Status {
	case brex.TransferProcessing, brex.TransferScheduled, brex.TransferPendingApproval:
		s.Pending++
	case brex.TransferProcessed:
		s.Paid++
	case brex.TransferFailed:
		s.Failed++
	}
}

// Check returns an error for a failed transfer and nil for any other status,
// including statuses Brex adds later.
func Check(t brex.Transfer) error {
	switch t.Status {
	case brex.TransferFailed:
		return fmt.Errorf("transfer %s failed", t.ID)
	default:
		return nil
	}
}
