// Package app uses a Brex client of another package: the enum type and
// the Brex calls are declared there.
package app

import (
	"context"
	"fmt"

	"brexclient"
)

func usable(c brexclient.Card) bool {
	ok := false
	switch c.Status { // want `every brexclient.CardStatus value and has no default`
	case brexclient.CardActive, brexclient.CardShipped:
		ok = true
	case brexclient.CardLocked, brexclient.CardTerminated:
	}
	return ok
}

// A literal switch in Brex code identifies CardStatus too.
func label(s string) string {
	switch s {
	case "ACTIVE", "SHIPPED", "LOCKED":
		return "open"
	}
	panic("unknown card status " + s) // want `an unknown CardStatus value reaches panic in the code right after`
}

// Validating a value on its way to Brex, before a call of a wrapper that
// sends the request, is correct.
func setStatus(ctx context.Context, id string, s brexclient.CardStatus) error {
	switch s {
	case brexclient.CardActive, brexclient.CardLocked:
	default:
		return fmt.Errorf("cannot set card %s to %s", id, s)
	}
	return brexclient.Post(ctx, "/v2/cards/"+id+"/status", map[string]brexclient.CardStatus{"status": s})
}

// The same switch without a Brex call after it is judged.
func mustBeActive(c brexclient.Card) error {
	switch c.Status {
	case brexclient.CardActive, brexclient.CardShipped:
	default:
		return fmt.Errorf("card %s is %s", c.ID, c.Status) // want `an unknown brexclient.CardStatus value reaches an error return in the default`
	}
	return nil
}
