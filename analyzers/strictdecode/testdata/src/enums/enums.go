// Package enums is a Brex client whose enum types unmarshal themselves.
package enums

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
)

func Ping(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/company", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A switch over the known values whose default fails.
type TransferStatus string

const (
	TransferProcessing      TransferStatus = "PROCESSING"
	TransferScheduled       TransferStatus = "SCHEDULED"
	TransferPendingApproval TransferStatus = "PENDING_APPROVAL"
	TransferFailed          TransferStatus = "FAILED"
	TransferProcessed       TransferStatus = "PROCESSED"
)

func (s *TransferStatus) UnmarshalJSON(b []byte) error {
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err // malformed JSON: not about unknown values
	}
	switch TransferStatus(v) {
	case TransferProcessing, TransferScheduled, TransferPendingApproval, TransferFailed, TransferProcessed:
		*s = TransferStatus(v)
		return nil
	default:
		return fmt.Errorf("unknown transfer status %q", v) // want `strictdecode: UnmarshalJSON of Brex enum type TransferStatus fails on a value it does not know \(an error return\)`
	}
}

// Cases that all return, then the failure.
type CardStatus string

const (
	CardActive     CardStatus = "ACTIVE"
	CardShipped    CardStatus = "SHIPPED"
	CardLocked     CardStatus = "LOCKED"
	CardTerminated CardStatus = "TERMINATED"
)

var errUnknownCardStatus = errors.New("unknown card status")

func (s *CardStatus) UnmarshalText(b []byte) error {
	switch v := CardStatus(b); v {
	case CardActive, CardShipped, CardLocked, CardTerminated:
		*s = v
		return nil
	}
	return errUnknownCardStatus // want `UnmarshalText of Brex enum type CardStatus fails`
}

// A comma-ok map lookup.
type ExpenseType string

const (
	ExpenseCard          ExpenseType = "CARD"
	ExpenseBillpay       ExpenseType = "BILLPAY"
	ExpenseReimbursement ExpenseType = "REIMBURSEMENT"
	ExpenseClawback      ExpenseType = "CLAWBACK"
	ExpenseUnset         ExpenseType = "UNSET"
)

var expenseTypes = map[string]ExpenseType{"CARD": ExpenseCard, "BILLPAY": ExpenseBillpay, "REIMBURSEMENT": ExpenseReimbursement}

func (t *ExpenseType) UnmarshalText(b []byte) error {
	v, ok := expenseTypes[string(b)]
	if !ok {
		panic("unknown expense type " + string(b)) // want `UnmarshalText of Brex enum type ExpenseType fails on a value it does not know \(panic\)`
	}
	*t = v
	return nil
}

// slices.Contains over the known values.
type ExpenseStatus string

const (
	ExpenseDraft     ExpenseStatus = "DRAFT"
	ExpenseSubmitted ExpenseStatus = "SUBMITTED"
	ExpenseApproved  ExpenseStatus = "APPROVED"
	ExpenseSettled   ExpenseStatus = "SETTLED"
)

var knownExpenseStatuses = []string{"DRAFT", "SUBMITTED", "APPROVED", "SETTLED"}

func (s *ExpenseStatus) UnmarshalText(b []byte) error {
	if !slices.Contains(knownExpenseStatuses, string(b)) {
		return fmt.Errorf("unknown expense status %s", b) // want `ExpenseStatus fails`
	}
	*s = ExpenseStatus(b)
	return nil
}

// An IsValid method of the type.
type CardType string

const (
	CardVirtual  CardType = "VIRTUAL"
	CardPhysical CardType = "PHYSICAL"
)

func (t CardType) IsValid() bool { return t == CardVirtual || t == CardPhysical }

func (t *CardType) UnmarshalText(b []byte) error {
	if !CardType(b).IsValid() {
		return fmt.Errorf("unknown card type %s", b) // want `CardType fails`
	}
	*t = CardType(b)
	return nil
}

