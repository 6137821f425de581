package analyzers_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/analyzers"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestVariantFindsWhatPackageFinds: brexlint's driver analyzes a package
// with in-package tests in full and its test variant ("p [p.test]") over
// its _test.go files alone, while go vet and golangci-lint analyze only
// the variant, all its files. Both report the same only if a check's
// findings outside test files never depend on what the tests do. So for
// every package of every check's testdata that has in-package tests, the
// findings of its variant (under x/tools' checker, as go vet) in the
// package's own files must be the package's findings.
func TestVariantFindsWhatPackageFinds(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every check's testdata twice over; run without -short")
	}
	dirs, err := filepath.Glob("*/testdata")
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, dir := range dirs {
		pkgs := loadWithTests(t, dir)
		if pkgs == nil {
			continue
		}
		graph, err := checker.Analyze(analyzers.All(), pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		findings := map[string][]string{} // by package ID
		for act := range graph.All() {
			if !act.IsRoot || act.Err != nil {
				continue
			}
			for _, d := range act.Diagnostics {
				posn := act.Package.Fset.Position(d.Pos)
				findings[act.Package.ID] = append(findings[act.Package.ID], fmt.Sprintf("%s:%d:%d: %s", posn.Filename, posn.Line, posn.Column, d.Message))
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
				t.Errorf("%s: the test variant's findings in the package's files differ from the package's (-package +variant):\n%s", p.ID, diff)
			}
			compared += len(want)
		}
	}
	t.Logf("compared %d findings of packages with in-package tests", compared)
	// The comparison above is empty if no package with tests had a
	// finding: the testdata has dozens.
	if compared < 50 {
		t.Errorf("compared %d findings of packages with in-package tests, want at least 50", compared)
	}
}

// loadWithTests loads every package of a check's GOPATH-style testdata
// with its tests, or returns nil if it has none.
func loadWithTests(t *testing.T, dir string) []*packages.Package {
	t.Helper()
	gopath, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(gopath, "src")); err != nil {
		return nil
	}
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   filepath.Join(gopath, "src"),
		Tests: true,
		Env:   append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=", "GOPROXY=off"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}
