package oauthmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/brexlint/brexlint/internal/entropy"
	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/brexlint/brexlint/internal/urlfold"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Provider says whose authorization server an OAuth flow talks to.
type Provider uint8

const (
	// ProviderUnknown: the endpoint URLs are not visible (configuration,
	// environment, a parameter).
	ProviderUnknown Provider = iota
	// ProviderOther: another provider (Google, GitHub, an in-house server).
	ProviderOther
	// ProviderBrex: a Brex auth host, current (accounts-api.brex.com and
	// its staging twin) or legacy (accounts.brex.com).
	ProviderBrex
)

func (p Provider) String() string {
	switch p {
	case ProviderOther:
		return "other"
	case ProviderBrex:
		return "brex"
	}
	return "unknown"
}

// ConfigKind is the kind of an OAuth configuration.
type ConfigKind uint8

const (
	// AuthCodeConfig is an oauth2.Config (authorization-code flow).
	AuthCodeConfig ConfigKind = iota
	// ClientCredentialsConfig is a clientcredentials.Config.
	ClientCredentialsConfig
	// EndpointConfig is an oauth2.Endpoint on its own (a variable that
	// configurations use).
	EndpointConfig
	// HandBuiltConfig is a flow without a library: an authorization URL
	// built by hand, or a POST to a token endpoint.
	HandBuiltConfig
)

func (k ConfigKind) String() string {
	switch k {
	case ClientCredentialsConfig:
		return "clientcredentials"
	case EndpointConfig:
		return "endpoint"
	case HandBuiltConfig:
		return "hand-built"
	}
	return "authcode"
}

// Config is an OAuth configuration of the package, or one it uses from
// another package (known through a ConfigFact).
type Config struct {
	// Pos is where the configuration is written: its composite literal,
	// the hand-built URL, or (for an imported one) token.NoPos.
	Pos token.Pos
	// Lit is the composite literal; nil for other kinds.
	Lit *ast.CompositeLit
	// Obj is the package-level variable or function that holds or
	// returns the configuration, when there is one.
	Obj types.Object

	Kind     ConfigKind
	Provider Provider
	Legacy   bool
	// AuthURL and TokenURL are the folded endpoint URLs, with "{}" for
	// parts not known; empty when not set or not visible.
	AuthURL, TokenURL string
	// Scopes are the requested scopes when ScopesKnown (a constant list).
	Scopes      []string
	ScopesKnown bool
	// InTest reports whether the configuration is written in a _test.go
	// file.
	InTest bool
	// fromAuthURL: a hand-built configuration made from an authorization
	// URL (not from a token request).
	fromAuthURL bool
}

// Brex reports whether the configuration is on a Brex auth host.
func (c *Config) Brex() bool { return c != nil && c.Provider == ProviderBrex }

func (c *Config) fact() *ConfigFact {
	return &ConfigFact{Kind: c.Kind, Provider: c.Provider, Legacy: c.Legacy, AuthURL: c.AuthURL, TokenURL: c.TokenURL,
		Scopes: c.Scopes, ScopesKnown: c.ScopesKnown}
}

func configFromFact(f *ConfigFact, obj types.Object) *Config {
	return &Config{Obj: obj, Kind: f.Kind, Provider: f.Provider, Legacy: f.Legacy, AuthURL: f.AuthURL, TokenURL: f.TokenURL,
		Scopes: f.Scopes, ScopesKnown: f.ScopesKnown}
}

// StateClass is what the model knows of an OAuth state value.
type StateClass uint8

const (
	// StateUnknown: not enough evidence (a field, an unknown call).
	StateUnknown StateClass = iota
	// StateRandom: unpredictable (crypto/rand, random UUIDs,
	// oauth2.GenerateVerifier, //brexlint:random helpers, ...).
	StateRandom
	// StateConstant: a constant (literal, named constant, package
	// variable never reassigned); Const holds its length.
	StateConstant
	// StatePredictable: made only from math/rand, the time, a counter, or
	// a name-based UUID; Why says which.
	StatePredictable
	// StateParam: a parameter of the enclosing function; its callers
	// decide.
	StateParam
	// StateAbsent: a hand-built authorization URL without a state
	// parameter.
	StateAbsent
)

// State describes the state value of an authorization URL.
type State struct {
	Class StateClass
	// Expr is the state expression; nil when absent or from a fact.
	Expr ast.Expr
	// ConstLen is the length of a constant state.
	ConstLen int
	// RandLen is the length of a random state when it is known (a crypto/rand
	// buffer of constant size, encoded): 0 when unknown.
	RandLen int
	// Why names the source of a predictable state ("math/rand", "the
	// time", "a counter", "a name-based UUID").
	Why string
	// Param is the parameter index for StateParam.
	Param int
}

