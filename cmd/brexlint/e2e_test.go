package main_test

// End-to-end tests: build the brexlint binary once and run it the ways users
// do, standalone, under go vet -vettool, and as the checklist report, on the
// sample integration in testdata/sample.
//
// What the sample must produce is written in the sample itself: each planted
// problem has a "// launch problem: CHECK: why" comment, and the finding is
// expected on the first line of code after that comment. Problems of checks
// that do not exist yet are not expected, so the expectations grow with
// analyzers.All() and cannot drift from the sample.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/analyzers"
	"github.com/brexlint/brexlint/checklist"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/sampletest"
	"github.com/google/go-cmp/cmp"
)

var brexlint string // path of the binary under test

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "brexlint-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	brexlint = filepath.Join(dir, "brexlint")
	// The runs of the tests share a run cache of their own, not the
	// user's (TestRunCache tests the cache itself).
	os.Setenv("BREXLINT_CACHE", filepath.Join(dir, "cache"))
	out, err := exec.Command(goTool(), "build", "-o", brexlint, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building brexlint: %v\n%s", err, out)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func goTool() string { return filepath.Join(runtime.GOROOT(), "bin", "go") }

func sampleDir(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata/sample")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// finding is what the end-to-end tests compare: which check spoke where.
type finding struct {
	Check string
	File  string // relative to the sample module, slash-separated
	Line  int
}

func sortFindings(fs []finding) []finding {
	slices.SortFunc(fs, func(a, b finding) int {
		return strings.Compare(fmt.Sprintf("%s:%05d:%s", a.File, a.Line, a.Check), fmt.Sprintf("%s:%05d:%s", b.File, b.Line, b.Check))
	})
	return slices.Compact(fs)
}

// plantedProblems reads the expected findings from the sample's markers,
// for the checks of this build.
func plantedProblems(t *testing.T, dir string) []finding {
	enabled := map[string]bool{}
	for _, a := range analyzers.All() {
		enabled[a.Name] = true
	}
	planted, err := sampletest.Planted(dir, func(c string) bool { return enabled[c] })
	if err != nil {
		t.Fatal(err)
	}
	var want []finding
	for _, p := range planted {
		want = append(want, finding(p))
	}
	return sortFindings(want)
}

type result struct {
	stdout, stderr string
	code           int
}

func run(t *testing.T, dir string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return result{stdout.String(), stderr.String(), code}
}

// vetJSON is the shape go vet -json prints: package ID → analyzer → result.
type vetJSON map[string]map[string]json.RawMessage

type vetDiagnostic struct {
	Posn     string `json:"posn"`
	Message  string `json:"message"`
	Category string `json:"category"`
}

func parseVetJSON(t *testing.T, dir, out string) []finding {
	t.Helper()
	var got []finding
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var tree vetJSON
		if err := dec.Decode(&tree); err != nil {
			t.Fatalf("output is not go vet JSON: %v\n%s", err, out)
		}
		for pkg, byCheck := range tree {
			for check, raw := range byCheck {
				var diags []vetDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Fatalf("%s/%s: want a list of diagnostics, got %s", pkg, check, raw)
				}
				for _, d := range diags {
					got = append(got, parsePosn(t, dir, check, d.Posn))
					if !strings.HasPrefix(d.Message, check+": ") {
						t.Errorf("message %q does not start with the check name", d.Message)
					}
				}
			}
		}
	}
	return sortFindings(got)
}

func parsePosn(t *testing.T, dir, check, posn string) finding {
	t.Helper()
	parts := strings.Split(posn, ":")
	if len(parts) < 2 {
		t.Fatalf("bad position %q", posn)
	}
	file := parts[0]
	if filepath.IsAbs(file) {
		file, _ = filepath.Rel(dir, file)
	}
	var line int
	fmt.Sscan(parts[1], &line)
	return finding{check, filepath.ToSlash(file), line}
}

func TestStandaloneJSON(t *testing.T) {
	dir := sampleDir(t)
	r := run(t, dir, brexlint, "-json", "./...")
	if r.code != 0 {
		t.Fatalf("brexlint -json exited %d, want 0 (x/tools drivers exit 0 with -json)\n%s", r.code, r.stderr)
	}
	got := parseVetJSON(t, dir, r.stdout)
	if diff := cmp.Diff(plantedProblems(t, dir), got); diff != "" {
		t.Errorf("findings on the sample (-planted +reported):\n%s", diff)
	}
}

