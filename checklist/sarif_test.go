package checklist

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/sariftest"
)

func validateSARIF(t *testing.T, data []byte) {
	t.Helper()
	if err := sariftest.Validate(data); err != nil {
		t.Error(err)
	}
}

var testTool = SARIFTool{
	Version: "v1.2.3",
	Checks: []CheckDoc{
		{Name: checks.HardcodedSecret, Doc: "report secrets in source code\n\nA Brex user token or client secret in code leaks with the repository."},
		{Name: checks.IdempotencyKey, Doc: "report money-moving Brex calls without a random Idempotency-Key\n\nRetries must not pay twice."},
		{Name: checks.StatusCheck, Doc: "report Brex responses read before their status is checked"},
		{Name: checks.Directive, Doc: "report malformed //brexlint: directives"},
	},
}

func writeSARIF(t *testing.T, r Report, tool SARIFTool) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := r.WriteSARIF(&buf, tool); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSARIFValidates(t *testing.T) {
	withDir := fixedReport()
	withDir.RepoDir = "services/pay ments"
	for name, r := range map[string]Report{
		"fixed":       fixedReport(),
		"repo subdir": withDir,
		"empty":       Evaluate(Customer, nil, nil),
		"no tool":     fixedReport(),
	} {
		t.Run(name, func(t *testing.T) {
			tool := testTool
			if name == "no tool" {
				tool = SARIFTool{}
			}
			validateSARIF(t, writeSARIF(t, r, tool))
		})
	}
}

// The schema accepts a great deal; these are the properties GitHub code
// scanning and the issue ask for, asserted one by one.
func TestSARIFContent(t *testing.T) {
	r := fixedReport()
	r.RepoDir = "services/payments"
	r.Baselined = []Finding{{Check: checks.IdempotencyKey, Message: "accepted", File: "x.go", Line: 1, Column: 1}}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name, Version, SemanticVersion, InformationURI string
					Rules                                          []struct {
						ID                   string
						ShortDescription     struct{ Text string }
						Help                 struct{ Text, Markdown string }
						HelpURI              string
						DefaultConfiguration struct {
							Level string
						}
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string
							URIBaseID string `json:"uriBaseId"`
						}
						Region struct{ StartLine, StartColumn int }
					}
					LogicalLocations []struct{ Name, Kind string }
				}
				PartialFingerprints map[string]string
			}
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(writeSARIF(t, r, testTool), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q with %d runs, want 2.1.0 with 1", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "brexlint" || d.Version != "v1.2.3, Brex API catalogue 2025-05-01" || d.SemanticVersion != "1.2.3" {
		t.Errorf("driver name %q, version %q, semanticVersion %q", d.Name, d.Version, d.SemanticVersion)
	}

	type rule struct{ ID, Level, HelpURI string }
	var rules []rule
	for _, ru := range d.Rules {
		rules = append(rules, rule{ru.ID, ru.DefaultConfiguration.Level, ru.HelpURI})
		if ru.ShortDescription.Text == "" || ru.Help.Text == "" || ru.Help.Markdown == "" {
			t.Errorf("rule %s lacks a description or help", ru.ID)
		}
	}
	doc := checks.DocURL
	// One rule per check of the build, in order, then one per category
	// in the order the results meet them (items first, then unassigned).
	wantRules := []rule{
		{"hardcodedsecret", "error", doc("hardcodedsecret")},
		{"idempotencykey", "error", doc("idempotencykey")},
		{"statuscheck", "error", doc("statuscheck")},
		{"directive", "warning", doc("directive")},
		{"hardcodedsecret/oauth-client-secret", "error", doc("hardcodedsecret")},
		{"idempotencykey/constant-key", "error", doc("idempotencykey")},
		{"statuscheck/decode-before-status", "error", doc("statuscheck")},
		{"directive/no-reason", "warning", doc("directive")},
	}
	if diff := cmp.Diff(wantRules, rules); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
	secretHelp := d.Rules[0].Help
	if !strings.Contains(secretHelp.Text, "secrets: Keep client IDs and client secrets out of source code") ||
		!strings.Contains(secretHelp.Markdown, "(https://developer.brex.com/docs/partner_authentication/)") {
		t.Errorf("hardcodedsecret help does not name its checklist item and link:\n%s\n%s", secretHelp.Text, secretHelp.Markdown)
	}

	type result struct {
		RuleID, Level, URI, Base string
		Line, Column             int
		Function                 string
	}
	var results []result
	for _, res := range run.Results {
		if d.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s has ruleIndex %d (%s)", res.RuleID, res.RuleIndex, d.Rules[res.RuleIndex].ID)
		}
		if len(res.PartialFingerprints[SARIFFingerprint]) != 32 {
			t.Errorf("result %s: partialFingerprints %v", res.RuleID, res.PartialFingerprints)
		}
		loc := res.Locations[0]
		fn := ""
		if len(loc.LogicalLocations) > 0 {
			fn = loc.LogicalLocations[0].Name + "/" + loc.LogicalLocations[0].Kind
		}
		pl := loc.PhysicalLocation
		results = append(results, result{res.RuleID, res.Level, pl.ArtifactLocation.URI, pl.ArtifactLocation.URIBaseID,
			pl.Region.StartLine, pl.Region.StartColumn, fn})
	}
	// The statuscheck finding decides two items but is one result; the
	// directive finding decides none: a warning. The baselined finding is
	// not a result.
	wantResults := []result{
		{"hardcodedsecret/oauth-client-secret", "error", "services/payments/cmd/server/main.go", "%SRCROOT%", 12, 20, "main/function"},
		{"idempotencykey/constant-key", "error", "services/payments/payments/transfer.go", "%SRCROOT%", 42, 9, "(*Payer).Pay/function"},
		{"statuscheck/decode-before-status", "error", "services/payments/brex/client.go", "%SRCROOT%", 88, 2, "(*Client).do/function"},
		{"directive/no-reason", "warning", "services/payments/payments/transfer.go", "%SRCROOT%", 40, 1, ""},
	}
	if diff := cmp.Diff(wantResults, results); diff != "" {
		t.Errorf("results (-want +got):\n%s", diff)
	}
	wantProps := map[string]any{"audience": "partner", "module": "example.com/payments", "catalogDate": "2025-05-01", "baselined": 1.0,
		"coverage": map[string]any{"brex-calls": 14.0, "brex-oauth-configs": 0.0, "go-files": 31.0, "other-files": 1.0, "brex-webhook-receivers": 0.0},
		"strict":   false,
	}
	// items and warnings are TestNotApplicableInEveryFormat's and the
	// golden file's business.
	delete(run.Properties, "items")
	delete(run.Properties, "warnings")
	if diff := cmp.Diff(wantProps, run.Properties); diff != "" {
		t.Errorf("run properties (-want +got):\n%s", diff)
	}
}

