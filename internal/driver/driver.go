// Package driver loads packages and runs brexlint's analyzers over them for
// the commands of cmd/brexlint that do not go through go vet: the standalone
// analysis and the checklist report. It runs go/analysis analyzers as
// golang.org/x/tools/go/analysis/checker does (the same actions, facts and
// errors), but streams the import graph one package at a time, in
// dependency order, so that a run holds the syntax of a few packages
// rather than of all (stream.go). On top it gives what users of brexlint
// were promised: a package that does not type-check is named and skipped
// while the others are analyzed, and a pattern that matches nothing is an
// error rather than silence.
package driver

import (
	"errors"
	"fmt"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/brexlint/brexlint/internal/secrets"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// Options configure a run.
type Options struct {
	Dir   string // directory to load from; "" is the current one
	Tests bool   // also analyze the packages' test files
	// Observe, if set, is called with each package the patterns match
	// once it is analyzed, with the results of the analyzers that ran on
	// it without error, while its syntax and type information are still
	// there: they are dropped when it returns, as every package's are
	// once its facts and findings are out. Calls may be concurrent. A
	// test variant's results cover its _test.go files alone (see
	// stream.analyze), while its Syntax holds all its files.
	Observe func(p *packages.Package, results map[*analysis.Analyzer]any)
}

// Broken is a package that could not be loaded or type-checked. Its
// analysis is skipped; its errors say why.
type Broken struct {
	ID     string
	Errors []packages.Error
}

// Action is one analyzer's run on one package.
type Action struct {
	Analyzer    *analysis.Analyzer
	Package     *packages.Package
	IsRoot      bool  // the package is one the patterns match
	Err         error // why the analyzer did not run, or failed
	Diagnostics []analysis.Diagnostic
}

func (act *Action) String() string { return fmt.Sprintf("%s@%s", act.Analyzer, act.Package) }

// Result is the outcome of a run.
type Result struct {
	Packages []*packages.Package // the packages matched by the patterns
	Broken   []Broken            // matched packages (and their dependencies) with errors
	// Actions are the actions on the matched packages, in the order of
	// the analyzers and then of the packages, followed by the failed
	// actions on dependencies.
	Actions []*Action
}

// Run loads the packages matched by patterns and analyzes them.
func Run(analyzers []*analysis.Analyzer, patterns []string, opts Options) (*Result, error) {
	if err := analysis.Validate(analyzers); err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	cfg := &packages.Config{Mode: metaMode, Dir: opts.Dir, Tests: opts.Tests, Fset: fset}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if err := checkPatterns(patterns, pkgs, opts.Dir); err != nil {
		return nil, err
	}
	goroot, _ := goEnv(opts.Dir, "GOROOT") // unknown: parse everything, slower, never wrong
	s := &stream{fset: fset, opts: opts, factType: map[reflect.Type]*analysis.Analyzer{}}
	s.plan(analyzers)
	s.parser = newFileParser(fset, goroot, len(s.depAs) > 0)
	s.exports = stdExports(opts.Dir, goroot, pkgs)
	s.analyze(pkgs)
	res := &Result{Packages: pkgs, Actions: s.sorted(analyzers, pkgs)}
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Errors) == 0 || seen[p.ID] {
			return
		}
		seen[p.ID] = true
		redactErrors(p)
		res.Broken = append(res.Broken, Broken{ID: p.ID, Errors: p.Errors})
	})
	return res, nil
}

// redactErrors redacts the secrets that p's errors quote: a type error
// quotes the constant it could not use ("cannot use "bxt_…" (untyped
// string constant) as int value"), a syntax error the token it stopped at.
func redactErrors(p *packages.Package) {
	for i := range p.Errors {
		p.Errors[i].Msg = secrets.RedactText(p.Errors[i].Msg)
	}
	for i := range p.TypeErrors {
		p.TypeErrors[i].Msg = secrets.RedactText(p.TypeErrors[i].Msg)
	}
}

