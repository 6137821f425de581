// Package brexclient is a Brex client: its types are decoded from Brex
// responses (the model's DecodedFact), so packages importing it are Brex
// code.
package brexclient

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// CardStatus is Brex's CardStatus.
type CardStatus string

const (
	CardActive     CardStatus = "ACTIVE"
	CardShipped    CardStatus = "SHIPPED"
	CardLocked     CardStatus = "LOCKED"
	CardTerminated CardStatus = "TERMINATED"
)

// Card is a Brex card.
type Card struct {
	ID     string     `json:"id"`
	Status CardStatus `json:"status"`
}

// Transfer is a Brex transfer whose status is a plain string.
type Transfer struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

func get(ctx context.Context, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com"+path, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("brex: status %d", resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// GetCard fetches a card.
func GetCard(ctx context.Context, id string) (Card, error) {
	var c Card
	err := get(ctx, "/v2/cards/"+id, &c)
	return c, err
}

// GetTransfer fetches a transfer.
func GetTransfer(ctx context.Context, id string) (Transfer, error) {
	var t Transfer
	err := get(ctx, "/v1/transfers/"+id, &t)
	return t, err
}

// Post sends a POST to a Brex path: a wrapper whose callers name the
// endpoint.
func Post(ctx context.Context, path string, body any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://api.brex.com"+path, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
