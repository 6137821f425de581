package checklist

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/internal/checks"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestEvaluateCoveredStatuses(t *testing.T) {
	for _, tc := range []struct {
		name     string
		aud      Audience
		cov      Coverage
		findings []Finding
		want     map[string]Status
		examined map[string]string // item ID → examined text
		reasons  map[string]string // item ID → n/a reason
	}{
		{
			name: "no Brex code at all: the Brex items are n/a, secrets passes",
			aud:  Customer,
			cov:  Coverage{BrexCalls.ID: 0, BrexOAuthConfigs.ID: 0, GoFiles.ID: 3, OtherFiles.ID: 0, BrexWebhookReceivers.ID: 0},
			want: map[string]Status{
				"read-every-page": NotApplicable, "page-limit": NotApplicable, "integer-money": NotApplicable,
				"latest-endpoints": NotApplicable, "explore-postman": Manual, "watch-changelog": Manual,
				"secrets": Pass, "idempotency-key": NotApplicable, "versioning": NotApplicable,
				"error-codes": NotApplicable, "rate-limits": NotApplicable, "webhook-signatures": NotApplicable,
			},
			examined: map[string]string{"secrets": "3 Go files"},
			reasons: map[string]string{
				"read-every-page": "no Brex call recognised", "page-limit": "no Brex call recognised", "integer-money": "no Brex call recognised",
				"latest-endpoints": "no Brex call recognised, no Brex OAuth flow",
				"idempotency-key":  "no Brex call recognised", "versioning": "no Brex call recognised",
				"error-codes": "no Brex call recognised", "rate-limits": "no Brex call recognised",
				"webhook-signatures": "no Brex webhook receiver",
			},
		},
		{
			name: "recognised calls: pass with counts",
			aud:  Partner,
			cov:  Coverage{BrexCalls.ID: 14, BrexOAuthConfigs.ID: 2, GoFiles.ID: 40, OtherFiles.ID: 1, BrexWebhookReceivers.ID: 1},
			want: map[string]Status{
				"latest-endpoints": Pass, "explore-postman": Manual, "watch-changelog": Manual,
				"secrets": Pass, "idempotency-key": Pass, "oauth-library": Pass,
				"token-expiry": Pass, "oauth-state": Pass, "rotate-refresh-token": Pass,
				"no-embedded-webview": Pass, "versioning": Pass, "grant-or-deny": Pass,
				"insufficient-access": Pass, "error-codes": Pass, "rate-limits": Pass,
				"demo-video": Manual, "webhook-signatures": Pass,
				"read-every-page": Pass, "page-limit": Pass, "integer-money": Pass,
			},
			examined: map[string]string{
				"webhook-signatures": "1 Brex webhook receiver",
				"read-every-page":    "14 Brex calls", "page-limit": "14 Brex calls", "integer-money": "14 Brex calls",
				"latest-endpoints": "14 Brex calls, 2 Brex OAuth configurations",
				"secrets":          "40 Go files, 1 other file",
				"idempotency-key":  "14 Brex calls", "oauth-library": "2 Brex OAuth configurations",
				"token-expiry": "2 Brex OAuth configurations", "oauth-state": "2 Brex OAuth configurations",
				"rotate-refresh-token": "2 Brex OAuth configurations", "no-embedded-webview": "2 Brex OAuth configurations",
				"versioning": "14 Brex calls", "grant-or-deny": "2 Brex OAuth configurations",
				"insufficient-access": "2 Brex OAuth configurations, 14 Brex calls",
				"error-codes":         "14 Brex calls", "rate-limits": "14 Brex calls",
			},
		},
		{
			name: "a finding fails the item even where nothing was counted",
			aud:  Customer,
			cov:  Coverage{BrexCalls.ID: 0, BrexOAuthConfigs.ID: 0, GoFiles.ID: 1, OtherFiles.ID: 0},
			findings: []Finding{
				{Check: checks.BrexEndpoint, Message: "m", File: "a.go", Line: 1, Column: 1},
			},
			want: map[string]Status{
				"read-every-page": NotApplicable, "page-limit": NotApplicable, "integer-money": NotApplicable,
				"latest-endpoints": Fail, "explore-postman": Manual, "watch-changelog": Manual,
				"secrets": Pass, "idempotency-key": NotApplicable, "versioning": NotApplicable,
				"error-codes": NotApplicable, "rate-limits": NotApplicable,
				"webhook-signatures": Pass, // receivers not counted
			},
			examined: map[string]string{"secrets": "1 Go file"},
			reasons: map[string]string{
				"read-every-page": "no Brex call recognised", "page-limit": "no Brex call recognised", "integer-money": "no Brex call recognised",
				"idempotency-key": "no Brex call recognised", "versioning": "no Brex call recognised",
				"error-codes": "no Brex call recognised", "rate-limits": "no Brex call recognised",
			},
		},
		{
			name: "a subject not counted leaves the item a plain pass",
			aud:  Customer,
			cov:  Coverage{BrexCalls.ID: 0},
			want: map[string]Status{
				"read-every-page": NotApplicable, "page-limit": NotApplicable, "integer-money": NotApplicable,
				"latest-endpoints": Pass, "explore-postman": Manual, "watch-changelog": Manual,
				"secrets": Pass, "idempotency-key": NotApplicable, "versioning": NotApplicable,
				"error-codes": NotApplicable, "rate-limits": NotApplicable,
				"webhook-signatures": Pass,
			},
			reasons: map[string]string{
				"read-every-page": "no Brex call recognised", "page-limit": "no Brex call recognised", "integer-money": "no Brex call recognised",
				"idempotency-key": "no Brex call recognised", "versioning": "no Brex call recognised",
				"error-codes": "no Brex call recognised", "rate-limits": "no Brex call recognised",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := EvaluateCovered(tc.aud, nil, tc.findings, tc.cov)
			if diff := cmp.Diff(tc.want, statuses(r)); diff != "" {
				t.Errorf("statuses (-want +got):\n%s", diff)
			}
			examined, reasons := map[string]string{}, map[string]string{}
			for _, res := range r.Items {
				if s := res.examinedText(); s != "" {
					examined[res.Item.ID] = s
				}
				if res.Reason != "" {
					reasons[res.Item.ID] = res.Reason
				}
			}
			if diff := cmp.Diff(tc.examined, examined, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("examined (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.reasons, reasons, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("reasons (-want +got):\n%s", diff)
			}
			if r.Failed() != (len(tc.findings) > 0) {
				t.Errorf("Failed() = %v with %d findings: n/a must not fail the gate", r.Failed(), len(tc.findings))
			}
		})
	}
}

