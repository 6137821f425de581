package sampletest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPlanted(t *testing.T) {
	dir := t.TempDir()
	src := `package p

// launch problem: ratelimit: no backoff.
// more words
var a = 1

// launch problem: planned: a check without an analyzer.
var b = 2

func f() {
	// launch problem: idempotencykey: constant key.

	g() // launch problem: not a marker: code before it
}
`
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sub", "p.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Planted(dir, func(c string) bool { return c != "planned" })
	if err != nil {
		t.Fatal(err)
	}
	want := []Problem{{"ratelimit", "sub/p.go", 5}, {"idempotencykey", "sub/p.go", 13}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Planted (-want +got):\n%s", diff)
	}
}
