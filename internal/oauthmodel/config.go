package oauthmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/brexlint/brexlint/internal/urlfold"
	"golang.org/x/tools/go/types/typeutil"
)

// maxDepth bounds the resolution of configurations through variables,
// fields and functions.
const maxDepth = 8

// configType returns the kind of configuration type t (or *t) is.
func configType(t types.Type) (ConfigKind, bool) {
	switch {
	case typesutil.IsNamed(t, oauth2Path, "Config"):
		return AuthCodeConfig, true
	case typesutil.IsNamed(t, clientCredentialsPath, "Config"):
		return ClientCredentialsConfig, true
	case typesutil.IsNamed(t, oauth2Path, "Endpoint"):
		return EndpointConfig, true
	}
	return 0, false
}

// configOf resolves the configuration that e (a config, a pointer to one,
// or an endpoint) denotes, or nil.
func (m *modeler) configOf(e ast.Expr) *Config { return m.configAt(e, 0) }

func (m *modeler) configAt(e ast.Expr, depth int) *Config {
	if e == nil || depth > maxDepth {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return m.configAt(e.X, depth+1)
		}
	case *ast.StarExpr:
		return m.configAt(e.X, depth+1)
	case *ast.CompositeLit:
		return m.configLit(e, depth)
	case *ast.CallExpr:
		if fn := typeutil.StaticCallee(m.info, e); fn != nil {
			return m.funcConfig(fn, depth)
		}
	case *ast.Ident, *ast.SelectorExpr:
		if v := m.varOf(e); v != nil {
			return m.varConfigOf(v, depth)
		}
		if f := m.fieldOf(e); f != nil {
			return m.fieldConfig(f, depth)
		}
	}
	return nil
}

// funcConfig is the configuration a function returns.
func (m *modeler) funcConfig(fn *types.Func, depth int) *Config {
	fn = fn.Origin()
	if fn.Pkg() == nil {
		return nil
	}
	if fn.Pkg() != m.pass.Pkg {
		if isOAuthLibrary(fn.Pkg().Path()) {
			// An endpoint constructor of x/oauth2 (microsoft.AzureADEndpoint):
			// another provider.
			if k, ok := configType(resultType(fn)); ok && k == EndpointConfig {
				return &Config{Obj: fn, Kind: EndpointConfig, Provider: ProviderOther}
			}
			return nil
		}
		var f ConfigFact
		if m.pass.ImportObjectFact(fn, &f) {
			return configFromFact(&f, fn)
		}
		return nil
	}
	if s := m.summary(fn); s != nil {
		return s.config
	}
	return nil
}

func resultType(fn *types.Func) types.Type {
	r := fn.Signature().Results()
	if r.Len() == 0 {
		return nil
	}
	return r.At(0).Type()
}

// varConfigOf is the configuration a variable holds: from a fact for an
// imported variable; from its definitions and the assignments to its
// fields for one of this package.
func (m *modeler) varConfigOf(v *types.Var, depth int) *Config {
	kind, ok := configType(v.Type())
	if !ok {
		return nil
	}
	if v.Pkg() != m.pass.Pkg {
		if v.Pkg() != nil && isOAuthLibrary(v.Pkg().Path()) {
			// google.Endpoint, github.Endpoint, endpoints.Slack, ...
			return &Config{Obj: v, Kind: kind, Provider: ProviderOther}
		}
		var f ConfigFact
		if m.pass.ImportObjectFact(v, &f) {
			return configFromFact(&f, v)
		}
		return nil
	}
	if c, ok := m.varConfig[v]; ok {
		return c
	}
	m.varConfig[v] = nil // in progress
	var c *Config
	if !m.vals.mutated[v] {
		ds := m.vals.defs[v]
		for _, d := range ds {
			var dc *Config
			if d.idx < 0 {
				dc = m.configAt(d.expr, depth+1)
			} else if call, ok := ast.Unparen(d.expr).(*ast.CallExpr); ok && d.idx == 0 {
				dc = m.configAt(call, depth+1)
			}
			if dc == nil || (c != nil && (c.Provider != dc.Provider || c.Kind != dc.Kind)) {
				c = nil
				break
			}
			if c == nil {
				c = dc
			}
		}
		if len(ds) == 0 && len(m.vals.fieldAssigns[v]) > 0 {
			c = &Config{Kind: kind}
		}
	}
	if c != nil && len(m.vals.fieldAssigns[v]) > 0 {
		c = m.applyFieldAssigns(c, m.vals.fieldAssigns[v], depth)
	}
	if c != nil && c.Obj == nil && v.Parent() == m.pass.Pkg.Scope() {
		cc := *c
		cc.Obj = v
		c = &cc
	}
	m.varConfig[v] = c
	return c
}

