// Package notbrex is not Brex code: it makes no Brex request and imports
// no Brex client, so Brex-looking value sets are its own.
package notbrex

import (
	"fmt"

	"brexy"
)

// Brex enum types of a types-only package, used where nothing talks to
// Brex.
func count(t brexy.Transfer) (n int) {
	switch t.Status {
	case brexy.TransferProcessing, brexy.TransferScheduled, brexy.TransferPendingApproval, brexy.TransferProcessed, brexy.TransferFailed:
		n++
	}
	return n
}

// A ledger's own direction: CREDIT/DEBIT is also Brex's
// AccountingRecordLineItem.type.
type Direction string

const (
	Credit Direction = "CREDIT"
	Debit  Direction = "DEBIT"
)

func sign(d Direction) int {
	s := 0
	switch d {
	case Credit:
		s = 1
	case Debit:
		s = -1
	}
	return s
}

// SQL column types: BOOLEAN, DATE and TIMESTAMP are values of Brex's
// CustomFieldDataType only.
func column(typ string) (string, error) {
	switch typ {
	case "BOOLEAN":
		return "bool", nil
	case "DATE", "TIMESTAMP":
		return "time.Time", nil
	default:
		return "", fmt.Errorf("unsupported column type %s", typ)
	}
}
