package main_test

// End-to-end test of the pre-commit hooks in .pre-commit-hooks.yaml, run
// by the real pre-commit (Debian's package; .ci/run installs it) against a
// throwaway repository holding a Brex integration with planted problems.

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/internal/snippets"
)

// gitIdentity lets the tests commit on a machine without a git identity.
var gitIdentity = []string{"GIT_AUTHOR_NAME=brexlint test", "GIT_AUTHOR_EMAIL=test@example.com", "GIT_COMMITTER_NAME=brexlint test", "GIT_COMMITTER_EMAIL=test@example.com"}

// snapshotRepo commits the brexlint work tree as it is (tracked files and
// untracked ones that .gitignore keeps) to a new repository, so that
// pre-commit installs the hooks from the code under test, not from the last
// commit.
func snapshotRepo(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Fatalf("git ls-files in %s: %v", root, err)
	}
	dst := t.TempDir()
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		src := filepath.Join(root, filepath.FromSlash(name))
		info, err := os.Lstat(src)
		if err != nil || !info.Mode().IsRegular() {
			continue // deleted in the work tree, or not a file
		}
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dst, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, info.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"commit", "-q", "-m", "snapshot"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dst
		cmd.Env = append(os.Environ(), gitIdentity...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dst
}

var (
	leakyClient = `// Package brex calls the Brex API.
package brex

import "net/http"

// token authenticates the calls.
var token = "` + plantedToken + `"

// Authorize sets the Brex credentials on a request.
func Authorize(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+token)
}
`
	fixedClient = `// Package brex calls the Brex API.
package brex

import (
	"net/http"
	"os"
)

// Authorize sets the Brex credentials on a request.
func Authorize(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+os.Getenv("BREX_API_TOKEN"))
}
`
	leakyConfig = "brex:\n  token: " + plantedToken + "\n"
	fixedConfig = "brex:\n  token_env: BREX_API_TOKEN\n"
)

// TestPreCommitHooks runs both hooks with pre-commit try-repo, then with the
// README's .pre-commit-config.yaml, on a throwaway repository: each fails on
// its planted problem, and passes once the problem is fixed.
func TestPreCommitHooks(t *testing.T) {
	precommit, err := exec.LookPath("pre-commit")
	if err != nil {
		t.Fatal("pre-commit is not installed: apt-get install pre-commit (.ci/run installs it)")
	}
	hooks := snapshotRepo(t)
	gomodcache, err := exec.Command(goTool(), "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), gitIdentity...)
	env = append(env,
		"PRE_COMMIT_HOME="+t.TempDir(), // a store of its own: the hooks are installed from the snapshot
		"PRE_COMMIT_COLOR=never",
		// pre-commit sets GOPATH to the hook's environment; keep the module
		// downloads in the usual cache rather than fetch them again.
		"GOMODCACHE="+strings.TrimSpace(string(gomodcache)),
		"PATH="+filepath.Join(runtime.GOROOT(), "bin")+string(os.PathListSeparator)+os.Getenv("PATH"),
	)

	app := writeModule(t, map[string]string{
		"go.mod":         "module example.com/brexapp\n\ngo 1.26\n",
		"brex/client.go": leakyClient,
		"config.yaml":    fixedConfig,
	})
	git(t, app, "init", "-q")
	git(t, app, "add", ".")
	preCommit := func(args ...string) result {
		t.Helper()
		cmd := exec.Command(precommit, args...)
		cmd.Dir = app
		cmd.Env = env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		r := result{stdout: withheldIfLeaking(t, out.String(), plantedToken)}
		if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
			r.code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return r
	}
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(app, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		git(t, app, "add", name)
	}
	// expect checks the verdict pre-commit printed for a hook (by its
	// name), the exit status (non-zero if any hook failed) and what the
	// output says.
	expect := func(what string, r result, wantCode int, hook, verdict string, says ...string) {
		t.Helper()
		if r.code != wantCode {
			t.Errorf("%s: pre-commit exited %d, want %d:\n%s", what, r.code, wantCode, r.stdout)
		}
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(hook) + `\.+` + verdict + `$`).MatchString(r.stdout) {
			t.Errorf("%s: hook %q did not report %s:\n%s", what, hook, verdict, r.stdout)
		}
		for _, s := range says {
			if !strings.Contains(r.stdout, s) {
				t.Errorf("%s: the output does not say %q:\n%s", what, s, r.stdout)
			}
		}
	}

	// pre-commit try-repo, one hook at a time, on the staged files.
	expect("try-repo brexlint, token in Go code", preCommit("try-repo", hooks, "brexlint"), 1, "brexlint", "Failed",
		"- hook id: brexlint", "- exit code: 3", "brex/client.go:7:", "hardcodedsecret: ", `"bxt_…"`)
	write("brex/client.go", fixedClient)
	expect("try-repo brexlint, fixed", preCommit("try-repo", hooks, "brexlint"), 0, "brexlint", "Passed")

	write("config.yaml", leakyConfig)
	expect("try-repo brexlint-secrets, token in config.yaml", preCommit("try-repo", hooks, "brexlint-secrets"), 1, "brexlint secrets", "Failed",
		"- hook id: brexlint-secrets", "config.yaml:2:10: hardcodedsecret: ")
	write("config.yaml", fixedConfig)
	expect("try-repo brexlint-secrets, fixed", preCommit("try-repo", hooks, "brexlint-secrets"), 0, "brexlint secrets", "Passed")

	// The README's .pre-commit-config.yaml, pointed at the snapshot.
	config, err := snippets.Get(readmeFile, ".pre-commit-config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	head, err := exec.Command("git", "-C", hooks, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	var repoSet, revSet bool
	lines := strings.Split(config, "\n")
	for i, l := range lines {
		if j := strings.Index(l, "repo: "); j >= 0 {
			lines[i], repoSet = l[:j]+"repo: "+hooks, true
		}
		if j := strings.Index(l, "rev: "); j >= 0 {
			lines[i], revSet = l[:j]+"rev: "+strings.TrimSpace(string(head)), true
		}
	}
	if !repoSet || !revSet {
		t.Fatalf("the README's .pre-commit-config.yaml has no repo: or rev: line:\n%s", config)
	}
	write(".pre-commit-config.yaml", strings.Join(lines, "\n"))
	r := preCommit("run", "--all-files")
	expect("README config, clean", r, 0, "brexlint", "Passed")
	expect("README config, clean", r, 0, "brexlint secrets", "Passed")
	write("brex/client.go", leakyClient)
	r = preCommit("run")
	expect("README config, token in Go code", r, 1, "brexlint", "Failed", "brex/client.go:7:")
	// The Go file is the brexlint hook's business, not the secrets hook's.
	expect("README config, token in Go code", r, 1, "brexlint secrets", "Passed")
}
