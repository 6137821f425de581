package main_test

// End-to-end tests of the CI gate: brexlint checklist in every format, with
// SARIF validated against the official schema, and baselines.

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/brexlint/brexlint/checklist"
	"github.com/brexlint/brexlint/internal/sariftest"
	"github.com/brexlint/brexlint/internal/snippets"
)

// copyTree copies the regular files below src into a new temporary
// directory and returns it.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// editFile rewrites a file of dir with edit.
func editFile(t *testing.T, dir, name string, edit func(string) string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := edit(string(data))
	if out == string(data) {
		t.Fatalf("editing %s changed nothing", name)
	}
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
}

// sampleToken is the user token planted in the sample: no output of the
// gate may hold it.
func sampleToken(t *testing.T) string {
	data, err := os.ReadFile(filepath.Join(sampleDir(t), "brex", "client.go"))
	if err != nil {
		t.Fatal(err)
	}
	tok := regexp.MustCompile(`bxt_[A-Za-z0-9]{36}`).Find(data)
	if tok == nil {
		t.Fatal("the sample's planted token is gone from brex/client.go")
	}
	return string(tok)
}

// wantExit is the gate's exit status for planted problems.
func wantExit(planted []finding) int {
	if len(planted) > 0 {
		return 3
	}
	return 0
}

// repoPrefix is dir relative to the root of its git work tree ("" at the
// root, or outside git), as SARIF locations are.
func repoPrefix(t *testing.T, dir string) string {
	out, err := exec.Command("git", "-C", dir, "rev-parse", "--show-prefix").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Version string
				Rules   []struct{ ID string }
			}
		}
		Results []struct {
			RuleID    string
			Level     string
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string }
					Region           struct{ StartLine int }
				}
			}
			PartialFingerprints map[string]string
			Message             struct{ Text string }
			RelatedLocations    []struct{ Message struct{ Text string } }
		}
	}
}

// sarifFindings reads the findings of a SARIF log, with URIs made relative
// to the sample again.
func sarifFindings(t *testing.T, data []byte, prefix string) []finding {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("SARIF: %v", err)
	}
	var got []finding
	for _, r := range log.Runs[0].Results {
		check, _, _ := strings.Cut(r.RuleID, "/")
		loc := r.Locations[0].PhysicalLocation
		file, ok := strings.CutPrefix(loc.ArtifactLocation.URI, prefix)
		if !ok {
			t.Errorf("URI %q is not relative to the repository root (want prefix %q)", loc.ArtifactLocation.URI, prefix)
		}
		got = append(got, finding{check, file, loc.Region.StartLine})
	}
	return sortFindings(got)
}

// TestChecklistSARIF runs the gate with -format sarif on the sample: the
// log validates against the SARIF 2.1.0 schema, holds exactly the planted
// problems at repository-relative locations, names the catalogue in the
// tool version, holds no secret, and the exit status still fails the gate.
func TestChecklistSARIF(t *testing.T) {
	dir := sampleDir(t)
	want := plantedProblems(t, dir)
	r := run(t, dir, brexlint, "checklist", "-format", "sarif")
	if r.code != wantExit(want) {
		t.Errorf("exit status %d, want %d\n%s", r.code, wantExit(want), r.stderr)
	}
	out := withheldIfLeaking(t, r.stdout, sampleToken(t))
	if err := sariftest.Validate([]byte(r.stdout)); err != nil {
		t.Errorf("%v\n%s", err, out)
	}
	if diff := cmp.Diff(want, sarifFindings(t, []byte(r.stdout), repoPrefix(t, dir))); diff != "" {
		t.Errorf("SARIF findings (-planted +reported):\n%s", diff)
	}
	var log sarifLog
	json.Unmarshal([]byte(r.stdout), &log)
	if v := log.Runs[0].Tool.Driver.Version; !regexp.MustCompile(`, Brex API catalogue \d{4}-\d{2}`).MatchString(v) {
		t.Errorf("tool version %q does not name the catalogue date", v)
	}
	// A message that names two endpoints and counts the rest names
	// every one in relatedLocations.
	counted := 0
	for _, res := range log.Runs[0].Results {
		m := regexp.MustCompile(` and (\d+) more\b`).FindStringSubmatch(res.Message.Text)
		if m == nil {
			continue
		}
		counted++
		n, _ := strconv.Atoi(m[1])
		var eps []string
		for _, rl := range res.RelatedLocations {
			if ep, ok := strings.CutPrefix(rl.Message.Text, "endpoint: "); ok {
				eps = append(eps, ep)
			}
		}
		if len(eps) != n+2 {
			t.Errorf("%q: relatedLocations name %d endpoints %q, want %d", res.Message.Text, len(eps), eps, n+2)
		}
	}
	if counted == 0 {
		t.Errorf("no message on the sample counts endpoints: the related-locations check proved nothing")
	}

	// -sarif FILE writes the same log next to another format on stdout.
	sarifFile := filepath.Join(t.TempDir(), "brexlint.sarif")
	r2 := run(t, dir, brexlint, "checklist", "-format", "markdown", "-sarif", sarifFile)
	if r2.code != r.code {
		t.Errorf("-format markdown -sarif: exit %d, want %d", r2.code, r.code)
	}
	data, err := os.ReadFile(sarifFile)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(r.stdout, string(data)); diff != "" {
		t.Errorf("-sarif file differs from -format sarif (-stdout +file):\n%s", diff)
	}
}

