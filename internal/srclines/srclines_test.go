package srclines_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/brexlint/brexlint/internal/srclines"
	"github.com/google/go-cmp/cmp"
)

func TestLines(t *testing.T) {
	dir := t.TempDir()
	code := filepath.Join(dir, "a.go")
	token := "bxt_" + "oxZkuf441Ct803qILrklP4X7IRrr8RLnbyt2"
	if err := os.WriteFile(code, []byte("package a\r\n\r\nconst k = `\n"+token+"\n`\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files := []string{code, "/dev/zero"}
	var r srclines.Reader
	want := []string{"package a", "", "const k = `", "bxt_…", "`", ""}
	if diff := cmp.Diff(want, r.Lines(code, files)); diff != "" {
		t.Errorf("Lines(a.go) (-want +got):\n%s", diff)
	}
	// Files that are not the package's, or not regular files, are never read.
	for _, name := range []string{"/proc/self/environ", "/etc/passwd", "/dev/zero"} {
		if got := r.Lines(name, files); got != nil {
			t.Errorf("Lines(%s) = %d lines, want nil", name, len(got))
		}
	}
}
