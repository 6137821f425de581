package brexmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/oauthmodel"
	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Status checks: where the body of a Brex response is decoded, and whether
// its status was looked at first; and what a 401 from a Brex Cash endpoint
// leads to.

// Decode is a decode of a Brex response's body into data.
type Decode struct {
	// Call is the Decode or Unmarshal call, or the call of the helper or
	// wrapper that decodes.
	Call *ast.CallExpr
	// Func is the declaration holding Call.
	Func *ast.FuncDecl
	// Via is the helper or wrapper that decodes; nil when decoded here.
	Via *types.Func
	// Checked: the status is looked at before the decode (here, or inside
	// Via before it decodes).
	Checked   bool
	Endpoints []string
	InTest    bool
}

// Decodes returns the decodes of Brex response bodies in the package whose
// status check is this package's to make: those made here or by a helper
// given the response or its body, and those made inside a wrapper of
// another package that does not know it sends Brex requests. (A wrapper of
// this package is judged where it decodes.)
func (m *Model) Decodes() []*Decode {
	if m.resp == nil {
		return nil
	}
	return m.resp.decodesOut
}

// buildDecodes computes the package's Decodes.
func (r *responseAnalysis) buildDecodes() {
	for _, f := range r.ordered {
		mask := r.masks[f]
		var callMask uint64
		for i, src := range f.sources {
			if src.call != nil && mask&(1<<i) != 0 {
				callMask |= 1 << i
			}
		}
		seen := map[token.Pos]bool{}
		for _, ev := range f.decodes {
			tags := ev.tags & callMask
			if tags == 0 || seen[ev.pos] {
				continue
			}
			call := r.callAt(f, ev.pos)
			if call == nil {
				continue
			}
			d := &Decode{Call: call, Func: f.fd, Via: ev.via, InTest: r.inTest(ev.pos)}
			if ev.via != nil && r.decodesOwnResponse(f, call, ev.via) {
				// A wrapper or sender decoding its own response into the
				// caller's destination: it is judged inside, unless it is
				// of another package that does not know it talks to Brex.
				via := ev.via.Origin()
				if via.Pkg() == r.pass.Pkg {
					continue
				}
				var rf ResponseFact
				if r.pass.ImportObjectFact(via, &rf) && rf.Judged {
					continue
				}
				d.Checked = rf.StatusChecked
			} else {
				d.Checked = ev.checked || f.checkedBefore(tags, ev.pos)
			}
			for i := range f.sources {
				if tags&(1<<i) != 0 {
					d.Endpoints = mergeStrings(d.Endpoints, r.endpointsOf(f, f.sources[i].call))
				}
			}
			seen[ev.pos] = true
			r.decodesOut = append(r.decodesOut, d)
		}
	}
}

// DecodeTarget is a decode of a Brex response into a destination of this
// package: a variable, field or expression of the function that decodes,
// or that calls the wrapper or helper that decodes into its argument
// (c.get(ctx, "/v2/users", &page)).
type DecodeTarget struct {
	// Call is the Decode or Unmarshal call, or the call of the helper or
	// wrapper that decodes into Target.
	Call *ast.CallExpr
	// Func is the declaration holding Call.
	Func *ast.FuncDecl
	// Target is the destination as written (&page, out).
	Target ast.Expr
	// Type is the decoded type with pointers removed; nil for an
	// interface.
	Type types.Type
	// Requests are the requests whose responses are decoded here, when the
	// response comes from a send in Func (not from a parameter).
	Requests []*Request
	InTest   bool
}

// DecodeTargets returns the decodes of Brex responses into destinations of
// this package, in source order: those of Decodes, and also those that a
// wrapper of this package makes into its caller's argument (listed at the
// caller's call). A decode into the function's own parameter (the
// wrapper's out any) is not listed: its callers' destinations are.
func (m *Model) DecodeTargets() []*DecodeTarget {
	if m.resp == nil {
		return nil
	}
	return m.resp.targetsOut
}