var mdFinding = regexp.MustCompile(`^- (\S+):(\d+): (\w+): `)

// TestChecklistMarkdown checks the Markdown gate output on the sample: a
// table with one row per item of the audience, then the planted findings.
func TestChecklistMarkdown(t *testing.T) {
	dir := sampleDir(t)
	want := plantedProblems(t, dir)
	r := run(t, dir, brexlint, "checklist", "-format", "markdown")
	out := withheldIfLeaking(t, r.stdout, sampleToken(t))
	if r.code != wantExit(want) {
		t.Errorf("exit status %d, want %d\n%s", r.code, wantExit(want), r.stderr)
	}
	rows := 0
	var got []finding
	for line := range strings.SplitSeq(out, "\n") {
		if strings.HasPrefix(line, "| `") {
			rows++
		}
		if m := mdFinding.FindStringSubmatch(line); m != nil {
			got = append(got, parsePosn(t, dir, m[3], m[1]+":"+m[2]+":1"))
		}
	}
	if n := len(checklist.Items(checklist.Customer)); rows != n {
		t.Errorf("%d table rows, want one per customer item (%d):\n%s", rows, n, out)
	}
	if diff := cmp.Diff(want, sortFindings(got)); diff != "" {
		t.Errorf("Markdown findings (-planted +reported):\n%s\n%s", diff, out)
	}
}

// TestChecklistExitStatusEveryFormat: the gate fails on a failing item, and
// passes on clean code, whatever the format.
func TestChecklistExitStatusEveryFormat(t *testing.T) {
	clean := writeModule(t, map[string]string{
		"go.mod": "module example.com/clean\n\ngo 1.26\n",
		"a/a.go": "package a\n\n// Hello greets.\nfunc Hello() string { return \"hello\" }\n",
	})
	wantSample := wantExit(plantedProblems(t, sampleDir(t)))
	for _, format := range []string{"text", "json", "markdown", "sarif"} {
		if r := run(t, sampleDir(t), brexlint, "checklist", "-format", format); r.code != wantSample {
			t.Errorf("sample, -format %s: exit %d, want %d\n%s", format, r.code, wantSample, r.stderr)
		}
		if r := run(t, clean, brexlint, "checklist", "-format", format); r.code != 0 {
			t.Errorf("clean module, -format %s: exit %d, want 0\n%s", format, r.code, r.stderr)
		}
	}
	if r := run(t, clean, brexlint, "checklist", "-format", "html"); r.code != 1 || !strings.Contains(r.stderr, "want text, json, markdown or sarif") {
		t.Errorf("-format html: exit %d, stderr %q", r.code, r.stderr)
	}
}

