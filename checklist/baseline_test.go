package checklist

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/brexlint/brexlint/internal/checks"
)

var transferFinding = Finding{
	Check: checks.IdempotencyKey, Category: "idempotencykey/missing",
	Message: "idempotencykey: POST /v1/transfers sends no Idempotency-Key",
	File:    "brex/transfers.go", Line: 59, Column: 2, Function: "(*Client).CreateTransfer",
	Code: "\treq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+\"/v1/transfers\", body)",
}

func TestKeyIgnoresPositionAndWhiteSpace(t *testing.T) {
	moved := transferFinding
	moved.Line, moved.Column = 60, 6
	moved.Code = "    req, err := http.NewRequestWithContext(ctx,  http.MethodPost, c.base+\"/v1/transfers\", body)  "
	if transferFinding.Key() != moved.Key() {
		t.Errorf("key changed with the line, column and indentation:\n%+v\n%+v", transferFinding.Key(), moved.Key())
	}
	reworded := transferFinding
	reworded.Message = "idempotencykey: a new wording of the same problem"
	if transferFinding.Key() != reworded.Key() {
		t.Errorf("key changed with the message wording; a brexlint upgrade would void every baseline")
	}
}

func TestKeyChanges(t *testing.T) {
	base := transferFinding.Key()
	for name, edit := range map[string]func(*Finding){
		"function renamed": func(f *Finding) { f.Function = "(*Client).Pay" },
		"file moved":       func(f *Finding) { f.File = "brex/payments.go" },
		"category":         func(f *Finding) { f.Category = "idempotencykey/constant-key" },
		"check":            func(f *Finding) { f.Check = checks.StatusCheck },
		"code edited":      func(f *Finding) { f.Code = strings.Replace(f.Code, "/v1/transfers", "/v2/transfers", 1) },
	} {
		f := transferFinding
		edit(&f)
		if f.Key() == base {
			t.Errorf("%s: key unchanged", name)
		}
	}
}

// The line of a hardcodedsecret finding holds the secret: its key must not
// depend on it, so no baseline or SARIF file carries a hash of it.
func TestKeyOfSecretIgnoresTheLine(t *testing.T) {
	a := Finding{Check: checks.HardcodedSecret, Category: "hardcodedsecret/brex-token", Message: "hardcodedsecret: a Brex user token \"bxt_…\" is in source code",
		File: "brex/client.go", Line: 24, Column: 2, Function: "", Code: `	token = "bxt_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"`}
	b := a
	b.Code = `	token = "bxt_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"`
	if a.Key() != b.Key() {
		t.Errorf("hardcodedsecret key depends on the line's code")
	}
	c := a
	c.Message = "hardcodedsecret: another rule"
	if a.Key() == c.Key() {
		t.Errorf("hardcodedsecret key does not depend on its message")
	}
}

