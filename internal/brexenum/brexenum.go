// Package brexenum matches the string enums of a Go program with the enums
// of the Brex API catalogue (internal/brexapi), for the enumdefault and
// strictdecode checks.
//
// # Which catalogue enums are one enum
//
// The catalogue lists enums per API. Enums of the same schema name in
// several specs are one enum, with the union of their values and usages
// (checks.md). Enums whose value sets are identical are one enum too (Team
// and Expenses LegalEntityStatus, Expenses PaymentStatusReason and Webhooks
// ExpensePaymentStatusReason): a set of values cannot tell them apart, and
// whichever of them a program means, the same values are known and the same
// values may be added.
//
// # Matching
//
// A set of values identifies an enum when exactly one enum holds every value
// (the set equals that enum's values or is contained in them). A set that
// fits several enums, such as ACTIVE/INACTIVE (UpdateWebhookSubscriptionStatus,
// WebhookSubscriptionStatus, UserStatus, User.status ...), identifies none.
// Matching is by value, exactly (Brex enum values are upper case; Stripe's
// are lower case and never match), never by Go identifier.
//
// The index from value to enums is built once per process, on first use,
// and never changes; lookups allocate nothing but their result.
package brexenum

import (
	"slices"
	"strings"
	"sync"

	"github.com/brexlint/brexlint/internal/brexapi"
)

// Enum is a Brex enum as the checks see it.
type Enum struct {
	// Names are the catalogue schema names merged into this enum, in
	// catalogue order ("TransferStatus"; "PaymentStatusReason",
	// "ExpensePaymentStatusReason").
	Names []string
	// APIs are the Brex APIs whose specs define it.
	APIs []string
	// Values are the union of the values, in catalogue order.
	Values []string
	// Usage is the union of the catalogue usages.
	Usage brexapi.Usage

	set map[string]bool
}

// Name is the enum's name for messages: its first schema name.
func (e *Enum) Name() string { return e.Names[0] }

// Has reports whether v is one of the enum's values.
func (e *Enum) Has(v string) bool { return e.set[v] }

// FromBrex reports whether Brex sends values of the enum: the catalogue
// says a response or a webhook payload reaches it. Values of an enum that
// only requests use are chosen by the program, never by Brex.
func (e *Enum) FromBrex() bool { return e.Usage&brexapi.UsedInResponse != 0 }

// Covered reports whether values holds every value of the enum.
func (e *Enum) Covered(values []string) bool {
	for _, v := range e.Values {
		if !slices.Contains(values, v) {
			return false
		}
	}
	return true
}

type index struct {
	enums   []*Enum
	byValue map[string][]*Enum
	events  map[string]bool
}

var (
	once sync.Once
	idx  *index
)

func theIndex() *index {
	once.Do(func() { idx = build(brexapi.Enums()) })
	return idx
}

// build merges the catalogue enums by name, then by value set, and indexes
// the result by value.
func build(cat []*brexapi.Enum) *index {
	x := &index{byValue: map[string][]*Enum{}, events: map[string]bool{}}
	byName := map[string]*Enum{}
	var named []*Enum
	for _, c := range cat {
		e := byName[c.Schema]
		if e == nil {
			e = &Enum{Names: []string{c.Schema}, set: map[string]bool{}}
			byName[c.Schema] = e
			named = append(named, e)
		}
		if !slices.Contains(e.APIs, c.API) {
			e.APIs = append(e.APIs, c.API)
		}
		e.Usage |= c.Usage
		for _, v := range c.Values {
			if !e.set[v] {
				e.set[v] = true
				e.Values = append(e.Values, v)
			}
		}
	}
	byValues := map[string]*Enum{}
	for _, e := range named {
		sorted := slices.Sorted(slices.Values(e.Values))
		key := strings.Join(sorted, "\x00")
		if same := byValues[key]; same != nil {
			same.Names = append(same.Names, e.Names...)
			for _, a := range e.APIs {
				if !slices.Contains(same.APIs, a) {
					same.APIs = append(same.APIs, a)
				}
			}
			same.Usage |= e.Usage
			continue
		}
		byValues[key] = e
		x.enums = append(x.enums, e)
	}
	for _, e := range x.enums {
		for _, v := range e.Values {
			x.byValue[v] = append(x.byValue[v], e)
		}
		if slices.Contains(e.Names, "WebhookEventType") {
			for _, v := range e.Values {
				x.events[v] = true
			}
		}
	}
	for _, v := range laterEventTypes {
		x.events[v] = true
	}
	return x
}

// laterEventTypes are webhook event types that Brex documented after the
// newest webhooks spec in the catalogue (facts.md §9: the Nov 2025
// changelog, and the 2026 event list as rendered by withone.ai). They only
// serve to recognise a Brex webhook payload (IsEventValue); they are not
// part of the WebhookEventType enum, whose exhaustiveness follows the specs.
var laterEventTypes = []string{
	"ACCOUNTING_RECORD_READY_FOR_EXPORT",
	"EMBEDDED_CARD_TRANSACTION_UPDATED",
	"EMBEDDED_CARD_UPDATED",
	"EMBEDDED_ACCOUNT_UPDATED",
	"EMBEDDED_CARD_SHIPPING_UPDATED",
	"EMBEDDED_DISPUTE_UPDATED",
	"PARTNERSHIP_INTEGRATION_CONNECTION_UPDATED",
	"EMBEDDED_CARD_AUTHORIZATION",
	"EMBEDDED_FRAUD_ALERT",
	"EMBEDDED_BILLING_GROUP_UPDATED",
	"EMBEDDED_LEGAL_ENTITY_UPDATED",
	"EMBEDDED_BILLING_STATEMENT_UPDATED",
	"EMBEDDED_USER_STATUS_UPDATED",
}

// Match returns the one enum that holds every value of values, or nil when
// no enum or several do, or values is empty. Duplicates do not matter; the
// callers decide how many distinct values are enough evidence.
func Match(values []string) *Enum {
	if len(values) == 0 {
		return nil
	}
	x := theIndex()
	var found *Enum
	for _, e := range x.byValue[values[0]] {
		all := true
		for _, v := range values[1:] {
			if !e.set[v] {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		if found != nil {
			return nil // ambiguous
		}
		found = e
	}
	return found
}

// IsEventValue reports whether v is a Brex webhook event type
// ("TRANSFER_PROCESSED"), in the catalogue or documented since.
func IsEventValue(v string) bool { return theIndex().events[v] }

// Enums returns the merged enums, in catalogue order. The slice is shared:
// do not modify it.
func Enums() []*Enum { return theIndex().enums }

// Distinct returns the distinct values of values, in first-seen order.
func Distinct(values []string) []string {
	var out []string
	for _, v := range values {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}