// AuthURL is an authorization URL the package produces: a call of
// (*oauth2.Config).AuthCodeURL, a call of a function that returns one (an
// AuthURLFact), or a URL built by hand to an authorization endpoint.
type AuthURL struct {
	// Node is the AuthCodeURL call, the producer's call, or the hand-built
	// URL expression.
	Node ast.Node
	// Func is the enclosing *ast.FuncDecl or *ast.FuncLit.
	Func ast.Node
	// Config is the configuration whose AuthCodeURL is called; nil when
	// hand-built, through a producer, or not resolvable.
	Config *Config
	// Via is the producer function called at Node, if any.
	Via       *types.Func
	HandBuilt bool
	Provider  Provider
	Legacy    bool
	// PKCE: the URL carries a PKCE challenge.
	PKCE  bool
	State State
	// Scopes are the scopes a hand-built URL (or a producer of one)
	// requests, when ScopesKnown: its scope parameter is a constant.
	Scopes      []string
	ScopesKnown bool
	// InTest reports whether Node is in a _test.go file.
	InTest bool
}

// Exchange is an exchange of an authorization code for a token, or (for
// hand-rolled requests) any request to a token endpoint.
type Exchange struct {
	// Call is the Exchange call, the hand-rolled request's call
	// (http.PostForm, http.NewRequest, ...), or the call of a helper that
	// exchanges (Via).
	Call *ast.CallExpr
	// Func is the enclosing *ast.FuncDecl or *ast.FuncLit.
	Func ast.Node
	// Config is the receiver's configuration for Config.Exchange, when
	// resolvable.
	Config *Config
	Via    *types.Func
	// At is where the exchange is made in this package: Call, or, when
	// Via is a helper of this package given the callback's request, the
	// exchange inside it (followed through such helpers). A finding
	// about the callback lands there, where the fix belongs.
	At       *ast.CallExpr
	Provider Provider
	Legacy   bool
	// HandRolled: a request to a token endpoint built without an OAuth
	// library.
	HandRolled bool
	// Grant is the grant_type of a hand-rolled request
	// ("authorization_code", "refresh_token", "client_credentials"),
	// "authorization_code" for Config.Exchange, "" when not visible.
	Grant string
	// TokenURL is the folded token endpoint of a hand-rolled request.
	TokenURL string
	// PKCE: the exchange sends a PKCE verifier.
	PKCE bool
	// TokenVar is the variable that receives the token (the first
	// result), when there is one.
	TokenVar *types.Var
	InTest   bool
}

// CodeExchange reports whether the exchange trades an authorization code.
func (x *Exchange) CodeExchange() bool {
	return x.Grant == "authorization_code"
}

// Handler is a callback handler: a function that reads the "code" parameter
// from an *http.Request and exchanges a code. Every style counts: functions
// of http.HandlerFunc shape, methods on server structs, closures given to
// http.HandleFunc or a router (gorilla/mux, chi), and any function that
// reads the code from a request it can reach (gin's c.Request).
type Handler struct {
	// Func is the *ast.FuncDecl or *ast.FuncLit.
	Func ast.Node
	// CodeReads are the expressions that read "code" from the request.
	CodeReads []ast.Expr
	// StateReads are the expressions that read "state".
	StateReads []ast.Expr
	// VerifiesState: the handler (or a helper it calls) compares the
	// request's state with another value, looks it up, or hands it to
	// code the model cannot follow.
	VerifiesState bool
	// HandlesError: the handler reads the "error" parameter (itself or in
	// a helper), or checks for an empty code.
	HandlesError bool
	// Exchanges are the code exchanges the handler makes (directly or
	// through helpers).
	Exchanges []*Exchange
	InTest    bool
}

// Brex reports whether one of the handler's exchanges goes to Brex.
func (h *Handler) Brex() bool {
	for _, x := range h.Exchanges {
		if x.Provider == ProviderBrex {
			return true
		}
	}
	return false
}