func TestBaselineFilter(t *testing.T) {
	other := transferFinding
	other.Function = "(*Client).CreateCard"
	other.File = "brex/cards.go"
	twice := transferFinding
	twice.Line = 80 // a second, identical problem in the same function

	b := NewBaseline([]Finding{transferFinding, other})
	fresh, accepted, stale := b.Filter([]Finding{twice, transferFinding})
	if diff := cmp.Diff([]Finding{twice}, fresh); diff != "" {
		t.Errorf("fresh (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Finding{transferFinding}, accepted); diff != "" {
		t.Errorf("accepted (-want +got):\n%s", diff)
	}
	if stale != 1 {
		t.Errorf("stale = %d, want 1 (the card finding was fixed)", stale)
	}

	b = NewBaseline([]Finding{transferFinding, twice})
	if len(b.Findings) != 1 || b.Findings[0].Count != 2 {
		t.Fatalf("baseline of two identical findings: %+v, want one entry with count 2", b.Findings)
	}
	fresh, accepted, stale = b.Filter([]Finding{transferFinding, twice})
	if len(fresh) != 0 || len(accepted) != 2 || stale != 0 {
		t.Errorf("filter by its own baseline: %d fresh, %d accepted, %d stale; want 0, 2, 0", len(fresh), len(accepted), stale)
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	dir := Finding{Check: checks.Directive, Message: "directive: bad", File: "a.go", Line: 1, Column: 1, Code: "//brexlint:ignroe"}
	b := NewBaseline([]Finding{transferFinding, dir, transferFinding})
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "NewRequestWithContext") {
		t.Errorf("the baseline holds a line of code:\n%s", buf.String())
	}
	got, err := ReadBaseline(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(b, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	// Sorted by file first.
	if got.Findings[0].File != "a.go" || got.Findings[1].Count != 2 {
		t.Errorf("entries %+v: want a.go first and the transfer entry with count 2", got.Findings)
	}
	var empty bytes.Buffer
	if err := NewBaseline(nil).Write(&empty); err != nil {
		t.Fatal(err)
	}
	if want := "{\n  \"brexlint_baseline\": 1,\n  \"findings\": []\n}\n"; empty.String() != want {
		t.Errorf("empty baseline = %q, want %q", empty.String(), want)
	}
}

func TestReadBaselineErrors(t *testing.T) {
	for name, tc := range map[string]struct{ in, want string }{
		"not JSON":       {"check,file\n", "not a brexlint baseline"},
		"unknown field":  {`{"brexlint_baseline": 1, "findings": [], "line": 3}`, `unknown field "line"`},
		"golangci file":  {`{"Issues": []}`, "not a brexlint baseline"},
		"format":         {`{"brexlint_baseline": 2, "findings": []}`, "format 2, want 1"},
		"missing format": {`{"findings": []}`, "format 0, want 1"},
		"no hash":        {`{"brexlint_baseline": 1, "findings": [{"check": "ratelimit", "file": "a.go", "count": 1}]}`, "hash"},
		"zero count":     {`{"brexlint_baseline": 1, "findings": [{"check": "ratelimit", "file": "a.go", "hash": "ab", "count": 0}]}`, "positive count"},
		"trailing data":  {`{"brexlint_baseline": 1, "findings": []}` + "\n>>>>>>> theirs\n", "data after"},
		"two baselines":  {`{"brexlint_baseline": 1, "findings": []}{"brexlint_baseline": 1, "findings": []}`, "data after"},
	} {
		_, err := ReadBaseline(strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to mention %q", name, err, tc.want)
		}
	}
}

func TestSummaryCountsBaselined(t *testing.T) {
	r := Evaluate(Customer, nil, nil)
	r.Baselined = []Finding{transferFinding, transferFinding}
	var text, md bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	const want = "; 2 accepted by the baseline, not shown\n"
	for name, out := range map[string]string{"text": text.String(), "markdown": md.String()} {
		if !strings.Contains(out, want) {
			t.Errorf("%s report does not count the baselined findings:\n%s", name, out)
		}
		if !strings.Contains(out, "(2 accepted by the baseline)") {
			t.Errorf("%s report does not count the baselined findings of the idempotency-key item:\n%s", name, out)
		}
		if strings.Contains(out, "transfers.go") {
			t.Errorf("%s report shows a baselined finding:\n%s", name, out)
		}
	}
}

// A release that rewords why a finding matters or what to do about it
// keeps the keys of findings hashed by their message (hardcodedsecret,
// findings without a line of code), so their baselines stay valid.
func TestKeyOfMessageIgnoresWhyAndFix(t *testing.T) {
	secret := Finding{Check: checks.HardcodedSecret, Category: "hardcodedsecret/brex-token",
		Message: checks.Message(`hardcodedsecret: Brex user token "bxt_…" is hardcoded`, "anyone who can read the code can use it", "read it from the environment"),
		File:    "brex/client.go", Line: 24, Column: 2, Code: `	token = "bxt_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"`}
	before := secret
	before.Message = `hardcodedsecret: Brex user token "bxt_…" is hardcoded` // the form before 2026-12
	reworded := secret
	reworded.Message = checks.Message(`hardcodedsecret: Brex user token "bxt_…" is hardcoded`, "it leaks with the repository", "rotate it and use a secret store")
	for name, f := range map[string]Finding{"before": before, "reworded": reworded} {
		if f.Key() != secret.Key() {
			t.Errorf("%s: key changed with the why or the fix", name)
		}
	}
	env := Finding{Check: checks.HardcodedSecret, Category: "hardcodedsecret/dotenv", File: ".env",
		Message: checks.Message("hardcodedsecret: .env is committed", "its secrets leak with the repository", "remove it and add it to .gitignore")}
	other := env
	other.Message = checks.Message("hardcodedsecret: .env.local is committed", "its secrets leak with the repository", "remove it and add it to .gitignore")
	if env.Key() == other.Key() {
		t.Errorf("findings without a line: key does not depend on what is wrong")
	}
}

// A baseline entry written before its check gave its findings a category
// accepts the finding that now has one.
func TestBaselineFilterUncategorizedEntry(t *testing.T) {
	page := Finding{Check: checks.Pagination, Category: "pagination/first-page-only",
		Message: "pagination: only the first page of GET /v2/users is used", File: "brex/users.go", Line: 30, Column: 9,
		Function: "(*Client).Users", Code: "\treturn page.Items, nil"}
	old := NewBaseline([]Finding{page})
	old.Findings[0].Category = ""
	fresh, accepted, stale := old.Filter([]Finding{page})
	if len(fresh) != 0 || len(accepted) != 1 || stale != 0 {
		t.Errorf("old entry: %d fresh, %d accepted, %d stale; want 0, 1, 0", len(fresh), len(accepted), stale)
	}
	// An entry with another category does not accept it.
	other := NewBaseline([]Finding{page})
	other.Findings[0].Category = "pagination/other"
	if fresh, _, _ := other.Filter([]Finding{page}); len(fresh) != 1 {
		t.Errorf("entry of another category accepted the finding")
	}
}
