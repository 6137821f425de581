package main

import (
	"bytes"
	"errors"
	"io"
	"log"
	"os"
	"os/exec"

	"github.com/brexlint/brexlint/internal/runcache"
)

// cached runs the command line args (brexlint ./... or brexlint checklist)
// through the run cache (internal/runcache): an identical earlier run on
// unchanged code answers it; otherwise brexlint runs again, in a child
// process whose output is shown as it comes and recorded. It reports false
// when the run cannot be cached, and the caller runs it directly.
func cached(args []string) (exit int, ok bool) {
	dir, on := runcache.Dir()
	if !on || runcache.Disabled(args) {
		return 0, false
	}
	exe, err := os.Executable()
	if err != nil {
		return 0, false
	}
	wd, err := os.Getwd()
	if err != nil {
		return 0, false
	}
	run := runcache.Run{Executable: exe, Args: args, WorkDir: wd, Env: os.Environ()}
	key, err := runcache.Key(run)
	if err != nil {
		trace("cache not used: %v", err)
		return 0, false
	}
	if e, hit := runcache.Get(dir, key); hit {
		trace("cache hit")
		os.Stdout.Write(e.Stdout)
		os.Stderr.Write(e.Stderr)
		return e.Exit, true
	}
	trace("cache miss")
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), "BREXLINT_CACHE=off")
	cmd.Stdin = os.Stdin
	cmd.Stdout = io.MultiWriter(os.Stdout, &stdout)
	cmd.Stderr = io.MultiWriter(os.Stderr, &stderr)
	err = cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr) && exitErr.Exited():
		exit = exitErr.ExitCode()
	default:
		log.Print(err)
		return 1, true
	}
	if exit == 0 || exit == 3 {
		// Record only what the code decided, and only if the code did
		// not change while it ran.
		if after, err := runcache.Key(run); err == nil && after == key {
			if err := runcache.Put(dir, key, &runcache.Entry{Stdout: stdout.Bytes(), Stderr: stderr.Bytes(), Exit: exit}); err != nil {
				trace("cache not written: %v", err)
			}
		}
	}
	return exit, true
}

// trace prints what the cache did when BREXLINT_CACHE_TRACE=1, for tests
// and for users who wonder why a run was (not) quick.
func trace(format string, args ...any) {
	if os.Getenv("BREXLINT_CACHE_TRACE") == "1" {
		log.Printf(format, args...)
	}
}
