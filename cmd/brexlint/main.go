// Command brexlint checks Go code that integrates with the Brex API against
// Brex's launch checklist.
//
// Usage:
//
//	brexlint [flags] [packages]                 run every check, like go vet
//	brexlint checklist [flags] [packages]       print the launch-readiness report
//	brexlint secrets [-staged] [PATH...]        scan non-Go files for secrets
//	brexlint help [CHECK|checklist|secrets]     documentation
//	brexlint version                            print the version
//	go vet -vettool="$(go env GOPATH)/bin/brexlint" [packages]
//
// Give go vet the binary's path: with an empty -vettool (what $(which
// brexlint) gives when brexlint is not on PATH) go vet runs its own checks
// and says nothing about brexlint.
//
// No output holds more than the first four characters of a secret: under
// go vet, which prints -c context lines itself, a finding in a file that
// holds a secret (or in a file the package is not made of, named by a
// //line directive) is given as file:line, without its column, so that go
// vet quotes no line of that file. go vet hands brexlint a cgo package as
// cgo's translations, so findings in cgo files get that form too.
//
// Findings go to stderr, as go vet prints them; -json (go vet's JSON) and
// the checklist report go to stdout.
//
// The analysis command behaves like any golang.org/x/tools analysis driver:
// -json prints exactly what go vet -json prints, -fix applies suggested
// fixes and -diff shows them, -NAME=false disables a check and -NAME.flag
// sets one of its options. Exit status: 0 clean, 1 error, 3 findings (with
// -json, 0 unless there was an error). -fix and -fix -diff then print the
// findings they could not fix and exit 3 if any remain, as golangci-lint
// --fix does: a CI step running -fix -diff fails while findings remain.
//
// brexlint ./... and brexlint checklist answer a run on code that has not
// changed since an identical earlier run from a cache (internal/runcache
// says what the key covers; BREXLINT_CACHE names its directory, default
// brexlint under the user cache directory, and BREXLINT_CACHE=off or
// -cache=false runs anew).
//
// A package that does not type-check is named (its errors redacted), and
// only the checks that need no types run on it; the others are
// still analyzed and the exit status is 1. A pattern that matches no package
// is an error.
package main

import (
	"log"
	"os"
	"slices"
	"strings"

	"github.com/brexlint/brexlint/analyzers"
	"golang.org/x/tools/go/analysis/multichecker"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("brexlint: ")
	args := os.Args[1:]
	if len(args) > 0 {
		switch args[0] {
		case "checklist":
			if exit, ok := cached(args); ok {
				os.Exit(exit)
			}
			os.Exit(checklistMain(args[1:]))
		case "secrets":
			os.Exit(secretsMain(args[1:]))
		case "help":
			usageOut = os.Stdout
			os.Exit(helpMain(args[1:]))
		case "version", "-version", "--version":
			printVersion()
			return
		}
	}
	if len(args) == 0 {
		overview(os.Stderr)
		os.Exit(2)
	}
	if cfg := args[len(args)-1]; strings.HasSuffix(cfg, ".cfg") && os.Getenv(vetChildEnv) == "" && !readVetConfig(cfg).VetxOnly {
		// A unit run only for facts (go vet's dependencies) prints
		// nothing: it needs no filter, nor the cost of a child process.
		os.Exit(vetMain(args))
	}
	if delegated(args) {
		// The go vet protocol (a .cfg file, -flags) is x/tools' own: use
		// its driver so that it stays exactly what go vet expects.
		registerVersionFlag()
		multichecker.Main(analyzers.All()...)
		return
	}
	if !hasFlag(args, "fix", "diff") {
		// -fix writes files: never answered from the cache.
		if exit, ok := cached(args); ok {
			os.Exit(exit)
		}
	}
	os.Exit(analyzeMain(args))
}

// delegated reports whether the command line is one that multichecker.Main
// handles as go vet expects (the .cfg protocol, -flags), rather than
// brexlint's own standalone path. -fix and -diff are brexlint's own: they
// write atomically, change only the fixed lines, redact diffs and report
// what they could not fix.
func delegated(args []string) bool {
	return strings.HasSuffix(args[len(args)-1], ".cfg") || hasFlag(args, "flags")
}

// hasFlag reports whether args set one of the named flags.
func hasFlag(args []string, names ...string) bool {
	return slices.ContainsFunc(args, func(a string) bool {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		return strings.HasPrefix(a, "-") && slices.Contains(names, name)
	})
}
