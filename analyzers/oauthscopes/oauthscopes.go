package oauthscopes

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/oauthmodel"
	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/analysis"
)

// Analyzer reports Brex calls that the requested scopes do not permit, and
// configurations used with refresh that do not request offline_access.
var Analyzer = &analysis.Analyzer{
	Name:       checks.OAuthScopes,
	Doc:        "report Brex API calls that the Brex OAuth configuration's scopes do not permit, and configurations used with refresh that lack offline_access",
	URL:        checks.DocURL(checks.OAuthScopes),
	Requires:   []*analysis.Analyzer{brexmodel.Analyzer, directives.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
}

// The kinds of finding (categories "oauthscopes/KIND").
const (
	KindMissingScope  = "missing-scope"
	KindOfflineAccess = "missing-offline-access"
	// KindUnusedScope is reported by the checklist's whole-module view
	// with -unused-scopes, never by the analyzer.
	KindUnusedScope = "unused-scope"
)

// Result is what the check saw in a package, for the whole-module view of
// brexlint checklist.
type Result struct {
	// Configs are the Brex authorization-code configurations written in
	// the package (not in _test.go files).
	Configs []*oauthmodel.Config
	// Uses are the Brex endpoints the package calls (not in _test.go
	// files), with the scopes the catalogue lists.
	Uses []*oauthmodel.EndpointUse
	// Judged reports whether the package sees a Brex configuration, so
	// that it compared its calls itself (or, with unknown scopes,
	// could not).
	Judged bool
	// Silenced holds the positions of the package's own calls (when not
	// Judged) and of its configurations' scopes (ScopesPos) where its
	// directives drop an oauthscopes finding: a suppression naming the
	// check (which then counts as used), a generated file, an Example.
	// The whole-module view reports nothing there.
	Silenced map[token.Pos]bool
}

// ScopesPos is where findings about a configuration's scopes land: its
// Scopes list in the configuration literal, or the configuration.
func ScopesPos(c *oauthmodel.Config) token.Pos {
	if c.Lit != nil {
		for _, el := range c.Lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Scopes" {
					return kv.Value.Pos()
				}
			}
		}
	}
	return c.Pos
}

func run(pass *analysis.Pass) (any, error) {
	r := directives.NewReporter(pass)
	defer r.Finish()
	m := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model).OAuth
	res := &Result{Judged: len(m.ScopeConfigs) > 0}
	for _, c := range m.Configs {
		if c.IsScopeSource() && !c.InTest {
			res.Configs = append(res.Configs, c)
		}
	}
	for _, u := range m.EndpointUses {
		if !u.InTest {
			res.Uses = append(res.Uses, u)
		}
	}
	// What the whole-module view may report here, it must not report
	// where a directive says not to.
	res.Silenced = map[token.Pos]bool{}
	for _, c := range res.Configs {
		if p := ScopesPos(c); r.Silenced(p) {
			res.Silenced[p] = true
		}
	}
	if !res.Judged {
		for _, u := range res.Uses {
			if u.Via == nil && r.Silenced(u.Call.Pos()) {
				res.Silenced[u.Call.Pos()] = true
			}
		}
	}
	if granted, ok := Granted(m.ScopeConfigs); ok {
		who := describeConfigs(pass, m.ScopeConfigs)
		short := configNames(pass, m.ScopeConfigs, who)
		for _, u := range res.Uses {
			if u.Endpoint.PermittedBy(granted) {
				continue
			}
			r.Report(analysis.Diagnostic{Pos: u.Call.Pos(), Category: KindMissingScope,
				Message: MissingScopeMessage(u.Endpoint, via(pass, u), short),
				Related: []analysis.RelatedInformation{{Pos: grantedPos(pass, m.ScopeConfigs, u.Call.Pos()), Message: GrantedMessage(who, granted)}}})
		}
	}
	reportOfflineAccess(pass, r, m)
	return res, nil
}

// Granted returns the union of the scopes the configurations request, and
// whether every one of them is known.
func Granted(configs []*oauthmodel.Config) ([]string, bool) {
	var out []string
	for _, c := range configs {
		if !c.ScopesKnown {
			return nil, false
		}
		out = append(out, c.Scopes...)
	}
	slices.Sort(out)
	return slices.Compact(out), len(configs) > 0
}