func TestNotApplicableInEveryFormat(t *testing.T) {
	r := EvaluateCovered(Customer, nil, nil, Coverage{BrexCalls.ID: 0, BrexOAuthConfigs.ID: 0, GoFiles.ID: 2, OtherFiles.ID: 0, BrexWebhookReceivers.ID: 0})
	var text, md, js, sarif bytes.Buffer
	for _, err := range []error{r.WriteText(&text), r.WriteMarkdown(&md), r.WriteJSON(&js), r.WriteSARIF(&sarif, testTool)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if !strings.Contains(text.String(), "n/a     rate-limits") || !strings.Contains(text.String(), "(no Brex call recognised)") {
		t.Errorf("text report does not show rate-limits as n/a with its reason:\n%s", text.String())
	}
	if !strings.Contains(text.String(), "1 pass, 0 fail, 9 n/a, 2 manual, 0 not checked") {
		t.Errorf("text summary does not count n/a apart from pass:\n%s", text.String())
	}
	if !strings.Contains(md.String(), "| n/a (no Brex call recognised) |") {
		t.Errorf("Markdown report does not show n/a with its reason:\n%s", md.String())
	}
	var back Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if got := statuses(back)["rate-limits"]; got != NotApplicable {
		t.Errorf("JSON status of rate-limits = %q, want n/a", got)
	}
	var log struct {
		Runs []struct {
			Properties struct {
				Coverage map[string]int `json:"coverage"`
				Items    []struct {
					ID, Status, Reason string
				} `json:"items"`
			} `json:"properties"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(sarif.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	props := log.Runs[0].Properties
	if diff := cmp.Diff(map[string]int{"brex-calls": 0, "brex-oauth-configs": 0, "go-files": 2, "other-files": 0, "brex-webhook-receivers": 0}, props.Coverage); diff != "" {
		t.Errorf("SARIF coverage (-want +got):\n%s", diff)
	}
	found := false
	for _, it := range props.Items {
		if it.ID == "rate-limits" {
			found = true
			if it.Status != "n/a" || it.Reason != "no Brex call recognised" {
				t.Errorf("SARIF rate-limits = %s (%s), want n/a (no Brex call recognised)", it.Status, it.Reason)
			}
		}
	}
	if !found {
		t.Error("SARIF run properties have no rate-limits item")
	}
}

func TestStrictWarningFails(t *testing.T) {
	r := EvaluateCovered(Customer, nil, nil, Coverage{BrexCalls.ID: 0})
	r.Warnings = []Warning{{Kind: WarningBlindSpot, Message: "m", Files: []string{"brex.go"}, Hint: "h"}}
	if r.Failed() {
		t.Error("a warning failed the report without Strict")
	}
	r.Strict = true
	if !r.Failed() {
		t.Error("a warning did not fail the report with Strict")
	}
	var text bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "\nwarning: m: brex.go. h\n") {
		t.Errorf("text report does not show the warning on its own line:\n%s", text.String())
	}
}
