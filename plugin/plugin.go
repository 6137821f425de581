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
//
// Settings (all optional):
//
//	enable:  [check, ...]  run only these checks (default: every check)
//	disable: [check, ...]  do not run these checks
//
// Check names are those of checks.Names. An unknown setting key, an unknown
// check name, a check both enabled and disabled, or an enabled check that this
// build of brexlint does not provide is an error, so that a typo in
// .golangci.yml never silently turns a check off.
package plugin

import (
	"fmt"
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
		return nil, fmt.Errorf("invalid settings (known keys: enable, disable): %w", err)
	}
	p := &Plugin{settings: s}
	if _, err := p.BuildAnalyzers(); err != nil {
		return nil, err
	}
	return p, nil
}

// BuildAnalyzers returns the analyzers of analyzers.All selected by the
// settings, in their canonical order.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return selectAnalyzers(analyzers.All(), p.settings)
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
