package checklist

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/internal/checks"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// statuses maps the IDs of the items of the given groups (all groups when
// none is given) to their status.
func statuses(r Report, groups ...Group) map[string]Status {
	m := make(map[string]Status)
	for _, res := range r.Items {
		if len(groups) == 0 || slices.Contains(groups, res.Item.Group) {
			m[res.Item.ID] = res.Status
		}
	}
	return m
}

func only(names ...string) func(string) bool {
	return func(c string) bool {
		for _, n := range names {
			if n == c {
				return true
			}
		}
		return false
	}
}

func none(string) bool { return false }

func TestEvaluateStatuses(t *testing.T) {
	allButVersioning := func(c string) bool { return c != checks.EnumDefault && c != checks.StrictDecode }
	for _, tc := range []struct {
		name     string
		aud      Audience
		ran      func(string) bool
		findings []Finding
		want     map[string]Status
	}{
		{
			name: "customer, everything ran, nothing found",
			aud:  Customer,
			ran:  nil,
			want: map[string]Status{
				"latest-endpoints": Pass, "explore-postman": Manual, "watch-changelog": Manual,
				"secrets": Pass, "idempotency-key": Pass, "versioning": Pass,
				"error-codes": Pass, "rate-limits": Pass,
				"webhook-signatures": Pass, "read-every-page": Pass, "page-limit": Pass, "integer-money": Pass,
			},
		},
		{
			name: "customer, nothing ran",
			aud:  Customer,
			ran:  none,
			want: map[string]Status{
				"latest-endpoints": NotChecked, "explore-postman": Manual, "watch-changelog": Manual,
				"secrets": NotChecked, "idempotency-key": NotChecked, "versioning": NotChecked,
				"error-codes": NotChecked, "rate-limits": NotChecked,
				"webhook-signatures": NotChecked, "read-every-page": NotChecked, "page-limit": NotChecked, "integer-money": NotChecked,
			},
		},
		{
			name: "customer, versioning disabled, one idempotency finding",
			aud:  Customer,
			ran:  allButVersioning,
			findings: []Finding{
				{Check: checks.IdempotencyKey, Message: "m", File: "a.go", Line: 1, Column: 1},
			},
			want: map[string]Status{
				"latest-endpoints": Pass, "explore-postman": Manual, "watch-changelog": Manual,
				"secrets": Pass, "idempotency-key": Fail, "versioning": NotChecked,
				"error-codes": Pass, "rate-limits": Pass,
				"webhook-signatures": Pass, "read-every-page": Pass, "page-limit": Pass, "integer-money": Pass,
			},
		},
		{
			name: "one of two checks ran: pass",
			aud:  Customer,
			ran:  only(checks.EnumDefault),
			want: map[string]Status{
				"latest-endpoints": NotChecked, "explore-postman": Manual, "watch-changelog": Manual,
				"secrets": NotChecked, "idempotency-key": NotChecked, "versioning": Pass,
				"error-codes": NotChecked, "rate-limits": NotChecked,
				"webhook-signatures": NotChecked, "read-every-page": NotChecked, "page-limit": NotChecked, "integer-money": NotChecked,
			},
		},
		{
			name: "a finding counts as a run",
			aud:  Customer,
			ran:  none,
			findings: []Finding{
				{Check: checks.StrictDecode, Message: "m", File: "a.go", Line: 1, Column: 1},
			},
			want: map[string]Status{
				"latest-endpoints": NotChecked, "explore-postman": Manual, "watch-changelog": Manual,
				"secrets": NotChecked, "idempotency-key": NotChecked, "versioning": Fail,
				"error-codes": NotChecked, "rate-limits": NotChecked,
				"webhook-signatures": NotChecked, "read-every-page": NotChecked, "page-limit": NotChecked, "integer-money": NotChecked,
			},
		},
		{
			name: "partner, statuscheck and tokenrefresh fail every item they decide",
			aud:  Partner,
			ran:  nil,
			findings: []Finding{
				{Check: checks.StatusCheck, Message: "m", File: "a.go", Line: 1, Column: 1},
				{Check: checks.TokenRefresh, Message: "m", File: "a.go", Line: 2, Column: 1},
			},
			want: map[string]Status{
				"latest-endpoints": Pass, "explore-postman": Manual, "watch-changelog": Manual,
				"secrets": Pass, "idempotency-key": Pass, "oauth-library": Pass,
				"token-expiry": Fail, "oauth-state": Pass, "rotate-refresh-token": Fail,
				"no-embedded-webview": Pass, "versioning": Pass, "grant-or-deny": Pass,
				"insufficient-access": Fail, "error-codes": Fail, "rate-limits": Pass,
				"demo-video":         Manual,
				"webhook-signatures": Pass, "read-every-page": Pass, "page-limit": Pass, "integer-money": Pass,
			},
		},
		{
			name: "manual items stay manual whatever ran",
			aud:  Partner,
			ran:  none,
			want: map[string]Status{
				"latest-endpoints": NotChecked, "explore-postman": Manual, "watch-changelog": Manual,
				"secrets": NotChecked, "idempotency-key": NotChecked, "oauth-library": NotChecked,
				"token-expiry": NotChecked, "oauth-state": NotChecked, "rotate-refresh-token": NotChecked,
				"no-embedded-webview": NotChecked, "versioning": NotChecked, "grant-or-deny": NotChecked,
				"insufficient-access": NotChecked, "error-codes": NotChecked, "rate-limits": NotChecked,
				"demo-video":         Manual,
				"webhook-signatures": NotChecked, "read-every-page": NotChecked, "page-limit": NotChecked, "integer-money": NotChecked,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Evaluate(tc.aud, tc.ran, tc.findings)
			if diff := cmp.Diff(tc.want, statuses(r)); diff != "" {
				t.Errorf("statuses (-want +got):\n%s", diff)
			}
			wantFailed := false
			for _, s := range tc.want {
				wantFailed = wantFailed || s == Fail
			}
			if r.Failed() != wantFailed {
				t.Errorf("Failed() = %v, want %v", r.Failed(), wantFailed)
			}
		})
	}
}