func TestSARIFFingerprintFollowsKey(t *testing.T) {
	f := Finding{Check: checks.IdempotencyKey, Category: "idempotencykey/missing", Message: "m", File: "a.go", Line: 10, Column: 2, Function: "Pay", Code: "\treq := post()"}
	moved := f
	moved.Line, moved.Column, moved.Code = 11, 4, "  req := post() "
	edited := f
	edited.Code = "\treq := post(ctx)"
	fp := func(f Finding) string {
		r := Evaluate(Customer, nil, []Finding{f})
		var log struct {
			Runs []struct {
				Results []struct{ PartialFingerprints map[string]string }
			}
		}
		if err := json.Unmarshal(writeSARIF(t, r, testTool), &log); err != nil {
			t.Fatal(err)
		}
		return log.Runs[0].Results[0].PartialFingerprints[SARIFFingerprint]
	}
	if fp(f) != fp(moved) {
		t.Errorf("fingerprint changed when the line moved and was reindented")
	}
	if fp(f) == fp(edited) {
		t.Errorf("fingerprint unchanged when the line's code changed")
	}
}

// TestSARIFRelatedLocations: what a one-line message leaves out (every
// endpoint of "GET /v1/expenses, GET /v1/vendors and 2 more") reaches
// SARIF as the result's relatedLocations, and the report's JSON as the
// finding's related.
func TestSARIFRelatedLocations(t *testing.T) {
	eps := []string{"GET /v1/expenses", "GET /v1/vendors", "GET /v2/users", "POST /v1/transfers"}
	f := Finding{Check: checks.RateLimit, Category: "ratelimit/unhandled", File: "brex/client.go", Line: 89, Column: 15, Code: "	resp, err := c.hc.Do(req) // é",
		Message: "ratelimit: 429 from GET /v1/expenses, GET /v1/vendors and 2 more is not retried (client: http.DefaultClient)"}
	for _, ep := range eps {
		f.Related = append(f.Related, Related{Message: "endpoint: " + ep, File: f.File, Line: f.Line, Column: f.Column})
	}
	r := Evaluate(Customer, nil, []Finding{f})
	r.RepoDir = "svc"
	data := writeSARIF(t, r, testTool)
	validateSARIF(t, data)
	var log struct {
		Runs []struct {
			Results []struct {
				RelatedLocations []struct {
					ID               int
					Message          struct{ Text string }
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	type loc struct {
		ID        int
		Text, URI string
		Line, Col int
	}
	var got, want []loc
	for _, rl := range log.Runs[0].Results[0].RelatedLocations {
		got = append(got, loc{rl.ID, rl.Message.Text, rl.PhysicalLocation.ArtifactLocation.URI, rl.PhysicalLocation.Region.StartLine, rl.PhysicalLocation.Region.StartColumn})
	}
	for i, ep := range eps {
		want = append(want, loc{i + 1, "endpoint: " + ep, "svc/brex/client.go", 89, 15})
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("relatedLocations (-want +got):\n%s", d)
	}

	var buf bytes.Buffer
	if err := r.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var rep Report
	if err := json.Unmarshal(buf.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	var gotJSON []Related
	for _, res := range rep.Items {
		for _, g := range res.Findings {
			gotJSON = append(gotJSON, g.Related...)
		}
	}
	if d := cmp.Diff(f.Related, gotJSON); d != "" {
		t.Errorf("JSON related (-want +got):\n%s", d)
	}
}

// TestSARIFRuleHelp: the rules of a check and of its categories carry the
// check's whole documentation (what brexlint help CHECK prints: why Brex
// cares, how to fix each kind of finding) as fullDescription and help,
// since messages are one clause.
func TestSARIFRuleHelp(t *testing.T) {
	tool := SARIFTool{Checks: []CheckDoc{{
		Name:         checks.RateLimit,
		Doc:          "report Brex calls whose 429 responses are not retried",
		Help:         "Package ratelimit ...\n\nHow to fix: retry 429 with exponential backoff and jitter.\n",
		HelpMarkdown: "Package ratelimit ...\n\n### Analyzer ratelimit\n\nHow to fix: retry 429 with exponential backoff and jitter.\n",
	}}}
	f := Finding{Check: checks.RateLimit, Category: "ratelimit/unhandled", Message: "ratelimit: 429 from GET /v2/users is not retried", File: "a.go", Line: 3, Column: 2}
	data := writeSARIF(t, Evaluate(Customer, nil, []Finding{f}), tool)
	validateSARIF(t, data)
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string
						ShortDescription struct{ Text string }
						FullDescription  struct{ Text string }
						Help             struct{ Text, Markdown string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	rules := log.Runs[0].Tool.Driver.Rules
	if len(rules) != 2 {
		t.Fatalf("%d rules, want ratelimit and ratelimit/unhandled", len(rules))
	}
	for _, r := range rules {
		if r.ShortDescription.Text == "" || strings.Contains(r.ShortDescription.Text, "How to fix") {
			t.Errorf("%s: shortDescription %q, want the summary line", r.ID, r.ShortDescription.Text)
		}
		if r.FullDescription.Text != strings.TrimSpace(tool.Checks[0].Help) {
			t.Errorf("%s: fullDescription %q, want the whole documentation", r.ID, r.FullDescription.Text)
		}
		if !strings.Contains(r.Help.Text, tool.Checks[0].Help) {
			t.Errorf("%s: help text lacks the documentation:\n%s", r.ID, r.Help.Text)
		}
		if !strings.Contains(r.Help.Markdown, "### Analyzer ratelimit") {
			t.Errorf("%s: help markdown lacks the documentation's Markdown:\n%s", r.ID, r.Help.Markdown)
		}
	}
}

func TestUTF16Column(t *testing.T) {
	for _, tc := range []struct {
		line      string
		col, want int
	}{
		{"x := 1", 3, 3},
		{"", 7, 7},                   // no line: unchanged
		{"s := \"é\" + f()", 13, 12}, // é is 2 bytes, 1 unit
		{"s := \"𝄞\" + f()", 15, 13}, // U+1D11E is 4 bytes, 2 units
		{"short", 40, 40},            // out of range: unchanged
		{"a\xffb := f()", 4, 4},      // invalid byte counts as one unit
		{"\tx", 2, 2},
	} {
		if got := utf16Column(tc.line, tc.col); got != tc.want {
			t.Errorf("utf16Column(%q, %d) = %d, want %d", tc.line, tc.col, got, tc.want)
		}
	}
}
