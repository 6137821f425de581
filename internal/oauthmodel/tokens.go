package oauthmodel

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/types/typeutil"
)

// The token view, for the tokenrefresh check and for the refresh uses that
// oauthscopes needs: where an OAuth token (an *oauth2.Token, or an access
// token as a string) comes from, where it is kept, and how it is used.
//
// A token's origin is decided at each use from the expression given to it,
// through local variables defined once, the package's functions (their
// returns) and facts. What the view calls a Brex token comes from a Brex
// code exchange (oauth2.Config.Exchange, a helper that exchanges), a
// refresh or token request to Brex's token endpoint, a client-credentials
// configuration on Brex's auth host, or a slot (struct field, package
// variable, map) into which the package stores one of those. Tokens the
// view cannot trace (a parameter nobody fills, a call of an unknown
// function, the environment) are not Brex tokens: customer user tokens
// (bxt_…) read from the environment are one such.

// TokenUseKind is how a token is used.
type TokenUseKind uint8

const (
	// StaticSourceUse: oauth2.StaticTokenSource(tok), which never
	// refreshes.
	StaticSourceUse TokenUseKind = iota
	// AuthHeaderUse: an Authorization header made from an access token
	// (Header.Set/Add, Header["Authorization"] = ..., tok.SetAuthHeader).
	AuthHeaderUse
	// ConfigClientUse: (*oauth2.Config).Client(ctx, tok), which refreshes
	// inside the client, where the refreshed token cannot be read back.
	ConfigClientUse
	// ConfigSourceUse: (*oauth2.Config).TokenSource(ctx, tok).
	ConfigSourceUse
)

func (k TokenUseKind) String() string {
	switch k {
	case StaticSourceUse:
		return "static"
	case AuthHeaderUse:
		return "header"
	case ConfigClientUse:
		return "client"
	case ConfigSourceUse:
		return "source"
	}
	return "?"
}

// TokenOrigin says where a token comes from.
type TokenOrigin uint8

const (
	// OriginUnknown: not enough evidence.
	OriginUnknown TokenOrigin = iota
	// OriginFresh: obtained in the function that uses it: a code
	// exchange, a refresh (TokenSource.Token), a token request.
	OriginFresh
	// OriginStored: kept beyond the request that obtained it: read from
	// a struct field, a package variable, a map or slice element,
	// decoded from bytes (JSON, gob), rebuilt from parts
	// (&oauth2.Token{... RefreshToken: ...}), or returned by a function
	// that does one of these.
	OriginStored
	// OriginParam: a parameter of the function; its callers decide.
	OriginParam
	// OriginOther: not an OAuth partner token: a constant, or a value
	// read from the environment (a customer user token).
	OriginOther
)

func (o TokenOrigin) String() string {
	return [...]string{"unknown", "fresh", "stored", "param", "other"}[o]
}

// TokenUse is a use of a token that decides whether it is ever refreshed.
type TokenUse struct {
	Kind TokenUseKind
	// Node is the call (StaticTokenSource, Client, TokenSource, the header
	// set, or the helper call), or the Header[...] assignment.
	Node ast.Node
	// Func is the enclosing *ast.FuncDecl or *ast.FuncLit.
	Func ast.Node
	// Via is the helper whose parameter reaches the use (a function of the
	// package, or of another package through a TokenSinkFact).
	Via *types.Func
	// Config is the configuration whose Client or TokenSource is called,
	// when resolvable (never for Via).
	Config *Config
	// Brex: for Client and TokenSource, the configuration is Brex's; for
	// static sources and headers, the token is a Brex token.
	Brex bool
	// Token is the token (or access token) expression given to the use.
	Token  ast.Expr
	Origin TokenOrigin
	// Param is the parameter index for OriginParam.
	Param int
	// Rebuilt is the oauth2.Token literal when the token is rebuilt from
	// parts in the function.
	Rebuilt *ast.CompositeLit
	// Kept: a static source over a fresh token (or what is built from
	// it: a client, a transport) outlives the function: stored in a
	// field, package variable or map, used by a goroutine or a polling
	// loop.
	Kept bool
	// Persisted: for TokenSource, the refreshed tokens are read back and
	// persisted, or the source goes where the model cannot follow (a
	// wrapper type, a field, a return): it is not judged.
	Persisted bool
	// RefreshOnPath: the function checks the token's expiry or refreshes.
	RefreshOnPath bool
	// SlotRefreshed: the stored token comes from a slot into which the
	// package also stores refreshed tokens.
	SlotRefreshed bool
	InTest        bool
}

