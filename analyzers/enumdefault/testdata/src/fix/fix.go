package fix

import (
	"context"
	"net/http"

	"brexy"
)

// A Brex call makes this package Brex code.
func get(ctx context.Context, id string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v1/transfers/"+id, nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

func count(ts []brexy.Transfer) (pending, done int) {
	for _, t := range ts {
		switch t.Status { // want `every brexy.TransferStatus value and has no default`
		case brexy.TransferProcessing, brexy.TransferScheduled, brexy.TransferPendingApproval:
			pending++
		case brexy.TransferProcessed, brexy.TransferFailed:
			done++
		}
	}
	return
}

func label(status string) (s string) {
	switch status { // want `every CardStatus value and has no default`
	case "ACTIVE", "SHIPPED":
		s = "usable"
	case "LOCKED", "TERMINATED":
		s = "unusable"
	}
	return s
}

// No fix when the closing brace shares its line: the layout is not gofmt's.
func oneLine(s brexy.CardState) (n int) {
	switch s { case brexy.CardActive: n = 1; case brexy.CardLocked, brexy.CardTerminated: n = 2 } // want `every brexy.CardState`
	return n
}
