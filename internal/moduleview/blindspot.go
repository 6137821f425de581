package moduleview

import (
	"fmt"
	"go/ast"
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/brexlint/brexlint/checklist"
	"github.com/brexlint/brexlint/internal/brexmodel"
	"golang.org/x/tools/go/ast/inspector"
)

// Sign is a piece of evidence that a file talks to Brex.
type Sign struct {
	File string // relative to the module root, slash-separated
	What string // "a Brex host", "a BREX_* name", ...
}

// The kinds of sign, as the warning names them.
const (
	signHost    = "a Brex host"
	signEnv     = "a BREX_* name"
	signToken   = "a bxt_ token"
	signPackage = "a package named for Brex"
	signType    = "a type named for Brex"
	signImport  = "an import named for Brex"
)

// signOrder is the order in which the warning names the kinds of sign:
// the strongest evidence first.
var signOrder = []string{signHost, signToken, signImport, signEnv, signPackage, signType}

// BlindSpotHint says how to teach the model a client it does not see.
const BlindSpotHint = "If they call Brex, mark the client type or function with //brexlint:client " +
	"(requests it builds to documented Brex paths then count as Brex calls), or build the URL from a Brex host constant; " +
	"otherwise the Brex items above did not examine these calls"

// maxFiles is how many files the warning names before "and N more".
const maxFiles = 10

// BlindSpot returns the warning about files with signs of Brex where the
// model recognised no Brex call or Brex OAuth configuration (see the
// package documentation), or nil when there is none or the model did not
// run.
func (v *View) BlindSpot() *checklist.Warning {
	if !v.modelRan {
		return nil
	}
	signs := v.Signs()
	if len(signs) == 0 {
		return nil
	}
	var files, kinds []string
	for _, s := range signs {
		if !slices.Contains(files, s.File) {
			files = append(files, s.File)
		}
		if !slices.Contains(kinds, s.What) {
			kinds = append(kinds, s.What)
		}
	}
	slices.Sort(files)
	slices.SortFunc(kinds, func(a, b string) int { return slices.Index(signOrder, a) - slices.Index(signOrder, b) })
	if len(files) > maxFiles {
		files = append(files[:maxFiles:maxFiles], fmt.Sprintf("and %d more", len(files)-maxFiles))
	}
	return &checklist.Warning{
		Kind: checklist.WarningBlindSpot,
		Message: fmt.Sprintf("blind spot: the Brex model recognised no Brex call in files that show signs of Brex (%s)",
			strings.Join(kinds, ", ")),
		Files: files,
		Hint:  BlindSpotHint + ".",
	}
}

// Signs returns the signs of Brex in the main module's files that no
// recognised Brex call explains, in file order, one per file and kind.
//
// When the model recognised no Brex call and no Brex OAuth configuration
// in the whole module, every sign counts. Otherwise only strong signs
// count (a Brex host, a bxt_ token, an import of a Brex package from
// outside the module; not names, which a module's config and wiring
// packages carry without calling anything), and only in packages that
// neither have a recognition nor import or are imported by a package that
// has one.
func (v *View) Signs() []Sign {
	if v.mod == nil {
		return nil
	}
	any := len(v.recognised) > 0
	// neighbours: package path → the module's packages it imports or
	// that import it.
	neighbours := map[string][]string{}
	for _, p := range v.res.Packages {
		if !v.inModule(p) {
			continue
		}
		for _, imp := range p.Imports {
			neighbours[imp.PkgPath] = append(neighbours[imp.PkgPath], p.PkgPath)
			neighbours[p.PkgPath] = append(neighbours[p.PkgPath], imp.PkgPath)
		}
	}
	explained := func(path string) bool {
		return v.recognised[path] || slices.ContainsFunc(neighbours[path], func(q string) bool { return v.recognised[q] })
	}
	var out []Sign
	seen := map[Sign]bool{}
	seenFile := map[string]bool{}
	for _, p := range v.res.Packages {
		s := v.pkgs[p]
		if s == nil || underTestdata(p.PkgPath) || len(p.Errors) > 0 || any && explained(p.PkgPath) {
			continue
		}
		for _, fs := range s.signs {
			if seenFile[fs.name] {
				continue
			}
			seenFile[fs.name] = true
			for _, what := range fs.kinds {
				if any && !strong[what] {
					continue
				}
				s := Sign{File: v.rel(fs.name), What: what}
				if !seen[s] {
					seen[s] = true
					out = append(out, s)
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Sign) int { return strings.Compare(a.File, b.File) })
	return out
}

// strong are the signs that count in a module where the model recognised
// something elsewhere.
var strong = map[string]bool{signHost: true, signToken: true, signImport: true}

// fileSigns lists the kinds of sign of Brex in one file, at the cursor of
// its inspector; external reports whether an import path is outside the
// module.
func fileSigns(fc inspector.Cursor, external func(path string) bool) []string {
	f := fc.Node().(*ast.File)
	var out []string
	add := func(what string) {
		if !slices.Contains(out, what) {
			out = append(out, what)
		}
	}
	if namedForBrex(f.Name.Name) {
		add(signPackage)
	}
	for _, imp := range f.Imports {
		if path, err := strconv.Unquote(imp.Path.Value); err == nil && external(path) && pathNamedForBrex(path) {
			add(signImport)
		}
	}
	fc.Inspect([]ast.Node{(*ast.ImportSpec)(nil), (*ast.TypeSpec)(nil), (*ast.BasicLit)(nil)}, func(c inspector.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.ImportSpec:
			return false // judged above, by path
		case *ast.TypeSpec:
			if namedForBrex(n.Name.Name) {
				add(signType)
			}
		case *ast.BasicLit:
			if n.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(n.Value)
			if err != nil {
				return true
			}
			if brexmodel.MentionsBrexHost(s) {
				add(signHost)
			}
			if brexEnvName.MatchString(s) {
				add(signEnv)
			}
			if bxtToken.MatchString(s) {
				add(signToken)
			}
		}
		return true
	})
	return out
}

var (
	// brexEnvName is a BREX_* environment variable name, alone or in a
	// struct tag (`env:"BREX_API_TOKEN"`).
	brexEnvName = regexp.MustCompile(`(^|[^A-Za-z0-9_])BREX_[A-Z0-9_]*[A-Z0-9]`)
	// bxtToken is a Brex user token or its prefix, as a word.
	bxtToken = regexp.MustCompile(`(^|[^A-Za-z0-9_])bxt_([A-Za-z0-9]|$)`)
	// brexWord is "brex" as a word of an identifier or a path element:
	// brex, brexapi, BrexClient, go-brex, but not brexit.
	brexWord = regexp.MustCompile(`(?i)brex`)
)

// namedForBrex reports whether an identifier is named for Brex: it holds
// "brex" (any case) not followed by "it" (Brexit).
func namedForBrex(name string) bool {
	for _, loc := range brexWord.FindAllStringIndex(name, -1) {
		if !strings.HasPrefix(strings.ToLower(name[loc[1]:]), "it") {
			return true
		}
	}
	return false
}

// pathNamedForBrex reports whether an element of an import path is named
// for Brex (github.com/acme/brex-go, example.com/app/brexclient).
func pathNamedForBrex(path string) bool {
	for _, el := range strings.Split(path, "/") {
		if namedForBrex(el) {
			return true
		}
	}
	return false
}

// underTestdata reports whether a package path has a testdata element:
// fixtures, as the go tool treats them.
func underTestdata(path string) bool {
	return slices.Contains(strings.Split(path, "/"), "testdata")
}