// checkPatterns reports the patterns that matched no package. go list only
// warns about them, and a CI job that lints nothing because of a typo in a
// path would pass forever.
func checkPatterns(patterns []string, pkgs []*packages.Package, dir string) error {
	if len(pkgs) == 0 {
		return fmt.Errorf("%s matched no packages%s", strings.Join(patterns, " "), noModule(dir))
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
		return fmt.Errorf("%s matched no packages%s", strings.Join(missing, " "), noModule(dir))
	}
	return nil
}

// noModule explains, after "matched no packages", that dir is in no
// module, or returns "".
func noModule(dir string) string {
	if gomod, err := goEnv(dir, "GOMOD"); err == nil && (gomod == "" || gomod == os.DevNull) {
		return ": there is no go.mod in this directory or above it (run brexlint in a module, or go mod init one)"
	}
	return ""
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
	match := matchPattern(pat)
	for _, p := range pkgs {
		if match(p.PkgPath) {
			return true
		}
	}
	return false
}

// matchPattern returns a matcher of import paths for a go list pattern, as
// the go command matches them: "..." matches any string, and "x/..."
// matches x itself too. "example.com/m/..." does not match
// example.com/m1, while "example.com/m..." does.
func matchPattern(pat string) func(string) bool {
	re := regexp.QuoteMeta(pat)
	re = strings.ReplaceAll(re, `\.\.\.`, `.*`)
	if strings.HasSuffix(re, `/.*`) {
		re = strings.TrimSuffix(re, `/.*`) + `(/.*)?`
	}
	return regexp.MustCompile(`^` + re + `$`).MatchString
}

// Diagnostic is a root diagnostic with its position resolved.
type Diagnostic struct {
	Check    string
	Package  *packages.Package
	Position token.Position // as //line directives adjust it, for people
	End      token.Position
	Source   token.Position // in the file the package is made of, for reading it
	analysis.Diagnostic
}

// Files returns the files of d's package: the only files whose lines may
// be read for d (see package srclines).
func (d Diagnostic) Files() []string {
	return PackageFiles(d.Package)
}

// PackageFiles returns the files a package is made of.
func PackageFiles(p *packages.Package) []string {
	return slices.Concat(p.CompiledGoFiles, p.GoFiles, p.OtherFiles, p.IgnoredFiles)
}

// Diagnostics returns the diagnostics of the root actions, once each. A
// package and its test variant share files, but the variant reports only
// in its test files (see stream.analyze); should two other root packages
// hold one file, its findings are still counted once.
func (r *Result) Diagnostics() []Diagnostic {
	type key struct {
		pos, end token.Position
		check    string
		message  string
	}
	seen := map[key]bool{}
	var out []Diagnostic
	for _, act := range r.Actions {
		if act.Err != nil || !act.IsRoot {
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
			out = append(out, Diagnostic{Check: act.Analyzer.Name, Package: act.Package, Position: pos, End: end, Source: fset.PositionFor(d.Pos, false), Diagnostic: d})
		}
	}
	return out
}

// Errors returns the analysis errors of actions whose package is not
// broken: the failures of brexlint itself, which must never be silent.
func (r *Result) Errors() []error {
	broken := map[string]bool{}
	for _, b := range r.Broken {
		broken[b.ID] = true
	}
	var errs []error
	for _, act := range r.Actions {
		if act.Err != nil && !broken[act.Package.ID] && !isPrereqFailure(act.Err) {
			errs = append(errs, errors.New(secrets.RedactText(fmt.Sprintf("%s: %s: %v", act.Package.ID, act.Analyzer.Name, act.Err))))
		}
	}
	return errs
}

func isPrereqFailure(err error) bool {
	return strings.HasPrefix(err.Error(), "failed prerequisites")
}

// goEnv returns the value of one go env variable, as the go command that
// go/packages runs sees it.
func goEnv(dir, name string) (string, error) {
	cmd := exec.Command("go", "env", name)
	cmd.Dir = dir
	out, err := cmd.Output()
	return strings.TrimSpace(string(out)), err
}
