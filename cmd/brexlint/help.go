package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/brexlint/brexlint/analyzers"
	"github.com/brexlint/brexlint/internal/brexapi"
)

// synopsis lists every command of brexlint; every usage message starts
// with it, so that -help on any command shows all of them.
const synopsis = `usage: brexlint [flags] [packages]              run the checks, like go vet (findings on stderr)
       brexlint checklist [flags] [packages]    the launch-readiness report on stdout; the CI gate
       brexlint secrets [-staged] [PATH...]     scan the non-Go files git would commit for secrets
       brexlint help [CHECK|checklist|secrets]  documentation
       brexlint version                         print the version
       go vet -vettool="$(command -v brexlint)" [packages]`

// overview is what brexlint help prints.
func overview(w io.Writer) {
	fmt.Fprintf(w, "brexlint checks Go code that calls the Brex API against Brex's launch checklist.\n\n%s\n\nChecks:\n", synopsis)
	listChecks(w)
	fmt.Fprint(w, `
Findings go to stderr, as go vet prints them; -json prints go vet's JSON on
stdout. The checklist report goes to stdout. Exit status: 0 clean, 1 error,
3 findings (a failing item, for checklist); with -json, as go vet -json, 0
whatever the findings and 1 when a package does not build.

Run 'brexlint help CHECK' for a check's documentation (rule, bad and good
examples, options, what it cannot see), 'brexlint help checklist' or
'brexlint help secrets' for those commands, and 'brexlint -help' for flags.
`)
}

// listChecks prints each check's name and one-line summary.
func listChecks(w io.Writer) {
	for _, a := range analyzers.All() {
		doc, _, _ := strings.Cut(a.Doc, "\n")
		fmt.Fprintf(w, "  %-16s %s\n", a.Name, doc)
	}
}

// helpMain is brexlint help [TOPIC]: the overview, a check's whole
// documentation, or a subcommand's usage.
func helpMain(args []string) int {
	if len(args) == 0 {
		overview(os.Stdout)
		return 0
	}
	if len(args) > 1 {
		fmt.Fprintln(os.Stderr, "usage: brexlint help [CHECK|checklist|secrets]")
		return 2
	}
	switch topic := args[0]; topic {
	case "checklist":
		checklistMain([]string{"-help"})
		return 0
	case "secrets":
		secretsMain([]string{"-help"})
		return 0
	case "version":
		fmt.Println("usage: brexlint version (or -version, --version): print the version; -V=full adds the build ID go vet caches on")
		return 0
	default:
		doc, ok := analyzers.Documentation(topic)
		if !ok {
			fmt.Fprintf(os.Stderr, "brexlint help: no check or command named %q; the checks are:\n", topic)
			listChecks(os.Stderr)
			return 2
		}
		fmt.Print(doc)
		return 0
	}
}

// printVersion prints what brexlint version prints: the module version, the
// date of the Brex API catalogue the checks judge against, and the Go
// release it was built with.
func printVersion() {
	fmt.Printf("brexlint %s (Brex API catalogue %s, %s)\n", moduleVersion(), brexapi.Date, runtime.Version())
}
