package moduleview

import (
	"go/ast"
	"go/token"
	"path/filepath"

	"github.com/brexlint/brexlint/checklist"
	"github.com/brexlint/brexlint/internal/driver"
	"github.com/brexlint/brexlint/internal/secrets"
	"github.com/brexlint/brexlint/internal/srclines"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// Findings converts the run's diagnostics to checklist findings, with file
// names relative to the module root so that reports and baselines do not
// depend on where the repository is checked out.
func (v *View) Findings() []checklist.Finding {
	var out []checklist.Finding
	for _, d := range v.res.Diagnostics() {
		out = append(out, checklist.Finding{
			Check:    d.Check,
			Category: d.Category,
			Message:  d.Message,
			File:     RelFile(d.Package, d.Position.Filename),
			Line:     d.Position.Line,
			Column:   d.Position.Column,
			Function: v.enclosingFunction(d.Package, d.Pos),
			Related:  related(d.Package, d.Related),
		})
	}
	return out
}

// related converts a diagnostic's related information for the report,
// with file names relative to the module root like the finding's.
func related(pkg *packages.Package, rs []analysis.RelatedInformation) []checklist.Related {
	var out []checklist.Related
	for _, r := range rs {
		p := pkg.Fset.Position(r.Pos)
		out = append(out, checklist.Related{Message: r.Message, File: RelFile(pkg, p.Filename), Line: p.Line, Column: p.Column})
	}
	return out
}

// findingAt is a finding of check at pos of pkg, as an analyzer would have
// reported it; its message, built here from the user's code rather than
// through directives.Reporter, is redacted the same way.
func (v *View) findingAt(pkg *packages.Package, pos token.Pos, check, category, message string) checklist.Finding {
	p := pkg.Fset.Position(pos)
	return checklist.Finding{
		Check:    check,
		Category: category,
		Message:  secrets.RedactText(message),
		File:     RelFile(pkg, p.Filename),
		Line:     p.Line,
		Column:   p.Column,
		Function: v.enclosingFunction(pkg, pos),
	}
}

// RelFile is a file of pkg relative to the report's root (see [RootDir]:
// its module's root, or the go.work workspace's), slash-separated; the
// name itself, slash-separated, outside a module.
func RelFile(pkg *packages.Package, name string) string {
	if pkg.Module != nil && pkg.Module.Dir != "" {
		if rel, err := filepath.Rel(RootDir(pkg.Module), name); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(name)
}

func recvTypeName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return "*" + recvTypeName(e.X)
	case *ast.Ident:
		return e.Name
	case *ast.IndexExpr:
		return recvTypeName(e.X)
	case *ast.IndexListExpr:
		return recvTypeName(e.X)
	}
	return "?"
}

// HasBrexOAuth reports whether a package of the main module has a Brex
// OAuth configuration, authorization URL or code exchange: the mark of a
// partner integration, which the partner checklist covers (the CLI's
// -audience auto).
func (v *View) HasBrexOAuth() bool {
	for _, s := range v.pkgs {
		if s.model != nil && s.model.brexConfig {
			return true
		}
	}
	return false
}

// ReadCode sets the Code of each finding to its line of code (for its
// checklist.Key), read from the file below the report's root if it is a
// file of an analyzed package or of a dependency: never a file that a
// //line directive names. Secrets in the line are masked (same length, so
// SARIF's UTF-16 columns stay right), so that a key's hash is never a hash
// of a secret. A finding whose file or line cannot be read keeps an empty
// Code, and its key falls back to its message.
func (v *View) ReadCode(found []checklist.Finding) {
	var files []string
	packages.Visit(v.res.Packages, nil, func(p *packages.Package) {
		files = append(files, driver.PackageFiles(p)...)
	})
	dir := v.Root()
	src := srclines.Reader{Mask: true} // SARIF counts columns in the line
	for i := range found {
		f := &found[i]
		if f.Line < 1 || f.File == "" {
			continue
		}
		name := filepath.Join(dir, filepath.FromSlash(f.File))
		if !filepath.IsAbs(name) {
			name, _ = filepath.Abs(name)
		}
		if ls := src.Lines(name, files); f.Line <= len(ls) {
			f.Code = ls[f.Line-1]
		}
	}
}