// RefreshUse is a place where a Brex configuration is used with refresh:
// its TokenSource, its Client over a stored token, or a hand-written
// refresh_token grant to Brex's token endpoint.
type RefreshUse struct {
	Node ast.Node
	Func ast.Node
	// Config is nil for a hand-written refresh.
	Config     *Config
	HandRolled bool
	InTest     bool
}

// HandRefresh is a hand-written refresh (grant_type=refresh_token to
// Brex's token endpoint) whose response the package decodes into a type
// with an access_token field.
type HandRefresh struct {
	Exchange *Exchange
	// Decode is the decoding call (json.Unmarshal, Decoder.Decode).
	Decode *ast.CallExpr
	// Type names the decoded type ("tokenResponse", "map[string]any").
	Type string
	// DropsRefresh: the access token is read but the response's
	// refresh_token is not: the type has no refresh_token field, or
	// nothing reads it. Why says which.
	DropsRefresh bool
	Why          string
	InTest       bool
}

// TokenCache is an access token kept with a lifetime of its own.
type TokenCache struct {
	// Node is where the lifetime is set: the time.Now().Add(d) call, the
	// cache's Set call, the emptiness test of a cache that never expires,
	// or the oauth2.Token literal without Expiry.
	Node ast.Node
	Func ast.Node
	// Lifetime is the constant lifetime; NoExpiry when there is none.
	Lifetime time.Duration
	NoExpiry bool
	// How says what keeps it, for messages ("go-cache Set", ...).
	How    string
	InTest bool
}

// TokenSinkFact marks a function whose parameters reach token uses (see
// TokenUse): callers judge the tokens they give it.
type TokenSinkFact struct {
	Sinks []TokenSink
}

// TokenSink is one parameter of a TokenSinkFact.
type TokenSink struct {
	Param int
	Kind  TokenUseKind
	// Brex: for Client and TokenSource, the configuration is Brex's.
	Brex          bool
	Persisted     bool
	RefreshOnPath bool
	Kept          bool
}

// StoredTokenFact marks a function that returns a stored token (or, with
// Access, a stored access-token string); Brex when it is a Brex token.
type StoredTokenFact struct {
	Brex      bool
	Access    bool
	Refreshed bool
}

// TokenSlotFact marks a struct field or package variable into which its
// package stores Brex tokens (Access: access-token strings); Refreshed when
// refreshed tokens are stored there too.
type TokenSlotFact struct {
	Access    bool
	Refreshed bool
}

func (*TokenSinkFact) AFact()   {}
func (*StoredTokenFact) AFact() {}
func (*TokenSlotFact) AFact()   {}

func (f *TokenSinkFact) String() string {
	var parts []string
	for _, s := range f.Sinks {
		p := fmt.Sprintf("$%d %s", s.Param, s.Kind)
		if s.Brex {
			p += " brex"
		}
		if s.Persisted {
			p += " persisted"
		}
		if s.RefreshOnPath {
			p += " refreshes"
		}
		if s.Kept {
			p += " kept"
		}
		parts = append(parts, p)
	}
	return "tokensink(" + strings.Join(parts, ", ") + ")"
}

func (f *StoredTokenFact) String() string {
	s := "storedtoken("
	if f.Access {
		s += "access"
	} else {
		s += "token"
	}
	if f.Brex {
		s += " brex"
	}
	if f.Refreshed {
		s += " refreshed"
	}
	return s + ")"
}

func (f *TokenSlotFact) String() string {
	s := "tokenslot("
	if f.Access {
		s += "access"
	} else {
		s += "token"
	}
	if f.Refreshed {
		s += " refreshed"
	}
	return s + ")"
}

// slotKind describes what the package stores in a slot.
type slotKind uint8

const (
	slotBrexToken slotKind = 1 << iota // Brex tokens (or access tokens) are stored
	slotAccess                         // as access-token strings
	slotRefreshed                      // refreshed tokens are stored too
)

