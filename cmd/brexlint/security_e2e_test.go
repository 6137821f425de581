package main_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/brexlint/brexlint/checklist"
)

// TestLineDirectivesDoNotSteerReads puts //line directives naming files
// outside the code above findings: the process environment, an endless
// file and standard input. -c context and the checklist's code reading must
// read only the package's own files: no environment variable is printed,
// and neither run hangs or runs out of memory.
func TestLineDirectivesDoNotSteerReads(t *testing.T) {
	const canary = "CANARYvalue0123456789"
	dir := writeModule(t, map[string]string{
		"go.mod":       "module example.com/m\n\ngo 1.26\n",
		"a/environ.go": "package a\n\n//line /proc/self/environ:1\n//brexlint:ignore idempotencykey\nvar A = 1\n",
		"a/zero.go":    "package a\n\n//line /dev/zero:1\n//brexlint:ignore idempotencykey\nvar B = 1\n",
		"a/stdin.go":   "package a\n\n//line /dev/stdin:1\n//brexlint:ignore idempotencykey\nvar C = 1\n",
		// With a column, go vet -c would read the file too.
		"a/environ2.go": "package a\n\n//line /proc/self/environ:1:1\n//brexlint:ignore idempotencykey\nvar D = 1\n",
	})
	for _, args := range [][]string{{"-c", "1", "./..."}, {"checklist"}, {"checklist", "-format", "sarif"}, {"vet", "-vettool=" + brexlint, "-c=1", "./..."}} {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		tool := brexlint
		if args[0] == "vet" {
			tool = goTool()
		}
		cmd := exec.CommandContext(ctx, tool, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "BREXLINT_CANARY="+canary)
		stdin, err := cmd.StdinPipe() // never written: reading it would hang
		if err != nil {
			t.Fatal(err)
		}
		out, _ := cmd.CombinedOutput()
		stdin.Close()
		timedOut := ctx.Err() != nil
		cancel()
		if timedOut {
			t.Fatalf("brexlint %s did not finish: it read a file named by a //line directive\n%s", strings.Join(args, " "), out)
		}
		if strings.Contains(string(out), canary) {
			t.Errorf("brexlint %s printed the environment through //line /proc/self/environ:\n%s", strings.Join(args, " "), out)
		}
		if !strings.Contains(string(out), "needs a reason") {
			t.Errorf("brexlint %s: the directive findings are missing:\n%s", strings.Join(args, " "), out)
		}
	}
}

// fixSource is a file with one fixable finding (strictdecode: the fix
// removes DisallowUnknownFields) and findings that no fix removes.
const fixSource = `package app

import (
	"encoding/json"
	"net/http"
)

var   handFormatted=1

func List() error {
	resp, err := http.Get("https://api.brex.com/v1/vendors")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	dec := json.NewDecoder(resp.Body)
	dec.DisallowUnknownFields()
	var v struct{}
	return dec.Decode(&v)
}
`

// TestFixReportsWhatRemains runs -fix -diff and -fix on a module with a
// fixable finding and others: both print the findings left and exit 3
// (issue 18), -diff changes no file, and -fix applies the fix.
func TestFixReportsWhatRemains(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":     "module example.com/m\n\ngo 1.26\n",
		"app/app.go": fixSource,
	})
	r := run(t, dir, brexlint, "-fix", "-diff", "./...")
	if r.code != 3 || !strings.Contains(r.stdout, "-\tdec.DisallowUnknownFields()") || !strings.Contains(r.stderr, "ratelimit: ") {
		t.Errorf("-fix -diff: exit %d, want 3, a diff on stdout and the findings left on stderr\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if strings.Contains(r.stderr, "strictdecode: ") {
		t.Errorf("-fix -diff reports the finding its diff fixes:\n%s", r.stderr)
	}
	if data, _ := os.ReadFile(dir + "/app/app.go"); string(data) != fixSource {
		t.Errorf("-fix -diff changed the file")
	}
	r = run(t, dir, brexlint, "-fix", "./...")
	if r.code != 3 || !strings.Contains(r.stderr, "ratelimit: ") || strings.Contains(r.stderr, "strictdecode: ") {
		t.Errorf("-fix: exit %d, want 3 and the findings left\n%s", r.code, r.stderr)
	}
	want := strings.Replace(fixSource, "\tdec.DisallowUnknownFields()\n", "", 1)
	if data, _ := os.ReadFile(dir + "/app/app.go"); string(data) != want {
		t.Errorf("-fix wrote:\n%s\nwant:\n%s", data, want)
	}
}

