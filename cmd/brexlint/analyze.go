package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"

	"github.com/brexlint/brexlint/analyzers/hardcodedsecret"
	"github.com/brexlint/brexlint/internal/driver"
	"github.com/brexlint/brexlint/internal/secrets"
	"github.com/brexlint/brexlint/internal/srclines"
	"golang.org/x/tools/go/analysis"
)

// analyzeMain is the standalone analysis command.
func analyzeMain(args []string) (exit int) {
	fs := flag.NewFlagSet("brexlint", flag.ContinueOnError)
	jsonOut := fs.Bool("json", false, "print diagnostics as JSON, in the shape go vet -json prints")
	context := fs.Int("c", -1, "print the offending line with this many lines of context")
	tests := fs.Bool("test", true, "also analyze test files")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to this file")
	memprofile := fs.String("memprofile", "", "write a heap profile to this file")
	fix := fs.Bool("fix", false, "apply the suggested fixes, then print the findings left and exit 3 if any")
	diff := fs.Bool("diff", false, "with -fix, print a unified diff on stdout instead of changing files")
	fs.Var(versionFlag{}, "V", "print version and exit (-V=full: with build ID, for go vet)")
	cf := registerCheckFlags(fs)
	registerVersion(fs)
	registerCache(fs)
	fs.Usage = usage(fs, `brexlint [flags] packages runs the checks on the packages and prints
findings on stderr, as go vet does (-json: go vet's JSON, on stdout).
Flags go before the packages.`)
	if err := fs.Parse(args); err != nil {
		return exitOnFlagError(err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 1
	}
	if err := flagAfterPackages(fs.Args()); err != nil {
		log.Print(err)
		return 1
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			log.Print(err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Print(err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	if *memprofile != "" {
		// Create the file first: a path that cannot be written is an
		// error before the run, not a message after it.
		f, err := os.Create(*memprofile)
		if err != nil {
			log.Print(err)
			return 1
		}
		defer func() {
			if err := writeHeapProfile(f); err != nil {
				log.Print(err)
				exit = 1
			}
		}()
	}

	res, exit := runChecks(cf.selected(), fs.Args(), driver.Options{Tests: *tests})
	if res == nil {
		return exit
	}
	if *fix || *diff {
		// Like golangci-lint --fix: apply what can be fixed, and keep
		// reporting the rest, so that a CI step running -fix -diff fails
		// while findings remain.
		left, err := applyFixes(res.Diagnostics(), *diff, os.Stdout)
		if err != nil {
			log.Print(err)
			exit = 1
		}
		printText(os.Stderr, left, *context)
		if exit == 0 && len(left) > 0 {
			exit = 3
		}
		return exit
	}
	if *jsonOut {
		if err := res.PrintJSON(os.Stdout); err != nil {
			log.Print(err)
			return 1
		}
		return jsonExit(res)
	}
	diags := res.Diagnostics()
	printText(os.Stderr, diags, *context)
	if exit == 0 && len(diags) > 0 {
		exit = 3
	}
	return exit
}

// jsonExit is the exit status of a -json run, as x/tools' checker
// (singlechecker, multichecker) and go vet -json give it: findings and the
// analyzers' errors are in the JSON ({"error": ...}) and leave it 0 (runChecks
// still logs the errors on stderr); a package that does not load or
// type-check makes it 1, as its errors are on stderr, not in the JSON.
func jsonExit(res *driver.Result) int {
	if len(res.Broken) > 0 {
		return 1
	}
	return 0
}

// runChecks runs the analyzers and reports, on stderr, what kept any package
// from being checked. It returns the result (nil after a fatal error) and
// the exit status so far: 1 if anything failed, else 0.
func runChecks(selected []*analysis.Analyzer, patterns []string, opts driver.Options) (*driver.Result, int) {
	if slices.Contains(selected, hardcodedsecret.Analyzer) {
		// Build the gitleaks detector (a few hundredths of a second of
		// regexps and a keyword trie) while go list runs, rather than
		// when the first package reaches the check.
		go secrets.Detector()
	}
	res, err := driver.Run(selected, patterns, opts)
	if err != nil {
		log.Print(secrets.RedactText(err.Error())) // go list may quote go.mod or a file
		return nil, 1
	}
	exit := 0
	if reportBroken(os.Stderr, res.Broken, selected) {
		exit = 1
	}
	for _, err := range res.Errors() {
		log.Print(err)
		exit = 1
	}
	return res, exit
}

// reportBroken names each package that does not build, with its errors
// (redacted by the driver), and reports whether there was one. The checks
// that need no types (RunDespiteErrors: hardcodedsecret, directive) still
// ran on it, and it says so.
func reportBroken(w io.Writer, broken []driver.Broken, selected []*analysis.Analyzer) bool {
	var ran []string
	for _, a := range selected {
		if a.RunDespiteErrors {
			ran = append(ran, a.Name)
		}
	}
	skipped := "so its checks were skipped"
	if len(ran) > 0 {
		skipped = "so only " + strings.Join(ran, " and ") + " ran on it"
	}
	for _, b := range broken {
		fmt.Fprintf(w, "brexlint: package %s has errors, %s:\n", b.ID, skipped)
		for _, e := range b.Errors {
			fmt.Fprintf(w, "\t%s\n", relError(e.Error()))
		}
	}
	return len(broken) > 0
}

// printText prints diagnostics as go vet does, file:line:col: message,
// sorted by position, with paths relative to the working directory when
// they are below it.
func printText(w io.Writer, diags []driver.Diagnostic, context int) {
	slices.SortStableFunc(diags, func(a, b driver.Diagnostic) int {
		if c := strings.Compare(a.Position.Filename, b.Position.Filename); c != 0 {
			return c
		}
		if a.Position.Line != b.Position.Line {
			return a.Position.Line - b.Position.Line
		}
		return a.Position.Column - b.Position.Column
	})
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	var src srclines.Reader
	for _, d := range diags {
		p := d.Position
		p.Filename = relPath(p.Filename)
		fmt.Fprintf(bw, "%s: %s\n", p, d.Message)
		if context >= 0 {
			// The position as //line adjusts it when it is in a file of
			// the package (a cgo package's code is analyzed in cgo's
			// translation, whose //line directives lead back to the
			// user's file), else the file the code was parsed from.
			lines, line := src.Lines(d.Position.Filename, d.Files()), d.Position.Line
			if lines == nil {
				lines, line = src.Lines(d.Source.Filename, d.Files()), d.Source.Line
			}
			printContext(bw, lines, line, context)
		}
	}
}

// printContext prints line (1-based) of lines with n lines around it. The
// lines are those of the file the package is made of, at the finding's
// unadjusted position: a //line directive does not choose what is read.
func printContext(w io.Writer, lines []string, line, n int) {
	for i := max(line-n, 1); i <= min(line+n, len(lines)); i++ {
		fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
	}
}

var cwd, _ = os.Getwd()

func relPath(name string) string {
	if cwd == "" || !filepath.IsAbs(name) {
		return name
	}
	if rel, err := filepath.Rel(cwd, name); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return name
}

// relError shortens an absolute file name at the start of a package error.
func relError(msg string) string {
	if i := strings.Index(msg, ":"); i > 0 {
		return relPath(msg[:i]) + msg[i:]
	}
	return msg
}

func writeHeapProfile(f *os.File) error {
	err := pprof.WriteHeapProfile(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
