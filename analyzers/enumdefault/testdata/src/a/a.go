package a

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"

	"brexy"
)

// Cross-package Brex enum type, every value listed, no default.
func count(t brexy.Transfer) (pending, paid, failed int) {
	switch t.Status { // want `enumdefault: this switch lists every brexy.TransferStatus value and has no default, so a value Brex adds without notice skips every case; add a default that handles or logs it$`
	case brexy.TransferProcessing, brexy.TransferScheduled, brexy.TransferPendingApproval:
		pending++
	case brexy.TransferProcessed:
		paid++
	case brexy.TransferFailed:
		failed++
	}
	return
}

// The type's three constants are all listed: exhaustive for the program.
func cardLabel(s brexy.CardState) string {
	label := ""
	switch s { // want `every brexy.CardState \(Brex CardStatus\) value and has no default`
	case brexy.CardActive:
		label = "active"
	case brexy.CardLocked:
		label = "locked"
	case brexy.CardTerminated:
		label = "terminated"
	}
	return label
}

// A partial switch without default: unlisted values pass through.
func isDone(t brexy.Transfer) bool {
	done := false
	switch t.Status {
	case brexy.TransferProcessed, brexy.TransferFailed:
		done = true
	}
	return done
}

// A default that logs and keeps going.
func logUnknown(t brexy.Transfer) {
	switch t.Status {
	case brexy.TransferProcessing, brexy.TransferScheduled, brexy.TransferPendingApproval, brexy.TransferProcessed, brexy.TransferFailed:
		fmt.Println("known")
	default:
		log.Printf("unknown transfer status %q", t.Status)
	}
}

// A partial switch whose default panics.
func mustBeDone(t brexy.Transfer) bool {
	switch t.Status {
	case brexy.TransferProcessed:
		return true
	case brexy.TransferFailed:
		return false
	default:
		panic("unexpected status") // want `an unknown brexy.TransferStatus value reaches panic in the default of this switch`
	}
}

// log.Fatalf and os.Exit in the default.
func fatal(t brexy.Transfer) {
	switch t.Status {
	case brexy.TransferProcessed:
	default:
		log.Fatalf("status %s", t.Status) // want `reaches log.Fatalf in the default`
	}
	switch t.Status {
	case brexy.TransferFailed:
	default:
		fmt.Println("bye")
		os.Exit(1) // want `reaches os.Exit in the default`
	}
}

// An error return in the default.
func check(t brexy.Transfer) error {
	switch t.Status {
	case brexy.TransferFailed:
		return errors.New("failed")
	case brexy.TransferProcessed, brexy.TransferProcessing:
		return nil
	default:
		return fmt.Errorf("unknown status %s", t.Status) // want `reaches an error return in the default`
	}
}

// A nil error return in the default keeps going.
func checkNil(t brexy.Transfer) error {
	switch t.Status {
	case brexy.TransferFailed:
		return errors.New("failed")
	default:
		return nil
	}
}

// Every case returns: the statement after the switch is the de facto
// default, and it panics.
func describe(t brexy.Transfer) string {
	switch t.Status {
	case brexy.TransferProcessing, brexy.TransferScheduled, brexy.TransferPendingApproval:
		return "pending"
	case brexy.TransferProcessed:
		return "paid"
	case brexy.TransferFailed:
		return "failed"
	}
	panic("unreachable") // want `reaches panic in the code right after a switch of known values only, so a value Brex adds without notice fails here; log or skip unknown values instead$`
}

// Every case returns, and the code after the switch keeps going: it is the
// default, written after the switch.
func describeOrRaw(t brexy.Transfer) string {
	switch t.Status {
	case brexy.TransferProcessing, brexy.TransferScheduled, brexy.TransferPendingApproval:
		return "pending"
	case brexy.TransferProcessed:
		return "paid"
	case brexy.TransferFailed:
		return "failed"
	}
	return string(t.Status)
}

// A loop whose cases all continue; an unknown value reaches the error.
func firstFailure(ts []brexy.Transfer) error {
	for _, t := range ts {
		switch t.Status {
		case brexy.TransferProcessed, brexy.TransferProcessing:
			continue
		case brexy.TransferFailed:
			return errors.New("failed")
		}
		return fmt.Errorf("transfer %s: status %s", t.ID, t.Status) // want `reaches an error return in the code right after`
	}
	return nil
}