// MissingScopeMessage is the message of a missing-scope finding: the
// endpoint (called through via, if any), the scope to add (and the others
// it accepts), and the configurations (who) that do not request it.
// [GrantedMessage] says what they request.
func MissingScopeMessage(ep *brexapi.Endpoint, via, who string) string {
	call := ep.String()
	if via != "" {
		call += " (via " + via + ")"
	}
	add := suggestScope(ep)
	scope := add
	var others []string
	for _, sc := range ep.Scopes {
		if sc != scope {
			others = append(others, sc)
		}
	}
	if len(others) > 0 {
		scope += " (or " + strings.Join(others, ", ") + ")"
	}
	return checks.Message(fmt.Sprintf("%s needs scope %s, not requested by %s", call, scope, who),
		"Brex rejects it for insufficient scopes", "request "+add)
}

// GrantedMessage is the related information of a missing-scope finding:
// what the configurations request, too long a list for the message.
func GrantedMessage(who string, granted []string) string {
	requested := "no scopes"
	if len(granted) > 0 {
		requested = strings.Join(granted, " ")
	}
	return fmt.Sprintf("%s requests %s", who, requested)
}

// grantedPos is where the related information of a missing-scope finding
// at call lands: the scopes of the package's one configuration, else the
// call.
func grantedPos(pass *analysis.Pass, cs []*oauthmodel.Config, call token.Pos) token.Pos {
	if len(cs) == 1 {
		if p := ScopesPos(cs[0]); p.IsValid() && inPackage(pass, p) {
			return p
		}
	}
	return call
}

// suggestScope picks the scope to add: the read-only one for a read, the
// first listed otherwise.
func suggestScope(ep *brexapi.Endpoint) string {
	if ep.Method == "GET" {
		for _, s := range ep.Scopes {
			if strings.HasSuffix(s, ".readonly") || strings.HasSuffix(s, ".read") {
				return s
			}
		}
	}
	return ep.Scopes[0]
}

// via names the function of another package through which a use calls
// the endpoint, or "".
func via(pass *analysis.Pass, u *oauthmodel.EndpointUse) string {
	if u.Via == nil {
		return ""
	}
	return typesutil.FuncName(u.Via, pass.Pkg)
}

// configNames names the configurations for a missing-scope message by
// their names alone ("brexauth.Config"), or as who does when one has none.
func configNames(pass *analysis.Pass, cs []*oauthmodel.Config, who string) string {
	var names []string
	for _, c := range cs {
		n := configName(pass, c)
		if n == "" {
			return who
		}
		names = append(names, n)
	}
	slices.Sort(names)
	return strings.Join(slices.Compact(names), ", ")
}

// describeConfigs names the configurations for a message: "the Brex
// OAuth configuration brexauth.Config", "the Brex OAuth configurations
// a, b".
func describeConfigs(pass *analysis.Pass, cs []*oauthmodel.Config) string {
	var names []string
	for _, c := range cs {
		names = append(names, configName(pass, c))
	}
	slices.Sort(names)
	names = slices.Compact(names)
	if len(names) == 1 {
		if names[0] == "" {
			return "the Brex OAuth configuration"
		}
		return "the Brex OAuth configuration " + names[0]
	}
	var named []string
	for _, n := range names {
		if n != "" {
			named = append(named, n)
		}
	}
	if len(named) == 0 {
		return "the Brex OAuth configurations"
	}
	return "the Brex OAuth configurations " + strings.Join(named, ", ")
}

func configName(pass *analysis.Pass, c *oauthmodel.Config) string {
	if c.Obj == nil {
		return ""
	}
	if fn, ok := c.Obj.(*types.Func); ok {
		return typesutil.FuncName(fn, pass.Pkg) + "()"
	}
	if c.Obj.Pkg() != nil && c.Obj.Pkg() != pass.Pkg {
		return c.Obj.Pkg().Name() + "." + c.Obj.Name()
	}
	return c.Obj.Name()
}

