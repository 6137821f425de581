package genapp

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/acmepay/brexsdk"
	"github.com/acmepay/ledgersdk"
)

// rawPage decodes the body of the raw client's response before any look
// at its status.
func rawPage(ctx context.Context) (*brexsdk.PageTransfer, error) {
	c, err := brexsdk.NewClient(baseURL)
	if err != nil {
		return nil, err
	}
	resp, err := c.ListTransfers(ctx, &brexsdk.ListTransfersParams{})
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var page brexsdk.PageTransfer
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil { // want `the body of GET /v1/transfers is decoded before any check of resp.StatusCode`
		return nil, err
	}
	return &page, nil
}

// rawChecked checks the status first: quiet.
func rawChecked(ctx context.Context) (*brexsdk.PageTransfer, error) {
	c, err := brexsdk.NewClient(baseURL)
	if err != nil {
		return nil, err
	}
	resp, err := c.ListTransfers(ctx, &brexsdk.ListTransfersParams{})
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("brex: list transfers: %s", resp.Status)
	}
	var page brexsdk.PageTransfer
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
		return nil, err
	}
	return &page, nil
}

// ledgerPage decodes another API's response: quiet.
func ledgerPage(ctx context.Context) (*ledgersdk.PageTransfer, error) {
	c, err := ledgersdk.NewClient("https://api.ledger.example.com")
	if err != nil {
		return nil, err
	}
	resp, err := c.ListTransfers(ctx, &ledgersdk.ListTransfersParams{})
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var page ledgersdk.PageTransfer
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
		return nil, err
	}
	return &page, nil
}

// parsedBody decodes the body the parsed response holds after looking at
// its status: quiet.
func (s *Service) parsedBody(ctx context.Context) (*brexsdk.PageTransfer, error) {
	resp, err := s.client.ListTransfersWithResponse(ctx, nil)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode() != http.StatusOK {
		return nil, fmt.Errorf("brex: %s", resp.Status())
	}
	var page brexsdk.PageTransfer
	err = json.Unmarshal(resp.Body, &page)
	return &page, err
}

// parsedUnchecked unmarshals the body the parsed response holds, which
// ParseListTransfersResponse fills at every status, without a look at it.
func (s *Service) parsedUnchecked(ctx context.Context) (*brexsdk.PageTransfer, error) {
	resp, err := s.client.ListTransfersWithResponse(ctx, nil)
	if err != nil {
		return nil, err
	}
	var page brexsdk.PageTransfer
	err = json.Unmarshal(resp.Body, &page) // want `the body of GET /v1/transfers is decoded before any check of resp.StatusCode`
	return &page, err
}

// parsedJSON200 looks at JSON200, set only at 200, first: quiet.
func (s *Service) parsedJSON200(ctx context.Context) (map[string]any, error) {
	resp, err := s.client.ListTransfersWithResponse(ctx, nil)
	if err != nil {
		return nil, err
	}
	if resp.JSON200 == nil {
		return nil, fmt.Errorf("brex: list transfers: %s", resp.Status())
	}
	var raw map[string]any
	err = json.Unmarshal(resp.Body, &raw)
	return raw, err
}

// ledgerParsed unmarshals another API's body: quiet.
func (l *Ledger) ledgerParsed(ctx context.Context) (*ledgersdk.PageTransfer, error) {
	resp, err := l.client.ListTransfersWithResponse(ctx, nil)
	if err != nil {
		return nil, err
	}
	var page ledgersdk.PageTransfer
	err = json.Unmarshal(resp.Body, &page)
	return &page, err
}
