package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/brexlint/brexlint/checklist"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/secrets"
)

// secretsMain is "brexlint secrets": the scan of non-Go files alone, for
// pre-commit hooks. Go files are the hardcodedsecret check's business.
// It loads no Go packages, so the rule on a .env that the code loads but
// that does not exist yet (dotenvFindings) is the checklist's alone.
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
reports a committed .env or one that .gitignore does not ignore.

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
		found, _, err := scanNonGo(root, *stagedOnly, *tests)
		if err != nil {
			log.Print(err)
			exit = 1
			continue
		}
		for _, f := range found {
			fmt.Fprintf(os.Stderr, "%s:%d:%d: %s\n", filepath.Join(root, filepath.FromSlash(f.File)), f.Line, f.Column, f.Message)
		}
		if len(found) > 0 && exit == 0 {
			exit = 3
		}
	}
	return exit
}

// scanNonGo scans the non-Go files below root that git would commit (or,
// with stagedOnly, their staged content) with the hardcodedsecret detector,
// and reports a committed .env file, or a .env that .gitignore does not
// ignore. Findings are hardcodedsecret findings, so the checklist files them
// under its secrets item; file names are relative to root.
//
// It reads files, not Go packages: a .env that the code loads but that does
// not exist yet is dotenvFindings' business, which the checklist adds.
//
// Test fixtures (secrets.FixturePath: testdata/, *.golden, tests/,
// test_*.py …) follow the Go test policy: only Brex user tokens that are
// not obviously fake are reported in them, unless tests is set, which
// scans them like any file. It also returns how many files it scanned.
func scanNonGo(root string, stagedOnly, tests bool) ([]checklist.Finding, int, error) {
	var nonGo []string
	var matches []secrets.FileMatch
	var err error
	if stagedOnly {
		nonGo, matches, err = scanStaged(root, tests)
	} else {
		nonGo, matches, err = scanCommittable(root, tests)
	}
	if err != nil {
		return nil, 0, err
	}
	var out []checklist.Finding
	for _, m := range matches {
		out = append(out, checklist.Finding{
			Check:    checks.HardcodedSecret,
			Category: checks.HardcodedSecret + "/file-secret",
			Message: fmt.Sprintf("%s: secret %q in a file that git would commit (%s): keep it in the environment or a secret manager, and revoke the leaked value",
				checks.HardcodedSecret, secrets.Redact(m.Secret), strings.TrimSuffix(m.Description, ".")),
			File: m.Path, Line: m.Line, Column: m.Column,
		})
	}
	return append(out, envFileFindings(root, nonGo)...), len(nonGo), nil
}

// scanPaths scans the files at paths below root: fixtures with the Go test
// policy unless tests is set (see scanNonGo), the others with every rule.
func scanPaths(root string, paths []string, tests bool) ([]secrets.FileMatch, error) {
	var plain, fixtures []string
	for _, p := range paths {
		if !tests && secrets.FixturePath(p) {
			fixtures = append(fixtures, p)
		} else {
			plain = append(plain, p)
		}
	}
	matches, err := secrets.ScanFiles(root, plain)
	if err != nil {
		return nil, err
	}
	fm, err := secrets.ScanFixtureFiles(root, fixtures)
	return append(matches, fm...), err
}

// registerTestsFlag adds -tests, which scans the non-Go test fixtures
// with every rule.
func registerTestsFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("tests", false, "scan non-Go test fixtures (testdata/, *.golden, tests/, test_*.py, *.spec.* ...) with every secret rule, not only for real Brex user tokens")
}

// scanCommittable scans the work-tree content of the non-Go files that git
// would commit. It returns the files' names and the secrets found.
func scanCommittable(root string, tests bool) ([]string, []secrets.FileMatch, error) {
	files, err := committable(root)
	if err != nil {
		return nil, nil, fmt.Errorf("listing files in %s: %v", root, err)
	}
	var nonGo []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".go") {
			if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(f))); err == nil {
				nonGo = append(nonGo, f)
			}
		}
	}
	matches, err := scanPaths(root, nonGo, tests)
	return nonGo, matches, err
}

// scanStaged scans the staged content of the non-Go files that the next
// commit adds or changes: the index version, which is what gets committed,
// whatever the work tree holds (git add -p, edits after git add, a hook run
// without pre-commit's stash). Symbolic links and submodules are skipped:
// their blob is a link target or a commit, not content.
//
// The blobs are read with one git cat-file --batch process and written to
// a private temporary directory (mode 0700, removed before returning) under
// their own relative paths, so that the detector's path rules (lock files,
// vendored code) apply as they do to the work tree.
func scanStaged(root string, tests bool) ([]string, []secrets.FileMatch, error) {
	files, err := staged(root)
	if err != nil {
		return nil, nil, fmt.Errorf("listing staged files in %s: %v", root, err)
	}
	var nonGo []string
	var blobs []stagedFile
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".go") || f.Mode != "100644" && f.Mode != "100755" {
			continue
		}
		nonGo = append(nonGo, f.Path)
		blobs = append(blobs, f)
	}
	if len(blobs) == 0 {
		return nil, nil, nil
	}
	tmp, err := os.MkdirTemp("", "brexlint-staged-")
	if err != nil {
		return nil, nil, err
	}
	defer os.RemoveAll(tmp)
	written, err := writeBlobs(root, tmp, blobs, secrets.MaxFileSize)
	if err != nil {
		return nil, nil, fmt.Errorf("reading staged files in %s: %v", root, err)
	}
	matches, err := scanPaths(tmp, written, tests)
	if err != nil {
		return nil, nil, fmt.Errorf("scanning staged files in %s: %v", root, err)
	}
	return nonGo, matches, nil
}

// envFileFindings reports .env files that are, or are about to be,
// committed. Templates (.env.example and the like) hold no secrets by
// convention and are left alone.
func envFileFindings(root string, files []string) []checklist.Finding {
	var out []checklist.Finding
	for _, f := range files {
		if !secrets.IsEnvFile(path.Base(f)) {
			continue
		}
		if tracked(root, f) {
			out = append(out, envFinding(f, "committed-env", "%s is committed: .env files hold secrets; remove it from git (git rm --cached), add .env to .gitignore, and rotate what it held"))
		} else if !ignored(root, f) {
			out = append(out, envFinding(f, "env-not-ignored", "%s is not ignored by .gitignore, so the next git add commits its secrets: add .env to .gitignore"))
		}
	}
	return out
}

func envFinding(file, kind, format string) checklist.Finding {
	return checklist.Finding{
		Check:    checks.HardcodedSecret,
		Category: checks.HardcodedSecret + "/" + kind,
		Message:  checks.HardcodedSecret + ": " + fmt.Sprintf(format, file),
		File:     file, Line: 1, Column: 1,
	}
}
