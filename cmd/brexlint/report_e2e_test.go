package main_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/checklist"
	"github.com/google/go-cmp/cmp"
)

// blindModule calls Brex through a client whose base URL and paths come
// from configuration: the Brex model cannot recognise its calls, though
// the package, the type and the BREX_* name all say Brex.
var blindModule = map[string]string{
	"go.mod": "module example.com/blind\n\ngo 1.26\n",
	"brex/client.go": `package brex

import (
	"net/http"
	"os"
)

// BrexClient calls the Brex API.
type BrexClient struct {
	BaseURL string
	hc      *http.Client
}

func New() *BrexClient {
	return &BrexClient{BaseURL: os.Getenv("API_BASE"), hc: http.DefaultClient}
}

func (c *BrexClient) Get(path string) (*http.Response, error) {
	req, err := http.NewRequest("GET", c.BaseURL+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv("BREX_API_TOKEN"))
	return c.hc.Do(req)
}
`,
	"main.go": "package main\n\nimport (\n\t\"os\"\n\n\t\"example.com/blind/brex\"\n)\n\nfunc main() { brex.New().Get(os.Args[1]) }\n",
}

// brexItems are the customer items about Brex calls.
var brexItems = []string{"latest-endpoints", "idempotency-key", "versioning", "error-codes", "rate-limits"}

func itemResult(t *testing.T, report checklist.Report, id string) checklist.ItemResult {
	t.Helper()
	for _, it := range report.Items {
		if it.Item.ID == id {
			return it
		}
	}
	t.Fatalf("the report has no item %q", id)
	return checklist.ItemResult{}
}

// TestChecklistBlindSpot: a module with signs of Brex and no recognised
// call gets n/a items and the blind-spot warning, passes the gate, and
// fails it with -strict.
func TestChecklistBlindSpot(t *testing.T) {
	dir := writeModule(t, blindModule)
	r := run(t, dir, brexlint, "checklist", "-format", "json")
	if r.code != 0 {
		t.Fatalf("checklist: exit %d, want 0 (n/a items and a warning fail nothing)\n%s", r.code, r.stderr)
	}
	report := checklistReport(t, r)
	for _, id := range brexItems {
		if it := itemResult(t, report, id); it.Status != checklist.NotApplicable || !strings.Contains(it.Reason, "no Brex call recognised") {
			t.Errorf("%s: %s (%s), want n/a (no Brex call recognised)", id, it.Status, it.Reason)
		}
	}
	if len(report.Warnings) != 1 {
		t.Fatalf("warnings = %+v, want one blind-spot warning", report.Warnings)
	}
	w := report.Warnings[0]
	if w.Kind != checklist.WarningBlindSpot || !slices.Equal(w.Files, []string{"brex/client.go"}) || !strings.Contains(w.Hint, "//brexlint:client") {
		t.Errorf("warning = %+v, want a blind spot naming brex/client.go and //brexlint:client", w)
	}

	text := run(t, dir, brexlint, "checklist")
	if !strings.Contains(text.stdout, "\nwarning: blind spot: ") || !strings.Contains(text.stdout, "brex/client.go") {
		t.Errorf("text report has no warning line naming brex/client.go:\n%s", text.stdout)
	}
	if strings.Contains(text.stdout, "pass    rate-limits") {
		t.Errorf("text report shows rate-limits as a pass:\n%s", text.stdout)
	}

	strict := run(t, dir, brexlint, "checklist", "-strict")
	if strict.code != 3 {
		t.Errorf("checklist -strict: exit %d, want 3 (the warning fails the gate)\n%s\n%s", strict.code, strict.stdout, strict.stderr)
	}
}