// TestFixChangesOnlyFixedLines fixes a file with CRLF line endings, a byte
// order mark and a hand-formatted line: the fix removes its line, and
// every other byte stays (issue 16, defect 7: the whole file was
// re-gofmt'ed).
func TestFixChangesOnlyFixedLines(t *testing.T) {
	src := "\ufeff" + strings.ReplaceAll(fixSource, "\n", "\r\n")
	dir := writeModule(t, map[string]string{
		"go.mod":     "module example.com/m\n\ngo 1.26\n",
		"app/app.go": src,
	})
	r := run(t, dir, brexlint, "-fix", "./...")
	if r.code != 3 {
		t.Errorf("-fix: exit %d, want 3\n%s", r.code, r.stderr)
	}
	want := strings.Replace(src, "\tdec.DisallowUnknownFields()\r\n", "", 1)
	data, err := os.ReadFile(dir + "/app/app.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != want {
		t.Errorf("-fix wrote %q\nwant %q", data, want)
	}
	entries, _ := os.ReadDir(dir + "/app")
	if len(entries) != 1 {
		t.Errorf("-fix left %d files in the package directory, want 1 (no temporary file)", len(entries))
	}
}

// TestSecretsUnreadableEntries: symbolic links that lead nowhere or to
// themselves do not stop the non-Go scan (they are not followed: git
// commits the link, not its target), and when git refuses the repository
// (a corrupt index here; "dubious ownership" in CI containers) brexlint
// secrets says what git said and exits 1, and the checklist does not pass
// its secrets item.
func TestSecretsUnreadableEntries(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":      "module example.com/m\n\ngo 1.26\n",
		"a.go":        "package m\n",
		"config.yaml": "webhook_secret: " + plantedHook + "\n",
	})
	for _, l := range [][2]string{{"nowhere", "dangling"}, {"loop", "loop"}} {
		if err := os.Symlink(l[0], filepath.Join(dir, l[1])); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}} {
		if out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	r := run(t, dir, brexlint, "secrets")
	if r.code != 3 || !strings.Contains(r.stderr, "config.yaml:1:17: hardcodedsecret") {
		t.Errorf("secrets with dangling and looping links: exit %d, want 3 and the secret of config.yaml\n%s", r.code, r.stderr)
	}

	if err := os.WriteFile(filepath.Join(dir, ".git", "index"), []byte("DIRC garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, dir, brexlint, "secrets")
	if r.code != 1 || !strings.Contains(r.stderr, "git ls-files") || !strings.Contains(r.stderr, "fatal: ") {
		t.Errorf("secrets when git refuses the repository: exit %d, want 1 and git's message\n%s", r.code, r.stderr)
	}
	r = run(t, dir, brexlint, "checklist")
	if r.code == 0 || regexp.MustCompile(`(?m)^pass\s+secrets `).MatchString(r.stdout) || !strings.Contains(r.stdout, "could not be scanned") {
		t.Errorf("checklist when git refuses the repository: exit %d; the secrets item must not pass\n%s\n%s", r.code, r.stdout, r.stderr)
	}

	// A file is not a directory to scan below.
	r = run(t, dir, brexlint, "secrets", "config.yaml")
	if r.code != 1 || !strings.Contains(r.stderr, "config.yaml is not a directory") {
		t.Errorf("secrets FILE: exit %d, want 1 and a clear error\n%s", r.code, r.stderr)
	}
}

// TestSecretsStagedWritesNoCopies runs secrets -staged with a temporary
// directory that cannot be written: staged blobs are scanned in memory,
// never copied to disk, where an interrupted run left them in plaintext.
func TestSecretsStagedWritesNoCopies(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":      "module example.com/m\n\ngo 1.26\n",
		"config.yaml": "webhook_secret: " + plantedHook + "\n",
	})
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}} {
		if out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	cmd := exec.Command(brexlint, "secrets", "-staged")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TMPDIR="+filepath.Join(dir, "no", "such", "dir"))
	out, err := cmd.CombinedOutput()
	if ee := (*exec.ExitError)(nil); !errors.As(err, &ee) || ee.ExitCode() != 3 || !strings.Contains(string(out), "config.yaml:1:17") {
		t.Errorf("secrets -staged without a writable TMPDIR: %v, want exit 3 and the staged secret\n%s", err, out)
	}
}

// TestProfileThatCannotBeWritten: a -memprofile path that cannot be
// created is an error (exit 1), not a message after a run that exits 0.
func TestProfileThatCannotBeWritten(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.26\n",
		"a.go":   "package m\n",
	})
	r := run(t, dir, brexlint, "-memprofile", filepath.Join(dir, "no", "such", "dir", "mem.out"), "./...")
	if r.code != 1 || !strings.Contains(r.stderr, "mem.out") {
		t.Errorf("-memprofile into a missing directory: exit %d, want 1 and an error naming the file\n%s", r.code, r.stderr)
	}
}

