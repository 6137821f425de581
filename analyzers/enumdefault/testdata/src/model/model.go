// Package model switches on fields of types that the Brex model says are
// decoded from Brex responses: their values come from Brex whatever their
// Go type.
package model

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

type transfer struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

type card struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

func getTransfer(ctx context.Context, id string) (*transfer, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v1/transfers/"+id, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	var t transfer
	if err := json.NewDecoder(resp.Body).Decode(&t); err != nil {
		return nil, err
	}
	return &t, nil
}

// One case value of exactly one Brex enum is enough for a value from Brex.
func settled(t *transfer) (bool, error) {
	switch t.Status {
	case "PROCESSED":
		return true, nil
	default:
		return false, errors.New("transfer not processed: " + t.Status) // want `an unknown TransferStatus value reaches an error return`
	}
}

// Two values, no default, all listed? No: a partial switch stays quiet.
func failed(t *transfer) bool {
	ok := false
	switch t.Status {
	case "FAILED":
		ok = true
	}
	return ok
}

// The card type is never decoded from Brex here: its values are the
// program's.
func cardState(c *card) error {
	switch c.Status {
	case "LOCKED":
		return nil
	default:
		return errors.New("not locked")
	}
}