func checklistReport(t *testing.T, r result) checklist.Report {
	t.Helper()
	var report checklist.Report
	if err := json.Unmarshal([]byte(r.stdout), &report); err != nil {
		t.Fatalf("checklist -format json: %v\n%s\n%s", err, r.stdout, r.stderr)
	}
	return report
}

func reportFindings(report checklist.Report) (failing, baselined []finding) {
	for _, item := range report.Items {
		for _, f := range item.Findings {
			failing = append(failing, finding{f.Check, f.File, f.Line})
		}
	}
	for _, f := range report.Unassigned {
		failing = append(failing, finding{f.Check, f.File, f.Line})
	}
	for _, f := range report.Baselined {
		baselined = append(baselined, finding{f.Check, f.File, f.Line})
	}
	return sortFindings(failing), sortFindings(baselined)
}

// shift moves the expected findings of the files named down by n lines.
func shift(fs []finding, n int, files ...string) []finding {
	var out []finding
	for _, f := range fs {
		for _, name := range files {
			if f.File == name {
				f.Line += n
			}
		}
		out = append(out, f)
	}
	return sortFindings(out)
}

// TestBaseline records the sample's findings in a baseline, then edits the
// code the ways that must not void it (a blank line above every finding, an
// unrelated function renamed) and the way that must (the enclosing function
// of a finding renamed).
func TestBaseline(t *testing.T) {
	dir := copyTree(t, sampleDir(t))
	planted := plantedProblems(t, dir)
	if len(planted) == 0 {
		t.Fatal("no planted problem in the sample for this build: nothing to baseline")
	}
	base := filepath.Join(t.TempDir(), "brexlint-baseline.json")

	r := run(t, dir, brexlint, "checklist", "-format", "json", "-write-baseline", base)
	if r.code != 0 {
		t.Fatalf("-write-baseline: exit %d, want 0 (every finding is accepted)\n%s", r.code, r.stderr)
	}
	failing, baselined := reportFindings(checklistReport(t, r))
	if len(failing) != 0 || !cmp.Equal(planted, baselined) {
		t.Fatalf("-write-baseline: failing %v, baselined %v; want none failing, the planted ones baselined", failing, baselined)
	}
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	withheldIfLeaking(t, string(data), sampleToken(t))
	if strings.Contains(string(data), `"line"`) {
		t.Errorf("the baseline records line numbers:\n%s", data)
	}
	recorded, err := checklist.ReadBaseline(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range recorded.Findings {
		if strings.Contains(e.Function, "ListVendors") {
			t.Fatalf("a finding is in ListVendors, the function this test renames as unrelated: pick another")
		}
	}

	// A blank line at the top of every file of package brex moves every
	// finding there; ListVendors, where nothing is found, is renamed.
	var brexFiles []string
	entries, _ := os.ReadDir(filepath.Join(dir, "brex"))
	for _, e := range entries {
		name := "brex/" + e.Name()
		brexFiles = append(brexFiles, name)
		editFile(t, dir, name, func(s string) string { return strings.Replace(s, "package brex\n", "package brex\n\n", 1) })
	}
	rename := func(from, to string) {
		re := regexp.MustCompile(`\b` + from + `\b`)
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(path, ".go") {
				data, _ := os.ReadFile(path)
				os.WriteFile(path, re.ReplaceAll(data, []byte(to)), 0o644)
			}
			return err
		})
	}
	rename("ListVendors", "ListPayees")
	moved := shift(planted, 1, brexFiles...)
	if r := run(t, dir, brexlint, "-test=false", "./..."); r.code == 1 {
		t.Fatalf("the edited sample does not build:\n%s", r.stderr)
	}

	r = run(t, dir, brexlint, "checklist", "-format", "json", "-baseline", base)
	if r.code != 0 {
		t.Errorf("after a blank line and an unrelated rename: exit %d, want 0\n%s", r.code, r.stderr)
	}
	failing, baselined = reportFindings(checklistReport(t, r))
	if len(failing) != 0 {
		t.Errorf("after a blank line and an unrelated rename, the baseline no longer accepts %v", failing)
	}
	if diff := cmp.Diff(moved, baselined); diff != "" {
		t.Errorf("baselined findings (-want +got): the edits did not move them as planned\n%s", diff)
	}

	// Renaming the function that holds a finding makes it a new one: the
	// key names the enclosing function.
	var victim finding
	for _, f := range moved {
		if f.File == "brex/transfers.go" {
			victim = f
		}
	}
	if victim.File == "" {
		t.Fatal("no planted problem in brex/transfers.go")
	}
	rename("CreateTransfer", "SubmitTransfer")
	r = run(t, dir, brexlint, "checklist", "-format", "json", "-baseline", base)
	failing, _ = reportFindings(checklistReport(t, r))
	if diff := cmp.Diff([]finding{victim}, failing); diff != "" {
		t.Errorf("after renaming the enclosing function, fresh findings (-want +got):\n%s", diff)
	}
	if r.code != 3 {
		t.Errorf("with a fresh finding: exit %d, want 3", r.code)
	}
	if !strings.Contains(r.stderr, "1 findings recorded in "+base+" no longer occur") {
		t.Errorf("stderr does not report the stale entry:\n%s", r.stderr)
	}

	// The same run in Markdown says what the baseline hides.
	r = run(t, dir, brexlint, "checklist", "-format", "markdown", "-baseline", base)
	if want := len(planted) - 1; !strings.Contains(r.stdout, "; "+strconv.Itoa(want)+" accepted by the baseline, not shown") {
		t.Errorf("Markdown does not count the %d baselined findings:\n%s", want, r.stdout)
	}
}