// buildDecodeTargets computes the package's DecodeTargets.
func (r *responseAnalysis) buildDecodeTargets() {
	for _, f := range r.ordered {
		mask := r.masks[f]
		for _, ev := range f.decodes {
			tags := ev.tags & mask
			if tags == 0 || ev.target == nil || ev.param >= 0 {
				continue
			}
			call := r.callAt(f, ev.pos)
			if call == nil {
				continue
			}
			d := &DecodeTarget{Call: call, Func: f.fd, Target: ev.target, Type: ev.typ, InTest: r.inTest(ev.pos)}
			for i, src := range f.sources {
				if tags&(1<<i) == 0 || src.call == nil {
					continue
				}
				for _, req := range r.callReqs[src.call] {
					if !slices.Contains(d.Requests, req) {
						d.Requests = append(d.Requests, req)
					}
				}
			}
			r.targetsOut = append(r.targetsOut, d)
		}
	}
}

// decodesOwnResponse reports whether call (a call of via in f) is a send
// whose wrapper decodes its own response.
func (r *responseAnalysis) decodesOwnResponse(f *respFlow, call *ast.CallExpr, via *types.Func) bool {
	if _, ok := f.callSrc[call]; !ok {
		return false
	}
	s := r.summaryOf(via)
	return s != nil && len(s.DecodesInto) > 0
}

// callAt returns the call of f at pos.
func (r *responseAnalysis) callAt(f *respFlow, pos token.Pos) *ast.CallExpr {
	for _, c := range f.calls {
		if c.Pos() == pos {
			return c
		}
	}
	return nil
}

// CredentialEffect is what a 401 from a Brex Cash endpoint leads to: the
// stored credential cleared or replaced, a token refreshed, revoked, a
// redirect to authorize, or a helper that does one of these.
type CredentialEffect struct {
	// Node is the effect: an assignment or a call.
	Node ast.Node
	// What says what it does ("clears or replaces the stored credential").
	What string
	// Endpoints are the Brex Cash endpoints whose 401 leads here.
	Endpoints []string
	InTest    bool
}

// Cash401Effects returns the credential effects that a 401 from a Brex
// Cash endpoint leads to in the package.
func (m *Model) Cash401Effects() []*CredentialEffect {
	if m.resp == nil {
		return nil
	}
	return m.resp.effectsOut
}

// CredentialFact marks a function that refreshes, revokes, clears or
// replaces a credential, or redirects to authorize.
type CredentialFact struct {
	What string
}

func (*CredentialFact) AFact()           {}
func (f *CredentialFact) String() string { return "credential(" + f.What + ")" }

// cashPrefixes are the paths of the Brex Cash endpoints, where a 401 means
// that Brex Cash is not enabled or the role lacks access.
var cashPrefixes = []string{"/v2/accounts/cash", "/v2/transactions/cash", "/v1/transfers", "/v1/vendors"}

// IsCashPath reports whether path (a request path or catalogue template)
// is a Brex Cash endpoint's.
func IsCashPath(path string) bool {
	for _, p := range cashPrefixes {
		if path == p || strings.HasPrefix(path, p+"/") || strings.HasPrefix(path, p+"?") {
			return true
		}
	}
	return false
}

// credentials is what the package stores credentials in.
type credentials struct {
	vars  map[*types.Var]bool // variables and fields holding a credential
	maps  map[*types.Var]bool // maps from which a credential is read
	funcs map[*types.Func]string
	// keys are the context keys of this package whose value the package
	// reads into an Authorization header (see CredentialKeyFact).
	keys map[types.Object]bool
}

// CredentialKeyFact marks a package-level context key whose value the
// package sends as the Authorization header: openapi-generator's
// ContextAccessToken, which the generated prepareRequest reads with
// ctx.Value(ContextAccessToken).(string) into "Bearer "+auth. A value the
// program gives it with context.WithValue is a stored credential.
type CredentialKeyFact struct{}

func (*CredentialKeyFact) AFact()         {}
func (*CredentialKeyFact) String() string { return "credentialKey" }

// credentialKey reports whether k, a context key, is a credential key: one
// of this package that buildCredentials found, or one of another package
// that carries CredentialKeyFact.
func (r *responseAnalysis) credentialKey(k types.Object) bool {
	if k.Pkg() == r.pass.Pkg {
		return r.creds != nil && r.creds.keys[k]
	}
	return r.pass.ImportObjectFact(k, new(CredentialKeyFact))
}

// authHeaderValues returns the values that the statements of body, a
// function's body, give the Authorization header, in the order they are
// written (see authHeaderWrites).
func authHeaderValues(info *types.Info, body inspector.Cursor) []ast.Expr {
	var vals []ast.Expr
	for cur := range body.Preorder((*ast.CallExpr)(nil), (*ast.AssignStmt)(nil)) {
		vals = append(vals, authHeaderWrites(info, cur.Node())...)
	}
	return vals
}

