// Package genresp decodes the bodies of responses of clients generated
// from Brex's OpenAPI spec (oapi-codegen): the parsed response's Body, and
// the raw client's *http.Response.
package genresp

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"

	"github.com/acmepay/brexsdk"
	"github.com/acmepay/ledgersdk"
)

const brexURL = "https://platform.brexapis.com"

// Transfer is the program's own view of a transfer.
type Transfer struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

func strictTransfer(ctx context.Context, c *brexsdk.ClientWithResponses, key string) (*Transfer, error) {
	resp, err := c.CreateTransferWithResponse(ctx, &brexsdk.CreateTransferParams{IdempotencyKey: key}, brexsdk.CreateTransferJSONRequestBody{})
	if err != nil {
		return nil, err
	}
	if resp.StatusCode() != http.StatusOK {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(resp.Body))
	dec.DisallowUnknownFields() // want `DisallowUnknownFields on the decoder of a Brex response`
	var t Transfer
	return &t, dec.Decode(&t)
}

func pay(ctx context.Context) error {
	c, err := brexsdk.NewClientWithResponses(brexURL)
	if err != nil {
		return err
	}
	_, err = strictTransfer(ctx, c, "k")
	return err
}

func strictRaw(ctx context.Context) (*Transfer, error) {
	c, err := brexsdk.NewClient(brexURL)
	if err != nil {
		return nil, err
	}
	resp, err := c.ListTransfers(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	dec := json.NewDecoder(resp.Body)
	dec.DisallowUnknownFields() // want `DisallowUnknownFields on the decoder of a Brex response`
	var t Transfer
	return &t, dec.Decode(&t)
}

// ledger decodes another API's responses strictly: its business. Quiet.
func ledger(ctx context.Context) (*Transfer, error) {
	c, err := ledgersdk.NewClientWithResponses("https://api.ledger.example.com")
	if err != nil {
		return nil, err
	}
	resp, err := c.CreateTransferWithResponse(ctx, &ledgersdk.CreateTransferParams{IdempotencyKey: "k"}, ledgersdk.CreateTransferJSONRequestBody{})
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(resp.Body))
	dec.DisallowUnknownFields()
	var t Transfer
	return &t, dec.Decode(&t)
}