func TestBaselineErrors(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":   "module example.com/m\n\ngo 1.26\n",
		"a/a.go":   "package a\n",
		"bad.json": `{"Issues": []}`,
	})
	for _, tc := range []struct {
		file, want string
	}{
		{"missing.json", "missing.json: no such file"},
		{"bad.json", "bad.json: not a brexlint baseline"},
	} {
		r := run(t, dir, brexlint, "checklist", "-baseline", tc.file)
		if r.code != 1 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("-baseline %s: exit %d, stderr %q; want 1 and %q", tc.file, r.code, r.stderr, tc.want)
		}
	}
}

// TestREADMEGateSnippets runs the README's gate and baseline commands with
// bash on a copy of the sample, with brexlint on PATH.
func TestREADMEGateSnippets(t *testing.T) {
	sh := func(dir, snippet string, env ...string) result {
		t.Helper()
		script, err := snippets.Get(readmeFile, snippet)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("bash", "-e", "-c", script)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), append(env, "PATH="+filepath.Dir(brexlint)+string(os.PathListSeparator)+os.Getenv("PATH"))...)
		out, err := cmd.CombinedOutput()
		r := result{stdout: withheldIfLeaking(t, string(out), sampleToken(t))}
		if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
			r.code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return r
	}
	dir := copyTree(t, sampleDir(t))
	planted := plantedProblems(t, dir)

	summary := filepath.Join(t.TempDir(), "summary.md")
	os.WriteFile(summary, []byte("earlier steps' summary\n"), 0o644)
	if r := sh(dir, "ci-gate", "GITHUB_STEP_SUMMARY="+summary); r.code != wantExit(planted) {
		t.Errorf("ci-gate snippet: exit %d, want %d\n%s", r.code, wantExit(planted), r.stdout)
	}
	md, _ := os.ReadFile(summary)
	if !strings.HasPrefix(string(md), "earlier steps' summary\n## Brex launch checklist: customer integration\n") {
		t.Errorf("the step summary was not appended to with the Markdown report:\n%s", md)
	}
	data, err := os.ReadFile(filepath.Join(dir, "brexlint.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	if err := sariftest.Validate(data); err != nil {
		t.Error(err)
	}

	if r := sh(dir, "baseline"); r.code != 0 {
		t.Errorf("baseline snippet: exit %d, want 0 (the second command accepts what the first recorded)\n%s", r.code, r.stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, ".brexlint-baseline.json")); err != nil {
		t.Errorf("the baseline snippet wrote no baseline: %v", err)
	}
}
