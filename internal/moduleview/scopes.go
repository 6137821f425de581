package moduleview

import (
	"fmt"
	"go/token"
	"slices"
	"strings"

	"github.com/brexlint/brexlint/analyzers/oauthscopes"
	"github.com/brexlint/brexlint/checklist"
	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/oauthmodel"
	"golang.org/x/tools/go/packages"
)

// The whole-module view of scopes. The oauthscopes analyzer compares the
// calls of a package with the Brex OAuth configurations the package sees
// (its own, or a direct import's through facts), and hands the endpoints
// of a package that sees none on to its importers. What no package sees
// together (the configuration in the web server's packages, the calls in a
// worker's) only the whole module can compare: every Brex call of the main
// module that no package judged is compared with the scopes of every Brex
// configuration of the main module (View.ScopeFindings). The CLI's
// -unused-scopes also reports the requested scopes that no call of the
// module needs.

// scopeUse is a Brex call that no package of the module judged.
type scopeUse struct {
	pkg *packages.Package
	use *oauthmodel.EndpointUse
	pos token.Position
}

// scopeConfig is a Brex configuration written in the module.
type scopeConfig struct {
	pkg    *packages.Package
	config *oauthmodel.Config
	pos    token.Position
	// silenced: a directive drops findings at its scopes.
	silenced bool
}

// ScopeFindings compares every Brex call of the main module that no
// package judged with the scopes of every Brex OAuth configuration of the
// main module, and with unused also reports the requested scopes that no
// call of the module needs. The caller asks only when the oauthscopes
// check ran.
func (v *View) ScopeFindings(unused bool) []checklist.Finding {
	var (
		configs []scopeConfig
		seenCfg = map[token.Position]bool{}
		judged  = map[string]bool{} // origin + endpoint, judged by some package
		open    []scopeUse
		seenUse = map[string]bool{}
		allEPs  []*brexapi.Endpoint
	)
	type pkgResult struct {
		pkg *packages.Package
		r   *oauthscopes.Result
	}
	var results []pkgResult
	for _, p := range v.res.Packages {
		if s := v.pkgs[p]; s != nil && s.scopes != nil {
			results = append(results, pkgResult{p, s.scopes})
		}
	}
	for _, x := range results {
		fset := x.pkg.Fset
		for _, c := range x.r.Configs {
			p := fset.Position(oauthscopes.ScopesPos(c))
			if seenCfg[p] {
				continue
			}
			seenCfg[p] = true
			configs = append(configs, scopeConfig{pkg: x.pkg, config: c, pos: p, silenced: x.r.Silenced[oauthscopes.ScopesPos(c)]})
		}
		for _, u := range x.r.Uses {
			allEPs = append(allEPs, u.Endpoint)
			if x.r.Judged && u.Origin != "" {
				judged[u.Origin+" "+u.Endpoint.String()] = true
			}
		}
	}
	for _, x := range results {
		if x.r.Judged {
			continue
		}
		fset := x.pkg.Fset
		for _, u := range x.r.Uses {
			if u.Via != nil || x.r.Silenced[u.Call.Pos()] {
				continue // a call of another package's function: judged at its own request
			}
			p := fset.Position(u.Call.Pos())
			key := fmt.Sprintf("%s %s", p, u.Endpoint)
			if seenUse[key] {
				continue
			}
			seenUse[key] = true
			open = append(open, scopeUse{pkg: x.pkg, use: u, pos: p})
		}
	}
	if len(configs) == 0 {
		return nil // no Brex OAuth configuration: a customer integration
	}
	cs := make([]*oauthmodel.Config, len(configs))
	for i, c := range configs {
		cs[i] = c.config
	}
	granted, known := oauthscopes.Granted(cs)
	if !known {
		return nil
	}
	who := "the module's " + moduleConfigs(configs)
	var out []checklist.Finding
	for _, u := range open {
		if u.use.Origin != "" && judged[u.use.Origin+" "+u.use.Endpoint.String()] || u.use.Endpoint.PermittedBy(granted) {
			continue
		}
		f := v.scopeFinding(u.pkg, u.use.Call.Pos(), oauthscopes.KindMissingScope,
			oauthscopes.MissingScopeMessage(u.use.Endpoint, "", who))
		// What the configurations request, at the one configuration's
		// Scopes, or at the call.
		at := checklist.Related{File: f.File, Line: f.Line, Column: f.Column}
		if len(configs) == 1 {
			c := configs[0]
			at = checklist.Related{File: RelFile(c.pkg, c.pos.Filename), Line: c.pos.Line, Column: c.pos.Column}
		}
		at.Message = oauthscopes.GrantedMessage(who, granted)
		f.Related = []checklist.Related{at}
		out = append(out, f)
	}
	if unused {
		for _, c := range configs {
			if c.silenced {
				continue
			}
			var unused []string
			for _, sc := range c.config.Scopes {
				if brexapi.IdentityScope(sc) || slices.Contains(unused, sc) {
					continue
				}
				if !slices.ContainsFunc(allEPs, func(ep *brexapi.Endpoint) bool { return ep.ScopeUsed(sc) }) {
					unused = append(unused, sc)
				}
			}
			if len(unused) == 0 {
				continue
			}
			out = append(out, v.scopeFinding(c.pkg, oauthscopes.ScopesPos(c.config), oauthscopes.KindUnusedScope,
				checks.Message(fmt.Sprintf("this Brex OAuth configuration requests %s, which no Brex call of the module needs", quoteList(unused)),
					"customers grant more access than the integration uses, which Brex reviews",
					fmt.Sprintf("remove %s (or add the calls that need %s)", checklist.Plural(len(unused), "it", "them"), checklist.Plural(len(unused), "it", "them")))))
		}
	}
	return out
}

// scopeFinding makes a checklist finding of the oauthscopes check, as the
// analyzer would have reported it.
func (v *View) scopeFinding(pkg *packages.Package, pos token.Pos, kind, msg string) checklist.Finding {
	return v.findingAt(pkg, pos, checks.OAuthScopes, checks.OAuthScopes+"/"+kind, checks.OAuthScopes+": "+msg)
}

// moduleConfigs names the module's configurations: "Brex OAuth
// configuration brexauth.Config".
func moduleConfigs(cs []scopeConfig) string {
	var names []string
	for _, c := range cs {
		if c.config.Obj != nil {
			names = append(names, c.pkg.Name+"."+c.config.Obj.Name())
		}
	}
	slices.Sort(names)
	names = slices.Compact(names)
	switch {
	case len(cs) == 1 && len(names) == 1:
		return "Brex OAuth configuration " + names[0]
	case len(cs) == 1:
		return "Brex OAuth configuration"
	case len(names) == 0:
		return "Brex OAuth configurations"
	}
	return "Brex OAuth configurations " + strings.Join(names, ", ")
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