func TestEvaluateChecksThatRan(t *testing.T) {
	r := Evaluate(Partner, only(checks.StatusCheck, checks.OAuthCallback), nil)
	for _, res := range r.Items {
		if res.Item.ID != "insufficient-access" {
			continue
		}
		want := []string{checks.StatusCheck, checks.OAuthCallback}
		if diff := cmp.Diff(want, res.Checks); diff != "" {
			t.Errorf("checks that ran (-want +got):\n%s", diff)
		}
		if res.Status != Pass {
			t.Errorf("status = %s, want pass", res.Status)
		}
		return
	}
	t.Fatal("no insufficient-access item")
}

func TestEvaluateFindingMeansRan(t *testing.T) {
	r := Evaluate(Customer, none, []Finding{{Check: checks.StrictDecode, Message: "m", File: "a.go", Line: 1, Column: 1}})
	for _, res := range r.Items {
		if res.Item.ID == "versioning" {
			if diff := cmp.Diff([]string{checks.StrictDecode}, res.Checks); diff != "" {
				t.Errorf("checks that ran (-want +got):\n%s", diff)
			}
			return
		}
	}
	t.Fatal("no versioning item")
}

func TestEvaluateUnassigned(t *testing.T) {
	dir := Finding{Check: checks.Directive, Message: "directive without reason", File: "b.go", Line: 3, Column: 1}
	state := Finding{Check: checks.OAuthState, Message: "constant state", File: "a.go", Line: 9, Column: 2}
	unknown := Finding{Check: "nosuchcheck", Message: "?", File: "a.go", Line: 1, Column: 1}

	r := Evaluate(Customer, nil, []Finding{dir, state, unknown})
	if diff := cmp.Diff([]Finding{unknown, state, dir}, r.Unassigned); diff != "" {
		t.Errorf("customer Unassigned (-want +got):\n%s", diff)
	}
	if r.Failed() {
		t.Errorf("customer report failed on unassigned findings only")
	}

	// For partners, oauthstate decides an item: the finding moves there.
	r = Evaluate(Partner, nil, []Finding{dir, state})
	if diff := cmp.Diff([]Finding{dir}, r.Unassigned); diff != "" {
		t.Errorf("partner Unassigned (-want +got):\n%s", diff)
	}
	if got := statuses(r, "")["oauth-state"]; got != Fail {
		t.Errorf("partner oauth-state = %s, want fail", got)
	}
	if !r.Failed() {
		t.Errorf("partner report with a failing item: Failed() = false")
	}

	r = Evaluate("vendor", nil, []Finding{state})
	if len(r.Items) != 0 || len(r.Unassigned) != 1 {
		t.Errorf("unknown audience: %d items, %d unassigned; want 0, 1", len(r.Items), len(r.Unassigned))
	}
}