// Result is the OAuth model of one package.
type Result struct {
	// Configs are the configurations written in the package (composite
	// literals of oauth2.Config and clientcredentials.Config, hand-built
	// Brex flows).
	Configs []*Config
	// AuthURLs are the authorization URLs the package produces.
	AuthURLs []*AuthURL
	// Exchanges are the code exchanges and hand-rolled token requests.
	Exchanges []*Exchange
	// Handlers are the callback handlers.
	Handlers []*Handler

	// The scope view (see scopes.go): the Brex authorization-code
	// configurations the package sees, and the Brex endpoints it calls.
	ScopeConfigs []*Config
	EndpointUses []*EndpointUse

	// The token view (see tokens.go): where OAuth tokens are used in ways
	// that decide whether they are refreshed, hand-written refreshes, and
	// access tokens kept in caches.
	TokenUses     []*TokenUse
	RefreshUses   []*RefreshUse
	HandRefreshes []*HandRefresh
	TokenCaches   []*TokenCache

	brexConfig bool
	// authValues are expressions of the package known to be
	// authorization URLs (for embeddedwebview), and producers are the
	// functions known to return one.
	authValues map[ast.Expr]bool
	producers  map[*types.Func]bool
	isAuth     func(ast.Expr) bool
}

// HasBrexConfig reports whether the package has a Brex OAuth configuration
// (an oauth2 or clientcredentials config on a Brex auth host, or a
// hand-built Brex authorization URL or token request), or imports one
// through facts: a configuration variable or function, an authorization-URL
// producer or a code-exchanging helper on a Brex auth host, from any
// dependency. The checklist's -audience auto uses it.
func (r *Result) HasBrexConfig() bool { return r != nil && r.brexConfig }

// IsAuthURLExpr reports whether e is known to be an authorization URL: the
// result of AuthCodeURL or of a producer function, a local variable holding
// one, or a URL built by hand to an authorization endpoint.
func (r *Result) IsAuthURLExpr(e ast.Expr) bool {
	if r == nil || e == nil {
		return false
	}
	if r.authValues[ast.Unparen(e)] {
		return true
	}
	return r.isAuth != nil && r.isAuth(e)
}

// Producer reports whether fn returns an authorization URL.
func (r *Result) Producer(fn *types.Func) bool {
	if r == nil || fn == nil {
		return false
	}
	return r.producers[fn.Origin()]
}

// Options are what the OAuth model needs from its host analyzer.
type Options struct {
	// Values answers for functions of other packages (and functions
	// taught //brexlint:random): what they return, from the Brex model's
	// value facts. It may be nil.
	Values entropy.KindOracle
	// Calls are the package's calls of Brex endpoints that the HTTP half
	// of the model found, for the scope view.
	Calls []EndpointCall
	// Imported are the facts the pass sees on objects of other packages
	// (pass.AllObjectFacts without the package's own), gathered once by
	// the caller for all its questions.
	Imported []analysis.ObjectFact
	// Folder is the package's URL folder (urlfold.NewPackage), shared
	// with the caller; nil: Analyze makes its own.
	Folder *urlfold.Folder
	// Funcs is the index of the package's functions, shared with the
	// caller (the Brex model's); nil: Analyze makes its own.
	Funcs *typesutil.Funcs
	// Classifier returns the package's entropy classifier over Values,
	// shared with the caller (each build scans the whole package); nil:
	// Analyze makes its own.
	Classifier func() *entropy.Classifier
}

// Analyze computes the OAuth model of the package of pass, and exports its
// facts. pass must belong to an analyzer whose FactTypes include
// FactTypes(). It returns an empty
// Result at once for packages that cannot hold an OAuth flow: those that do
// not import golang.org/x/oauth2, hold no string that names an OAuth
// endpoint or parameter, and name no object of another package that
// carries an OAuth fact (unless they call Brex endpoints).
func Analyze(pass *analysis.Pass, opts Options) (*Result, error) {
	res := &Result{authValues: map[ast.Expr]bool{}, producers: map[*types.Func]bool{}}
	if isOAuthLibrary(pass.Pkg.Path()) {
		return res, nil
	}
	imported := importedFacts(opts.Imported)
	res.brexConfig = imported.brex
	insp := typesutil.Inspector(pass)
	// One index of the package's functions for the modeler and the scope
	// view: the caller's (the Brex model's), or one of its own.
	if opts.Funcs == nil {
		opts.Funcs = typesutil.NewFuncs(pass.TypesInfo, insp)
	}
	if !mayHoldOAuth(pass, insp) && !(len(imported.objects) > 0 && (len(opts.Calls) > 0 || usesFactObject(pass.TypesInfo, imported.objects))) {
		// No OAuth flow, but the package may call Brex endpoints that
		// an importer compares with its configuration.
		if len(opts.Calls) > 0 || imported.scopeUses {
			analyzeScopes(pass, opts, res)
		}
		return res, nil
	}
	m := newModeler(pass, insp, opts, res)
	m.run()
	res.isAuth = func(e ast.Expr) bool { return m.isAuthValue(e, 0) }
	m.analyzeTokens()
	analyzeScopes(pass, opts, res)
	return res, nil
}

