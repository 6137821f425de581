// Package enumdefault defines an Analyzer that reports switches over Brex
// enum values that cannot cope with a value Brex adds later.
//
// # Analyzer enumdefault
//
// enumdefault: report switches over Brex enum values that have no default or fail on an unknown value
//
// Brex adds enum values without notice: its versioning policy does not
// count them as breaking, and the specs show values both added and removed
// (ExpenseType lost REPAYMENT and gained CLAWBACK and UNSET). Brex's launch
// checklist asks integrations to handle unknown enum values. A switch that
// lists every value Brex documents today, with no default, silently skips
// a new one (the code after the switch assumes that one branch ran); a
// switch that panics, exits or returns an error on a value it does not
// know breaks on the day Brex ships one.
//
// A Brex enum value is a value of a Brex enum type, or a field of a struct
// type that the Brex model says is decoded from Brex responses. A Brex
// enum type is a named string type with at least two constants whose
// values are values of exactly one Brex enum of the catalogue: the set
// equals that enum's values or is contained in them. A set that fits
// several enums, such as ACTIVE/INACTIVE (UserStatus,
// WebhookSubscriptionStatus, UpdateWebhookSubscriptionStatus ...),
// identifies none; enums of the same name in several specs are one enum
// (the union of their values). A switch made only of string literals
// identifies an enum the same way with at least three distinct literals; a
// switch over a decoded field needs one value of exactly one enum. Matching
// is by value, exactly: Brex's values are upper case.
//
// The check reports, for a switch over a Brex enum value whose enum Brex
// sends (in responses or webhook payloads):
//
//   - every value listed (the type's constants, or the enum's values in
//     the specs) and no default (enumdefault/no-default). The suggested fix
//     adds a default that keeps going, with a comment to fill in;
//   - an unknown value reaching panic, log.Fatal*, log.Panic*, os.Exit or
//     an error return, in the default or right after a switch whose cases
//     all leave (return, continue, panic): the panic("unreachable") idiom
//     (enumdefault/unknown-value-fails). Reported even in a partial
//     switch.
//
// How to fix: for no-default, add a default that handles an unknown value
// (log it, skip it or keep it); for unknown-value-fails, handle an unknown
// value without failing, the same way.
//
// Bad:
//
//	switch t.Status {
//	case brex.TransferProcessing, brex.TransferScheduled, brex.TransferPendingApproval:
//		s.Pending++
//	case brex.TransferProcessed:
//		s.Paid++
//	case brex.TransferFailed:
//		s.Failed++
//	}
//
//	switch ev.EventType {
//	case "TRANSFER_PROCESSED", "TRANSFER_FAILED", "USER_UPDATED":
//		return handle(ev)
//	default:
//		return fmt.Errorf("unknown event type %s", ev.EventType)
//	}
//
// Good: handle an unknown value without failing.
//
//	switch t.Status {
//	case brex.TransferProcessing, brex.TransferScheduled, brex.TransferPendingApproval:
//		s.Pending++
//	case brex.TransferProcessed:
//		s.Paid++
//	case brex.TransferFailed:
//		s.Failed++
//	default:
//		s.Unknown++
//		log.Printf("transfer %s: unknown status %q", t.ID, t.Status)
//	}
//
// An error return is one that is certainly not nil: errors.New,
// fmt.Errorf, a composite literal of an error type (or its address), a
// conversion to an error type, a package-level error variable, or a call
// of a function of the package whose every return is one of these. A
// default that returns the outcome of handling the value (return
// c.retryLater(t)) keeps going.
//
// A type the program unmarshals from a Brex response is decoded from
// Brex wherever the response comes from, the Body of a parsed response of
// a client generated from Brex's spec (json.Unmarshal(resp.Body, &t))
// included. The generated client's own types (resp.JSON200 of its
// parsed responses) are decoded in its generated files, where the model
// does not know the server: their fields count when their Go type is a
// Brex enum type or the switch's literals identify one, not for coming
// from Brex (out of reach: a one-case switch on resp.JSON200.Status).
//
// Not reported: partial switches without a default; defaults that log,
// skip or keep the value; switches in a function that makes or sends a
// Brex request after the switch, itself or through a wrapper whose call
// names the endpoint (validating an outgoing value is correct);
// enums that only requests carry (IncorporationType: the program chooses
// the value); the program's own enums (a named type whose constants
// identify no Brex enum, even when the cases do); switches in packages
// that are not Brex code: a Brex enum type or literal switch counts only
// in a package that makes, sends or decodes Brex requests (per the Brex
// model), carries //brexlint:client, or imports a package whose types are
// decoded from Brex (CREDIT/DEBIT and DRAFT/SUBMITTED/APPROVED are Brex
// enums and also every ledger's and every workflow's own); UnmarshalJSON
// and UnmarshalText methods of Brex enum types (strictdecode judges them);
// _test.go files and generated files.
//
// Out of reach: a client method of another package that names its
// endpoint itself (func (c *Client) LockCard(ctx, id string) error) is not
// a request at its caller, so a switch that validates a value before such
// a call is judged like any other. The check stays quiet on: if/else
// chains over the values; switches without a tag (switch { case s == "X":
// }); a decoded field copied to a variable before the switch; fields of
// webhook payload types (the Brex model follows responses only; a payload
// field whose type is a Brex enum type is judged by its type); failures
// nested in a block of the default, or reached through a variable (err =
// ...; return err); a package of Brex enum types that neither talks to
// Brex nor imports its client (judged where it is used, in Brex code); for
// a named type of another package, its unexported constants (export data
// need not hold them, and every driver must agree).
package enumdefault
