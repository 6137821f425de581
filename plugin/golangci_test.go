package plugin_test

// End-to-end tests of the golangci-lint module plugin: build golangci-lint
// v2 with brexlint compiled in, from the Go module proxy alone (the nested
// module plugin/gcl), and run it the way users do, with the .golangci.yml
// of the README, on the sample integration.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/mod/modfile"
	"gopkg.in/yaml.v3"

	"github.com/brexlint/brexlint/analyzers"
	"github.com/brexlint/brexlint/internal/sampletest"
	"github.com/brexlint/brexlint/internal/snippets"
)

const readme = "../README.md"

var buildDir string // holds the custom golangci-lint binary

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "brexlint-gcl")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	buildDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var gcl = struct {
	once sync.Once
	path string
	err  error
}{}

// customGCL builds golangci-lint with the brexlint plugin from the nested
// module in plugin/gcl, exactly as users without GitHub access do
// (`go build` there), once per test binary. It fails when the plugin no
// longer compiles inside golangci-lint (a dependency conflict, an API
// change) or when plugin/gcl/go.sum is stale (run `go mod tidy` in
// plugin/gcl).
//
// A cold build (empty module and build caches) takes about 6 minutes on 2
// cores; a warm one, seconds.
func customGCL(t *testing.T) string {
	t.Helper()
	gcl.once.Do(func() {
		ctx := context.Background()
		if deadline, ok := t.Deadline(); ok {
			var cancel context.CancelFunc
			ctx, cancel = context.WithDeadline(ctx, deadline.Add(-30*time.Second))
			defer cancel()
		}
		moduleDir, err := filepath.Abs("gcl")
		if err != nil {
			gcl.err = err
			return
		}
		path := filepath.Join(buildDir, "custom-gcl")
		start := time.Now()
		build := exec.CommandContext(ctx, filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", path, ".")
		build.Dir = moduleDir
		if out, err := build.CombinedOutput(); err != nil {
			if ctx.Err() != nil {
				gcl.err = fmt.Errorf("go build in %s did not finish before the test deadline (a cold build takes minutes: use go test -timeout 20m): %v\n%s", moduleDir, err, out)
			} else {
				gcl.err = fmt.Errorf("go build in %s: %v\n%s", moduleDir, err, out)
			}
			return
		}
		gcl.path = path
		fmt.Fprintf(os.Stderr, "built golangci-lint with brexlint in %v\n", time.Since(start).Round(time.Millisecond))
	})
	if gcl.err != nil {
		t.Fatal(gcl.err)
	}
	return gcl.path
}

type gclResult struct {
	issues []issue
	stderr string
	code   int
}

// issue is the part of golangci-lint's JSON issue that the tests compare.
type issue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename string
		Line     int
	}
}