// usesFactObject reports whether the package refers to one of objs. The
// facts of an object the package never names cannot change its model: a
// package that calls an SDK whose backend carries a token-sink fact
// through an interface (stripe-go's resource packages) is not modelled.
// A package that calls Brex keeps the full model whatever it names,
// because its own functions may become token sinks for an importer.
func usesFactObject(info *types.Info, objs map[types.Object]bool) bool {
	for _, obj := range info.Uses {
		switch o := obj.(type) {
		case *types.Func:
			obj = o.Origin()
		case *types.Var:
			obj = o.Origin()
		}
		if objs[obj] {
			return true
		}
	}
	return false
}

// isOAuthLibrary reports whether path is an OAuth library whose own code is
// out of scope (it takes the state as a parameter, posts grant_type itself,
// and is tested with constant states).
func isOAuthLibrary(path string) bool {
	return path == oauth2Path || strings.HasPrefix(path, oauth2Path+"/")
}

type importedSummary struct {
	brex, scopeUses bool
	// objects are the objects that carry an OAuth flow's facts
	// (configurations, URL producers, exchanges, callback helpers, tokens).
	objects map[types.Object]bool
}

// importedFacts looks at the OAuth facts of the dependencies.
func importedFacts(facts []analysis.ObjectFact) importedSummary {
	s := importedSummary{objects: map[types.Object]bool{}}
	for _, of := range facts {
		switch f := of.Fact.(type) {
		case *ConfigFact:
			s.objects[of.Object] = true
			s.brex = s.brex || f.Provider == ProviderBrex
		case *AuthURLFact:
			s.objects[of.Object] = true
			s.brex = s.brex || f.Provider == ProviderBrex
		case *ExchangeFact:
			s.objects[of.Object] = true
			s.brex = s.brex || f.Provider == ProviderBrex
		case *CallbackHelperFact, *TokenSinkFact, *StoredTokenFact, *TokenSlotFact:
			s.objects[of.Object] = true
		case *ScopeUseFact:
			// Not an OAuth flow: the scope view alone handles it.
			s.scopeUses = true
		}
	}
	return s
}

// mayHoldOAuth is the cheap prefilter: the package imports x/oauth2, or
// one of its string literals names an OAuth endpoint or parameter (see
// prefilterWords).
func mayHoldOAuth(pass *analysis.Pass, insp *inspector.Inspector) bool {
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == oauth2Path || strings.HasPrefix(imp.Path(), oauth2Path+"/") {
			return true
		}
	}
	for lit := range inspector.All[*ast.BasicLit](insp) {
		if lit.Kind != token.STRING {
			continue
		}
		s := strings.ToLower(lit.Value)
		for _, w := range prefilterWords {
			if strings.Contains(s, w) {
				return true
			}
		}
	}
	return false
}

// prefilterWords are the lower-case strings whose presence in a literal
// makes a package worth modelling: OAuth endpoint paths and parameter
// names, and Brex's auth hosts. ("Authorization", the header, is not one.)
var prefilterWords = []string{"oauth", "/authorize", "/auth?", "grant_type", "client_id", "response_type", "brex.com"}

const (
	oauth2Path            = "golang.org/x/oauth2"
	clientCredentialsPath = "golang.org/x/oauth2/clientcredentials"
)

// modeler is the state of the OAuth model for one package.
type modeler struct {
	pass   *analysis.Pass
	info   *types.Info
	opts   Options
	res    *Result
	folder *urlfold.Folder
	insp   *inspector.Inspector
	funcs  *typesutil.Funcs // of insp
	vals   *valueIndex

	sums map[*types.Func]*funcSummary // nil entry: in progress

	configs   map[*ast.CompositeLit]*Config
	varConfig map[types.Object]*Config // memo; nil entry: in progress or none
	testFiles map[*token.File]bool
	units     map[ast.Node]*unit
	withReq   map[*types.Func]bool
	verified  map[paramKey]bool
	// classifier is internal/entropy's, built on first use.
	classifier *entropy.Classifier
	// roots are the units of the package, in source order.
	roots []*unit
	// tok is the token view's state (tokens.go).
	tok *tokenState
}

type paramKey struct {
	fn     *types.Func
	i      int
	strict bool
}