func TestStandaloneText(t *testing.T) {
	dir := sampleDir(t)
	want := plantedProblems(t, dir)
	r := run(t, dir, brexlint, "./...")
	wantCode := 0
	if len(want) > 0 {
		wantCode = 3
	}
	if r.code != wantCode {
		t.Errorf("exit status %d, want %d\n%s", r.code, wantCode, r.stderr)
	}
	if diff := cmp.Diff(want, parseTextFindings(t, dir, r.stderr)); diff != "" {
		t.Errorf("findings on the sample (-planted +reported):\n%s", diff)
	}
}

var textFinding = regexp.MustCompile(`^(\S+?:\d+(?::\d+)?): (\w+): `)

// parseTextFindings reads "file:line:col: check: message" lines, the format
// of brexlint and go vet alike (under go vet, "file:line" in a file that
// holds a secret: see vetMain).
func parseTextFindings(t *testing.T, dir, out string) []finding {
	t.Helper()
	var got []finding
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		if m := textFinding.FindStringSubmatch(sc.Text()); m != nil {
			got = append(got, parsePosn(t, dir, m[2], m[1]))
		}
	}
	return sortFindings(got)
}

func TestGoVetVettool(t *testing.T) {
	dir := sampleDir(t)
	want := plantedProblems(t, dir)
	r := run(t, dir, goTool(), "vet", "-vettool="+brexlint, "./...")
	if len(want) == 0 && r.code != 0 || len(want) > 0 && r.code == 0 {
		t.Errorf("go vet exited %d with %d expected findings\n%s", r.code, len(want), r.stderr)
	}
	if diff := cmp.Diff(want, parseTextFindings(t, dir, r.stderr)); diff != "" {
		t.Errorf("go vet -vettool findings (-planted +reported):\n%s\n%s", diff, r.stderr)
	}
	// go vet -json uses the same shape as brexlint -json.
	r = run(t, dir, goTool(), "vet", "-json", "-vettool="+brexlint, "./...")
	var jsonOut strings.Builder
	// go vet relays the tool's JSON on stdout or stderr depending on
	// its version: read both.
	for line := range strings.SplitSeq(r.stdout+r.stderr, "\n") {
		if !strings.HasPrefix(line, "# ") {
			jsonOut.WriteString(line + "\n")
		}
	}
	if diff := cmp.Diff(want, parseVetJSON(t, dir, jsonOut.String())); diff != "" {
		t.Errorf("go vet -json -vettool findings (-planted +reported):\n%s", diff)
	}
}

func TestChecklistJSON(t *testing.T) {
	dir := sampleDir(t)
	want := plantedProblems(t, dir)
	r := run(t, dir, brexlint, "checklist", "-format", "json")
	var report checklist.Report
	if err := json.Unmarshal([]byte(r.stdout), &report); err != nil {
		t.Fatalf("checklist -format json: %v\n%s\n%s", err, r.stdout, r.stderr)
	}
	wantCode := 0
	if report.Failed() {
		wantCode = 3
	}
	if r.code != wantCode {
		t.Errorf("exit status %d, want %d (failed=%v)\n%s", r.code, wantCode, report.Failed(), r.stderr)
	}
	if report.Module != "example.com/brexpayouts" || report.CatalogDate == "" || report.Audience != checklist.Customer {
		t.Errorf("report header: module %q, catalogue %q, audience %q", report.Module, report.CatalogDate, report.Audience)
	}
	var got []finding
	failing := map[string]bool{}
	for _, item := range report.Items {
		for _, f := range item.Findings {
			got = append(got, finding{f.Check, f.File, f.Line})
			// Every finding, the checklist's own ones (non-Go secrets,
			// .env files, scopes across packages) included, takes the
			// form of the analyzers' messages.
			if !checks.MessageForm.MatchString(f.Message) {
				t.Errorf("%s:%d: message is not \"CHECK: WHAT, so WHY; FIX\": %s", f.File, f.Line, f.Message)
			}
		}
		if item.Status == checklist.Fail {
			failing[item.Item.ID] = true
		}
		if len(item.Findings) > 0 != (item.Status == checklist.Fail) {
			t.Errorf("item %s: status %s with %d findings", item.Item.ID, item.Status, len(item.Findings))
		}
	}
	for _, f := range report.Unassigned {
		got = append(got, finding{f.Check, f.File, f.Line})
	}
	if diff := cmp.Diff(want, sortFindings(got)); diff != "" {
		t.Errorf("checklist findings (-planted +reported):\n%s", diff)
	}
}

func TestVersionFull(t *testing.T) {
	r := run(t, ".", brexlint, "-V=full")
	// go vet parses this line to key its cache: "NAME version devel ... buildID=HASH".
	re := regexp.MustCompile(`^brexlint version devel .* catalogue=\d{4}-\d{2}(-\d{2})? buildID=[0-9a-f]{64}\n$`)
	if r.code != 0 || !re.MatchString(r.stdout) {
		t.Errorf("-V=full printed %q (exit %d), want a line matching %s", r.stdout, r.code, re)
	}
}