func TestEvaluateSortsFindings(t *testing.T) {
	// Messages run against the wanted order, so that only the position and
	// check keys can sort them right.
	in := []Finding{
		{Check: checks.IdempotencyKey, Message: "a", File: "b.go", Line: 1, Column: 1},
		{Check: checks.IdempotencyKey, Message: "b", File: "a.go", Line: 10, Column: 1},
		{Check: checks.IdempotencyKey, Message: "c", File: "a.go", Line: 2, Column: 7},
		{Check: checks.IdempotencyKey, Message: "d", File: "a.go", Line: 2, Column: 3},
		{Check: "zzz", Message: "e", File: "a.go", Line: 1, Column: 1},
		{Check: checks.Directive, Message: "f", File: "a.go", Line: 1, Column: 1},
	}
	orig := append([]Finding(nil), in...)
	r := Evaluate(Customer, nil, in)
	if diff := cmp.Diff(orig, in); diff != "" {
		t.Errorf("Evaluate modified its input (-before +after):\n%s", diff)
	}
	var got []string
	for _, res := range r.Items {
		if res.Item.ID == "idempotency-key" {
			for _, f := range res.Findings {
				got = append(got, f.Message)
			}
		}
	}
	if diff := cmp.Diff([]string{"d", "c", "b", "a"}, got); diff != "" {
		t.Errorf("finding order (-want +got):\n%s", diff)
	}
	got = nil
	for _, f := range r.Unassigned {
		got = append(got, f.Message)
	}
	if diff := cmp.Diff([]string{"f", "e"}, got); diff != "" {
		t.Errorf("unassigned order (-want +got):\n%s", diff)
	}
}

// fixedReport covers every status, a partly run item, a finding shared by two
// items, an unassigned finding and Markdown metacharacters in a message.
func fixedReport() Report {
	ran := func(c string) bool {
		return c != checks.OAuthLib && c != checks.EmbeddedWebview && c != checks.StrictDecode
	}
	cov := Coverage{BrexCalls.ID: 14, BrexOAuthConfigs.ID: 0, GoFiles.ID: 31, OtherFiles.ID: 1, BrexWebhookReceivers.ID: 0}
	r := EvaluateCovered(Partner, ran, []Finding{
		{
			Check: checks.StatusCheck, Category: "statuscheck/decode-before-status",
			Message: "statuscheck: body of GET /v2/users/me is decoded before its status is checked | check resp.StatusCode, then decode <T>",
			File:    "brex/client.go", Line: 88, Column: 2, Function: "(*Client).do",
		},
		{
			Check: checks.IdempotencyKey, Category: "idempotencykey/constant-key",
			Message: "idempotencykey: POST /v1/transfers sends a constant Idempotency-Key; Brex drops every transfer after the first: use crypto/rand.Text()",
			File:    "payments/transfer.go", Line: 42, Column: 9, Function: "(*Payer).Pay",
		},
		{
			Check: checks.Directive, Category: "directive/no-reason",
			Message: "directive: //brexlint:ignore needs a reason",
			File:    "payments/transfer.go", Line: 40, Column: 1,
		},
		{
			Check: checks.HardcodedSecret, Category: "hardcodedsecret/oauth-client-secret",
			Message: "hardcodedsecret: the Brex OAuth ClientSecret \"sk_l…\" is in source code: read it from the environment",
			File:    "cmd/server/main.go", Line: 12, Column: 20, Function: "main",
		},
	}, cov)
	r.CatalogDate = "2025-05-01"
	r.Module = "example.com/payments"
	r.Warnings = []Warning{{
		Kind:    WarningBlindSpot,
		Message: "blind spot: these files show signs of Brex (a Brex host) but the Brex model recognised no Brex call in them",
		Files:   []string{"billing/brex_client.go"},
		Hint:    "Mark the client type or function with //brexlint:client.",
	}}
	return r
}

