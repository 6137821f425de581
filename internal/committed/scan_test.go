package committed_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/brexlint/brexlint/internal/committed"
	"github.com/google/go-cmp/cmp"
)

// A random user token, built by concatenation so that this file holds none.
var token = "bxt_" + "Q7mZ2kLp9XvR4tWc8NbJ3hYd6FsGa1Ue5KoT"

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	if out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

type hit struct{ Category, File string }

func hits(t *testing.T, dir string, opts committed.Options) ([]hit, int) {
	t.Helper()
	found, n, err := committed.Scan(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	var out []hit
	for _, f := range found {
		out = append(out, hit{f.Category, f.File})
	}
	return out, n
}

func TestScanFollowsTheTestPolicy(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"main.go":              "package main\n",
		"config.yaml":          "token: " + token + "\n",
		"testdata/fixture.yml": "aws: AKIA" + "Z7QK4M2XW5RT6PLB\n",
		"tests/live.json":      `{"token": "` + token + `"}` + "\n",
		"testdata/.env":        "X=1\n",
	})
	git(t, dir, "init", "-q")
	git(t, dir, "add", ".")

	got, n := hits(t, dir, committed.Options{})
	want := []hit{
		{"hardcodedsecret/file-secret", "config.yaml"},
		// A real token in a fixture is still a leak.
		{"hardcodedsecret/file-secret", "tests/live.json"},
		// A committed .env is reported wherever it is.
		{"hardcodedsecret/committed-env", "testdata/.env"},
	}
	if diff := cmp.Diff(want, got); diff != "" || n != 4 {
		t.Errorf("Scan: %d files, hits (-want +got):\n%s", n, diff)
	}

	got, _ = hits(t, dir, committed.Options{Tests: true})
	want = []hit{
		{"hardcodedsecret/file-secret", "config.yaml"},
		{"hardcodedsecret/file-secret", "testdata/fixture.yml"},
		{"hardcodedsecret/file-secret", "tests/live.json"},
		{"hardcodedsecret/committed-env", "testdata/.env"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Scan with Tests: hits (-want +got):\n%s", diff)
	}
}

func TestFilesOutsideGit(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a.yaml": "a: 1\n", "vendor/x/b.yaml": "b: 2\n", "node_modules/c.js": "\n"})
	got, err := committed.Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a.yaml"}, got); diff != "" {
		t.Errorf("Files outside git (-want +got):\n%s", diff)
	}
	if committed.RepoDir(dir) != "" {
		t.Errorf("RepoDir outside git = %q, want \"\"", committed.RepoDir(dir))
	}
}