// writeModule lays out a throwaway module for a test.
func writeModule(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestJSONExitStatus checks -json's exit status against go vet -json's,
// which x/tools' checker shares: findings leave it 0, and a package that
// does not type-check makes it 1 (its errors are on stderr; the JSON only
// says that the checks needing types were skipped), while the JSON still
// holds the findings of the packages that build.
func TestJSONExitStatus(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":       "module example.com/m\n\ngo 1.26\n",
		"broken/b.go":  "package broken\n\nvar X int = undefinedName\n",
		"good/good.go": "package good\n\n//brexlint:ignore idempotencykey\nvar Y = 1\n",
	})
	for _, tc := range []struct {
		pattern string
		want    int
	}{
		{"./good", 0},
		{"./...", 1},
	} {
		r := run(t, dir, brexlint, "-json", tc.pattern)
		if r.code != tc.want {
			t.Errorf("brexlint -json %s exited %d, want %d\n%s", tc.pattern, r.code, tc.want, r.stderr)
		}
		vet := run(t, dir, goTool(), "vet", "-json", "-vettool="+brexlint, tc.pattern)
		if (vet.code == 0) != (r.code == 0) {
			t.Errorf("go vet -json %s exited %d and brexlint -json %d: x/tools drivers and go vet agree\n%s", tc.pattern, vet.code, r.code, vet.stderr)
		}
		var tree map[string]map[string]json.RawMessage
		if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
			t.Fatalf("brexlint -json %s: stdout is not go vet JSON: %v\n%s", tc.pattern, err, r.stdout)
		}
		var diags []vetDiagnostic
		if err := json.Unmarshal(tree["example.com/m/good"]["directive"], &diags); err != nil || len(diags) != 1 || !strings.Contains(diags[0].Message, "needs a reason") {
			t.Errorf("brexlint -json %s: want the good package's directive finding, got %s (%v)", tc.pattern, tree["example.com/m/good"]["directive"], err)
		}
		if tc.pattern == "./..." && !strings.Contains(r.stderr, "undefined: undefinedName") {
			t.Errorf("brexlint -json %s: stderr does not give the type error:\n%s", tc.pattern, r.stderr)
		}
	}
}

func TestBrokenPackageIsNamedAndOthersAnalyzed(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":       "module example.com/m\n\ngo 1.26\n",
		"broken/b.go":  "package broken\n\nvar X int = undefinedName\n",
		"good/good.go": "package good\n\n//brexlint:ignore idempotencykey\nvar Y = 1\n",
	})
	r := run(t, dir, brexlint, "./...")
	if r.code != 1 {
		t.Errorf("exit status %d, want 1 for a package with type errors", r.code)
	}
	if !strings.Contains(r.stderr, "package example.com/m/broken has errors") || !strings.Contains(r.stderr, "undefined: undefinedName") {
		t.Errorf("stderr does not name the broken package and its error:\n%s", r.stderr)
	}
	if !strings.Contains(r.stderr, "good/good.go:3:1: directive: //brexlint:ignore idempotencykey needs a reason") {
		t.Errorf("the package that builds was not analyzed:\n%s", r.stderr)
	}
}