// runGCL runs the custom golangci-lint in dir with JSON output to a file,
// with a cache of its own.
func runGCL(t *testing.T, dir string, args ...string) gclResult {
	t.Helper()
	out := filepath.Join(t.TempDir(), "issues.json")
	args = append(args[:1:1], append([]string{"--output.json.path=" + out, "--output.text.path=stderr", "--output.text.print-issued-lines=false"}, args[1:]...)...)
	cmd := exec.Command(customGCL(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	res := gclResult{stderr: stderr.String()}
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		res.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		return res // golangci-lint failed before reporting; the caller looks at code and stderr
	}
	var report struct{ Issues []issue }
	if err := json.Unmarshal(data, &report); err != nil {
		t.Fatalf("golangci-lint JSON output: %v", err)
	}
	res.issues = report.Issues
	return res
}

// problems converts golangci-lint issues to sample problems. Each must be
// brexlint's, with text "CHECK: message" (the check named once).
func problems(t *testing.T, issues []issue) []sampletest.Problem {
	t.Helper()
	got := []sampletest.Problem{}
	for _, is := range issues {
		check, msg, _ := strings.Cut(is.Text, ": ")
		if is.FromLinter != "brexlint" {
			t.Errorf("issue from linter %q: %s", is.FromLinter, check)
		}
		if strings.HasPrefix(msg, check+": ") {
			t.Errorf("issue text names the check twice: %q", check+": "+check+": ...")
		}
		got = append(got, sampletest.Problem{Check: check, File: filepath.ToSlash(is.Pos.Filename), Line: is.Pos.Line})
	}
	return sampletest.Sort(got)
}

func planted(t *testing.T, dir string) []sampletest.Problem {
	t.Helper()
	enabled := map[string]bool{}
	for _, a := range analyzers.All() {
		enabled[a.Name] = true
	}
	ps, err := sampletest.Planted(dir, func(c string) bool { return enabled[c] })
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// copySample copies testdata/sample into a new directory and writes the
// README's .golangci.yml there.
func copySample(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs("../testdata/sample")
	if err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
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
	config, err := snippets.Get(readme, ".golangci.yml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dst, ".golangci.yml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// appendToLine appends text to line n (1-based) of a file.
func appendToLine(t *testing.T, path string, n int, text string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	lines[n-1] += text
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGolangciLintSample runs the custom golangci-lint with the README's
// .golangci.yml on the sample, after silencing one planted problem with
// //nolint:brexlint and another with //brexlint:ignore: it must report
// exactly the other planted problems, each once, as "CHECK: message".
func TestGolangciLintSample(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: builds golangci-lint with the plugin (minutes when the build cache is cold)")
	}
	dir := copySample(t)
	want := planted(t, dir)

	// Silence two problems on lines that hold no comment or raw string
	// yet, so that a trailing comment is a comment of its own.
	var silenced []sampletest.Problem
	for _, p := range want {
		path := filepath.Join(dir, filepath.FromSlash(p.File))
		data, _ := os.ReadFile(path)
		line := strings.Split(string(data), "\n")[p.Line-1]
		if strings.Contains(line, "//") || strings.Contains(line, "`") ||
			slices.ContainsFunc(silenced, func(s sampletest.Problem) bool { return s.File == p.File && s.Line == p.Line }) {
			continue
		}
		switch len(silenced) {
		case 0:
			appendToLine(t, path, p.Line, " //nolint:brexlint // planted on purpose in this test")
		case 1:
			appendToLine(t, path, p.Line, " //brexlint:ignore "+p.Check+" planted on purpose in this test")
		}
		silenced = append(silenced, p)
		if len(silenced) == 2 {
			break
		}
	}
	if len(silenced) < 2 {
		t.Fatalf("the sample has %d planted problems on a comment-free line; the test needs 2", len(silenced))
	}
	want = slices.DeleteFunc(want, func(p sampletest.Problem) bool { return slices.Contains(silenced, p) })

	r := runGCL(t, dir, "run", "./...")
	wantCode := 0
	if len(want) > 0 {
		wantCode = 1 // golangci-lint's issues-exit-code
	}
	if r.code != wantCode {
		t.Errorf("golangci-lint exit status %d, want %d\n%s", r.code, wantCode, withhold(r.stderr))
	}
	if diff := cmp.Diff(want, problems(t, r.issues)); diff != "" {
		t.Errorf("golangci-lint issues on the sample, %v silenced (-want +got):\n%s", silenced, diff)
	}
}

// withhold keeps golangci-lint's text output out of test logs if it quotes
// a planted token despite --output.text.print-issued-lines=false.
func withhold(s string) string {
	if strings.Contains(s, "bxt_") {
		return "<golangci-lint output withheld: it quotes a line with a planted token>"
	}
	return s
}

// TestGolangciLintNewFromMergeBase checks the README's command for a
// branch: only what the branch adds is reported.
func TestGolangciLintNewFromMergeBase(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: builds golangci-lint with the plugin")
	}
	cmdline, err := snippets.Get(readme, "golangci-lint new-from-merge-base")
	if err != nil {
		t.Fatal(err)
	}
	args := strings.Fields(strings.TrimSpace(cmdline))
	if len(args) < 2 || args[0] != "./custom-gcl" {
		t.Fatalf("snippet %q: want ./custom-gcl run ...", cmdline)
	}
	for i, a := range args {
		args[i] = strings.ReplaceAll(a, "origin/main", "main") // no remote in the test repository
	}

	dir := copySample(t)
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q", "-b", "main")
	git("add", ".")
	git("commit", "-q", "-m", "sample")
	git("checkout", "-q", "-b", "feature")
	added := "package brex\n\n// Sandbox is a second client, added on the branch.\nvar Sandbox = &Client{token: \"bxt_" + "Hs8Kq2Wn5Rt9Ym3Xv7Lp4Zc1Jd6Fb0Ng8Tu2" + "\"}\n"
	if err := os.WriteFile(filepath.Join(dir, "brex", "sandbox.go"), []byte(added), 0o644); err != nil {
		t.Fatal(err)
	}
	git("add", ".")
	git("commit", "-q", "-m", "add a sandbox client")

	r := runGCL(t, dir, args[1:]...)
	want := []sampletest.Problem{{Check: "hardcodedsecret", File: "brex/sandbox.go", Line: 4}}
	if diff := cmp.Diff(want, problems(t, r.issues)); diff != "" {
		t.Errorf("issues new since main (-want +got):\n%s\n%s", diff, withhold(r.stderr))
	}
}

// TestGolangciLintSettingsError: a typo in the plugin's settings stops
// golangci-lint with an error naming the key, instead of silently running
// every check.
func TestGolangciLintSettingsError(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: builds golangci-lint with the plugin")
	}
	dir := copySample(t)
	config := `version: "2"
linters:
  default: none
  enable: [brexlint]
  settings:
    custom:
      brexlint:
        type: module
        settings:
          disabled: [enumdefault]
`
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runGCL(t, dir, "run", "./...")
	if r.code == 0 || r.code == 1 || !strings.Contains(r.stderr, "brexlint") || !strings.Contains(r.stderr, `unknown field "disabled"`) {
		t.Errorf("exit %d, stderr:\n%s\nwant a configuration error naming brexlint and the key", r.code, withhold(r.stderr))
	}
}

// TestPluginBuildConfig checks .golangci-plugin.yml, the .custom-gcl.yml
// that users copy, against the nested module that the tests build: same
// golangci-lint version, the right module and import path.
func TestPluginBuildConfig(t *testing.T) {
	data, err := os.ReadFile("../.golangci-plugin.yml")
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Version string
		Plugins []struct {
			Module, Import, Version, Path string
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil {
		t.Fatalf(".golangci-plugin.yml: %v", err)
	}
	modData, err := os.ReadFile("gcl/go.mod")
	if err != nil {
		t.Fatal(err)
	}
	mod, err := modfile.Parse("gcl/go.mod", modData, nil)
	if err != nil {
		t.Fatal(err)
	}
	pinned := ""
	for _, r := range mod.Require {
		if r.Mod.Path == "github.com/golangci/golangci-lint/v2" {
			pinned = r.Mod.Version
		}
	}
	if cfg.Version != pinned {
		t.Errorf(".golangci-plugin.yml builds golangci-lint %s, plugin/gcl pins %s", cfg.Version, pinned)
	}
	if len(cfg.Plugins) != 1 || cfg.Plugins[0].Module != "github.com/brexlint/brexlint" || cfg.Plugins[0].Import != "github.com/brexlint/brexlint/plugin" {
		t.Errorf("plugins = %+v, want the module github.com/brexlint/brexlint with import github.com/brexlint/brexlint/plugin", cfg.Plugins)
	}
}
