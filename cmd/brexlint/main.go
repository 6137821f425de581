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
// Findings go to stderr, as go vet prints them; -json (go vet's JSON) and
// the checklist report go to stdout.
//
// The analysis command behaves like any golang.org/x/tools analysis driver:
// -json prints exactly what go vet -json prints, -fix applies suggested
// fixes and -diff shows them, -NAME=false disables a check and -NAME.flag
// sets one of its options. Exit status: 0 clean, 1 error, 3 findings (with
// -json, 0 unless there was an error).
//
// brexlint ./... and brexlint checklist answer a run on code that has not
// changed since an identical earlier run from a cache (internal/runcache
// says what the key covers; BREXLINT_CACHE names its directory, default
// brexlint under the user cache directory, and BREXLINT_CACHE=off or
// -cache=false runs anew).
//
// A package that does not type-check is named and skipped; the others are
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
	if delegated(args) {
		// The go vet protocol (a .cfg file, -flags), -fix/-diff and help
		// are x/tools' own: use its driver so that they stay exactly
		// what go vet and other analysis drivers do.
		registerVersionFlag()
		multichecker.Main(analyzers.All()...)
		return
	}
	if exit, ok := cached(args); ok {
		os.Exit(exit)
	}
	os.Exit(analyzeMain(args))
}

// delegated reports whether the command line is one that multichecker.Main
// handles as go vet expects (the .cfg protocol, -flags, -fix and -diff),
// rather than brexlint's own standalone path.
func delegated(args []string) bool {
	if strings.HasSuffix(args[len(args)-1], ".cfg") {
		return true
	}
	return slices.ContainsFunc(args, func(a string) bool {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		return strings.HasPrefix(a, "-") && (name == "fix" || name == "diff" || name == "flags")
	})
}