func TestPatternMatchingNothing(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.26\n",
		"a/a.go": "package a\n",
	})
	for _, args := range [][]string{{"./nothing/..."}, {"./a", "./nothing/..."}, {"checklist", "./nothing/..."}} {
		r := run(t, dir, brexlint, args...)
		if r.code != 1 || !strings.Contains(r.stderr, "./nothing/... matched no packages") {
			t.Errorf("brexlint %s: exit %d, stderr %q; want exit 1 and a clear error", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	// In module example.com/m1, example.com/m/... is another module's
	// pattern, not a prefix of example.com/m1 (issue 16, defect 8).
	dir1 := writeModule(t, map[string]string{
		"go.mod": "module example.com/m1\n\ngo 1.26\n",
		"a/a.go": "package a\n",
	})
	for _, args := range [][]string{{"./...", "example.com/m/..."}, {"checklist", "./...", "example.com/m/..."}} {
		r := run(t, dir1, brexlint, args...)
		if r.code != 1 || !strings.Contains(r.stderr, "example.com/m/... matched no packages") {
			t.Errorf("brexlint %s: exit %d, stderr %q; want exit 1 and a clear error", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	// Flags go before the packages.
	for _, args := range [][]string{{"./...", "-json"}, {"checklist", "./...", "-format", "json"}} {
		r := run(t, dir1, brexlint, args...)
		if r.code != 1 || !strings.Contains(r.stderr, "flags go before the packages") || strings.Contains(r.stderr, "has errors") {
			t.Errorf("brexlint %s: exit %d, stderr %q; want exit 1 and flags go first", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	// Outside any module, say so.
	r := run(t, t.TempDir(), brexlint, "./...")
	if r.code != 1 || !strings.Contains(r.stderr, "no go.mod") {
		t.Errorf("brexlint ./... outside a module: exit %d, stderr %q; want exit 1 and no go.mod named", r.code, r.stderr)
	}
}

func TestDisableCheck(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.26\n",
		"a/a.go": "package a\n\n//brexlint:ignroe\nvar X = 1\n",
	})
	if r := run(t, dir, brexlint, "./..."); r.code != 3 || !strings.Contains(r.stderr, "unknown directive") {
		t.Fatalf("with every check: exit %d, stderr %q; want the directive finding", r.code, r.stderr)
	}
	if r := run(t, dir, brexlint, "-directive=false", "./..."); r.code != 0 || r.stderr != "" {
		t.Errorf("with -directive=false: exit %d, stderr %q; want silence", r.code, r.stderr)
	}
}

// A suppression that silences nothing is reported by the check it names,
// and only when that check runs: disabling the check must not turn its
// suppressions into findings.
func TestUnusedSuppressionOnlyWhenItsCheckRuns(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.26\n",
		"a/a.go": "package a\n\n//brexlint:ignore hardcodedsecret the value below used to be a key\nvar X = 1\n",
	})
	r := run(t, dir, brexlint, "./...")
	if r.code != 3 || !strings.Contains(r.stderr, "a/a.go:3:1: hardcodedsecret: this //brexlint:ignore directive silences no hardcodedsecret finding") {
		t.Errorf("with every check: exit %d, stderr %q; want the unused-directive finding", r.code, r.stderr)
	}
	if r := run(t, dir, brexlint, "-hardcodedsecret=false", "./..."); r.code != 0 || r.stderr != "" {
		t.Errorf("with -hardcodedsecret=false: exit %d, stderr %q; want silence", r.code, r.stderr)
	}
}

// TestChecklistAudienceAuto checks that the default audience is chosen from
// the code: a module that sends users to Brex's authorization page gets the
// partner checklist, the sample (a user-token integration) the customer one.
func TestChecklistAudienceAuto(t *testing.T) {
	partner := writeModule(t, map[string]string{
		"go.mod": "module example.com/partner\n\ngo 1.26\n",
		"login/login.go": `package login

import (
	"crypto/rand"
	"net/http"
	"net/url"
	"os"
)

const authorize = "https://accounts-api.brex.com/oauth2/default/v1/authorize"

// Login sends the user to Brex to grant access.
func Login(w http.ResponseWriter, r *http.Request) {
	state := rand.Text()
	http.SetCookie(w, &http.Cookie{Name: "state", Value: state, HttpOnly: true, Secure: true})
	q := url.Values{"client_id": {os.Getenv("BREX_CLIENT_ID")}, "response_type": {"code"}, "state": {state}}
	http.Redirect(w, r, authorize+"?"+q.Encode(), http.StatusFound)
}
`,
	})
	for _, tc := range []struct {
		dir  string
		args []string
		want checklist.Audience
	}{
		{partner, nil, checklist.Partner},
		{partner, []string{"-audience", "auto"}, checklist.Partner},
		{partner, []string{"-audience", "customer"}, checklist.Customer},
		{sampleDir(t), nil, checklist.Customer},
		// The model decides even when no OAuth check runs.
		{partner, []string{"-oauthstate=false", "-oauthcallback=false", "-oauthlib=false", "-embeddedwebview=false"}, checklist.Partner},
	} {
		args := append([]string{"checklist", "-format", "json"}, tc.args...)
		r := run(t, tc.dir, brexlint, args...)
		var report checklist.Report
		if err := json.Unmarshal([]byte(r.stdout), &report); err != nil {
			t.Fatalf("%v: %v\n%s\n%s", args, err, r.stdout, r.stderr)
		}
		if report.Audience != tc.want {
			t.Errorf("%s %v: audience %q, want %q", filepath.Base(tc.dir), args, report.Audience, tc.want)
		}
	}
	if r := run(t, partner, brexlint, "checklist", "-audience", "vendors"); r.code != 1 || !strings.Contains(r.stderr, `unknown audience "vendors"`) {
		t.Errorf("-audience vendors: exit %d, stderr %q; want 1 and a clear error", r.code, r.stderr)
	}
}