// A loop over the known values that returns on a match.
type LegalEntityStatus string

const (
	LegalEntityUnsubmitted LegalEntityStatus = "UNSUBMITTED"
	LegalEntityUnverified  LegalEntityStatus = "UNVERIFIED"
	LegalEntityInProgress  LegalEntityStatus = "IN_PROGRESS"
	LegalEntityVerified    LegalEntityStatus = "VERIFIED"
	LegalEntityRejected    LegalEntityStatus = "REJECTED"
)

var legalEntityStatuses = []LegalEntityStatus{LegalEntityUnsubmitted, LegalEntityUnverified, LegalEntityInProgress, LegalEntityVerified, LegalEntityRejected}

func (s *LegalEntityStatus) UnmarshalText(b []byte) error {
	for _, v := range legalEntityStatuses {
		if string(v) == string(b) {
			*s = v
			return nil
		}
	}
	return fmt.Errorf("unknown legal entity status %s", b) // want `LegalEntityStatus fails`
}

// Unknown values mapped to an Unknown constant: quiet.
type BookingStatus string

const (
	BookingUnknown   BookingStatus = ""
	BookingHold      BookingStatus = "HOLD"
	BookingPending   BookingStatus = "PENDING"
	BookingConfirmed BookingStatus = "CONFIRMED"
	BookingCompleted BookingStatus = "COMPLETED"
)

func (s *BookingStatus) UnmarshalText(b []byte) error {
	switch v := BookingStatus(b); v {
	case BookingHold, BookingPending, BookingConfirmed, BookingCompleted:
		*s = v
	default:
		*s = BookingUnknown
	}
	return nil
}

// Unknown values kept as they are, only malformed input rejected: quiet.
type ExpensePaymentType string

const (
	PaymentPurchase   ExpensePaymentType = "PURCHASE"
	PaymentRefund     ExpensePaymentType = "REFUND"
	PaymentWithdrawal ExpensePaymentType = "WITHDRAWAL"
	PaymentDeclined   ExpensePaymentType = "DECLINED"
)

func (t *ExpensePaymentType) UnmarshalJSON(b []byte) error {
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("expense payment type: %w", err)
	}
	if len(b) == 0 {
		return errors.New("empty")
	}
	for _, c := range b {
		if c == 0 {
			return errors.New("NUL byte")
		}
	}
	*t = ExpensePaymentType(v)
	return nil
}

// The program's own enum: quiet.
type Color string

const (
	Red   Color = "RED"
	Green Color = "GREEN"
)

func (c *Color) UnmarshalText(b []byte) error {
	switch v := Color(b); v {
	case Red, Green:
		*c = v
		return nil
	}
	return fmt.Errorf("unknown color %s", b)
}

// ACTIVE/INACTIVE fits several Brex enums: quiet.
type Activity string

const (
	Active   Activity = "ACTIVE"
	Inactive Activity = "INACTIVE"
)

func (a *Activity) UnmarshalText(b []byte) error {
	switch v := Activity(b); v {
	case Active, Inactive:
		*a = v
		return nil
	}
	return fmt.Errorf("unknown activity %s", b)
}

// IncorporationType is only sent to Brex: the program chooses the values,
// and may reject others in its own input.
type Incorporation string

const (
	CCorp Incorporation = "C_CORP"
	LLC   Incorporation = "LLC"
)

func (i *Incorporation) UnmarshalText(b []byte) error {
	switch v := Incorporation(b); v {
	case CCorp, LLC:
		*i = v
		return nil
	}
	return fmt.Errorf("unsupported incorporation %s", b)
}

// Not an unmarshaller signature: quiet.
type PeriodType string

const (
	Weekly  PeriodType = "WEEKLY"
	Monthly PeriodType = "MONTHLY"
	Yearly  PeriodType = "YEARLY"
)

func (p *PeriodType) UnmarshalJSON(b []byte, strict bool) error {
	if strict {
		return errors.New("strict")
	}
	return nil
}