// applyFieldAssigns returns c changed by v.Endpoint = ..., v.Scopes = ...
func (m *modeler) applyFieldAssigns(c *Config, fas []fieldAssign, depth int) *Config {
	cc := *c
	var authURL, tokenURL *urlfold.Value
	for _, fa := range fas {
		switch strings.Join(fa.path, ".") {
		case "Endpoint":
			if ep := m.configAt(fa.expr, depth+1); ep != nil {
				cc.AuthURL, cc.TokenURL, cc.Provider, cc.Legacy = ep.AuthURL, ep.TokenURL, ep.Provider, ep.Legacy
			} else {
				cc.AuthURL, cc.TokenURL, cc.Provider, cc.Legacy = "", "", ProviderUnknown, false
			}
		case "Endpoint.AuthURL", "AuthURL":
			v := m.folder.Fold(fa.expr)
			authURL = &v
		case "Endpoint.TokenURL", "TokenURL":
			v := m.folder.Fold(fa.expr)
			tokenURL = &v
		case "Scopes":
			cc.Scopes, cc.ScopesKnown = m.scopesOf(fa.expr, depth+1)
		}
	}
	if authURL != nil || tokenURL != nil {
		var au, tu urlfold.Value
		if authURL != nil {
			au = *authURL
			cc.AuthURL = au.String()
		}
		if tokenURL != nil {
			tu = *tokenURL
			cc.TokenURL = tu.String()
		}
		p, legacy := providerOf(au, tu)
		if p > cc.Provider || authURL != nil && tokenURL != nil {
			cc.Provider, cc.Legacy = p, legacy
		}
	}
	return &cc
}

// fieldConfig is the configuration a struct field holds: the values given
// to it in this package, when they agree.
func (m *modeler) fieldConfig(f *types.Var, depth int) *Config {
	if _, ok := configType(f.Type()); !ok {
		return nil
	}
	if c, ok := m.varConfig[f]; ok {
		return c
	}
	m.varConfig[f] = nil
	var c *Config
	for _, e := range m.vals.fields[f] {
		fc := m.configAt(e, depth+1)
		if fc == nil || (c != nil && (c.Provider != fc.Provider || c.Kind != fc.Kind)) {
			c = nil
			break
		}
		if c == nil {
			c = fc
		}
	}
	m.varConfig[f] = c
	return c
}

// configLit is the configuration of a composite literal of oauth2.Config,
// clientcredentials.Config or oauth2.Endpoint.
func (m *modeler) configLit(lit *ast.CompositeLit, depth int) *Config {
	if c, ok := m.configs[lit]; ok {
		return c
	}
	kind, ok := configType(m.info.TypeOf(lit))
	if !ok {
		return nil
	}
	m.configs[lit] = nil
	c := &Config{Pos: lit.Pos(), Lit: lit, Kind: kind, InTest: m.inTest(lit.Pos())}
	var au, tu urlfold.Value
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, _ := kv.Key.(*ast.Ident)
		if key == nil {
			continue
		}
		switch key.Name {
		case "Endpoint":
			if ep := m.configAt(kv.Value, depth+1); ep != nil {
				c.AuthURL, c.TokenURL, c.Provider, c.Legacy = ep.AuthURL, ep.TokenURL, ep.Provider, ep.Legacy
			}
		case "AuthURL":
			au = m.folder.Fold(kv.Value)
			c.AuthURL = au.String()
		case "TokenURL":
			tu = m.folder.Fold(kv.Value)
			c.TokenURL = tu.String()
		case "Scopes":
			c.Scopes, c.ScopesKnown = m.scopesOf(kv.Value, depth+1)
		}
	}
	if kind != AuthCodeConfig {
		c.Provider, c.Legacy = providerOf(au, tu)
	}
	m.configs[lit] = c
	return c
}

// providerOf decides the provider from the folded endpoint URLs: Brex when
// either is on a Brex auth host, another provider when a host is known and
// is not Brex's, unknown otherwise.
func providerOf(urls ...urlfold.Value) (Provider, bool) {
	p := ProviderUnknown
	for _, u := range urls {
		host, ok := u.Host()
		if !ok {
			continue
		}
		if brex, legacy := brexapi.IsAuthHost(host); brex {
			return ProviderBrex, legacy
		}
		p = ProviderOther
	}
	return p, false
}

// scopesOf returns a constant list of scopes.
func (m *modeler) scopesOf(e ast.Expr, depth int) ([]string, bool) {
	if depth > maxDepth {
		return nil, false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		var out []string
		for _, el := range e.Elts {
			tv, ok := m.info.Types[el]
			if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
				return nil, false
			}
			out = append(out, constant.StringVal(tv.Value))
		}
		return out, true
	case *ast.Ident, *ast.SelectorExpr:
		if v := m.varOf(e); v != nil && v.Pkg() == m.pass.Pkg {
			if x, ok := m.single(v); ok {
				return m.scopesOf(x, depth+1)
			}
		}
	}
	return nil, false
}
