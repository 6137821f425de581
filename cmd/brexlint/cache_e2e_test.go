package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const cacheModuleSrc = `package budgets

import (
	"bytes"
	"net/http"
)

// Create creates a budget.
func Create(body []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, "https://platform.brexapis.com/v2/budgets", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}
`

// TestRunCache runs brexlint ./... and brexlint checklist twice on an
// unchanged module and requires the second run to be answered from the
// cache with the first run's output and exit status; an edit, other flags
// or -cache=false run anew.
func TestRunCache(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":     "module example.com/budgets\n\ngo 1.22\n",
		"budgets.go": cacheModuleSrc,
	})
	cache := t.TempDir()
	type outcome struct {
		Stdout, Stderr string
		Exit           int
		Trace          string // what the cache did
	}
	runTraced := func(args ...string) outcome {
		t.Helper()
		cmd := exec.Command(brexlint, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "BREXLINT_CACHE="+cache, "BREXLINT_CACHE_TRACE=1")
		var o outcome
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			ee, ok := err.(*exec.ExitError)
			if !ok {
				t.Fatal(err)
			}
			o.Exit = ee.ExitCode()
		}
		o.Stdout = stdout.String()
		var rest []string
		for _, line := range strings.SplitAfter(stderr.String(), "\n") {
			if strings.HasPrefix(line, "brexlint: cache ") {
				o.Trace += strings.TrimSpace(strings.TrimPrefix(line, "brexlint: "))
				continue
			}
			rest = append(rest, line)
		}
		o.Stderr = strings.Join(rest, "")
		return o
	}
	for _, args := range [][]string{{"./..."}, {"-json", "./..."}, {"checklist", "-format=markdown"}} {
		first := runTraced(args...)
		if first.Trace != "cache miss" {
			t.Fatalf("%q, first run: trace %q, want a miss", args, first.Trace)
		}
		if first.Stdout+first.Stderr == "" || (first.Exit != 3 && args[0] != "-json") {
			t.Fatalf("%q, first run: exit %d, output %q: want the budget finding", args, first.Exit, first.Stdout+first.Stderr)
		}
		second := runTraced(args...)
		if second.Trace != "cache hit" {
			t.Errorf("%q, unchanged module: trace %q, want a hit", args, second.Trace)
		}
		second.Trace = first.Trace
		if diff := cmp.Diff(first, second); diff != "" {
			t.Errorf("%q: the cached answer differs from the run (-run +cached):\n%s", args, diff)
		}
		off := runTraced(append([]string{args[0], "-cache=false"}, args[1:]...)...)
		if off.Trace != "" {
			t.Errorf("%q with -cache=false: trace %q, want no cache", args, off.Trace)
		}
	}

	// An edit is a miss, and its answer is the new code's.
	fixed := strings.Replace(cacheModuleSrc, "return http.DefaultClient.Do(req)", `req.Header.Set("Idempotency-Key", "k")
	return http.DefaultClient.Do(req)`, 1)
	if err := os.WriteFile(filepath.Join(dir, "budgets.go"), []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	edited := runTraced("./...")
	if edited.Trace != "cache miss" {
		t.Errorf("after an edit: trace %q, want a miss", edited.Trace)
	}
	if strings.Contains(edited.Stderr, "without an Idempotency-Key") {
		t.Errorf("after adding the key the run still reports it:\n%s", edited.Stderr)
	}

	// A run that writes files is never answered from the cache.
	if o := runTraced("-fix", "-diff", "./..."); !strings.Contains(o.Trace, "not used") && o.Trace != "" {
		t.Errorf("-fix -diff: trace %q, want the cache not used", o.Trace)
	}
}