// tokenState is the token view's per-package state.
type tokenState struct {
	// fresh maps the variables that receive a token from an exchange to
	// the exchange.
	fresh map[*types.Var]*Exchange
	// slots are the fields and package variables of this package (or,
	// from facts, of others) that hold Brex tokens.
	slots map[*types.Var]slotKind
	// respTypes are struct types decoded from a Brex token endpoint's
	// response; respFields are their fields by JSON name.
	respTypes map[*types.TypeName]bool
	// respMaps are local map variables decoded from such a response.
	respMaps map[*types.Var]bool
	// decoded are local variables filled by a decoder (json, gob).
	decoded map[*types.Var]bool
	// uses, sinks and stored memoize per unit and function; a nil entry
	// marks work in progress.
	uses   map[*unit][]*TokenUse
	sinks  map[*types.Func][]TokenSink
	stored map[*types.Func]*StoredTokenFact
	// slotsDone: the slots are all known (stored functions may be
	// summarized).
	slotsDone bool
	parents   map[*unit]map[ast.Node]ast.Node
	// refreshes memoizes refreshOnPath: 1 yes, -1 no, 2 in progress.
	refreshes map[*unit]int8
	// selected are the struct fields that some selector of the package
	// reads or writes.
	selected map[*types.Var]bool
}

// tokInfo is what the view knows of a token (or access-token) expression.
type tokInfo struct {
	origin    TokenOrigin
	brex      bool
	param     int
	rebuilt   *ast.CompositeLit
	refreshed bool // a stored token from a slot that also receives refreshed tokens
	// refresh: fresh from a refresh (TokenSource.Token, a refresh grant),
	// not from a code exchange.
	refresh bool
}

// isTokenType reports whether t is oauth2.Token or *oauth2.Token.
func isTokenType(t types.Type) bool { return typesutil.IsNamed(t, oauth2Path, "Token") }

func isStringT(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// slotOf returns the slot an expression reads or writes: a struct field
// (x.f), a package variable, or an element of a map or slice held in one
// of those (x.m[k]). Local variables are not slots.
func (m *modeler) slotOf(e ast.Expr) *types.Var {
	switch x := ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		return m.slotOf(x.X)
	case *ast.StarExpr:
		return m.slotOf(x.X)
	case *ast.SelectorExpr:
		if f := m.fieldOf(x); f != nil {
			return f
		}
		if v := m.varOf(x); v != nil && isPkgLevel(v) {
			return v
		}
	case *ast.Ident:
		if v := m.varOf(x); v != nil && isPkgLevel(v) {
			return v
		}
	}
	return nil
}

func isPkgLevel(v *types.Var) bool {
	return v != nil && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// slotKindOf returns what is known of a slot: from the package's own
// stores, or from a TokenSlotFact.
func (m *modeler) slotKindOf(v *types.Var) slotKind {
	if v == nil {
		return 0
	}
	if k, ok := m.tok.slots[v]; ok || v.Pkg() == m.pass.Pkg {
		return k
	}
	var f TokenSlotFact
	if m.pass.ImportObjectFact(v, &f) {
		k := slotBrexToken
		if f.Access {
			k |= slotAccess
		}
		if f.Refreshed {
			k |= slotRefreshed
		}
		return k
	}
	return 0
}

// localVar returns the local (non-package-level) variable e denotes.
func (m *modeler) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v := m.varOf(id)
	if v == nil || isPkgLevel(v) || v.IsField() {
		return nil
	}
	return v
}

// tokenInfo describes a token expression (of type oauth2.Token or
// *oauth2.Token) used in the unit u.
func (m *modeler) tokenInfo(u *unit, e ast.Expr, depth int) tokInfo {
	if e == nil || depth > maxDepth {
		return tokInfo{}
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return m.tokenInfo(u, x.X, depth+1)
		}
	case *ast.StarExpr:
		return m.tokenInfo(u, x.X, depth+1)
	case *ast.CompositeLit:
		return m.rebuiltInfo(u, x, depth)
	case *ast.CallExpr:
		return m.callTokenInfo(u, x, 0, depth)
	case *ast.TypeAssertExpr:
		// v.(*oauth2.Token) of a value loaded from a slot (sync.Map).
		if s := m.loadSlot(x.X); s != nil {
			return m.slotInfo(s)
		}
	case *ast.IndexExpr, *ast.SelectorExpr:
		if s := m.slotOf(x); s != nil {
			return m.slotInfo(s)
		}
	case *ast.Ident:
		if s := m.slotOf(x); s != nil {
			return m.slotInfo(s)
		}
		return m.localTokenInfo(u, x, depth, m.tokenInfo, func(call *ast.CallExpr, idx int) tokInfo {
			return m.callTokenInfo(u, call, idx, depth+1)
		})
	}
	return tokInfo{}
}

