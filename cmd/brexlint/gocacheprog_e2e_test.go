package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSharedGoCache runs go vet -vettool=brexlint on two "machines" (two
// GOCACHE directories) that share one GOCACHEPROG store, the way a team
// shares the go command's cache across CI runners: the second machine must
// answer from the store without running brexlint, with the first machine's
// findings. The module has no imports, so the first machine compiles
// nothing but it.
func TestSharedGoCache(t *testing.T) {
	work := t.TempDir()
	prog := filepath.Join(work, "cacheprog")
	if out, err := exec.Command(goTool(), "build", "-o", prog, "./testdata/cacheprog").CombinedOutput(); err != nil {
		t.Fatalf("building the cache program: %v\n%s", err, out)
	}
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/vault\n\ngo 1.22\n",
		"vault.go": `package vault

// fallbackToken is used when BREX_TOKEN is unset.
const fallbackToken = "bxt_roJ249NH4QLx0nNo39nK1A2XRaHeVV7CET6z"

// Token returns the Brex token.
func Token() string { return fallbackToken }
`,
	})
	store, hits := filepath.Join(work, "store"), filepath.Join(work, "gets.log")
	vet := func(machine string) (stderr string) {
		t.Helper()
		cmd := exec.Command(goTool(), "vet", "-x", "-vettool="+brexlint, "./...")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(),
			"GOCACHE="+filepath.Join(work, machine),
			"GOCACHEPROG="+prog+" -store "+store+" -log "+hits,
			"GOFLAGS=", "GOTOOLCHAIN=local")
		out, err := cmd.CombinedOutput()
		if _, ok := err.(*exec.ExitError); err != nil && !ok {
			t.Fatalf("go vet on %s: %v", machine, err)
		}
		return string(out)
	}
	findings := func(out string) []string {
		var fs []string
		for line := range strings.SplitSeq(out, "\n") {
			if strings.Contains(line, ": hardcodedsecret: ") {
				fs = append(fs, line)
			}
		}
		return fs
	}
	first := vet("machine-a")
	if !strings.Contains(first, brexlint+" ") {
		t.Fatalf("machine a did not run brexlint:\n%s", first)
	}
	if len(findings(first)) != 1 {
		t.Fatalf("machine a: want one hardcodedsecret finding, got:\n%s", first)
	}
	second := vet("machine-b")
	if strings.Contains(second, brexlint+" ") {
		t.Errorf("machine b ran brexlint instead of answering from the shared store:\n%s", second)
	}
	if got, want := findings(second), findings(first); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("machine b's findings differ from machine a's:\n%s\nwant:\n%s", got, want)
	}
	log, err := os.ReadFile(hits)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(log), "hit") {
		t.Errorf("the store answered no get: %q", log)
	}
	if strings.Contains(first+second, "bxt_roJ249") {
		t.Errorf("the token appears in go vet's output")
	}
}
