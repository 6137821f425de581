// Package driver loads packages and runs brexlint's analyzers over them for
// the commands of cmd/brexlint that do not go through go vet: the standalone
// analysis and the checklist report. It is a thin layer over
// golang.org/x/tools/go/analysis/checker that adds what users of brexlint
// were promised: a package that does not type-check is named and skipped
// while the others are analyzed, and a pattern that matches nothing is an
// error rather than silence.
package driver

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/brexlint/brexlint/internal/secrets"
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
	var purgeFailed func([]*packages.Package) bool
	if mode&packages.NeedDeps != 0 {
		parse, failed, err := dependencyParser(patterns, opts)
		if err != nil {
			return nil, err
		}
		cfg.ParseFile, purgeFailed = parse, failed
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if purgeFailed != nil && purgeFailed(pkgs) {
		// A dependency did not type-check without its bodies: load
		// again, in full.
		cfg.ParseFile = nil
		if pkgs, err = packages.Load(cfg, patterns...); err != nil {
			return nil, err
		}
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
		redactErrors(p)
		res.Broken = append(res.Broken, Broken{ID: p.ID, Errors: p.Errors})
	})
	res.Graph, err = checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		return nil, err
	}
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
			out = append(out, Diagnostic{Check: act.Analyzer.Name, Package: act.Package, Position: pos, End: end, Source: fset.PositionFor(d.Pos, false), Diagnostic: d})
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
			errs = append(errs, errors.New(secrets.RedactText(fmt.Sprintf("%s: %s: %v", act.Package.ID, act.Analyzer.Name, act.Err))))
		}
	}
	return errs
}

func isPrereqFailure(err error) bool {
	return strings.HasPrefix(err.Error(), "failed prerequisites")
}

// dependencyParser returns a parser for packages.Config.ParseFile that
// drops the function bodies of dependencies whose bodies no brexlint fact
// needs, and a function reporting whether a package whose files it
// purged failed to type-check. The checker must load every dependency
// from source to compute facts, but the bodies are most of the parsing,
// type-checking and memory of a run (gopls does likewise for
// dependencies). Bodies are kept
//   - in the packages named by the patterns ("brexlint std" analyzes the
//     standard library in full);
//   - outside the standard library, in files that import net/http or
//     mention Brex, OAuth or a brexlint directive: the files where
//     wrappers, senders, response helpers, OAuth flows and teachings live.
//
// So a dependency's helpers that only generate values (an ids package of
// another module) get no value fact: the checks then treat their values as
// unknown, a miss rather than a false finding.
//
// Without bodies an import may no longer be used, which go/types reports
// as an error; such imports become blank imports. A file whose imports
// cannot all be accounted for (a dot import, a package whose name is not
// its path's last element) keeps its bodies.
func dependencyParser(patterns []string, opts Options) (func(*token.FileSet, string, []byte) (*ast.File, error), func([]*packages.Package) bool, error) {
	goroot, err := goEnv(opts.Dir, "GOROOT")
	if err != nil || goroot == "" {
		return nil, nil, nil // parse everything: slower, never wrong
	}
	std := filepath.Join(goroot, "src") + string(filepath.Separator)
	roots, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedFiles, Dir: opts.Dir, Tests: opts.Tests}, patterns...)
	if err != nil {
		return nil, nil, err
	}
	keep := map[string]bool{} // directories of root packages
	for _, p := range roots {
		for _, f := range p.GoFiles {
			keep[filepath.Dir(f)] = true
		}
	}
	var purged sync.Map // file name → true
	parse := func(fset *token.FileSet, filename string, data []byte) (*ast.File, error) {
		const full = parser.AllErrors | parser.ParseComments | parser.SkipObjectResolution
		if keep[filepath.Dir(filename)] || !strings.HasPrefix(filename, std) && needsBodies(data) {
			return parser.ParseFile(fset, filename, data, full)
		}
		f, err := parser.ParseFile(fset, filename, data, parser.SkipObjectResolution)
		if err != nil || !purgeBodies(f) {
			return parser.ParseFile(fset, filename, data, full)
		}
		purged.Store(filename, true)
		return f, nil
	}
	failed := func(pkgs []*packages.Package) bool {
		bad := false
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			if bad || !slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return e.Kind == packages.TypeError }) {
				return
			}
			bad = slices.ContainsFunc(p.CompiledGoFiles, func(f string) bool { _, ok := purged.Load(f); return ok })
		})
		return bad
	}
	return parse, failed, nil
}