// authHeaderWrites returns the values that n, a call or an assignment,
// gives the Authorization header: h.Set("Authorization", v),
// h.Add("Authorization", v) and h["Authorization"] = []string{v} on an
// http.Header. A value written whole as a list of several is returned as
// written. A walk that looks for other calls too (buildCredentials) asks
// it of each node it visits, so that a body is walked once.
func authHeaderWrites(info *types.Info, n ast.Node) []ast.Expr {
	var vals []ast.Expr
	switch n := n.(type) {
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, n).(*types.Func)
		if (isMethod(fn, "net/http", "Header", "Set") || isMethod(fn, "net/http", "Header", "Add")) && len(n.Args) == 2 {
			if name, ok := canonical(info, n.Args[0]); ok && name == "Authorization" {
				vals = append(vals, n.Args[1])
			}
		}
	case *ast.AssignStmt:
		if len(n.Lhs) != len(n.Rhs) {
			return nil
		}
		for i, l := range n.Lhs {
			if ix, ok := astutil.Unparen(l).(*ast.IndexExpr); ok {
				if name, ok := canonical(info, ix.Index); ok && name == "Authorization" && typesutil.IsNamed(info.TypeOf(ix.X), "net/http", "Header") {
					vals = append(vals, headerValue(n.Rhs[i]))
				}
			}
		}
	}
	return vals
}

// buildCredentials finds the package's credential stores: the variables and
// fields read into an Authorization header, and those holding oauth2
// tokens or token sources; and the functions of the package that act on
// them.
func (r *responseAnalysis) buildCredentials() {
	info := r.pass.TypesInfo
	c := &credentials{vars: map[*types.Var]bool{}, maps: map[*types.Var]bool{}, funcs: map[*types.Func]string{}, keys: map[types.Object]bool{}}
	r.creds = c
	var collect func(f *respFlow, e ast.Expr, depth int)
	collect = func(f *respFlow, e ast.Expr, depth int) {
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				// ctx.Value(ContextAccessToken): the key's value is the
				// credential, wherever the program sets it.
				if fn, _ := typeutil.Callee(info, n).(*types.Func); isMethod(fn, "context", "Context", "Value") && len(n.Args) == 1 {
					if k := objOf(info, n.Args[0]); k != nil && k.Pkg() == r.pass.Pkg && k.Parent() == r.pass.Pkg.Scope() {
						c.keys[k] = true
					}
				}
			case *ast.IndexExpr:
				if v := storeVar(info, n.X); v != nil {
					if _, ok := v.Type().Underlying().(*types.Map); ok {
						c.maps[v] = true
					}
				}
			case *ast.SelectorExpr:
				if s, ok := info.Selections[n]; ok && s.Kind() == types.FieldVal {
					if typesutil.IsString(s.Obj().Type()) {
						c.vars[s.Obj().(*types.Var).Origin()] = true
					}
					return false
				}
			case *ast.Ident:
				v, ok := info.Uses[n].(*types.Var)
				if !ok {
					return true
				}
				if v.Parent() == r.pass.Pkg.Scope() && typesutil.IsString(v.Type()) {
					c.vars[v] = true
				} else if depth < 3 && f != nil {
					for _, val := range f.assignedValues(v) {
						collect(f, val, depth+1)
					}
				}
			}
			return true
		})
	}
	type keyed struct {
		f    *respFlow
		call *ast.CallExpr
	}
	var withValues []keyed
	for _, f := range r.ordered {
		// One walk of the body: the Authorization values it writes and
		// its context.WithValue calls.
		for cur := range r.model.bodyCursor(f.fd).Preorder((*ast.CallExpr)(nil), (*ast.AssignStmt)(nil)) {
			if call, ok := cur.Node().(*ast.CallExpr); ok && len(call.Args) == 3 {
				if fn, _ := typeutil.Callee(info, call).(*types.Func); isFunc(fn, "context", "WithValue") {
					withValues = append(withValues, keyed{f, call})
					continue
				}
			}
			for _, v := range authHeaderWrites(info, cur.Node()) {
				collect(f, v, 0)
			}
		}
	}
	// context.WithValue(ctx, brex.ContextAccessToken, c.token): the value
	// of a credential key, of this package or another, is a credential.
	for _, kv := range withValues {
		if k := objOf(info, kv.call.Args[1]); k != nil && r.credentialKey(k) {
			collect(kv.f, kv.call.Args[2], 0)
		}
	}
	for k := range c.keys {
		r.export(k, &CredentialKeyFact{})
	}
	// Helpers that act on credentials: an effect among the statements of
	// their body that always run (not under a condition or in a loop).
	// Functions that send requests themselves are not helpers of this
	// kind: their effects are judged where they are. The nodes that may
	// be an effect, and what each is by itself (ownEffect), are found
	// once; a round only asks again which helpers of c.funcs they call.
	unconditional := map[*respFlow][]ast.Node{}
	type own struct {
		what   string
		helper *types.Func
	}
	owns := map[ast.Node]own{}
	for changed := true; changed; {
		changed = false
		for _, f := range r.ordered {
			if _, ok := c.funcs[f.fn]; ok || f.sendsAny() {
				continue
			}
			nodes, ok := unconditional[f]
			if !ok {
				nodes = r.unconditionalNodes(f)
				unconditional[f] = nodes
			}
			for _, n := range nodes {
				o, ok := owns[n]
				if !ok {
					o.what, o.helper = r.ownEffect(n)
					owns[n] = o
				}
				if what := r.helperEffect(o.what, o.helper); what != "" {
					c.funcs[f.fn] = what
					changed = true
					break
				}
			}
		}
	}
	for fn, what := range c.funcs {
		r.export(fn, &CredentialFact{What: what})
	}
}

