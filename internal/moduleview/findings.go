package moduleview

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"

	"github.com/brexlint/brexlint/checklist"
	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/driver"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// Findings converts the run's diagnostics to checklist findings, with file
// names relative to the module root so that reports and baselines do not
// depend on where the repository is checked out.
func Findings(res *driver.Result) []checklist.Finding {
	var out []checklist.Finding
	for _, d := range res.Diagnostics() {
		out = append(out, checklist.Finding{
			Check:    d.Check,
			Category: d.Category,
			Message:  d.Message,
			File:     RelFile(d.Package, d.Position.Filename),
			Line:     d.Position.Line,
			Column:   d.Position.Column,
			Function: EnclosingFunction(d.Package, d.Pos),
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
// reported it.
func findingAt(pkg *packages.Package, pos token.Pos, check, category, message string) checklist.Finding {
	p := pkg.Fset.Position(pos)
	return checklist.Finding{
		Check:    check,
		Category: category,
		Message:  message,
		File:     RelFile(pkg, p.Filename),
		Line:     p.Line,
		Column:   p.Column,
		Function: EnclosingFunction(pkg, pos),
	}
}

// RelFile is a file of pkg relative to its module's root, slash-separated
// (the name itself, slash-separated, outside a module).
func RelFile(pkg *packages.Package, name string) string {
	if pkg.Module != nil && pkg.Module.Dir != "" {
		if rel, err := filepath.Rel(pkg.Module.Dir, name); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(name)
}

// EnclosingFunction names the function declaration of pkg holding pos
// ("Do", "(*Client).Do"), or "" at package level: baselines key on it.
func EnclosingFunction(pkg *packages.Package, pos token.Pos) string {
	for _, f := range pkg.Syntax {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || pos < fd.Pos() || pos > fd.End() {
				continue
			}
			if fd.Recv == nil || len(fd.Recv.List) == 0 {
				return fd.Name.Name
			}
			return fmt.Sprintf("(%s).%s", recvTypeName(fd.Recv.List[0].Type), fd.Name.Name)
		}
	}
	return ""
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
	for act := range v.res.Graph.All() {
		if act.Analyzer != brexmodel.Analyzer || act.Package.Module == nil || !act.Package.Module.Main {
			continue
		}
		if m, ok := act.Result.(*brexmodel.Model); ok && m.OAuth.HasBrexConfig() {
			return true
		}
	}
	return false
}
