// Package genresp unmarshals the Body of responses of a client generated
// from Brex's OpenAPI spec (oapi-codegen) into its own types: their values
// come from Brex.
package genresp

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/acmepay/brexsdk"
	"github.com/acmepay/ledgersdk"
)

type transfer struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// ledgerTransfer has the same shape, and comes from another API.
type ledgerTransfer struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

func getTransfer(ctx context.Context, key string) (*transfer, error) {
	c, err := brexsdk.NewClientWithResponses("https://platform.brexapis.com")
	if err != nil {
		return nil, err
	}
	resp, err := c.CreateTransferWithResponse(ctx, &brexsdk.CreateTransferParams{IdempotencyKey: key}, brexsdk.CreateTransferJSONRequestBody{})
	if err != nil {
		return nil, err
	}
	if resp.JSON200 == nil {
		return nil, errors.New("brex: " + resp.Status())
	}
	var t transfer
	if err := json.Unmarshal(resp.Body, &t); err != nil {
		return nil, err
	}
	return &t, nil
}

func settled(t *transfer) (bool, error) {
	switch t.Status {
	case "PROCESSED":
		return true, nil
	default:
		return false, errors.New("transfer not processed: " + t.Status) // want `an unknown TransferStatus value reaches an error return`
	}
}

func getLedgerTransfer(ctx context.Context) (*ledgerTransfer, error) {
	c, err := ledgersdk.NewClientWithResponses("https://api.ledger.example.com")
	if err != nil {
		return nil, err
	}
	resp, err := c.CreateTransferWithResponse(ctx, &ledgersdk.CreateTransferParams{IdempotencyKey: "k"}, ledgersdk.CreateTransferJSONRequestBody{})
	if err != nil {
		return nil, err
	}
	var t ledgerTransfer
	if err := json.Unmarshal(resp.Body, &t); err != nil {
		return nil, err
	}
	return &t, nil
}

// Another API's transfer: quiet.
func ledgerSettled(t *ledgerTransfer) (bool, error) {
	switch t.Status {
	case "PROCESSED":
		return true, nil
	default:
		return false, errors.New("transfer not processed: " + t.Status)
	}
}
