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
func secretsMain(args []string) int {
	fs := flag.NewFlagSet("brexlint secrets", flag.ContinueOnError)
	stagedOnly := fs.Bool("staged", false, "scan only the files staged for the next commit")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: brexlint secrets [-staged] [PATH...]   (default .)")
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
		found, err := scanNonGo(root, *stagedOnly)
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
// with stagedOnly, that are staged) with the hardcodedsecret detector, and
// reports a committed .env file, or a .env that .gitignore does not ignore.
// Findings are hardcodedsecret findings, so the checklist files them under
// its secrets item; file names are relative to root.
func scanNonGo(root string, stagedOnly bool) ([]checklist.Finding, error) {
	list := committable
	if stagedOnly {
		list = staged
	}
	files, err := list(root)
	if err != nil {
		return nil, fmt.Errorf("listing files in %s: %v", root, err)
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
	if err != nil {
		return nil, err
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
	return append(out, envFileFindings(root, nonGo)...), nil
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
