package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/brexlint/brexlint/internal/committed"
)

// secretsMain is "brexlint secrets": the scan of non-Go files alone, for
// pre-commit hooks. Go files are the hardcodedsecret check's business.
// The rules are internal/committed's (Scan). It loads no Go packages, so
// the rule on a .env that the code loads but that does not exist yet
// (moduleview.DotenvFindings) is the checklist's alone.
func secretsMain(args []string) int {
	fs := flag.NewFlagSet("brexlint secrets", flag.ContinueOnError)
	stagedOnly := fs.Bool("staged", false, "scan only the files staged for the next commit, as staged (the index content, not the work tree)")
	tests := registerTestsFlag(fs)
	fs.SetOutput(usageOut)
	registerVersion(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), synopsis)
		fmt.Fprintln(fs.Output(), `
brexlint secrets [-staged] [PATH...] (default .) scans the non-Go files that git would commit (with -staged: the staged
content of the files the next commit adds or changes) for secrets, and
reports a committed .env or one that .gitignore does not ignore. Test
fixtures (testdata/, *.golden, tests/, test_*.py, *.spec.* ...) are
scanned only for real Brex user tokens, as _test.go files are, unless
-tests is given.

It does not load Go packages, so it cannot tell that the code loads a .env
that does not exist yet; "brexlint checklist" reports a .gitignore that
would not ignore such a file.

Flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitOnFlagError(err)
	}
	roots := fs.Args()
	if len(roots) == 0 {
		roots = []string{"."}
	}
	exit := 0
	for _, root := range roots {
		if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
			if err == nil {
				err = fmt.Errorf("%s is not a directory: brexlint secrets scans the files git would commit below a directory", root)
			}
			log.Print(err)
			exit = 1
			continue
		}
		found, _, err := committed.Scan(root, committed.Options{Staged: *stagedOnly, Tests: *tests})
		for _, f := range found {
			if f.Category == committed.UnscannedCategory {
				continue // the error below says it
			}
			fmt.Fprintf(os.Stderr, "%s:%d:%d: %s\n", filepath.Join(root, filepath.FromSlash(f.File)), f.Line, f.Column, f.Message)
		}
		if err != nil {
			log.Print(err)
			exit = 1
			continue
		}
		if len(found) > 0 && exit == 0 {
			exit = 3
		}
	}
	return exit
}

// registerTestsFlag adds -tests, which scans the non-Go test fixtures
// with every rule.
func registerTestsFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("tests", false, "scan non-Go test fixtures (testdata/, *.golden, tests/, test_*.py, *.spec.* ...) with every secret rule, not only for real Brex user tokens")
}
