package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestFailedWriteKeepsOldContent fails the write at its last step, as a
// full disk fails it: the file keeps its old content and no temporary file
// is left (issue 16, defect 7: -fix left a file cut at 8 KB, and
// -write-baseline destroyed the previous baseline).
func TestFailedWriteKeepsOldContent(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "baseline.json")
	if err := os.WriteFile(name, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	defer func(f func(*os.File) error) { syncFile = f }(syncFile)
	full := errors.New("no space left on device")
	syncFile = func(*os.File) error { return full }
	if err := Write(name, []byte("new content"), 0o644); !errors.Is(err, full) {
		t.Fatalf("Write = %v, want the disk's error", err)
	}
	if data, _ := os.ReadFile(name); string(data) != "old" {
		t.Errorf("content %q after a failed write, want old", data)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("directory holds %d entries after a failed write, want only the file", len(ents))
	}
}
