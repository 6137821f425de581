package brexmodel

import (
	"strings"
	"testing"
)

// TestSidePanics: a panic of the part of run on its own goroutine comes
// out of wait, on run's goroutine, with what it panicked with and the
// side's stack; a side that returns lets wait return.
func TestSidePanics(t *testing.T) {
	goSide(func() {}).wait()

	s := goSide(func() { panicInSide() })
	got := func() (r any) {
		defer func() { r = recover() }()
		s.wait()
		return nil
	}()
	msg, _ := got.(string)
	if !strings.Contains(msg, "boom") || !strings.Contains(msg, "panicInSide") {
		t.Fatalf("wait panicked with %q, want the side's value and stack", msg)
	}
}

func panicInSide() { panic("boom") }