// TestChecklistWorkspacePaths runs the checklist in a go.work workspace
// of two modules: file names are relative to the workspace, so SARIF
// points at mb/b.go (not ma/b.go) and baseline keys keep the module.
func TestChecklistWorkspacePaths(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.work":   "go 1.26\n\nuse (\n\t./ma\n\t./mb\n)\n",
		"ma/go.mod": "module example.com/ma\n\ngo 1.26\n",
		"ma/a.go":   "package a\n\n//brexlint:ignore idempotencykey\nvar A = 1\n",
		"mb/go.mod": "module example.com/mb\n\ngo 1.26\n",
		"mb/b.go":   "package b\n\n//brexlint:ignore idempotencykey\nvar B = 1\n",
	})
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	r := run(t, dir, brexlint, "checklist", "-format", "sarif", "./ma/...", "./mb/...")
	run(t, dir, brexlint, "checklist", "-write-baseline", baseline, "./ma/...", "./mb/...")
	data, err := os.ReadFile(baseline)
	if err != nil {
		t.Fatalf("no baseline written: %v\n%s", err, r.stderr)
	}
	for name, out := range map[string]string{"SARIF": r.stdout, "baseline": string(data)} {
		if !strings.Contains(out, `"mb/b.go"`) || !strings.Contains(out, `"ma/a.go"`) || strings.Contains(out, `"ma/b.go"`) {
			t.Errorf("%s: want the files ma/a.go and mb/b.go, relative to the workspace:\n%s", name, out)
		}
	}
}

// TestCgoPackageIsChecked: a cgo file missing its Idempotency-Key is
// reported at its own position, as its pure-Go copy is. The checker
// analyzes cgo's translation of the file, which says "Code generated by
// cmd/cgo" and was dropped as generated code (issue 16, defect 10).
func TestCgoPackageIsChecked(t *testing.T) {
	const src = `import (
	"net/http"
	"strings"
)

func Transfer() (*http.Response, error) {
	req, err := http.NewRequest("POST", "https://api.brex.com/v1/transfers", strings.NewReader("{}"))
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}
`
	dir := writeModule(t, map[string]string{
		"go.mod":    "module example.com/c\n\ngo 1.26\n",
		"c/c.go":    "package c\n\n// #include <stdlib.h>\nimport \"C\"\n\n" + src,
		"pure/p.go": "package pure\n\n\n\n\n" + src,
	})
	cmd := exec.Command(brexlint, "-c", "0", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
	out, _ := cmd.CombinedOutput()
	for _, want := range []string{"c/c.go:12:14: idempotencykey: ", "pure/p.go:12:14: idempotencykey: ", "12\t\treq, err := http.NewRequest(\"POST\""} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestBaselineHashesNoSecret writes a baseline for a module whose
// brexendpoint finding is on a line holding a token: the entry's hash is
// that of the line with the token masked, never of the token's line as
// written (issue 16, defect 4).
func TestBaselineHashesNoSecret(t *testing.T) {
	line := `	return http.Get("https://api.brex.com/v2/transfers/` + plantedGitHub + `")`
	dir := writeModule(t, map[string]string{
		"go.mod":   "module example.com/m\n\ngo 1.26\n",
		"app/a.go": "package app\n\nimport \"net/http\"\n\nfunc List() (*http.Response, error) {\n" + line + "\n}\n",
	})
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	r := run(t, dir, brexlint, "checklist", "-write-baseline", baseline)
	f, err := os.Open(baseline)
	if err != nil {
		t.Fatalf("no baseline: %v\n%s", err, r.stderr)
	}
	defer f.Close()
	b, err := checklist.ReadBaseline(f)
	if err != nil {
		t.Fatal(err)
	}
	masked := strings.Replace(line, plantedGitHub, plantedGitHub[:4]+strings.Repeat("*", len(plantedGitHub)-4), 1)
	var found bool
	for _, e := range b.Findings {
		if e.Check != "brexendpoint" {
			continue
		}
		found = true
		want := checklist.Finding{Check: e.Check, Category: e.Category, File: e.File, Function: e.Function, Code: masked}.Key()
		raw := checklist.Finding{Check: e.Check, Category: e.Category, File: e.File, Function: e.Function, Code: line}.Key()
		if e.Hash != want.Hash || e.Hash == raw.Hash {
			t.Errorf("brexendpoint entry hash %s; want %s, the hash of the masked line (the raw line's is %s)", e.Hash, want.Hash, raw.Hash)
		}
	}
	if !found {
		t.Fatalf("no brexendpoint entry in the baseline:\n%+v", b)
	}
}