// needsBodies reports whether a dependency's file may hold what a brexlint
// fact is about: it imports net/http, or mentions Brex, OAuth or a
// brexlint directive.
func needsBodies(src []byte) bool {
	if bytes.Contains(src, []byte(`"net/http"`)) {
		return true
	}
	lower := bytes.ToLower(src)
	return bytes.Contains(lower, []byte("brex")) || bytes.Contains(lower, []byte("oauth"))
}

// purgeBodies drops f's function bodies and, in the values of its
// package-level variables, the elements of composite literals (a
// literal's type does not depend on them, except an [...]T array's) and
// the bodies of function literals: the tables of unicode, crypto and
// generated code are much of what type-checking a dependency costs, and no
// fact is about them. It blanks the imports that only the dropped parts
// used, and reports false, leaving f unusable, when an import's name
// cannot be told from its path.
func purgeBodies(f *ast.File) bool {
	var (
		dropped []ast.Node // function bodies, literals losing their elements, function literals
		spans   [][2]token.Pos
	)
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Body != nil {
				dropped = append(dropped, d)
				spans = append(spans, [2]token.Pos{d.Body.Pos(), d.Body.End()})
			}
		case *ast.GenDecl:
			if d.Tok != token.VAR {
				continue
			}
			for _, spec := range d.Specs {
				for _, v := range spec.(*ast.ValueSpec).Values {
					ast.Inspect(v, func(n ast.Node) bool {
						switch n := n.(type) {
						case *ast.CompositeLit:
							if at, ok := n.Type.(*ast.ArrayType); ok {
								if _, ok := at.Len.(*ast.Ellipsis); ok {
									return true // [...]T: its length is its elements
								}
							}
							if len(n.Elts) > 0 {
								dropped = append(dropped, n)
								spans = append(spans, [2]token.Pos{n.Lbrace, n.Rbrace})
							}
							return false
						case *ast.FuncLit:
							dropped = append(dropped, n)
							spans = append(spans, [2]token.Pos{n.Body.Pos(), n.Body.End()})
							return false
						}
						return true
					})
				}
			}
		}
	}
	inDropped := func(pos token.Pos) bool {
		return slices.ContainsFunc(spans, func(s [2]token.Pos) bool { return s[0] <= pos && pos < s[1] })
	}
	inBody := map[string]bool{}  // selector operands used in dropped parts
	outside := map[string]bool{} // and elsewhere
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				if inDropped(id.Pos()) {
					inBody[id.Name] = true
				} else {
					outside[id.Name] = true
				}
			}
		}
		return true
	})
	for _, imp := range f.Imports {
		name := guessName(imp)
		switch {
		case name == "_":
		case name == "." || name == "" || !inBody[name] && !outside[name]:
			return false // the file uses the import under another name
		case !outside[name]:
			imp.Name = ast.NewIdent("_")
		}
	}
	for _, n := range dropped {
		switch n := n.(type) {
		case *ast.CompositeLit:
			n.Elts = nil
		case *ast.FuncLit:
			n.Body = neverReturns(n.Body)
		case *ast.FuncDecl:
			if n.Name.Name == "init" || n.Type.TypeParams != nil || genericRecv(n) {
				// go/types wants these bodies.
				n.Body = neverReturns(n.Body)
				continue
			}
			n.Body = nil
		}
	}
	return true
}

// neverReturns is a body in place of b that needs nothing else: it panics,
// so it satisfies any result list.
func neverReturns(b *ast.BlockStmt) *ast.BlockStmt {
	return &ast.BlockStmt{Lbrace: b.Lbrace, Rbrace: b.Rbrace, List: []ast.Stmt{
		&ast.ExprStmt{X: &ast.CallExpr{Fun: ast.NewIdent("panic"), Args: []ast.Expr{&ast.BasicLit{Kind: token.INT, Value: "0"}}}},
	}}
}

// genericRecv reports whether fd is a method of a generic type.
func genericRecv(fd *ast.FuncDecl) bool {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return false
	}
	t := fd.Recv.List[0].Type
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	switch t.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}

// guessName returns the name an import binds: its explicit name, or the
// last element of its path that is not a major version ("math/rand/v2" is
// rand).
func guessName(imp *ast.ImportSpec) string {
	if imp.Name != nil {
		return imp.Name.Name
	}
	path, err := strconv.Unquote(imp.Path.Value)
	if err != nil {
		return ""
	}
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = elems[len(elems)-2]
	}
	return last
}

// goEnv returns the value of one go env variable, as the go command that
// go/packages runs sees it.
func goEnv(dir, name string) (string, error) {
	cmd := exec.Command("go", "env", name)
	cmd.Dir = dir
	out, err := cmd.Output()
	return strings.TrimSpace(string(out)), err
}
