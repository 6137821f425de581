package committed

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/brexlint/brexlint/checklist"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/secrets"
)

// Options select what [Scan] reads.
type Options struct {
	// Staged scans the staged content of the files that the next commit
	// adds or changes, rather than the work tree.
	Staged bool
	// Tests scans test fixtures with every rule (the CLI's -tests).
	Tests bool
}

// Scan scans the non-Go files below root that git would commit (or,
// with Staged, their staged content) with the hardcodedsecret detector,
// and reports a committed .env file, or a .env that .gitignore does not
// ignore. Findings are hardcodedsecret findings, so the checklist files them
// under its secrets item; file names are relative to root.
//
// It reads files, not Go packages: a .env that the code loads but that does
// not exist yet is internal/moduleview's business (DotenvFindings), which
// the checklist adds.
//
// What cannot be scanned (a file that cannot be read, git refusing the
// repository) does not stop the scan of the rest: it is returned as the
// error, and as an "unscanned" finding of hardcodedsecret, so that the
// checklist's secrets item fails rather than passing on files nobody read.
//
// Test fixtures (secrets.FixturePath: testdata/, *.golden, tests/,
// test_*.py …) follow the Go test policy: only Brex user tokens that are
// not obviously fake are reported in them, unless Tests is set, which
// scans them like any file. A .env file is never a fixture. Scan also
// returns how many files it scanned.
func Scan(root string, opts Options) ([]checklist.Finding, int, error) {
	var nonGo []string
	var matches []secrets.FileMatch
	var err error
	if opts.Staged {
		nonGo, matches, err = scanStaged(root, opts.Tests)
	} else {
		nonGo, matches, err = scanCommittable(root, opts.Tests)
	}
	var out []checklist.Finding
	if err != nil {
		out = append(out, checklist.Finding{
			Check:    checks.HardcodedSecret,
			Category: UnscannedCategory,
			// The item cannot pass until every file can be
			// scanned; what stopped the scan (git's words, or
			// each unreadable file) is too long for one line.
			Message: checks.HardcodedSecret + ": " + checks.Message("some files that git would commit could not be scanned for secrets",
				"a committed secret may go unseen", "fix what stopped the scan (its related information)"),
			File:    ".",
			Related: []checklist.Related{{Message: oneLine(err), File: "."}},
		})
	}
	for _, m := range matches {
		out = append(out, checklist.Finding{
			Check:    checks.HardcodedSecret,
			Category: checks.HardcodedSecret + "/file-secret",
			Message: checks.HardcodedSecret + ": " + checks.Message(fmt.Sprintf("secret %q in a file that git would commit (rule %s)", secrets.Redact(m.Secret), m.RuleID),
				"anyone who can read the repository can use it", "read it from the environment or a secret store"),
			File: m.Path, Line: m.Line, Column: m.Column,
			// What the gitleaks rule detects: too long for the message.
			Related: []checklist.Related{{Message: strings.TrimSuffix(m.Description, "."), File: m.Path, Line: m.Line, Column: m.Column}},
		})
	}
	return append(out, envFileFindings(root, nonGo)...), len(nonGo), err
}

// scanPaths scans the files at paths below root: fixtures with the Go test
// policy unless tests is set (see Scan), the others with every rule.
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
	fm, ferr := secrets.ScanFixtureFiles(root, fixtures)
	return append(matches, fm...), errors.Join(err, ferr)
}

// UnscannedCategory is the category of the finding that says that files
// could not be scanned.
const UnscannedCategory = checks.HardcodedSecret + "/unscanned"

// oneLine joins the lines of err's text (errors.Join, git's messages).
func oneLine(err error) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", "; ")), " ")
}

// scanCommittable scans the work-tree content of the non-Go files that git
// would commit. It returns the files' names and the secrets found.
func scanCommittable(root string, tests bool) ([]string, []secrets.FileMatch, error) {
	files, err := Files(root)
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
	matches, err := scanPaths(root, nonGo, tests)
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
func scanStaged(root string, tests bool) ([]string, []secrets.FileMatch, error) {
	files, err := Staged(root)
	if err != nil {
		return nil, nil, fmt.Errorf("listing staged files in %s: %v", root, err)
	}
	var nonGo []string
	var blobs []StagedFile
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".go") || f.Mode != "100644" && f.Mode != "100755" {
			continue
		}
		nonGo = append(nonGo, f.Path)
		blobs = append(blobs, f)
	}
	var matches []secrets.FileMatch
	err = ReadBlobs(root, blobs, secrets.MaxFileSize, func(path string, data []byte) {
		if !tests && secrets.FixturePath(path) {
			matches = append(matches, secrets.ScanFixtureContent(path, data)...)
		} else {
			matches = append(matches, secrets.ScanContent(path, data)...)
		}
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
		if !secrets.IsEnvFile(path.Base(f)) {
			continue
		}
		if tracked(root, f) {
			out = append(out, envFinding(f, "committed-env", checks.Message("%s is committed",
				"its secrets are in the repository's history", "remove it from git, ignore it and rotate its secrets")))
		} else if !ignored(root, f) {
			out = append(out, envFinding(f, "env-not-ignored", checks.Message("%s is not ignored by .gitignore",
				"the next git add commits its secrets", "add it to .gitignore")))
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