// slotInfo is the information of a value read from a slot.
func (m *modeler) slotInfo(s *types.Var) tokInfo {
	k := m.slotKindOf(s)
	return tokInfo{origin: OriginStored, brex: k&slotBrexToken != 0, refreshed: k&slotRefreshed != 0}
}

// localTokenInfo follows a local variable: a parameter, a variable filled
// by a decoder, the token of an exchange, or its one definition.
func (m *modeler) localTokenInfo(u *unit, id *ast.Ident, depth int,
	follow func(*unit, ast.Expr, int) tokInfo, call func(*ast.CallExpr, int) tokInfo) tokInfo {
	v := m.varOf(id)
	if v == nil {
		return tokInfo{}
	}
	if x := m.tok.fresh[v]; x != nil {
		return tokInfo{origin: OriginFresh, brex: x.Provider == ProviderBrex}
	}
	if m.tok.decoded[v] {
		return tokInfo{origin: OriginStored}
	}
	ds := m.vals.defs[v]
	if i, ok := paramIndex(m.info, u.node, v); ok {
		if len(ds) == 0 && !m.vals.mutated[v] {
			return tokInfo{origin: OriginParam, param: i}
		}
		return tokInfo{}
	}
	if len(ds) != 1 || m.vals.mutated[v] {
		return tokInfo{}
	}
	d := ds[0]
	if d.idx < 0 {
		return follow(u, d.expr, depth+1)
	}
	if c, ok := ast.Unparen(d.expr).(*ast.CallExpr); ok {
		return call(c, d.idx)
	}
	return tokInfo{}
}

// callTokenInfo describes the result idx of a call that yields a token.
func (m *modeler) callTokenInfo(u *unit, call *ast.CallExpr, idx, depth int) tokInfo {
	if idx != 0 {
		return tokInfo{}
	}
	fn, _ := typeutil.Callee(m.info, call).(*types.Func)
	if fn == nil {
		return tokInfo{}
	}
	fn = fn.Origin()
	sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	switch {
	case isMethod(fn, oauth2Path, "Config", "Exchange"):
		c := (*Config)(nil)
		if sel != nil {
			c = m.configOf(sel.X)
		}
		return tokInfo{origin: OriginFresh, brex: c.Brex()}
	case isMethod(fn, oauth2Path, "TokenSource", "Token"):
		// A refresh (or the cached token) of a source.
		info := tokInfo{origin: OriginFresh, refresh: true}
		if sel != nil {
			info.brex = m.sourceBrex(u, sel.X, depth+1)
		}
		return info
	case isMethod(fn, clientCredentialsPath, "Config", "Token"):
		c := (*Config)(nil)
		if sel != nil {
			c = m.configOf(sel.X)
		}
		return tokInfo{origin: OriginFresh, brex: c.Brex(), refresh: true}
	}
	if fn.Pkg() == nil || isOAuthLibrary(fn.Pkg().Path()) {
		return tokInfo{}
	}
	if fn.Pkg() == m.pass.Pkg {
		if s := m.summary(fn); s != nil && s.exchange != nil {
			return tokInfo{origin: OriginFresh, brex: s.exchange.Provider == ProviderBrex}
		}
		if f := m.storedFunc(fn); f != nil && !f.Access {
			return tokInfo{origin: OriginStored, brex: f.Brex, refreshed: f.Refreshed}
		}
	} else {
		var xf ExchangeFact
		if m.pass.ImportObjectFact(fn, &xf) {
			return tokInfo{origin: OriginFresh, brex: xf.Provider == ProviderBrex}
		}
		var sf StoredTokenFact
		if m.pass.ImportObjectFact(fn, &sf) && !sf.Access {
			return tokInfo{origin: OriginStored, brex: sf.Brex, refreshed: sf.Refreshed}
		}
	}
	if tokenStoreMethod(fn) {
		return tokInfo{origin: OriginStored}
	}
	return tokInfo{}
}

