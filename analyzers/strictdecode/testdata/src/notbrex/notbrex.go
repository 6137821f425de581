// Package notbrex is not Brex code: its enum types happen to hold Brex
// values (CREDIT/DEBIT is Brex's AccountingRecordLineItem.type), and they
// are its own.
package notbrex

import "fmt"

type Direction string

const (
	Credit Direction = "CREDIT"
	Debit  Direction = "DEBIT"
)

func (d *Direction) UnmarshalText(b []byte) error {
	switch v := Direction(b); v {
	case Credit, Debit:
		*d = v
		return nil
	}
	return fmt.Errorf("unknown direction %s", b)
}