// unconditionalNodes returns, in the order of the source, the assignments
// and calls of f that run whenever f does: those of the statements of its
// body (the init and condition of an if statement; nothing of a loop, a
// switch, a select, a go or a defer), outside function literals. Only
// these can be a credential effect (effectOf).
func (r *responseAnalysis) unconditionalNodes(f *respFlow) []ast.Node {
	var nodes []ast.Node
	kinds := []ast.Node{(*ast.FuncLit)(nil), (*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)}
	for st := range r.model.bodyCursor(f.fd).Children() {
		var parts []inspector.Cursor
		switch n := st.Node().(type) {
		case *ast.IfStmt:
			if n.Init != nil {
				parts = append(parts, st.Child(n.Init))
			}
			parts = append(parts, st.Child(n.Cond))
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.GoStmt, *ast.DeferStmt:
		default:
			parts = append(parts, st)
		}
		for _, p := range parts {
			p.Inspect(kinds, func(c inspector.Cursor) bool {
				if _, ok := c.Node().(*ast.FuncLit); ok {
					return false
				}
				nodes = append(nodes, c.Node())
				return true
			})
		}
	}
	return nodes
}

// storeVar returns the variable or field e denotes.
func storeVar(info *types.Info, e ast.Expr) *types.Var {
	switch e := astutil.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := info.Uses[e].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if s, ok := info.Selections[e]; ok && s.Kind() == types.FieldVal {
			return s.Obj().(*types.Var).Origin()
		}
		v, _ := info.Uses[e.Sel].(*types.Var)
		return v
	}
	return nil
}

// isTokenType reports whether t holds an oauth2 token or token source.
func isTokenType(t types.Type) bool {
	return typesutil.IsNamed(t, oauth2Path, "Token") || typesutil.IsNamed(t, oauth2Path, "TokenSource")
}

// effectOf says what credential effect the single node n is ("" if none):
// an assignment to a credential store, a delete from a credential map, a
// token refresh, a revocation, a redirect to authorize, or a call of a
// function that does one of these.
func (r *responseAnalysis) effectOf(n ast.Node) string {
	return r.helperEffect(r.ownEffect(n))
}

// helperEffect says what credential effect a node is, from its own
// (ownEffect): that, or else the effect of the helper of this package it
// calls, if buildCredentials found one.
func (r *responseAnalysis) helperEffect(what string, helper *types.Func) string {
	if what == "" && helper != nil {
		if w, ok := r.creds.funcs[helper]; ok {
			return "calls " + helper.Name() + ", which " + w
		}
	}
	return what
}

