package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/brexlint/brexlint/analyzers"
	"golang.org/x/tools/go/analysis"
)

// checkFlags registers, on fs, the flags that select checks and set their
// options, with the meaning x/tools drivers give them: -NAME=true runs only
// the named checks, -NAME=false runs all but those, -NAME.flag sets an
// option of check NAME.
type checkFlags struct {
	all     []*analysis.Analyzer
	enabled map[*analysis.Analyzer]*triState
}

func registerCheckFlags(fs *flag.FlagSet) *checkFlags {
	cf := &checkFlags{all: analyzers.All(), enabled: map[*analysis.Analyzer]*triState{}}
	for _, a := range cf.all {
		ts := new(triState)
		cf.enabled[a] = ts
		fs.Var(ts, a.Name, fmt.Sprintf("enable the %s check", a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	return cf
}

// selected returns the analyzers the flags leave enabled.
func (cf *checkFlags) selected() []*analysis.Analyzer {
	var hasTrue bool
	for _, ts := range cf.enabled {
		hasTrue = hasTrue || *ts == setTrue
	}
	var keep []*analysis.Analyzer
	for _, a := range cf.all {
		switch ts := *cf.enabled[a]; {
		case hasTrue && ts == setTrue, !hasTrue && ts != setFalse:
			keep = append(keep, a)
		}
	}
	return keep
}

// usageOut is where -help writes; brexlint help sets it to stdout, where
// go help writes too.
var usageOut io.Writer = os.Stderr

// usage prints a command's help: every command's synopsis, what this one
// does, its flags, then the checks.
func usage(fs *flag.FlagSet, about string) func() {
	fs.SetOutput(usageOut)
	return func() {
		out := fs.Output()
		fmt.Fprintf(out, "%s\n\n%s\n\nFlags:\n", synopsis, strings.TrimSpace(about))
		fs.PrintDefaults()
		fmt.Fprintf(out, "\nChecks ('brexlint help CHECK' prints a check's documentation):\n")
		listChecks(out)
	}
}

// registerVersion adds -version (and so --version) to fs.
func registerVersion(fs *flag.FlagSet) {
	fs.BoolFunc("version", "print the version and exit", func(string) error {
		printVersion()
		os.Exit(0)
		return nil
	})
}

// registerCache adds -cache to fs. main reads it before the command runs
// (see cached); the flag set only has to accept and document it.
func registerCache(fs *flag.FlagSet) {
	fs.Bool("cache", true, "answer from the result of an identical earlier run when no file of the module changed (directory: $BREXLINT_CACHE, default brexlint under the user cache directory); -cache=false runs anew")
}

// triState is a boolean flag that knows whether it was set.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) IsBoolFlag() bool { return true }
func (ts *triState) Get() any         { return *ts == setTrue }
func (ts *triState) String() string {
	switch *ts {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return "unset"
}
func (ts *triState) Set(s string) error {
	switch s {
	case "true", "1", "t", "T", "TRUE", "True":
		*ts = setTrue
	case "false", "0", "f", "F", "FALSE", "False":
		*ts = setFalse
	default:
		return fmt.Errorf("want true or false, not %q", s)
	}
	return nil
}

// exitOnFlagError turns a flag error into the status of a usage error.
func exitOnFlagError(err error) int {
	if err == flag.ErrHelp {
		return 0
	}
	fmt.Fprintln(os.Stderr, "run 'brexlint -help' for usage")
	return 1
}

// flagAfterPackages reports a flag given after the packages, which the flag
// package leaves among them ("brexlint ./... -json" would otherwise say
// "package -json has errors"): flags go first, as for go vet.
func flagAfterPackages(patterns []string) error {
	for _, p := range patterns {
		if len(p) > 1 && p[0] == '-' {
			return fmt.Errorf("flag %s after the packages: flags go before the packages, as for go vet", p)
		}
	}
	return nil
}