func TestGolden(t *testing.T) {
	r := fixedReport()
	for _, tc := range []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"report.txt", func(b *bytes.Buffer) error { return r.WriteText(b) }},
		{"report.json", func(b *bytes.Buffer) error { return r.WriteJSON(b) }},
		{"report.md", func(b *bytes.Buffer) error { return r.WriteMarkdown(b) }},
		{"report.sarif", func(b *bytes.Buffer) error { return r.WriteSARIF(b, testTool) }},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tc.write(&buf); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tc.file)
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), buf.String()); diff != "" {
				t.Errorf("%s differs (-golden +got; go test -update rewrites it):\n%s", path, diff)
			}
		})
	}
}

func TestJSONRoundTrip(t *testing.T) {
	for _, r := range []Report{fixedReport(), Evaluate(Customer, nil, nil)} {
		var buf bytes.Buffer
		if err := r.WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		var got Report
		dec := json.NewDecoder(&buf)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&got); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(r, got); diff != "" {
			t.Errorf("JSON round trip (-want +got):\n%s", diff)
		}
	}
}

func TestJSONHasNoNulls(t *testing.T) {
	var buf bytes.Buffer
	if err := Evaluate(Customer, none, nil).WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte("null")) {
		t.Errorf("JSON has null arrays:\n%s", buf.String())
	}
}

// TestEvaluateBeyond checks the items beyond the launch checklist: each is
// decided by its own check, for customers and partners alike.
func TestEvaluateBeyond(t *testing.T) {
	for _, aud := range []Audience{Customer, Partner} {
		r := Evaluate(aud, only(checks.Pagination, checks.MoneyFloat), []Finding{
			{Check: checks.MoneyFloat, Message: "m", File: "a.go", Line: 1, Column: 1},
		})
		want := map[string]Status{"webhook-signatures": NotChecked, "read-every-page": Pass, "page-limit": NotChecked, "integer-money": Fail}
		if diff := cmp.Diff(want, statuses(r, Beyond)); diff != "" {
			t.Errorf("%s: statuses (-want +got):\n%s", aud, diff)
		}
	}
}

func TestTextSummary(t *testing.T) {
	var buf bytes.Buffer
	if err := fixedReport().WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	// oauth-library and no-embedded-webview did not run; error-codes and
	// insufficient-access share one statuscheck finding; without a Brex
	// OAuth flow or webhook receiver their items are n/a; the three items
	// beyond the launch checklist about Brex calls pass.
	if got, want := lines[len(lines)-1], "6 pass, 4 fail, 5 n/a, 3 manual, 2 not checked; 1 warning"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
}

func TestMarkdownEscapes(t *testing.T) {
	r := Evaluate(Customer, nil, []Finding{{
		Check: checks.StatusCheck, Message: "a | b <script> *x* `c`\nnext",
		File: "dir/my_file.go", Line: 7, Column: 1,
	}})
	var buf bytes.Buffer
	if err := r.WriteMarkdown(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	want := "- dir/my\\_file.go:7: a \\| b \\<script\\> \\*x\\* \\`c\\` next ([statuscheck](https://pkg.go.dev/github.com/brexlint/brexlint/analyzers/statuscheck))\n"
	if !strings.Contains(out, want) {
		t.Errorf("Markdown lacks the escaped finding %q:\n%s", want, out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "|") && strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") != 4 {
			t.Errorf("table row with a broken cell count: %q", line)
		}
	}
}
