package main

import (
	"flag"
	"fmt"
	"go/ast"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/brexlint/brexlint/checklist"
	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/driver"
	"github.com/brexlint/brexlint/internal/moduleview"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// checklistMain prints the launch-readiness report: every item of Brex's
// launch checklist with its status and the findings that decide it. It is
// the CI gate: it exits 3 when an item fails and 1 on error, whatever the
// output format.
func checklistMain(args []string) int {
	fs := flag.NewFlagSet("brexlint checklist", flag.ContinueOnError)
	audience := fs.String("audience", "auto", "which checklist: customer (user tokens), partner (OAuth apps), or auto (partner when the module has a Brex OAuth configuration)")
	format := fs.String("format", "text", "output format: text, json, markdown or sarif")
	tests := fs.Bool("test", true, "also analyze test files")
	fixtures := registerTestsFlag(fs)
	strict := fs.Bool("strict", false, "fail when the module shows signs of Brex where no Brex call was recognised (the blind-spot warning)")
	cf := registerCheckFlags(fs)
	gate := registerGateFlags(fs)
	scopes := registerScopeFlags(fs)
	registerVersion(fs)
	registerCache(fs)
	fs.Usage = usage(fs, `brexlint checklist [flags] [packages] (default ./...) loads the whole
module, runs the checks and the non-Go secret scan, and prints every item
of Brex's launch checklist with its status on stdout: the CI gate. It
exits 3 when an item fails, whatever the -format.`)
	if err := fs.Parse(args); err != nil {
		return exitOnFlagError(err)
	}
	auto := strings.EqualFold(strings.TrimSpace(*audience), "auto")
	var aud checklist.Audience
	if !auto {
		var err error
		if aud, err = checklist.ParseAudience(*audience); err != nil {
			log.Print(err, " or auto")
			return 1
		}
	}
	write, err := reportWriter(*format)
	if err != nil {
		log.Print(err)
		return 1
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	selected := cf.selected()
	run := selected
	if auto && !slices.Contains(run, brexmodel.Analyzer) {
		// The OAuth model decides the audience even when every OAuth
		// check is disabled.
		run = append(slices.Clip(run), brexmodel.Analyzer)
	}
	res, exit := runChecks(run, patterns, *tests)
	if res == nil {
		return exit
	}
	if auto {
		aud = checklist.Customer
		if hasBrexOAuth(res) {
			aud = checklist.Partner
		}
	}
	ran := map[string]bool{}
	for _, a := range selected {
		ran[a.Name] = true
	}
	view := moduleview.New(res)
	cov := view.Coverage()
	found := findings(res)
	found = append(found, scopes.findings(res, ran)...) // the whole-module scope view
	if ran[checks.HardcodedSecret] {
		// The secrets items cover what git would commit, not only Go.
		if mod := mainModule(res.Packages); mod != nil {
			nonGo, scanned, err := scanNonGo(mod.Dir, false, *fixtures)
			if err != nil {
				log.Print(err)
				exit = 1
			} else {
				cov[checklist.OtherFiles.ID] = scanned
			}
			found = append(found, nonGo...)
			// A .env that the code loads but that does not exist yet
			// needs the types, so only the checklist can report it.
			loaded, err := dotenvFindings(res.Packages, mod)
			if err != nil {
				log.Print(err)
				exit = 1
			}
			found = append(found, loaded...)
		}
	}
	found, baselined, err := gate.apply(found, mainModule(res.Packages))
	if err != nil {
		log.Print(err)
		return 1
	}
	report := checklist.EvaluateCovered(aud, func(c string) bool { return ran[c] }, found, cov)
	if w := view.BlindSpot(); w != nil {
		report.Warnings = append(report.Warnings, *w)
	}
	report.Strict = *strict
	report.CatalogDate = brexapi.Date
	if mod := mainModule(res.Packages); mod != nil {
		report.Module = mod.Path
	}
	if err := gate.finish(&report, baselined, mainModule(res.Packages)); err != nil {
		log.Print(err)
		return 1
	}
	if err := write(report); err != nil {
		log.Print(err)
		return 1
	}
	if exit == 0 && report.Failed() {
		exit = 3
	}
	return exit
}

// hasBrexOAuth reports whether a package of the main module has a Brex OAuth
// configuration, authorization URL or code exchange: the mark of a partner
// integration, which the partner checklist covers.
func hasBrexOAuth(res *driver.Result) bool {
	for act := range res.Graph.All() {
		if act.Analyzer != brexmodel.Analyzer || act.Package.Module == nil || !act.Package.Module.Main {
			continue
		}
		if m, ok := act.Result.(*brexmodel.Model); ok && m.OAuth.HasBrexConfig() {
			return true
		}
	}
	return false
}

func reportWriter(format string) (func(checklist.Report) error, error) {
	switch format {
	case "text":
		return func(r checklist.Report) error { return r.WriteText(os.Stdout) }, nil
	case "json":
		return func(r checklist.Report) error { return r.WriteJSON(os.Stdout) }, nil
	case "markdown", "md":
		return func(r checklist.Report) error { return r.WriteMarkdown(os.Stdout) }, nil
	case "sarif":
		return func(r checklist.Report) error { return r.WriteSARIF(os.Stdout, sarifTool()) }, nil
	}
	return nil, fmt.Errorf("unknown -format %q: want text, json, markdown or sarif", format)
}

// findings converts the run's diagnostics to checklist findings, with file
// names relative to the module root so that reports and baselines do not
// depend on where the repository is checked out.
func findings(res *driver.Result) []checklist.Finding {
	var out []checklist.Finding
	for _, d := range res.Diagnostics() {
		out = append(out, checklist.Finding{
			Check:    d.Check,
			Category: d.Category,
			Message:  d.Message,
			File:     moduleRelative(d.Package, d.Position.Filename),
			Line:     d.Position.Line,
			Column:   d.Position.Column,
			Function: enclosingFunction(d.Package, d.Diagnostic),
		})
	}
	return out
}

func moduleRelative(pkg *packages.Package, name string) string {
	if pkg.Module != nil && pkg.Module.Dir != "" {
		if rel, err := filepath.Rel(pkg.Module.Dir, name); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(relPath(name))
}

// enclosingFunction names the function declaration holding d ("Do",
// "(*Client).Do"), or "" at package level.
func enclosingFunction(pkg *packages.Package, d analysis.Diagnostic) string {
	for _, f := range pkg.Syntax {
		if d.Pos < f.FileStart || d.Pos > f.FileEnd {
			continue
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || d.Pos < fd.Pos() || d.Pos > fd.End() {
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

// mainModule is the module the analyzed packages belong to (the one go
// list runs in), or nil outside a module.
func mainModule(pkgs []*packages.Package) *packages.Module {
	for _, p := range pkgs {
		if p.Module != nil && p.Module.Main {
			return p.Module
		}
	}
	return nil
}
