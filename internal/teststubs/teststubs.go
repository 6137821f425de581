// Package teststubs holds stub copies of third-party packages that several
// analysistest suites share, so that each stub is written once.
//
// analysistest reads packages from one GOPATH-style root (testdata/src), so
// a suite that needs a shared stub calls [GOPATH], which lays out the
// suite's own testdata/src and the named stubs in a temporary root and
// returns it in place of analysistest.TestData(). Golden files of
// RunWithSuggestedFixes travel with the suite's files.
package teststubs

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// GOPATH returns a temporary root holding testdata/src of the calling
// suite (testdata, usually analysistest.TestData()) and the stub packages
// at the given import paths, each with its subpackages. A suite that has a
// package of the same path wins over the stub.
func GOPATH(t testing.TB, testdata string, stubs ...string) string {
	t.Helper()
	_, self, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("teststubs: cannot locate its own stubs")
	}
	root := t.TempDir()
	for _, path := range stubs {
		from := filepath.Join(filepath.Dir(self), "testdata", "src", filepath.FromSlash(path))
		if err := copyTree(from, filepath.Join(root, "src", filepath.FromSlash(path))); err != nil {
			t.Fatalf("teststubs: stub %s: %v", path, err)
		}
	}
	if err := copyTree(filepath.Join(testdata, "src"), filepath.Join(root, "src")); err != nil {
		t.Fatalf("teststubs: %v", err)
	}
	return root
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// All is every stub root [GOPATH] can lay out: each github.com owner and
// golang.org/x module under testdata/src. A suite that must see every
// package of every stub (the message-length test) asks for all of them.
func All(t testing.TB) []string {
	t.Helper()
	_, self, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("teststubs: cannot locate its own stubs")
	}
	src := filepath.Join(filepath.Dir(self), "testdata", "src")
	var out []string
	for _, parent := range []string{"github.com", "golang.org/x"} {
		entries, err := os.ReadDir(filepath.Join(src, filepath.FromSlash(parent)))
		if err != nil {
			t.Fatalf("teststubs: %v", err)
		}
		for _, e := range entries {
			if e.IsDir() {
				out = append(out, parent+"/"+e.Name())
			}
		}
	}
	return out
}
