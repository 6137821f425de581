package main_test

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestLineDirectivesDoNotSteerReads puts //line directives naming files
// outside the code above findings: the process environment, an endless
// file and standard input. -c context and the checklist's code reading must
// read only the package's own files: no environment variable is printed,
// and neither run hangs or runs out of memory.
func TestLineDirectivesDoNotSteerReads(t *testing.T) {
	const canary = "CANARYvalue0123456789"
	dir := writeModule(t, map[string]string{
		"go.mod":       "module example.com/m\n\ngo 1.26\n",
		"a/environ.go": "package a\n\n//line /proc/self/environ:1\n//brexlint:ignore idempotencykey\nvar A = 1\n",
		"a/zero.go":    "package a\n\n//line /dev/zero:1\n//brexlint:ignore idempotencykey\nvar B = 1\n",
		"a/stdin.go":   "package a\n\n//line /dev/stdin:1\n//brexlint:ignore idempotencykey\nvar C = 1\n",
		// With a column, go vet -c would read the file too.
		"a/environ2.go": "package a\n\n//line /proc/self/environ:1:1\n//brexlint:ignore idempotencykey\nvar D = 1\n",
	})
	for _, args := range [][]string{{"-c", "1", "./..."}, {"checklist"}, {"checklist", "-format", "sarif"}, {"vet", "-vettool=" + brexlint, "-c=1", "./..."}} {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		tool := brexlint
		if args[0] == "vet" {
			tool = goTool()
		}
		cmd := exec.CommandContext(ctx, tool, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "BREXLINT_CANARY="+canary)
		stdin, err := cmd.StdinPipe() // never written: reading it would hang
		if err != nil {
			t.Fatal(err)
		}
		out, _ := cmd.CombinedOutput()
		stdin.Close()
		timedOut := ctx.Err() != nil
		cancel()
		if timedOut {
			t.Fatalf("brexlint %s did not finish: it read a file named by a //line directive\n%s", strings.Join(args, " "), out)
		}
		if strings.Contains(string(out), canary) {
			t.Errorf("brexlint %s printed the environment through //line /proc/self/environ:\n%s", strings.Join(args, " "), out)
		}
		if !strings.Contains(string(out), "needs a reason") {
			t.Errorf("brexlint %s: the directive findings are missing:\n%s", strings.Join(args, " "), out)
		}
	}
}