// TestChecklistCoverage: the sample's Brex items say how many Brex calls
// they examined; a module without Brex code gets n/a for them.
func TestChecklistCoverage(t *testing.T) {
	report := checklistReport(t, run(t, sampleDir(t), brexlint, "checklist", "-format", "json"))
	calls := report.Coverage[checklist.BrexCalls.ID]
	if calls == 0 {
		t.Fatalf("the sample's coverage counts no Brex call: %v", report.Coverage)
	}
	for _, id := range brexItems {
		it := itemResult(t, report, id)
		want := []checklist.Examined{{Subject: checklist.BrexCalls.ID, Count: calls, Text: checklist.BrexCalls.Count(calls)}}
		if diff := cmp.Diff(want, it.Examined); diff != "" {
			t.Errorf("%s examined (-want +got):\n%s", id, diff)
		}
	}
	if len(report.Warnings) != 0 {
		t.Errorf("the sample, whose Brex calls are recognised, has warnings: %+v", report.Warnings)
	}

	none := writeModule(t, map[string]string{
		"go.mod":  "module example.com/shop\n\ngo 1.26\n",
		"main.go": "package main\n\nimport \"net/http\"\n\nfunc main() { http.Get(\"https://api.stripe.com/v1/charges\") }\n",
	})
	r := run(t, none, brexlint, "checklist", "-format", "json")
	report = checklistReport(t, r)
	for _, id := range brexItems {
		if it := itemResult(t, report, id); it.Status != checklist.NotApplicable {
			t.Errorf("%s: %s, want n/a in a module without Brex code", id, it.Status)
		}
	}
	if it := itemResult(t, report, "secrets"); it.Status != checklist.Pass {
		t.Errorf("secrets: %s, want pass (the Go file was examined)", it.Status)
	}
	if r.code != 0 || len(report.Warnings) != 0 {
		t.Errorf("module without Brex: exit %d, warnings %+v; want 0 and none", r.code, report.Warnings)
	}
}

// TestChecklistFixtures: test fixtures of every kind stay out of the
// secrets item (unless -tests), while a committed .env, even in testdata,
// and a token in config.yaml fail it.
func TestChecklistFixtures(t *testing.T) {
	github := "ghp_" + "Zq8Lm2Xw5Rt7Yp3Nk6Vb9Hc4Jd1Fg0Sa2Qe"
	dir := writeModule(t, map[string]string{
		"go.mod":  "module example.com/fixtures\n\ngo 1.26\n",
		"main.go": "package main\n\nfunc main() {}\n",
		// A UUID named token in a golden file.
		"server/testdata/replies/create.golden": `{"token": "3f2b8c1e-9a4d-4e7f-b6c5-1d2e3f4a5b6c", "status": "ok"}` + "\n",
		"tests/test_client.py":                  "GITHUB_TOKEN = '" + github + "'\n",
		"web/__tests__/api.spec.js":             "const key = '" + plantedAWS + "';\n",
		"fixtures/users.json":                   `{"api_key": "Hq7Wm2Xc9Vb4Nz6Lk1Pj3Rt8Ys5Ud0Fg"}` + "\n",
		// A provider rule on a word of an error message.
		"docs/errors.md": "- `linkedin: initializeUpload response missing upload URL`: retry later\n",
		// Real problems.
		"server/testdata/.env": "BREX_API_TOKEN=" + plantedToken + "\n",
		"config.yaml":          "brex:\n  token: " + plantedToken + "\n",
	})
	git(t, dir, "init", "-q")
	git(t, dir, "add", ".")

	report := checklistReport(t, run(t, dir, brexlint, "checklist", "-format", "json"))
	status, got := itemFindings(t, report, "secrets")
	want := []finding{
		{"hardcodedsecret", "config.yaml", 2},
		{"hardcodedsecret", "server/testdata/.env", 1},
	}
	if diff := cmp.Diff(want, got); diff != "" || status != checklist.Fail {
		t.Errorf("secrets: %s, findings (-want +got):\n%s", status, diff)
	}

	report = checklistReport(t, run(t, dir, brexlint, "checklist", "-format", "json", "-tests"))
	_, got = itemFindings(t, report, "secrets")
	for _, f := range []string{"tests/test_client.py", "web/__tests__/api.spec.js", "fixtures/users.json"} {
		if !slices.ContainsFunc(got, func(g finding) bool { return g.File == f }) {
			t.Errorf("-tests: no finding in %s: %v", f, got)
		}
	}
	for _, f := range []string{"server/testdata/replies/create.golden", "docs/errors.md"} {
		if slices.ContainsFunc(got, func(g finding) bool { return g.File == f }) {
			t.Errorf("-tests: a finding in %s, which holds no secret: %v", f, got)
		}
	}

	secrets := run(t, dir, brexlint, "secrets")
	for _, f := range []string{"tests/test_client.py", "create.golden", "api.spec.js", "users.json", "errors.md"} {
		if strings.Contains(secrets.stderr, f) {
			t.Errorf("brexlint secrets reports the fixture or prose %s:\n%s", f, withheldIfLeaking(t, secrets.stderr, github))
		}
	}
}
