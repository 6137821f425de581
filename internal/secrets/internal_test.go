package secrets

import (
	"os"
	"testing"

	"github.com/rs/zerolog"
	"github.com/zricethezav/gitleaks/v8/logging"
)

func TestMain(m *testing.M) {
	// Nothing builds the detector before it is asked for: importing the
	// package must cost nothing.
	if n := builds.Load(); n != 0 {
		println("secrets: the detector was built", n, "times before any test ran")
		os.Exit(1)
	}
	os.Exit(m.Run())
}

func TestBuiltOnce(t *testing.T) {
	Detector()
	Detector()
	if n := builds.Load(); n != 1 {
		t.Errorf("detector built %d times, want 1", n)
	}
	if lvl := logging.Logger.GetLevel(); lvl != zerolog.Disabled {
		t.Errorf("gitleaks' logger level = %v, want disabled", lvl)
	}
}
