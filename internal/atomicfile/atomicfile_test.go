package atomicfile_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/brexlint/brexlint/internal/atomicfile"
)

func TestWriteKeepsModeAndLeavesNoTemporary(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.go")
	if err := os.WriteFile(name, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.Write(name, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(name)
	if err != nil || string(data) != "new" {
		t.Fatalf("content %q, %v; want new", data, err)
	}
	if fi, _ := os.Stat(name); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", fi.Mode().Perm())
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("directory holds %d entries, want only a.go", len(ents))
	}
}

// TestWriteRefusesNonRegularFiles: a device or a directory is never
// replaced by a regular file.
func TestWriteRefusesNonRegularFiles(t *testing.T) {
	for _, name := range []string{os.DevNull, t.TempDir()} {
		if err := atomicfile.Write(name, []byte("x"), 0o644); err == nil {
			t.Errorf("Write(%s) succeeded", name)
		}
	}
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode().IsRegular() {
		t.Errorf("%s is no longer a device: %v", os.DevNull, err)
	}
}
