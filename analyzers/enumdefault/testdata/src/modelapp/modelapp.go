// Package modelapp neither talks to Brex nor imports its client; but the
// Brex model says the transfers it gets are decoded from Brex responses
// (a DecodedFact on brexclient.Transfer), so their fields are Brex values.
package modelapp

import (
	"context"
	"errors"

	"svc"
)

func settled(ctx context.Context) (bool, error) {
	t, err := svc.Latest(ctx)
	if err != nil {
		return false, err
	}
	switch t.Status {
	case "PROCESSED":
		return true, nil
	case "FAILED":
		return false, nil
	default:
		return false, errors.New("transfer is " + t.Status) // want `an unknown TransferStatus value reaches an error return`
	}
}

// A value of no single enum identifies nothing.
func odd(ctx context.Context) error {
	t, _ := svc.Latest(ctx)
	switch t.Status {
	case "ACTIVE":
		return nil
	default:
		return errors.New("not active")
	}
}
