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
		if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
			if err == nil {
				err = fmt.Errorf("%s is not a directory: brexlint secrets scans the files git would commit below a directory", root)
			}
			log.Print(err)
			exit = 1
			continue
		}
		found, err := scanNonGo(root, *stagedOnly)
		for _, f := range found {
			if f.Category == unscannedCategory {
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

// scanNonGo scans the non-Go files below root that git would commit (or,
// with stagedOnly, their staged content) with the hardcodedsecret detector,
// and reports a committed .env file, or a .env that .gitignore does not
// ignore. Findings are hardcodedsecret findings, so the checklist files them
// under its secrets item; file names are relative to root.
//
// It reads files, not Go packages: a .env that the code loads but that does
// not exist yet is dotenvFindings' business, which the checklist adds.
//
// What cannot be scanned (a file that cannot be read, git refusing the
// repository) does not stop the scan of the rest: it is returned as the
// error, and as an "unscanned" finding of hardcodedsecret, so that the
// checklist's secrets item fails rather than passing on files nobody read.
func scanNonGo(root string, stagedOnly bool) ([]checklist.Finding, error) {
	var nonGo []string
	var matches []secrets.FileMatch
	var err error
	if stagedOnly {
		nonGo, matches, err = scanStaged(root)
	} else {
		nonGo, matches, err = scanCommittable(root)
	}
	var out []checklist.Finding
	if err != nil {
		out = append(out, checklist.Finding{
			Check:    checks.HardcodedSecret,
			Category: unscannedCategory,
			Message:  fmt.Sprintf("%s: not every file that git would commit could be scanned for secrets (%v): the secrets item cannot pass until they can", checks.HardcodedSecret, oneLine(err)),
			File:     ".",
		})
	}
	for _, m := range matches {
		out = append(out, checklist.Finding{
			Check:    checks.HardcodedSecret,
			Category: checks.HardcodedSecret + "/file-secret",
			Message:  fmt.Sprintf("%s: secret %q in a file that git would commit (rule %s)", checks.HardcodedSecret, secrets.Redact(m.Secret), m.RuleID),
			File:     m.Path, Line: m.Line, Column: m.Column,
			// What the gitleaks rule detects: too long for the message.
			Related: []checklist.Related{{Message: strings.TrimSuffix(m.Description, "."), File: m.Path, Line: m.Line, Column: m.Column}},
		})
	}
	return append(out, envFileFindings(root, nonGo)...), err
}

// unscannedCategory is the category of the finding that says that files
// could not be scanned.
const unscannedCategory = checks.HardcodedSecret + "/unscanned"

// oneLine joins the lines of err's text (errors.Join, git's messages).
func oneLine(err error) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", "; ")), " ")
}

// scanCommittable scans the work-tree content of the non-Go files that git
// would commit. It returns the files' names and the secrets found.
func scanCommittable(root string) ([]string, []secrets.FileMatch, error) {
	files, err := committable(root)
	if err != nil {
		return nil, nil, fmt.Errorf("listing the files in %s: %v", root, err)
	}
	var nonGo []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".go") {
			if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(f))); err == nil {
				nonGo = append(nonGo, f)
			}
		}
	}
	matches, err := secrets.ScanFiles(root, nonGo)
	return nonGo, matches, err
}

// scanStaged scans the staged content of the non-Go files that the next
// commit adds or changes: the index version, which is what gets committed,
// whatever the work tree holds (git add -p, edits after git add, a hook run
// without pre-commit's stash). Symbolic links and submodules are skipped:
// their blob is a link target or a commit, not content.
//
// The blobs are read with one git cat-file --batch process and scanned in
// memory under their own relative paths, so that the detector's path rules
// (lock files, vendored code) apply as they do to the work tree; no copy
// of them is ever written to disk.
func scanStaged(root string) ([]string, []secrets.FileMatch, error) {
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
	var matches []secrets.FileMatch
	err = readBlobs(root, blobs, secrets.MaxFileSize, func(path string, data []byte) {
		matches = append(matches, secrets.ScanContent(path, data)...)
	})
	if err != nil {
		return nonGo, matches, fmt.Errorf("reading staged files in %s: %v", root, err)
	}
	return nonGo, matches, nil
}

// envFileFindings reports .env files that are, or are about to be,
// committed. Templates (.env.example and the like) hold no secrets by
// convention and are left alone.
func envFileFindings(root string, files []string) []checklist.Finding {
	var out []checklist.Finding
	for _, f := range files {
		if !isEnvFile(path.Base(f)) {
			continue
		}
		if tracked(root, f) {
			out = append(out, envFinding(f, "committed-env", "%s is committed: .env files hold secrets"))
		} else if !ignored(root, f) {
			out = append(out, envFinding(f, "env-not-ignored", "%s is not ignored by .gitignore, so the next git add commits its secrets"))
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

func isEnvFile(base string) bool {
	if base == ".env" {
		return true
	}
	if !strings.HasPrefix(base, ".env.") {
		return false
	}
	switch strings.TrimPrefix(base, ".env.") {
	case "example", "sample", "template", "dist", "defaults":
		return false
	}
	return true
}
