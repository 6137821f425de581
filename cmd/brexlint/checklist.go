package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"

	"github.com/brexlint/brexlint/checklist"
	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/committed"
	"github.com/brexlint/brexlint/internal/driver"
	"github.com/brexlint/brexlint/internal/moduleview"
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
	if err := flagAfterPackages(patterns); err != nil {
		log.Print(err)
		return 1
	}
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
	// The whole-module view collects what it needs of each package
	// while the package's syntax and results are still there.
	collector := moduleview.NewCollector()
	res, exit := runChecks(run, patterns, driver.Options{Tests: *tests, Observe: collector.Observe})
	if res == nil {
		return exit
	}
	view := moduleview.New(res, collector)
	if auto {
		aud = checklist.Customer
		if view.HasBrexOAuth() {
			aud = checklist.Partner
		}
	}
	ran := map[string]bool{}
	for _, a := range selected {
		ran[a.Name] = true
	}
	cov := view.Coverage()
	found := view.Findings()
	found = append(found, scopes.findings(view, ran)...) // the whole-module scope view
	if ran[checks.HardcodedSecret] {
		// The secrets items cover what git would commit, not only Go.
		if root := view.Root(); root != "" {
			nonGo, scanned, err := committed.Scan(root, committed.Options{Tests: *fixtures})
			if err != nil {
				log.Print(err)
				exit = 1
			} else {
				cov[checklist.OtherFiles.ID] = scanned
			}
			found = append(found, nonGo...)
			// A .env that the code loads but that does not exist yet
			// needs the types, so only the checklist can report it.
			loaded, err := view.DotenvFindings()
			if err != nil {
				log.Print(err)
				exit = 1
			}
			found = append(found, loaded...)
		}
	}
	found, baselined, err := gate.apply(found, view)
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
	if mod := view.Module(); mod != nil {
		report.Module = mod.Path
	}
	if err := gate.finish(&report, baselined, view); err != nil {
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
