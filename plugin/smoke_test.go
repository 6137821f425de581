package plugin_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestGolangciLintBuild builds golangci-lint with the brexlint plugin from the
// nested module in plugin/gcl, exactly as users do without GitHub access, and
// checks that the binary lists brexlint as an enabled custom linter. It fails
// when the plugin no longer compiles inside golangci-lint (a dependency
// conflict, an API change) or when plugin/gcl/go.sum is stale (run
// `go mod tidy` in plugin/gcl).
//
// The first build takes several minutes (golangci-lint and all its linters);
// later builds come from the build cache in seconds.
func TestGolangciLintBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: builds golangci-lint with the plugin (minutes when the build cache is cold)")
	}
	ctx := t.Context()
	if deadline, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline.Add(-10*time.Second))
		defer cancel()
	}

	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	moduleDir, err := filepath.Abs("gcl")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	gcl := filepath.Join(tmp, "gcl")

	start := time.Now()
	build := exec.CommandContext(ctx, goBin, "build", "-o", gcl, ".")
	build.Dir = moduleDir
	build.Env = os.Environ() // GOFLAGS, GOPROXY, GOCACHE, ... as the caller set them
	if out, err := build.CombinedOutput(); err != nil {
		if ctx.Err() != nil {
			t.Fatalf("go build in %s did not finish before the test deadline (a cold build takes minutes: use go test -timeout 20m): %v\n%s", moduleDir, err, out)
		}
		t.Fatalf("go build in %s: %v\n%s", moduleDir, err, out)
	}
	t.Logf("built golangci-lint with brexlint in %v", time.Since(start).Round(time.Millisecond))

	cfg := filepath.Join(tmp, ".golangci.yml")
	const config = `version: "2"
linters:
  default: none
  enable:
    - brexlint
  settings:
    custom:
      brexlint:
        type: module
        description: Brex API launch-readiness checks
        settings:
          disable: [enumdefault]
`
	if err := os.WriteFile(cfg, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	linters := exec.CommandContext(ctx, gcl, "linters", "-c", cfg)
	linters.Dir = tmp
	out, err := linters.CombinedOutput()
	if err != nil {
		t.Fatalf("gcl linters: %v\n%s", err, out)
	}
	enabled, _, _ := strings.Cut(string(out), "Disabled by your configuration linters:")
	if !strings.Contains(enabled, "brexlint") {
		t.Errorf("gcl linters does not list brexlint as enabled:\n%s", out)
	}
}