// tokenStoreMethod reports whether fn is the loading method of a token
// store: a method that returns a token without taking one, of a type (an
// interface or a named type) with another method that takes a token (its
// saving method). Such a type keeps tokens beyond the request, whatever
// its methods are called; a refresher (taking and returning a token) or an
// exchanger (taking a code) is not one.
func tokenStoreMethod(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Recv() == nil || !returnsToken(sig) || takesToken(sig) {
		return false
	}
	t := sig.Recv().Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	var ms *types.MethodSet
	if _, ok := t.Underlying().(*types.Interface); ok {
		ms = types.NewMethodSet(t)
	} else {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	for i := 0; i < ms.Len(); i++ {
		if other, ok := ms.At(i).Obj().(*types.Func); ok && other.Name() != fn.Name() && takesToken(other.Signature()) {
			return true
		}
	}
	return false
}

func returnsToken(sig *types.Signature) bool {
	return sig.Results().Len() > 0 && isTokenType(sig.Results().At(0).Type())
}

func takesToken(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		if isTokenType(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

// sourceBrex reports whether a token source is a Brex configuration's
// TokenSource (through local variables and ReuseTokenSource).
func (m *modeler) sourceBrex(u *unit, e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(m.info, x).(*types.Func)
		switch {
		case isMethod(fn, oauth2Path, "Config", "TokenSource"), isMethod(fn, clientCredentialsPath, "Config", "TokenSource"):
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				return m.configOf(sel.X).Brex()
			}
		case fn != nil && funcKey(fn) == oauth2Path+".ReuseTokenSource" && len(x.Args) == 2:
			return m.sourceBrex(u, x.Args[1], depth+1)
		}
	case *ast.Ident:
		if v := m.localVar(x); v != nil {
			if d, ok := m.single(v); ok {
				return m.sourceBrex(u, d, depth+1)
			}
		}
	}
	return false
}

// rebuiltInfo describes an oauth2.Token literal: rebuilt from stored
// parts when it carries a refresh token (or an access token read from a
// slot), a customer token when its access token is a constant or comes
// from the environment.
func (m *modeler) rebuiltInfo(u *unit, lit *ast.CompositeLit, depth int) tokInfo {
	if !isTokenType(m.info.TypeOf(lit)) {
		return tokInfo{}
	}
	fields := litFields(lit)
	refresh, hasRefresh := fields["RefreshToken"]
	if hasRefresh {
		if s, ok := typesutil.ConstStringOK(m.info, refresh); ok && s == "" {
			hasRefresh = false
		}
	}
	access, hasAccess := fields["AccessToken"]
	var ai tokInfo
	if hasAccess {
		ai = m.accessInfo(u, access, depth+1)
	}
	info := tokInfo{rebuilt: lit, brex: ai.brex, refreshed: ai.refreshed}
	if hasRefresh {
		if sel, ok := ast.Unparen(refresh).(*ast.SelectorExpr); ok && sel.Sel.Name == "RefreshToken" && isTokenType(m.info.TypeOf(sel.X)) {
			ri := m.tokenInfo(u, sel.X, depth+1)
			info.brex = info.brex || ri.brex
		}
		info.origin = OriginStored
		if ai.origin == OriginFresh {
			info.origin = OriginFresh
		}
		return info
	}
	if hasAccess {
		info.origin = ai.origin
		info.param = ai.param
	}
	return info
}

// litFields returns the keyed fields of a struct literal.
func litFields(lit *ast.CompositeLit) map[string]ast.Expr {
	out := map[string]ast.Expr{}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				out[id.Name] = kv.Value
			}
		}
	}
	return out
}

