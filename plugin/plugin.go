// Package plugin registers brexlint as a golangci-lint v2 module plugin
// named "brexlint".
//
// A golangci-lint binary built with this package (see .golangci-plugin.yml at
// the repository root, or the nested module in plugin/gcl) enables it with:
//
//	version: "2"
//	linters:
//	  enable: [brexlint]
//	  settings:
//	    custom:
//	      brexlint:
//	        type: module
//	        description: Brex API launch-readiness checks
//	        settings:
//	          disable: [enumdefault]
//	          options:
//	            idempotencykey:
//	              optional: true
//
// Settings (all optional):
//
//	enable:  [check, ...]  run only these checks (default: every check)
//	disable: [check, ...]  do not run these checks
//	options: {check: {option: value}}
//	                       set a check's options: the flags that brexlint
//	                       takes as -check.option (brexlint -help lists them)
//
// Check names are those of checks.Names. An unknown setting key, an unknown
// check name, a check both enabled and disabled, an enabled check that this
// build of brexlint does not provide, an unknown option or a value the
// option does not accept is an error, so that a typo in .golangci.yml never
// silently turns a check off or leaves an option unset.
package plugin

import (
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/brexlint/brexlint/analyzers"
	"github.com/brexlint/brexlint/internal/checks"
)

// Name is the linter's name in .golangci.yml.
const Name = "brexlint"

func init() {
	register.Plugin(Name, New)
}

// Settings is the schema of linters.settings.custom.brexlint.settings.
type Settings struct {
	// Enable, when not empty, restricts the run to these checks.
	Enable []string `json:"enable"`
	// Disable removes these checks from the run.
	Disable []string `json:"disable"`
	// Options sets check options: Options[check][name] is the value of
	// the analyzer flag name of that check (a string, number or boolean).
	Options map[string]map[string]any `json:"options"`
}

// Plugin is brexlint's register.LinterPlugin.
type Plugin struct {
	settings Settings
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New is the plugin constructor golangci-lint calls with the raw settings.
// It validates the settings eagerly so that a bad configuration fails at
// startup with a message naming the offending key or check (golangci-lint
// prefixes it with "plugin(brexlint)").
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		// DecodeSettings decodes with DisallowUnknownFields, so an unknown
		// key arrives here as `json: unknown field "<key>"`.
		return nil, fmt.Errorf("invalid settings (known keys: enable, disable, options): %w", err)
	}
	p := &Plugin{settings: s}
	if _, err := p.BuildAnalyzers(); err != nil {
		return nil, err
	}
	if err := setOptions(analyzers.All(), s.Options); err != nil {
		return nil, err
	}
	return p, nil
}

// setOptions sets the analyzer flags that options name, as brexlint's
// -check.option flags do.
func setOptions(all []*analysis.Analyzer, options map[string]map[string]any) error {
	for _, check := range slices.Sorted(maps.Keys(options)) {
		if !checks.Known(check) {
			return fmt.Errorf("settings.options: unknown check %q (known checks: %s)", check, strings.Join(checks.Names, ", "))
		}
		i := slices.IndexFunc(all, func(a *analysis.Analyzer) bool { return a.Name == check })
		if i < 0 {
			return fmt.Errorf("settings.options: check %q is not available in this build of brexlint", check)
		}
		a := all[i]
		for _, name := range slices.Sorted(maps.Keys(options[check])) {
			f := a.Flags.Lookup(name)
			if f == nil {
				var known []string
				a.Flags.VisitAll(func(f *flag.Flag) { known = append(known, f.Name) })
				return fmt.Errorf("settings.options.%s: unknown option %q (options of %s: %s)", check, name, check, strings.Join(known, ", "))
			}
			v := options[check][name]
			switch v.(type) {
			case string, bool, float64:
			default:
				return fmt.Errorf("settings.options.%s.%s: want a string, number or boolean, not %v", check, name, v)
			}
			if err := f.Value.Set(fmt.Sprint(v)); err != nil {
				return fmt.Errorf("settings.options.%s.%s: %v", check, name, err)
			}
		}
	}
	return nil
}

// BuildAnalyzers returns the analyzers of analyzers.All selected by the
// settings, in their canonical order, as golangci-lint should run them (see
// unprefixed).
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	as, err := selectAnalyzers(analyzers.All(), p.settings)
	if err != nil {
		return nil, err
	}
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		out[i] = unprefixed(a)
	}
	return out, nil
}

// unprefixed returns a copy of check a whose diagnostics lose the "CHECK: "
// prefix that every check puts on its messages (internal/directives), since
// golangci-lint puts the analyzer's name before the message of a linter
// with several analyzers itself: without this it would print
// "idempotencykey: idempotencykey: ..." under the linter name brexlint.
// The copy requires the same analyzers, so it shares their results and
// facts with the other checks.
//
// The copy also drops related information: golangci-lint reports each
// related location as an issue of its own ("CHECK(related information)"),
// which a //nolint on the finding's line does not silence, so a silenced
// finding would still fail the run from the line of its decode or its
// configuration. The details stay in brexlint's own -json and SARIF
// output, and the explanation in brexlint help CHECK.
func unprefixed(a *analysis.Analyzer) *analysis.Analyzer {
	c := *a
	prefix := a.Name + ": "
	c.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		report := pass.Report
		p.Report = func(d analysis.Diagnostic) {
			d.Message = strings.TrimPrefix(d.Message, prefix)
			d.Related = nil
			report(d)
		}
		return a.Run(&p)
	}
	return &c
}

// GetLoadMode reports that brexlint needs type information.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

func selectAnalyzers(all []*analysis.Analyzer, s Settings) ([]*analysis.Analyzer, error) {
	if err := checkNames("enable", s.Enable); err != nil {
		return nil, err
	}
	if err := checkNames("disable", s.Disable); err != nil {
		return nil, err
	}
	for _, name := range s.Enable {
		if slices.Contains(s.Disable, name) {
			return nil, fmt.Errorf("check %q is both enabled and disabled", name)
		}
	}
	provided := make(map[string]bool, len(all))
	for _, a := range all {
		provided[a.Name] = true
	}
	for _, name := range s.Enable {
		if !provided[name] {
			return nil, fmt.Errorf("settings.enable: check %q is not available in this build of brexlint", name)
		}
	}
	var out []*analysis.Analyzer
	for _, a := range all {
		if len(s.Enable) > 0 && !slices.Contains(s.Enable, a.Name) {
			continue
		}
		if slices.Contains(s.Disable, a.Name) {
			continue
		}
		out = append(out, a)
	}
	return out, nil
}

func checkNames(key string, names []string) error {
	for _, name := range names {
		if !checks.Known(name) {
			return fmt.Errorf("settings.%s: unknown check %q (known checks: %s)",
				key, name, strings.Join(checks.Names, ", "))
		}
	}
	return nil
}