// reportOfflineAccess reports, once per configuration, a Brex
// configuration used with refresh whose known scopes lack offline_access:
// at the configuration when it is written in this package, at the first
// refresh use otherwise.
func reportOfflineAccess(pass *analysis.Pass, r *directives.Reporter, m *oauthmodel.Result) {
	done := map[string]bool{}
	for _, ru := range m.RefreshUses {
		if ru.InTest {
			continue
		}
		configs := []*oauthmodel.Config{ru.Config}
		how := refreshHow(pass, ru)
		if ru.HandRolled {
			configs = refreshedByHand(m.ScopeConfigs)
		}
		for _, c := range configs {
			if c == nil || !c.IsScopeSource() || !c.ScopesKnown || c.HasScope(brexapi.OfflineAccess) {
				continue
			}
			key := configKey(c)
			if done[key] {
				continue
			}
			done[key] = true
			if c.Pos.IsValid() && pass.Fset.File(c.Pos) != nil && inPackage(pass, c.Pos) {
				d := analysis.Diagnostic{Pos: c.Pos, Category: KindOfflineAccess,
					Message: checks.Message(fmt.Sprintf("this Brex OAuth configuration is used with refresh (%s) but its scopes lack %q", how, brexapi.OfflineAccess), whyOffline, fixOffline)}
				if at, fix, ok := addScopeFix(c); ok {
					d.Pos = at
					d.SuggestedFixes = []analysis.SuggestedFix{fix}
				}
				r.Report(d)
				continue
			}
			r.Reportf(ru.Node.Pos(), KindOfflineAccess, "%s", checks.Message(fmt.Sprintf("%s is used with refresh here (%s) but its scopes lack %q",
				strings.TrimPrefix(describeConfigs(pass, []*oauthmodel.Config{c}), "the "), how, brexapi.OfflineAccess), whyOffline, fixOffline))
		}
	}
}

// Why a configuration used with refresh needs offline_access, and what to
// do, in the messages ([checks.Message]).
const (
	whyOffline = "Brex issues no refresh token"
	fixOffline = "ask for it with the other scopes"
)

// refreshedByHand returns the configurations a hand-written refresh
// grant may belong to: the hand-built flows the package sees, or its one
// configuration. With several library configurations it cannot tell.
func refreshedByHand(cs []*oauthmodel.Config) []*oauthmodel.Config {
	var out []*oauthmodel.Config
	for _, c := range cs {
		if c.Kind == oauthmodel.HandBuiltConfig {
			out = append(out, c)
		}
	}
	if len(out) == 0 && len(cs) == 1 {
		return cs
	}
	return out
}

func configKey(c *oauthmodel.Config) string {
	if c.Pos.IsValid() {
		return fmt.Sprint(c.Pos)
	}
	if c.Obj != nil {
		if fn, ok := c.Obj.(*types.Func); ok {
			return fn.FullName()
		}
		if c.Obj.Pkg() != nil {
			return c.Obj.Pkg().Path() + "." + c.Obj.Name()
		}
	}
	return fmt.Sprintf("%p", c)
}

func inPackage(pass *analysis.Pass, pos token.Pos) bool {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return true
		}
	}
	return false
}

// refreshHow says what refreshes, for the message.
func refreshHow(pass *analysis.Pass, ru *oauthmodel.RefreshUse) string {
	if ru.HandRolled {
		return "a refresh_token grant"
	}
	if call, ok := ru.Node.(*ast.CallExpr); ok {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if sel.Sel.Name == "Client" {
				return "Client over a stored token"
			}
			return sel.Sel.Name
		}
	}
	return "refresh"
}

// addScopeFix returns the position of the Scopes list of a configuration
// literal and a fix that appends "offline_access" to it.
func addScopeFix(c *oauthmodel.Config) (token.Pos, analysis.SuggestedFix, bool) {
	if c.Lit == nil {
		return 0, analysis.SuggestedFix{}, false
	}
	for _, el := range c.Lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); !ok || id.Name != "Scopes" {
			continue
		}
		list, ok := ast.Unparen(kv.Value).(*ast.CompositeLit)
		if !ok {
			return 0, analysis.SuggestedFix{}, false
		}
		edit := analysis.TextEdit{Pos: list.Rbrace, End: list.Rbrace, NewText: []byte(`"offline_access"`)}
		if n := len(list.Elts); n > 0 {
			end := list.Elts[n-1].End()
			edit = analysis.TextEdit{Pos: end, End: end, NewText: []byte(`, "offline_access"`)}
		}
		return kv.Value.Pos(), analysis.SuggestedFix{
			Message:   `Add "offline_access" to Scopes`,
			TextEdits: []analysis.TextEdit{edit},
		}, true
	}
	return 0, analysis.SuggestedFix{}, false
}
