package plugin

import (
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"

	"github.com/brexlint/brexlint/analyzers"
	"github.com/brexlint/brexlint/internal/checks"
)

func names(as []*analysis.Analyzer) []string {
	out := []string{}
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

// allBut returns the names of analyzers.All() except those given.
func allBut(except ...string) []string {
	out := []string{}
	for _, a := range analyzers.All() {
		if !slices.Contains(except, a.Name) {
			out = append(out, a.Name)
		}
	}
	return out
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("brexlint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
}

// TestSettings exercises the constructor the way golangci-lint calls it:
// with the settings map as decoded from .golangci.yml (nil when absent).
func TestSettings(t *testing.T) {
	for _, tc := range []struct {
		name string
		conf any
		want []string
	}{
		{"absent", nil, allBut()},
		{"empty", map[string]any{}, allBut()},
		{"empty lists", map[string]any{"enable": []any{}, "disable": []any{}}, allBut()},
		{
			"disable",
			map[string]any{"disable": []any{checks.EnumDefault, checks.StrictDecode}},
			allBut(checks.EnumDefault, checks.StrictDecode),
		},
		{
			// A planned check with no analyzer yet may be disabled.
			"disable every check",
			map[string]any{"disable": toAny(checks.Names)},
			[]string{},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := New(tc.conf)
			if err != nil {
				t.Fatal(err)
			}
			as, err := p.BuildAnalyzers()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, names(as)); diff != "" {
				t.Errorf("analyzer names (-want +got):\n%s", diff)
			}
			if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
				t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
			}
		})
	}
}

func TestSettingsErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		conf any
		want []string // substrings of the error
	}{
		{"unknown key", map[string]any{"disabled": []any{checks.EnumDefault}}, []string{`"disabled"`, "enable, disable"}},
		{"unknown check in disable", map[string]any{"disable": []any{"enumdefaults"}}, []string{"settings.disable", `"enumdefaults"`, checks.EnumDefault}},
		{"unknown check in enable", map[string]any{"enable": []any{"gosec"}}, []string{"settings.enable", `"gosec"`}},
		{"enabled and disabled", map[string]any{"enable": []any{checks.RateLimit}, "disable": []any{checks.RateLimit}}, []string{`"ratelimit"`, "both enabled and disabled"}},
		{"wrong type", map[string]any{"disable": checks.RateLimit}, []string{"disable"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := New(tc.conf)
			if err == nil {
				as, _ := p.BuildAnalyzers()
				t.Fatalf("New(%v) = %v, want error", tc.conf, names(as))
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %s", err, w)
				}
			}
		})
	}
}

// TestSelect covers enable/disable against a fixed set of analyzers, since
// analyzers.All() grows as checks land.
func TestSelect(t *testing.T) {
	all := []*analysis.Analyzer{
		{Name: checks.HardcodedSecret},
		{Name: checks.IdempotencyKey},
		{Name: checks.RateLimit},
		{Name: checks.Directive},
	}
	for _, tc := range []struct {
		name string
		s    Settings
		want []string
	}{
		{"all", Settings{}, []string{"hardcodedsecret", "idempotencykey", "ratelimit", "directive"}},
		{"disable", Settings{Disable: []string{"idempotencykey", "oauthstate"}}, []string{"hardcodedsecret", "ratelimit", "directive"}},
		{"enable keeps canonical order", Settings{Enable: []string{"ratelimit", "hardcodedsecret"}}, []string{"hardcodedsecret", "ratelimit"}},
		{"enable and disable", Settings{Enable: []string{"ratelimit", "directive"}, Disable: []string{"hardcodedsecret"}}, []string{"ratelimit", "directive"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := selectAnalyzers(all, tc.s)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, names(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}

	// A known check that this build does not provide cannot be enabled:
	// the user would believe it ran.
	_, err := selectAnalyzers(all, Settings{Enable: []string{checks.OAuthState}})
	if err == nil || !strings.Contains(err.Error(), `"oauthstate" is not available`) {
		t.Errorf("enable of a missing analyzer: err = %v", err)
	}
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
