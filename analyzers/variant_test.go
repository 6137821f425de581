package analyzers_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/internal/teststubs"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// TestVariantFindsWhatPackageFinds: brexlint's driver analyzes a package
// with in-package tests in full and its test variant ("p [p.test]") over
// its _test.go files alone, while go vet and golangci-lint analyze only
// the variant, all its files. Both report the same only if a check's
// findings and fixes outside test files never depend on what the tests do
// (a test that uses a constant as an HMAC key, stubs a package variable,
// retries a function: each check's testdata has such tests). So for every
// package with in-package tests in every check's testdata, the findings
// and suggested fixes of its variant (under x/tools' checker, as go vet)
// in the package's own files must be the package's.
func TestVariantFindsWhatPackageFinds(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every check's testdata twice over; run without -short")
	}
	suites, err := filepath.Glob("*/testdata")
	if err != nil {
		t.Fatal(err)
	}
	suites = append(suites, "testdata")
	compared, packagesCompared := 0, 0
	for _, suite := range suites {
		patterns := packagesWithTests(t, filepath.Join(suite, "src"))
		if len(patterns) == 0 {
			continue
		}
		root := teststubs.GOPATH(t, suite, teststubs.All(t)...)
		pkgs, graph := analyzeGOPATH(t, root, filepath.Join(root, "src"), patterns...)
		findings := map[string][]string{} // by package ID
		for act := range graph.All() {
			if act.Err != nil {
				t.Errorf("%s: %v", act, act.Err)
			}
			if !act.IsRoot {
				continue
			}
			for _, d := range act.Diagnostics {
				findings[act.Package.ID] = append(findings[act.Package.ID], describe(act.Package, d))
			}
		}
		byID := map[string]*packages.Package{}
		for _, p := range pkgs {
			byID[p.ID] = p
		}
		for _, p := range pkgs {
			v := byID[p.ID+" ["+p.PkgPath+".test]"]
			if p.ID != p.PkgPath || v == nil {
				continue
			}
			var inPackage []string
			for _, f := range findings[v.ID] {
				file, _, _ := strings.Cut(f, ":")
				if slices.Contains(p.CompiledGoFiles, file) {
					inPackage = append(inPackage, f)
				}
			}
			want := findings[p.ID]
			slices.Sort(want)
			slices.Sort(inPackage)
			if diff := cmp.Diff(want, inPackage); diff != "" {
				t.Errorf("%s (%s): the test variant's findings in the package's files differ from the package's (-package +variant):\n%s", p.ID, suite, diff)
			}
			compared += len(want)
			packagesCompared++
		}
	}
	t.Logf("compared %d findings of %d packages with in-package tests", compared, packagesCompared)
	// The comparison above is empty if no package with tests had a
	// finding: the testdata has hundreds.
	if compared < 200 {
		t.Errorf("compared %d findings of packages with in-package tests, want at least 200", compared)
	}
}

// describe is a finding as the comparison sees it: its position, message
// and suggested fixes, edits included.
func describe(p *packages.Package, d analysis.Diagnostic) string {
	posn := p.Fset.Position(d.Pos)
	s := fmt.Sprintf("%s:%d:%d: %s", posn.Filename, posn.Line, posn.Column, d.Message)
	for _, fix := range d.SuggestedFixes {
		s += "\n\tfix: " + fix.Message
		for _, e := range fix.TextEdits {
			from, to := p.Fset.Position(e.Pos), p.Fset.Position(e.End)
			s += fmt.Sprintf("\n\t\t%d:%d-%d:%d %q", from.Line, from.Column, to.Line, to.Column, e.NewText)
		}
	}
	return s
}

// packagesWithTests returns the import paths, relative to src (a GOPATH
// src directory), of the packages that have in-package _test.go files.
func packagesWithTests(t *testing.T, src string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if isExternalTest(string(data)) {
			return nil
		}
		rel, err := filepath.Rel(src, filepath.Dir(path))
		if err != nil {
			return err
		}
		if p := "./" + filepath.ToSlash(rel); !slices.Contains(out, p) {
			out = append(out, p)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return out
}

// isExternalTest reports whether src, a _test.go file, belongs to an
// external test package (package p_test).
func isExternalTest(src string) bool {
	for line := range strings.Lines(src) {
		if name, ok := strings.CutPrefix(line, "package "); ok {
			return strings.HasSuffix(strings.TrimSpace(name), "_test")
		}
	}
	return false
}