// accessInfo describes an access-token string expression: the
// AccessToken of a token, the access_token of a decoded token response, a
// slot holding one, "Bearer "+x, fmt.Sprintf("Bearer %s", x).
func (m *modeler) accessInfo(u *unit, e ast.Expr, depth int) tokInfo {
	if e == nil || depth > maxDepth {
		return tokInfo{}
	}
	e = ast.Unparen(e)
	if _, ok := typesutil.ConstStringOK(m.info, e); ok {
		return tokInfo{origin: OriginOther}
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return tokInfo{}
		}
		if _, ok := typesutil.ConstStringOK(m.info, x.X); ok {
			return m.accessInfo(u, x.Y, depth+1)
		}
		if _, ok := typesutil.ConstStringOK(m.info, x.Y); ok {
			return m.accessInfo(u, x.X, depth+1)
		}
	case *ast.SelectorExpr:
		if x.Sel.Name == "AccessToken" && isTokenType(m.info.TypeOf(x.X)) {
			return m.tokenInfo(u, x.X, depth+1)
		}
		if f := m.fieldOf(x); f != nil && m.isRespField(f, "access_token") {
			// The access token of a token response: fresh when the
			// response is a local value, stored when it is kept.
			if s := m.slotOf(x.X); s != nil {
				info := m.slotInfo(s)
				info.brex = true
				return info
			}
			// refresh: the token endpoint's answer to code that fetches
			// tokens itself (a slot it fills is that code's cache).
			return tokInfo{origin: OriginFresh, brex: true, refresh: true}
		}
		if s := m.slotOf(x); s != nil {
			return m.slotInfo(s)
		}
	case *ast.IndexExpr:
		// resp["access_token"] of a decoded token response.
		if v := m.localVar(x.X); v != nil && m.tok.respMaps[v] {
			if k, ok := typesutil.ConstStringOK(m.info, x.Index); ok && k == "access_token" {
				return tokInfo{origin: OriginFresh, brex: true, refresh: true}
			}
		}
		if s := m.slotOf(x); s != nil {
			return m.slotInfo(s)
		}
	case *ast.TypeAssertExpr:
		return m.accessInfo(u, x.X, depth+1)
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(m.info, x).(*types.Func)
		if fn == nil {
			return tokInfo{}
		}
		fn = fn.Origin()
		switch funcKey(fn) {
		case "os.Getenv", "os.LookupEnv":
			return tokInfo{origin: OriginOther}
		case "fmt.Sprintf", "fmt.Sprint":
			for _, a := range x.Args[1:] {
				if isStringT(m.info.TypeOf(a)) {
					return m.accessInfo(u, a, depth+1)
				}
			}
			return tokInfo{}
		case "strings.TrimSpace":
			if len(x.Args) == 1 {
				return m.accessInfo(u, x.Args[0], depth+1)
			}
		}
		if fn.Pkg() == m.pass.Pkg {
			if f := m.storedFunc(fn); f != nil && f.Access {
				return tokInfo{origin: OriginStored, brex: f.Brex, refreshed: f.Refreshed}
			}
			return tokInfo{}
		}
		if fn.Pkg() != nil {
			var sf StoredTokenFact
			if m.pass.ImportObjectFact(fn, &sf) && sf.Access {
				return tokInfo{origin: OriginStored, brex: sf.Brex, refreshed: sf.Refreshed}
			}
		}
	case *ast.Ident:
		if s := m.slotOf(x); s != nil {
			return m.slotInfo(s)
		}
		return m.localTokenInfo(u, x, depth, m.accessInfo, func(call *ast.CallExpr, idx int) tokInfo {
			if idx != 0 {
				return tokInfo{}
			}
			if fn, _ := typeutil.Callee(m.info, call).(*types.Func); fn != nil && funcKey(fn) == "os.LookupEnv" {
				return tokInfo{origin: OriginOther}
			}
			return m.accessInfo(u, call, depth+1)
		})
	}
	return tokInfo{}
}

// loadSlot returns the slot of a sync.Map Load: s.m.Load(k).
func (m *modeler) loadSlot(e ast.Expr) *types.Var {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		v := m.localVar(id)
		if v == nil {
			return nil
		}
		ds := m.vals.defs[v]
		if len(ds) != 1 {
			return nil
		}
		e = ast.Unparen(ds[0].expr)
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, _ := typeutil.Callee(m.info, call).(*types.Func)
	if fn == nil || fn.Name() != "Load" {
		return nil
	}
	if recv := fn.Signature().Recv(); recv == nil || !typesutil.IsNamed(recv.Type(), "sync", "Map") {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	return m.slotOf(sel.X)
}

// jsonName returns the JSON name of a struct field (its tag, or its
// name).
func jsonName(st *types.Struct, i int) string {
	tag := reflect.StructTag(st.Tag(i)).Get("json")
	name, _, _ := strings.Cut(tag, ",")
	if name == "" {
		return st.Field(i).Name()
	}
	return name
}

// isRespField reports whether f is the field named (in JSON) name of a
// struct type decoded from a Brex token response.
func (m *modeler) isRespField(f *types.Var, name string) bool {
	for tn := range m.tok.respTypes {
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i) == f && strings.EqualFold(jsonName(st, i), name) {
				return true
			}
		}
	}
	return false
}

// respField returns the field of a token-response struct type with the
// given JSON name, or nil.
func respField(tn *types.TypeName, name string) *types.Var {
	st, ok := tn.Type().Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i := 0; i < st.NumFields(); i++ {
		if strings.EqualFold(jsonName(st, i), name) {
			return st.Field(i)
		}
	}
	return nil
}

// constDuration returns the value of a constant time.Duration (or
// integer nanoseconds) expression.
func (m *modeler) constDuration(e ast.Expr) (time.Duration, bool) {
	tv, ok := m.info.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	n, err := strconv.ParseInt(tv.Value.ExactString(), 10, 64)
	if err != nil {
		return 0, false
	}
	return time.Duration(n), true
}
