// Package driver loads packages and runs brexlint's analyzers over them for
// the commands of cmd/brexlint that do not go through go vet: the standalone
// analysis and the checklist report. It is a thin layer over
// golang.org/x/tools/go/analysis/checker that adds what users of brexlint
// were promised: a package that does not type-check is named and skipped
// while the others are analyzed, and a pattern that matches nothing is an
// error rather than silence.
package driver

import (
	"fmt"
	"go/token"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Options configure a run.
type Options struct {
	Dir   string // directory to load from; "" is the current one
	Tests bool   // also analyze the packages' test files
}

// Broken is a package that could not be loaded or type-checked. Its
// analysis is skipped; its errors say why.
type Broken struct {
	ID     string
	Errors []packages.Error
}

// Result is the outcome of a run.
type Result struct {
	Graph    *checker.Graph
	Packages []*packages.Package // the packages matched by the patterns
	Broken   []Broken            // matched packages (and their dependencies) with errors
}

// Run loads the packages matched by patterns and analyzes them.
func Run(analyzers []*analysis.Analyzer, patterns []string, opts Options) (*Result, error) {
	mode := packages.LoadSyntax | packages.NeedModule
	if needFacts(analyzers) {
		// The checker needs facts from every dependency, so it needs
		// their syntax too.
		mode = packages.LoadAllSyntax | packages.NeedModule
	}
	cfg := &packages.Config{Mode: mode, Dir: opts.Dir, Tests: opts.Tests}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if err := checkPatterns(patterns, pkgs, opts.Dir); err != nil {
		return nil, err
	}
	res := &Result{Packages: pkgs}
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Errors) == 0 || seen[p.ID] {
			return
		}
		seen[p.ID] = true
		res.Broken = append(res.Broken, Broken{ID: p.ID, Errors: p.Errors})
	})
	res.Graph, err = checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		return nil, err
	}
	return res, nil
}

// checkPatterns reports the patterns that matched no package. go list only
// warns about them, and a CI job that lints nothing because of a typo in a
// path would pass forever.
func checkPatterns(patterns []string, pkgs []*packages.Package, dir string) error {
	if len(pkgs) == 0 {
		return fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	var missing []string
	for _, pat := range patterns {
		if !strings.Contains(pat, "...") {
			continue // go list reports a named package or directory that does not exist as a package error
		}
		if !anyMatches(pat, pkgs, dir) {
			missing = append(missing, pat)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s matched no packages", strings.Join(missing, " "))
	}
	return nil
}

func anyMatches(pat string, pkgs []*packages.Package, dir string) bool {
	prefix := strings.TrimSuffix(strings.TrimSuffix(pat, "..."), "/")
	local := strings.HasPrefix(pat, ".") || filepath.IsAbs(pat)
	if local {
		abs, err := filepath.Abs(filepath.Join(dir, prefix))
		if err != nil {
			return true // cannot tell: do not cry wolf
		}
		for _, p := range pkgs {
			for _, f := range append(p.GoFiles, p.CompiledGoFiles...) {
				if d := filepath.Dir(f); d == abs || strings.HasPrefix(d, abs+string(filepath.Separator)) {
					return true
				}
			}
		}
		return false
	}
	if prefix == "" || prefix == "all" || prefix == "std" || prefix == "cmd" {
		return true
	}
	for _, p := range pkgs {
		if p.PkgPath == prefix || strings.HasPrefix(p.PkgPath, prefix) {
			return true
		}
	}
	return false
}

func needFacts(analyzers []*analysis.Analyzer) bool {
	seen := map[*analysis.Analyzer]bool{}
	var visit func([]*analysis.Analyzer) bool
	visit = func(as []*analysis.Analyzer) bool {
		for _, a := range as {
			if seen[a] {
				continue
			}
			seen[a] = true
			if len(a.FactTypes) > 0 || visit(a.Requires) {
				return true
			}
		}
		return false
	}
	return visit(analyzers)
}

// Diagnostic is a root diagnostic with its position resolved.
type Diagnostic struct {
	Check    string
	Package  *packages.Package
	Position token.Position
	End      token.Position
	analysis.Diagnostic
}

// Diagnostics returns the diagnostics of the root actions, once each: a file
// that belongs both to a package and to its test variant is analyzed twice,
// and its findings must not be counted twice.
func (r *Result) Diagnostics() []Diagnostic {
	type key struct {
		pos, end token.Position
		check    string
		message  string
	}
	seen := map[key]bool{}
	var out []Diagnostic
	for _, act := range r.Graph.Roots {
		if act.Err != nil {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			pos, end := fset.Position(d.Pos), fset.Position(d.End)
			k := key{pos, end, act.Analyzer.Name, d.Message}
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, Diagnostic{Check: act.Analyzer.Name, Package: act.Package, Position: pos, End: end, Diagnostic: d})
		}
	}
	return out
}

// Errors returns the analysis errors of root actions whose package is not
// broken: the failures of brexlint itself, which must never be silent.
func (r *Result) Errors() []error {
	broken := map[string]bool{}
	for _, b := range r.Broken {
		broken[b.ID] = true
	}
	var errs []error
	for act := range r.Graph.All() {
		if act.Err != nil && !broken[act.Package.ID] && !isPrereqFailure(act.Err) {
			errs = append(errs, fmt.Errorf("%s: %s: %w", act.Package.ID, act.Analyzer.Name, act.Err))
		}
	}
	return errs
}

func isPrereqFailure(err error) bool {
	return strings.HasPrefix(err.Error(), "failed prerequisites")
}
