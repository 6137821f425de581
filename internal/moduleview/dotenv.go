package moduleview

import (
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/brexlint/brexlint/checklist"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/committed"
	"github.com/brexlint/brexlint/internal/secrets"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"
)

// The dotenv loaders brexlint knows, by package path.
const (
	godotenvPath = "github.com/joho/godotenv"
	autoloadPath = "github.com/joho/godotenv/autoload" // its init calls godotenv.Load()
	gotenvPath   = "github.com/subosito/gotenv"
)

// dotenvLoad is one place where the module's code loads a dotenv file.
type dotenvLoad struct {
	Target string // the file loaded, relative to the module root, slash-separated
	By     string // how: "godotenv.Load", "import of github.com/joho/godotenv/autoload"
	Pkg    *packages.Package
	Pos    token.Pos
	Posn   token.Position
}

// dotenvLoadsOf finds, by types, where package p loads a dotenv file:
//
//   - a call to godotenv.Load, Overload or Read (github.com/joho/godotenv);
//   - an import of github.com/joho/godotenv/autoload, blank or not;
//   - a call to gotenv.Load or OverLoad (github.com/subosito/gotenv), or to
//     gotenv.Must whose first argument is one of them.
//
// Functions are identified by their *types.Func (package path and name), so
// a local package or function that happens to be called godotenv.Load is
// not a loader. A call without file arguments loads ".env". Constant string
// arguments name the files, resolved against the module root, where
// programs usually run from. Arguments that are not constants (an
// environment variable, a flag, a slice passed with ...) are skipped rather
// than guessed, as are absolute paths and paths that leave the module: the
// report must be right when it speaks. Only names that secrets.IsEnvFile
// accepts (.env, .env.local …, not templates such as .env.example) are kept, as for
// existing files.
func dotenvLoadsOf(p *packages.Package, insp *inspector.Inspector) []dotenvLoad {
	var out []dotenvLoad
	add := func(p *packages.Package, pos token.Pos, by string, names []string) {
		posn := p.Fset.Position(pos)
		for _, name := range names {
			if rel, ok := moduleFile(p.Module.Dir, name); ok && secrets.IsEnvFile(path.Base(rel)) {
				out = append(out, dotenvLoad{Target: rel, By: by, Pkg: p, Pos: pos, Posn: posn})
			}
		}
	}
	info := p.TypesInfo
	for _, f := range p.Syntax {
		for _, spec := range f.Imports {
			if pn := info.PkgNameOf(spec); pn != nil && pn.Imported().Path() == autoloadPath {
				add(p, spec.Pos(), "import of "+autoloadPath, []string{".env"})
			}
		}
	}
	// Imports first, then calls: out is sorted by position below.
	insp.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		call := n.(*ast.CallExpr)
		fn := typeutil.StaticCallee(info, call)
		if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
			return
		}
		if pp := fn.Pkg().Path(); pp != godotenvPath && pp != gotenvPath {
			return // spelled out below only for the loaders' packages
		}
		var args []ast.Expr
		by := path.Base(fn.Pkg().Path()) + "." + fn.Name()
		switch fn.Pkg().Path() + "." + fn.Name() {
		case godotenvPath + ".Load", godotenvPath + ".Overload", godotenvPath + ".Read",
			gotenvPath + ".Load", gotenvPath + ".OverLoad":
			args = call.Args
		case gotenvPath + ".Must":
			if len(call.Args) == 0 {
				return
			}
			inner := funcOf(info, call.Args[0])
			if inner == nil || inner.Pkg() == nil || inner.Pkg().Path() != gotenvPath ||
				inner.Name() != "Load" && inner.Name() != "OverLoad" {
				return // Must of some other function: what it loads is unknown
			}
			args = call.Args[1:]
			by += "(gotenv." + inner.Name() + ")"
		default:
			return
		}
		if names, ok := loadedNames(info, call, args); ok {
			add(p, call.Pos(), by, names)
		}
	})
	slices.SortStableFunc(out, func(a, b dotenvLoad) int {
		return compareFindingPos(a.Posn, b.Posn)
	})
	return out
}

