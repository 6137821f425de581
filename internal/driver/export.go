package driver

import (
	"bufio"
	"bytes"
	"fmt"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// The standard library packages that the patterns do not name are read
// from the compiler's export data, as go vet and staticcheck read them,
// instead of being type-checked from source: brexlint computes no fact
// from the standard library (its bodies are never parsed for
// dependencies, and no fact of the checks comes from declarations alone),
// and export data is read lazily, object by object, so the types of the
// standard library that a run holds to its end are only those the code
// uses. On x/oauth2 that is 210 of its 240 packages; the go command answers
// `go list -export` for them from its build cache in under a tenth of a
// second. A package go list cannot give export data for is checked from
// source as before.

// stdExports returns the export data files of the standard library
// packages of the graph that are not roots, by import path, or nil when go
// list cannot say (everything is then checked from source).
func stdExports(dir, goroot string, roots []*packages.Package) map[string]string {
	if goroot == "" || parseAll {
		return nil
	}
	src := filepath.Join(goroot, "src") + string(filepath.Separator)
	root := map[*packages.Package]bool{}
	for _, p := range roots {
		root[p] = true
	}
	var paths []string
	seen := map[string]bool{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if root[p] || p.Module != nil || p.ID != p.PkgPath || p.PkgPath == "unsafe" || len(p.Errors) > 0 ||
			len(p.GoFiles) == 0 || !strings.HasPrefix(p.GoFiles[0], src) || seen[p.PkgPath] {
			return
		}
		seen[p.PkgPath] = true
		paths = append(paths, p.PkgPath)
	})
	if len(paths) == 0 {
		return nil
	}
	cmd := exec.Command("go", append([]string{"list", "-export", "-f", "{{.ImportPath}}\t{{.Export}}", "--"}, paths...)...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return nil
	}
	files := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if path, file, ok := strings.Cut(sc.Text(), "\t"); ok && file != "" {
			files[path] = file
		}
	}
	return files
}

// readExport reads u's types from its export data. The packages it
// refers to are u's dependencies, already loaded, so that every package of
// the run has one *types.Package.
func (s *stream) readExport(u *unit) error {
	f, err := os.Open(u.export)
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return fmt.Errorf("reading %s: %v", u.export, err)
	}
	view := map[string]*types.Package{}
	for _, d := range s.transitive(u) {
		view[d.pkg.PkgPath] = d.pkg.Types
	}
	s.exportMu.Lock()
	defer s.exportMu.Unlock()
	tp, err := gcexportdata.Read(r, s.fset, view, u.pkg.PkgPath)
	if err != nil {
		return fmt.Errorf("reading %s: %v", u.export, err)
	}
	u.pkg.Types = tp
	return nil
}
