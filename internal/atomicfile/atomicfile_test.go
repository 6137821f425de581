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

// TestWriteFailureKeepsOldContent writes into a directory where no
// temporary file can be created, as on a full disk: the old content stays.
func TestWriteFailureKeepsOldContent(t *testing.T) {
	if os.Geteuid() == 0 {
		// root ignores directory permissions; /dev/full fails every write.
		name := "/dev/full"
		if err := atomicfile.Write(name, []byte("x"), 0o644); err == nil {
			t.Fatal("writing over /dev/full succeeded")
		}
		return
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "baseline.json")
	if err := os.WriteFile(name, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	if err := atomicfile.Write(name, []byte("new"), 0o644); err == nil {
		t.Fatal("Write succeeded in a read-only directory")
	}
	if data, _ := os.ReadFile(name); string(data) != "old" {
		t.Errorf("content %q after a failed write, want old", data)
	}
}