// ownEffect says what credential effect the single node n is by itself,
// whatever the helpers of this package do ("" if none); for a call of a
// function of this package, it returns that function (its origin), whose
// effect buildCredentials may find later.
func (r *responseAnalysis) ownEffect(n ast.Node) (string, *types.Func) {
	info := r.pass.TypesInfo
	c := r.creds
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, l := range n.Lhs {
			if v := storeVar(info, l); v != nil && (c.vars[v] || isTokenType(v.Type()) && v.Pkg() == r.pass.Pkg && (v.IsField() || v.Parent() == r.pass.Pkg.Scope())) {
				return "clears or replaces the stored credential", nil
			}
			if ix, ok := astutil.Unparen(l).(*ast.IndexExpr); ok {
				if v := storeVar(info, ix.X); v != nil && c.maps[v] {
					return "clears or replaces the stored credential", nil
				}
			}
		}
	case *ast.CallExpr:
		if id, ok := astutil.Unparen(n.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "delete" && len(n.Args) == 2 {
				if v := storeVar(info, n.Args[0]); v != nil && c.maps[v] {
					return "deletes the stored credential", nil
				}
			}
		}
		fn, _ := typeutil.Callee(info, n).(*types.Func)
		if fn == nil {
			return "", nil
		}
		switch {
		case isMethod(fn, oauth2Path, "TokenSource", "Token"),
			isMethod(fn, oauth2Path, "Config", "TokenSource"),
			isFunc(fn, oauth2Path, "ReuseTokenSource"),
			isMethod(fn, oauth2Path+"/clientcredentials", "Config", "Token"),
			isMethod(fn, oauth2Path+"/clientcredentials", "Config", "TokenSource"):
			return "refreshes the token", nil
		case isMethod(fn, oauth2Path, "Config", "AuthCodeURL"):
			return "sends the user to authorize again", nil
		case isFunc(fn, "net/http", "Redirect") && len(n.Args) == 4:
			if s := r.http.folder.Fold(n.Args[2]).String(); s != "" {
				if ok, _, _ := oauthmodel.IsAuthorizeEndpoint(s); ok {
					return "sends the user to authorize again", nil
				}
			}
		}
		for _, a := range n.Args {
			if t := info.TypeOf(a); t != nil && typesutil.IsString(t) {
				if s, ok := r.http.folder.Fold(a).Complete(); ok && brexapi.IsRevokeURL(s) {
					return "revokes the token", nil
				}
			}
		}
		fn = fn.Origin()
		if fn.Pkg() == r.pass.Pkg {
			return "", fn
		}
		var cf CredentialFact
		if r.pass.ImportObjectFact(fn, &cf) {
			return "calls " + qualifiedName(fn) + ", which " + cf.What, nil
		}
	}
	return "", nil
}

// buildEffects finds the credential effects that a 401 from a Brex Cash
// endpoint leads to: effects on the paths that follow a send of such an
// endpoint when its status is 401, and not when it is 200.
func (r *responseAnalysis) buildEffects() {
	r.buildCredentials()
	for _, f := range r.ordered {
		mask := r.masks[f]
		for i, src := range f.sources {
			if src.call == nil || mask&(1<<i) == 0 {
				continue
			}
			var cash []string
			for _, ep := range r.endpointsOf(f, src.call) {
				if _, path, ok := strings.Cut(ep, " "); ok && IsCashPath(path) {
					cash = append(cash, ep)
				}
			}
			if len(cash) == 0 {
				continue
			}
			at := func(status int64) map[ast.Node]string {
				found := map[ast.Node]string{}
				visit := func(n ast.Node) {
					ast.Inspect(n, func(n ast.Node) bool {
						if _, ok := n.(*ast.FuncLit); ok {
							return false
						}
						if what := r.effectOf(n); what != "" {
							found[n] = what
							return false
						}
						return true
					})
				}
				f.at(src.call, 1<<i, status, f.srcErr(src, status), f.loopAround(src.call), visit)
				return found
			}
			bad, good := at(http.StatusUnauthorized), at(http.StatusOK)
			var nodes []ast.Node
			for n := range bad {
				if _, ok := good[n]; !ok {
					nodes = append(nodes, n)
				}
			}
			sort.Slice(nodes, func(a, b int) bool { return nodes[a].Pos() < nodes[b].Pos() })
			for _, n := range nodes {
				if r.seenEffect[n] {
					continue
				}
				r.seenEffect[n] = true
				r.effectsOut = append(r.effectsOut, &CredentialEffect{Node: n, What: bad[n], Endpoints: cash, InTest: r.inTest(n.Pos())})
			}
		}
	}
}

// sendsAny reports whether the function sends a request itself.
func (f *respFlow) sendsAny() bool {
	for _, src := range f.sources {
		if src.call != nil {
			return true
		}
	}
	return false
}