// loadedNames returns the file names a loader call with these file
// arguments reads: ".env" without arguments, else the constant ones. ok is
// false for a call whose files are not known (args spread with ...).
func loadedNames(info *types.Info, call *ast.CallExpr, args []ast.Expr) (names []string, ok bool) {
	if call.Ellipsis.IsValid() {
		return nil, false
	}
	if len(args) == 0 {
		return []string{".env"}, true
	}
	for _, a := range args {
		if tv, ok := info.Types[a]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			names = append(names, constant.StringVal(tv.Value))
		}
	}
	return names, true
}

// funcOf is the function an expression such as gotenv.Load denotes, or nil.
func funcOf(info *types.Info, e ast.Expr) *types.Func {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	return fn
}

// moduleFile resolves a file name the code opens against the module root
// dir and returns it relative to that root, slash-separated; ok is false
// for names outside the module.
func moduleFile(dir, name string) (string, bool) {
	if name == "" {
		return "", false
	}
	name = filepath.FromSlash(name)
	if filepath.IsAbs(name) {
		return "", false // a deployment path such as /etc/app/.env, not the repository's
	}
	rel := filepath.Clean(name)
	if rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

func compareFindingPos(a, b token.Position) int {
	if c := strings.Compare(a.Filename, b.Filename); c != 0 {
		return c
	}
	if a.Line != b.Line {
		return a.Line - b.Line
	}
	return a.Column - b.Column
}

// DotenvFindings reports each dotenv file that the code of the main module
// loads (see dotenvLoads), that does not exist, and that git would not
// ignore if someone created it: the first developer to follow the README
// and create it commits its secrets with the next "git add .". Existing
// files are internal/committed's business (Scan). Outside a git work tree
// there is no .gitignore to fix and nothing is reported. One finding per
// file, at the first place that loads it (by file and line).
//
// This needs the type-checked packages, so only the checklist applies it;
// "brexlint secrets" does not load packages.
func (v *View) DotenvFindings() ([]checklist.Finding, error) {
	mod := v.mod
	if mod == nil {
		return nil, nil
	}
	var loads []dotenvLoad
	seen := map[token.Position]bool{} // a package and its test variant share files
	for _, p := range v.res.Packages {
		if s := v.pkgs[p]; s != nil && p.Module.Dir == mod.Dir {
			for _, l := range s.dotenv {
				if !seen[l.Posn] {
					seen[l.Posn] = true
					loads = append(loads, l)
				}
			}
		}
	}
	slices.SortStableFunc(loads, func(a, b dotenvLoad) int { return compareFindingPos(a.Posn, b.Posn) })
	byTarget := map[string][]dotenvLoad{}
	var targets []string
	for _, l := range loads {
		if byTarget[l.Target] == nil {
			targets = append(targets, l.Target)
		}
		byTarget[l.Target] = append(byTarget[l.Target], l)
	}
	var out []checklist.Finding
	for _, target := range targets {
		if _, err := os.Lstat(filepath.Join(mod.Dir, filepath.FromSlash(target))); err == nil {
			continue // it exists: committed or not ignored is committed.Scan's finding
		}
		ign, err := committed.CheckIgnored(mod.Dir, target)
		if errors.Is(err, committed.ErrNotGit) {
			return nil, nil
		}
		if err != nil {
			return out, fmt.Errorf("git check-ignore %s: %v", target, err)
		}
		if ign {
			continue
		}
		ls := byTarget[target]
		first := ls[0]
		file := RelFile(first.Pkg, first.Posn.Filename)
		where := fmt.Sprintf("%s:%d", file, first.Posn.Line)
		if n := len(ls) - 1; n == 1 {
			where += " (and 1 other place)"
		} else if n > 1 {
			where += fmt.Sprintf(" (and %d other places)", n)
		}
		out = append(out, checklist.Finding{
			Check:    checks.HardcodedSecret,
			Category: checks.HardcodedSecret + "/loaded-env-not-ignored",
			Message: secrets.RedactText(checks.HardcodedSecret + ": " + checks.Message(
				fmt.Sprintf("the code loads %s (%s at %s), but .gitignore does not ignore it", target, first.By, where),
				"the next git add can commit its secrets", "add it to .gitignore")),
			File:     file,
			Line:     first.Posn.Line,
			Column:   first.Posn.Column,
			Function: v.enclosingFunction(first.Pkg, first.Pos),
		})
	}
	return out, nil
}