// Literal-only switches identify an enum with three or more literals.
func literalCard(status string) int {
	n := 0
	switch status { // want `every CardStatus value and has no default`
	case "ACTIVE":
		n = 1
	case "SHIPPED", "LOCKED":
		n = 2
	case "TERMINATED":
		n = 3
	}
	return n
}

func literalPartial(status string) error {
	switch status {
	case "PROCESSED", "FAILED", "PENDING_APPROVAL":
		return nil
	default:
		return fmt.Errorf("unknown status %q", status) // want `an unknown TransferStatus value reaches an error return`
	}
}

// Two literals are not enough evidence without a type or the model.
func twoLiterals(status string) error {
	switch status {
	case "PROCESSED", "FAILED":
		return nil
	default:
		return fmt.Errorf("unknown status %q", status)
	}
}

// Three literals that fit several enums (or none) identify nothing.
func ambiguousLiterals(s string) {
	switch s {
	case "ACTIVE", "INACTIVE", "DELETED":
	}
	switch s {
	case "PENDING", "CONFIRMED", "CANCELED":
	default:
		panic(s)
	}
	switch s {
	case "red", "green", "blue":
	default:
		panic(s)
	}
}

// ACTIVE/INACTIVE fits several Brex enums: the type identifies none.
func activity(a brexy.Activity) int {
	switch a {
	case brexy.Active:
		return 1
	case brexy.Inactive:
		return 0
	default:
		panic("unknown activity")
	}
}

// Values that only requests carry are chosen by the program.
func incorporation(i brexy.Incorporation) string {
	switch i {
	case brexy.CCorp, brexy.SCorp, brexy.LLC:
		return "corp"
	default:
		panic("unknown incorporation")
	}
}

// The program's own enum, even with Brex-like names.
type Color string

const (
	Red   Color = "RED"
	Green Color = "GREEN"
	Blue  Color = "BLUE"
)

func paint(c Color) {
	switch c {
	case Red, Green, Blue:
	}
	switch c {
	case Red:
	default:
		panic(c)
	}
}

// A Brex enum type of this package. CLOSED is only in Team's UserStatus;
// without it the values would also fit Accounting's User.status.
type userStatus string

const (
	userInvited  userStatus = "INVITED"
	userActive   userStatus = "ACTIVE"
	userDisabled userStatus = "DISABLED"
	userClosed   userStatus = "CLOSED"
)

func canLogIn(s userStatus) bool {
	ok := false
	switch s { // want `every userStatus \(Brex UserStatus\) value and has no default`
	case userInvited, userDisabled, userClosed:
	case userActive:
		ok = true
	}
	return ok
}

// A type with one constant is not an enum type; its switch is literal-free.
type single string

const only single = "PROCESSED"

func one(s single) {
	switch s {
	case only:
	default:
		panic(s)
	}
}

