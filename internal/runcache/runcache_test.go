package runcache

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// module writes a small module into a new directory and returns a Run of
// brexlint ./... in it. The executable is a file of the module's own
// directory tree's sibling, so that it can be "rebuilt" by a test.
func module(t *testing.T) (Run, string) {
	t.Helper()
	base := t.TempDir()
	root := filepath.Join(base, "m")
	write(t, filepath.Join(root, "go.mod"), "module example.com/m\n\ngo 1.22\n")
	write(t, filepath.Join(root, "a.go"), "package m\n")
	write(t, filepath.Join(root, "docs", "config.yaml"), "token: none\n")
	exe := filepath.Join(base, "brexlint")
	write(t, exe, "binary v1")
	t.Setenv("BREXLINT_CACHE", filepath.Join(base, "cache"))
	return Run{Executable: exe, Args: []string{"./..."}, WorkDir: root, Env: os.Environ()}, root
}

func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func key(t *testing.T, r Run) string {
	t.Helper()
	k, err := Key(r)
	if err != nil {
		t.Fatalf("Key(%v): %v", r.Args, err)
	}
	return k
}

// TestKeyCoversInputs changes each input of a run once and requires a new
// key; an unchanged module keeps its key, and .git does not count.
func TestKeyCoversInputs(t *testing.T) {
	r, root := module(t)
	first := key(t, r)
	if again := key(t, r); again != first {
		t.Fatalf("unchanged module: key changed")
	}
	write(t, filepath.Join(root, ".git", "index"), "anything")
	if k := key(t, r); k != first {
		t.Errorf("a change under .git changed the key")
	}
	changes := []struct {
		name   string
		change func(r *Run)
	}{
		{"Go file edited", func(*Run) { write(t, filepath.Join(root, "a.go"), "package m\n\nvar X = 1\n") }},
		{"non-Go file added", func(*Run) { write(t, filepath.Join(root, ".env"), "BREX_TOKEN=x\n") }},
		{"file in a subdirectory edited", func(*Run) { write(t, filepath.Join(root, "docs", "config.yaml"), "token: other\n") }},
		{"go.sum added", func(*Run) { write(t, filepath.Join(root, "go.sum"), "") }},
		{"flags", func(r *Run) { r.Args = []string{"-json", "./..."} }},
		{"subcommand", func(r *Run) { r.Args = append([]string{"checklist"}, r.Args...) }},
		{"GOFLAGS", func(r *Run) { r.Env = append(r.Env, "GOFLAGS=-tags=integration") }},
		{"a BREXLINT_ variable", func(r *Run) { r.Env = append(r.Env, "BREXLINT_X=1") }},
		{"brexlint rebuilt", func(r *Run) { write(t, r.Executable, "binary v2") }},
		{"working directory", func(r *Run) { r.WorkDir = filepath.Join(root, "docs") }},
	}
	seen := map[string]string{first: "start"}
	for _, c := range changes {
		c.change(&r)
		k := key(t, r)
		if prev, ok := seen[k]; ok {
			t.Errorf("%s: key unchanged (same as after %s)", c.name, prev)
		}
		seen[k] = c.name
	}
	r.Env = append(r.Env, "BREXLINT_CACHE_TRACE=1", "HOME=/elsewhere")
	if k := key(t, r); seen[k] != changes[len(changes)-1].name {
		t.Errorf("BREXLINT_CACHE_TRACE or HOME changed the key")
	}
}

// TestUncacheable lists the runs whose output is not a function of the key.
func TestUncacheable(t *testing.T) {
	r, root := module(t)
	for _, args := range [][]string{
		{"-fix", "./..."},
		{"-fix", "-diff", "./..."},
		{"checklist", "-write-baseline=b.json"},
		{"checklist", "-sarif", "out.sarif"},
		{"-cpuprofile=cpu.out", "./..."},
		{"../other/..."},
		{"/abs/path/..."},
		{"checklist", "-baseline=../b.json"},
	} {
		r.Args = args
		var u *ErrUncacheable
		if _, err := Key(r); !errors.As(err, &u) {
			t.Errorf("Key(%q) = %v, want not cacheable", args, err)
		}
	}
	r.Args = []string{"./..."}
	write(t, filepath.Join(root, "go.mod"), "module example.com/m\n\ngo 1.22\n\nreplace example.com/x => ../x\n")
	var u *ErrUncacheable
	if _, err := Key(r); !errors.As(err, &u) {
		t.Errorf("replacement outside the module: Key = %v, want not cacheable", err)
	}
	write(t, filepath.Join(root, "go.mod"), "module example.com/m\n\ngo 1.22\n\nreplace example.com/x => ./third_party/x\n")
	if _, err := Key(r); err != nil {
		t.Errorf("replacement inside the module: %v", err)
	}
}

func TestDisabled(t *testing.T) {
	for args, want := range map[string]bool{
		"-cache=false": true, "--cache=0": true, "-cache=true": false, "-cache": false, "-json": false,
	} {
		if got := Disabled([]string{args, "./..."}); got != want {
			t.Errorf("Disabled(%s) = %v, want %v", args, got, want)
		}
	}
}

// TestPutGet records an entry, reads it back, and trims it once unused
// for longer than a week.
func TestPutGet(t *testing.T) {
	dir := t.TempDir()
	const k = "0123456789abcdef"
	if _, ok := Get(dir, k); ok {
		t.Fatal("hit in an empty cache")
	}
	want := &Entry{Stdout: []byte("report\n"), Stderr: []byte("a.go:1:1: finding\n"), Exit: 3}
	if err := Put(dir, k, want); err != nil {
		t.Fatal(err)
	}
	got, ok := Get(dir, k)
	if !ok {
		t.Fatal("miss after Put")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("entry (-put +got):\n%s", diff)
	}
	write(t, entryPath(dir, k), "{damaged")
	if _, ok := Get(dir, k); ok {
		t.Error("a damaged entry is a hit")
	}
	if err := Put(dir, k, want); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-8 * 24 * time.Hour)
	if err := os.Chtimes(entryPath(dir, k), old, old); err != nil {
		t.Fatal(err)
	}
	trim(dir, time.Now()) // trimmed less than a day ago (by Put): no-op
	if _, err := os.Stat(entryPath(dir, k)); err != nil {
		t.Fatalf("trimmed twice in a day: %v", err)
	}
	trim(dir, time.Now().Add(25*time.Hour))
	if _, err := os.Stat(entryPath(dir, k)); !os.IsNotExist(err) {
		t.Errorf("entry unused for 8 days survived the trim: %v", err)
	}
}
