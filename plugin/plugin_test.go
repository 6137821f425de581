package plugin

import (
	"fmt"
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

// TestUnprefixed checks that under golangci-lint, which prints the analyzer
// name before each message itself, a check's messages lose their own
// "CHECK: " prefix and their related information (golangci-lint would
// report it as issues of their own, which //nolint does not silence), and
// nothing else changes.
func TestUnprefixed(t *testing.T) {
	var reported []string
	orig := &analysis.Analyzer{
		Name:     checks.RateLimit,
		Doc:      "report things",
		URL:      checks.DocURL(checks.RateLimit),
		Requires: []*analysis.Analyzer{{Name: "model"}},
		Run: func(pass *analysis.Pass) (any, error) {
			pass.Report(analysis.Diagnostic{Message: "ratelimit: no backoff", Category: "ratelimit/no-retry",
				Related: []analysis.RelatedInformation{{Pos: 1, Message: "endpoint: GET /v1/vendors"}}})
			pass.Report(analysis.Diagnostic{Message: "statuscheck: not mine to strip"})
			pass.Report(analysis.Diagnostic{Message: "ratelimitx: not a prefix"})
			return "result", nil
		},
	}
	c := unprefixed(orig)
	if c == orig || c.Name != orig.Name || c.Doc != orig.Doc || c.URL != orig.URL || c.Requires[0] != orig.Requires[0] {
		t.Fatalf("unprefixed changed the analyzer's identity: %+v", c)
	}
	res, err := c.Run(&analysis.Pass{Analyzer: c, Report: func(d analysis.Diagnostic) {
		reported = append(reported, fmt.Sprintf("%s|%s|%d related", d.Category, d.Message, len(d.Related)))
	}})
	if err != nil || res != "result" {
		t.Errorf("Run = %v, %v; want the wrapped analyzer's result", res, err)
	}
	want := []string{"ratelimit/no-retry|no backoff|0 related", "|statuscheck: not mine to strip|0 related", "|ratelimitx: not a prefix|0 related"}
	if diff := cmp.Diff(want, reported); diff != "" {
		t.Errorf("reported (-want +got):\n%s", diff)
	}

	p, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range analyzers.All() {
		if as[i] == a || as[i].Name != a.Name {
			t.Errorf("BuildAnalyzers()[%d] = %s (%p), want an unprefixed copy of %s (%p)", i, as[i].Name, as[i], a.Name, a)
		}
	}
}

// fakeWithFlags is an analyzer of check name with options "optional" (bool)
// and "limit" (int), as brexlint's -check.option flags.
func fakeWithFlags(name string) (*analysis.Analyzer, *bool, *int) {
	a := &analysis.Analyzer{Name: name}
	optional := a.Flags.Bool("optional", false, "also report optional keys")
	limit := a.Flags.Int("limit", 0, "a number")
	return a, optional, limit
}

func TestSetOptions(t *testing.T) {
	a, optional, limit := fakeWithFlags(checks.IdempotencyKey)
	other, otherOptional, _ := fakeWithFlags(checks.RateLimit)
	all := []*analysis.Analyzer{a, other}
	// The map golangci-lint hands over, once through JSON as DecodeSettings does.
	s, err := register.DecodeSettings[Settings](map[string]any{
		"options": map[string]any{checks.IdempotencyKey: map[string]any{"optional": true, "limit": 3}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := setOptions(all, s.Options); err != nil {
		t.Fatal(err)
	}
	if !*optional || *limit != 3 || *otherOptional {
		t.Errorf("after options: idempotencykey optional=%v limit=%d, ratelimit optional=%v; want true, 3, false", *optional, *limit, *otherOptional)
	}

	for _, tc := range []struct {
		name    string
		options map[string]map[string]any
		want    []string
	}{
		{"unknown check", map[string]map[string]any{"idempotency": {"optional": true}}, []string{"settings.options", `unknown check "idempotency"`}},
		{"check not in this build", map[string]map[string]any{checks.OAuthState: {"optional": true}}, []string{`"oauthstate" is not available`}},
		{"unknown option", map[string]map[string]any{checks.IdempotencyKey: {"optionl": true}}, []string{"settings.options.idempotencykey", `unknown option "optionl"`, "optional", "limit"}},
		{"bad value", map[string]map[string]any{checks.IdempotencyKey: {"limit": "many"}}, []string{"settings.options.idempotencykey.limit", "parse error"}},
		{"list value", map[string]map[string]any{checks.IdempotencyKey: {"limit": []any{1.0}}}, []string{"settings.options.idempotencykey.limit", "want a string, number or boolean"}},
	} {
		err := setOptions(all, tc.options)
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not mention %s", tc.name, err, w)
			}
		}
	}
}

// TestOptionsThroughNew sets a real check's option the way golangci-lint
// does, through New, and puts it back.
func TestOptionsThroughNew(t *testing.T) {
	var a *analysis.Analyzer
	for _, c := range analyzers.All() {
		if c.Flags.Lookup("optional") != nil {
			a = c
		}
	}
	if a == nil {
		t.Fatal("no check of this build has an option to set")
	}
	f := a.Flags.Lookup("optional")
	old := f.Value.String()
	t.Cleanup(func() { f.Value.Set(old) })
	if _, err := New(map[string]any{"options": map[string]any{a.Name: map[string]any{"optional": true}}}); err != nil {
		t.Fatal(err)
	}
	if got := f.Value.String(); got != "true" {
		t.Errorf("%s.optional = %s after New, want true", a.Name, got)
	}
	if _, err := New(map[string]any{"options": map[string]any{a.Name: map[string]any{"nosuch": 1}}}); err == nil || !strings.Contains(err.Error(), `unknown option "nosuch"`) {
		t.Errorf("New with an unknown option: err = %v", err)
	}
}