// Validating an outgoing value before sending it to Brex is correct.
func lockCard(ctx context.Context, id string, s brexy.CardState) error {
	switch s {
	case brexy.CardLocked, brexy.CardActive:
	default:
		return fmt.Errorf("cannot set card state %s", s)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://api.brex.com/v2/cards/"+id+"/lock", nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

// A switch on what comes back, after the request, is judged.
func poll(ctx context.Context, id string, get func(*http.Request) brexy.Transfer) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v1/transfers/"+id, nil)
	if err != nil {
		return err
	}
	t := get(req)
	switch t.Status {
	case brexy.TransferProcessed:
		return nil
	default:
		return fmt.Errorf("transfer %s is %s", id, t.Status) // want `reaches an error return`
	}
}

// Unmarshallers of Brex enum types are strictdecode's.
func (s *userStatus) UnmarshalText(b []byte) error {
	switch userStatus(b) {
	case userInvited, userActive, userDisabled, userClosed:
		*s = userStatus(b)
		return nil
	default:
		return fmt.Errorf("unknown user status %q", b)
	}
}

// A function literal's own signature decides what an error return is.
var handle = func(t brexy.Transfer) error {
	switch t.Status {
	case brexy.TransferFailed:
		return nil
	default:
		return errors.New("not failed") // want `reaches an error return`
	}
}

// Suppressed with a reason.
func suppressed(t brexy.Transfer) {
	switch t.Status {
	case brexy.TransferFailed:
	default:
		panic("x") //brexlint:ignore enumdefault the batch job restarts on panic and pages the on-call
	}
}

// A conversion to string is judged by the named type.
func converted(t brexy.Transfer) (n int) {
	switch string(t.Status) { // want `every brexy.TransferStatus value and has no default`
	case "PROCESSING", "SCHEDULED", "PENDING_APPROVAL":
		n = 1
	case "PROCESSED", "FAILED":
		n = 2
	}
	return n
}

// A switch with an init statement; a labelled switch whose cases all
// leave, followed by log.Panicf.
func withInit(ts []brexy.Transfer) int {
	switch s := ts[0].Status; s { // want `every brexy.TransferStatus value and has no default`
	case brexy.TransferProcessing, brexy.TransferScheduled, brexy.TransferPendingApproval, brexy.TransferProcessed, brexy.TransferFailed:
	}
	n := 0
loop:
	for _, t := range ts {
		switch t.Status {
		case brexy.TransferProcessed:
			n++
			continue loop
		case brexy.TransferFailed:
			break loop
		}
		log.Panicf("status %s", t.Status) // want `reaches log.Panicf in the code right after`
	}
	return n
}

// A break of the switch itself reaches the code after it: it is no de
// facto default.
func breakSelf(ts []brexy.Transfer) {
	for _, t := range ts {
	sw:
		switch t.Status {
		case brexy.TransferProcessed:
			break sw
		case brexy.TransferFailed:
			return
		}
		panic(t.Status)
	}
}

// A *log.Logger's Fatal is a failure too.
func loggerFatal(l *log.Logger, t brexy.Transfer) {
	switch t.Status {
	case brexy.TransferProcessed:
	default:
		l.Fatalln("unknown status", t.Status) // want `reaches log.Fatalln in the default`
	}
}

var errUnknownStatus = errors.New("unknown transfer status")

type statusError struct{ status brexy.TransferStatus }

func (e *statusError) Error() string { return "unknown status " + string(e.status) }

func newStatusError(s brexy.TransferStatus) error { return &statusError{s} }

// Sentinels, error literals and constructors of this package are errors
// that are certainly not nil.
func errorKinds(t brexy.Transfer) (int, error) {
	switch t.Status {
	case brexy.TransferProcessed:
		return 1, nil
	default:
		return 0, errUnknownStatus // want `reaches an error return in the default`
	}
}

func errorLiteral(t brexy.Transfer) error {
	switch t.Status {
	case brexy.TransferProcessed:
		return nil
	default:
		return &statusError{t.Status} // want `reaches an error return in the default`
	}
}

func errorConstructor(t brexy.Transfer) error {
	switch t.Status {
	case brexy.TransferProcessed:
		return nil
	default:
		return newStatusError(t.Status) // want `reaches an error return in the default`
	}
}

// A default that returns the outcome of handling the value, or a variable
// that may be nil, keeps going.
func retryLater(t brexy.Transfer) error {
	if t.ID == "" {
		return errors.New("no id")
	}
	return nil
}

func handled(t brexy.Transfer, prev error) error {
	switch t.Status {
	case brexy.TransferProcessed:
		return nil
	case brexy.TransferFailed:
		return prev
	default:
		return retryLater(t)
	}
}

func handledVar(t brexy.Transfer) error {
	var err error
	switch t.Status {
	case brexy.TransferProcessed:
		return nil
	default:
		return err
	}
}

// Brex's own NodeJS sample throws on any other event type (facts.md §9).
func onEvent(eventType string) error {
	switch eventType {
	case "TRANSFER_PROCESSED", "TRANSFER_FAILED", "USER_UPDATED":
		return nil
	default:
		return fmt.Errorf("unhandled event type %s", eventType) // want `an unknown WebhookEventType value reaches an error return in the default`
	}
}

// A failure nested in a block of the default is out of reach.
func nested(t brexy.Transfer, strict bool) error {
	switch t.Status {
	case brexy.TransferProcessed:
		return nil
	default:
		if strict {
			return errors.New("unknown")
		}
		return nil
	}
}
