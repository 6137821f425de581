package brexenum_test

import (
	"slices"
	"testing"

	"github.com/brexlint/brexlint/internal/brexenum"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		values []string
		want   string // first schema name; "" for no match
	}{
		{[]string{"PROCESSING", "SCHEDULED", "PENDING_APPROVAL", "FAILED", "PROCESSED"}, "TransferStatus"},
		{[]string{"PROCESSED", "FAILED"}, "TransferStatus"},                       // contained in exactly one
		{[]string{"FAILED", "PROCESSED", "FAILED"}, "TransferStatus"},             // duplicates do not matter
		{[]string{"ACTIVE", "INACTIVE"}, ""},                                      // several enums: none
		{[]string{"CHECKING", "SAVING"}, ""},                                      // BankType, and AccountType (merged by name)
		{[]string{"BREX_CLASSIC", "CHECKING"}, "AccountType"},                     // same name in Team and Payments: one enum, union of values
		{[]string{"ACH", "ACH_RETURN"}, "PaymentType"},                            // Payments and Webhooks PaymentType: union
		{[]string{"TRANSFER_PROCESSED", "USER_UPDATED"}, "WebhookEventType"},      //
		{[]string{"EXCEEDED_BUDGET_LIMIT", "MCC_BLOCKED"}, "PaymentStatusReason"}, // identical value sets merged
		{[]string{"UNVERIFIED", "VERIFIED", "REJECTED"}, "LegalEntityStatus"},     // same name and values in Team and Expenses
		{[]string{"PROCESSED", "NOT_A_BREX_VALUE"}, ""},                           // one value outside every enum
		{[]string{"processing", "failed"}, ""},                                    // values match exactly, case included
		{nil, ""},
	}
	for _, tt := range tests {
		got := ""
		if e := brexenum.Match(tt.values); e != nil {
			got = e.Name()
		}
		if got != tt.want {
			t.Errorf("Match(%q) = %q, want %q", tt.values, got, tt.want)
		}
	}
}

func TestMergedEnums(t *testing.T) {
	var psr *brexenum.Enum
	for _, e := range brexenum.Enums() {
		if slices.Contains(e.Names, "PaymentStatusReason") {
			psr = e
		}
		for _, f := range brexenum.Enums() {
			if e != f && slices.Equal(slices.Sorted(slices.Values(e.Values)), slices.Sorted(slices.Values(f.Values))) {
				t.Errorf("%v and %v have the same values but are not merged", e.Names, f.Names)
			}
		}
	}
	if psr == nil || !slices.Contains(psr.Names, "ExpensePaymentStatusReason") || !psr.FromBrex() {
		t.Errorf("PaymentStatusReason: got %+v", psr)
	}
	ts := brexenum.Match([]string{"PROCESSING", "FAILED"})
	if ts == nil || !ts.Covered([]string{"PROCESSING", "SCHEDULED", "PENDING_APPROVAL", "FAILED", "PROCESSED", "X"}) || ts.Covered([]string{"PROCESSING"}) {
		t.Errorf("TransferStatus coverage is wrong: %+v", ts)
	}
	if e := brexenum.Match([]string{"C_CORP", "LLC"}); e == nil || e.FromBrex() {
		t.Errorf("IncorporationType is sent to Brex only: got %+v", e)
	}
}

func TestIsEventValue(t *testing.T) {
	for _, v := range []string{"TRANSFER_PROCESSED", "USER_UPDATED", "ACCOUNTING_RECORD_READY_FOR_EXPORT", "EMBEDDED_CARD_UPDATED"} {
		if !brexenum.IsEventValue(v) {
			t.Errorf("IsEventValue(%q) = false", v)
		}
	}
	for _, v := range []string{"invoice.paid", "PROCESSED", "ACTIVE", ""} {
		if brexenum.IsEventValue(v) {
			t.Errorf("IsEventValue(%q) = true", v)
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	vals := []string{"PROCESSING", "SCHEDULED", "PENDING_APPROVAL", "FAILED", "PROCESSED"}
	brexenum.Match(vals)
	b.ReportAllocs()
	for b.Loop() {
		brexenum.Match(vals)
	}
}
