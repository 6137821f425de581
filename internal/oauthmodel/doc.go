// Package oauthmodel is the OAuth half of the Brex model: what a package
// does with OAuth 2.0, for the checks oauthstate, oauthcallback,
// embeddedwebview and oauthlib, and for tokenrefresh, oauthscopes and the
// checklist's -audience auto, which build on it.
//
// It is not an analyzer of its own: internal/brexmodel, the one analyzer
// with facts, calls [Analyze] with its pass and declares [FactTypes], so
// that the facts below travel with the model. Checks read the result as
// brexmodel.Model.OAuth.
//
// # What it finds
//
//   - Configurations ([Config]): composite literals of oauth2.Config and
//     clientcredentials.Config, followed through variables, struct fields
//     (the values the package gives them), functions that return them and,
//     across packages, facts; fields assigned after the literal
//     (conf.Endpoint = ..., conf.Scopes = ...) count. The provider comes
//     from the folded endpoint URLs (internal/urlfold): Brex when a URL is
//     on a Brex auth host (legacy accounts.brex.com included), another
//     provider when a host is known (x/oauth2's provider endpoints such as
//     google.Endpoint are other providers), unknown otherwise. Scopes are
//     known when they are a constant list. Hand-built Brex flows (an
//     authorization URL or a token request) are configurations too.
//   - Authorization URLs ([AuthURL]): calls of (*oauth2.Config).AuthCodeURL,
//     calls of functions that return one (producers), and URLs built by
//     hand (concatenation, fmt.Sprintf, url.Parse + RawQuery, url.URL
//     literals) to an authorization endpoint whose query names a client_id
//     or response_type, with every query name visible (url.Values made and
//     used only locally with constant names). Each carries its state,
//     classified with internal/entropy ([State]): random, constant (with
//     its length), predictable (math/rand, time, counter, name- or
//     time-based UUID), absent, a parameter (its callers decide: a producer
//     fact records which parameter), or unknown whenever a part comes from
//     something the package cannot see.
//   - Exchanges ([Exchange]): (*oauth2.Config).Exchange with its
//     configuration and the variable that receives the token; POSTs to a
//     token endpoint made with net/http (Brex's, or another host's .../token
//     or .../access_token with a visible grant_type), with their grant; and
//     calls of helpers that exchange.
//   - Callback handlers ([Handler]): a function that reads the "code"
//     parameter from an *http.Request (FormValue, PostFormValue, URL.Query(),
//     Form, PostForm, url.ParseQuery(r.URL.RawQuery), directly or through a
//     variable), or from a gin or echo context (the parameter reads and
//     url.Values that internal/webframe lists), and exchanges a code. Units
//     are declarations and function literals that take an *http.Request or
//     such a context (closures given to http.HandleFunc, gorilla/mux, chi,
//     gin, echo); other literals belong to their enclosing function.
//     A declaration of the package that another function gives its request
//     to is a helper: what it reads, checks and exchanges counts for its
//     caller, which is the handler. For each handler the model says whether
//     it verifies the state (see usesValue: a comparison with anything but
//     "", a map key or switch tag, a comparing function, a helper that
//     checks, a value leaving the handler) and whether it handles a denial
//     (reads "error" or "error_description", or tests the code for
//     emptiness).
//   - The scope view (scopes.go, for oauthscopes): the Brex
//     authorization-code configurations the package sees ([Result.ScopeConfigs]:
//     written here, or a direct import's through ConfigFact and
//     AuthURLFact; a hand-built authorization URL's constant scope
//     parameter counts), and the Brex endpoints it calls
//     ([Result.EndpointUses]: the requests the Brex model found, handed in
//     as Options.Calls, and calls of other packages' functions with a
//     ScopeUseFact).
//   - The token view (tokens.go, tokenuse.go, tokencache.go, for
//     tokenrefresh and oauthscopes): where each token (an *oauth2.Token or
//     an access-token string) used by oauth2.StaticTokenSource, an
//     Authorization header, Config.Client or Config.TokenSource comes from
//     (fresh from an exchange or refresh, stored in a field, package
//     variable, map, decoded or rebuilt from parts, a parameter, the
//     environment), whether it is a Brex token, whether a static source is
//     kept beyond the request, whether a source's refreshed tokens are
//     persisted ([Result.TokenUses]); where Brex configurations are used
//     with refresh ([Result.RefreshUses]); hand-written refresh_token
//     grants and whether their response's refresh_token is kept
//     ([Result.HandRefreshes]); access tokens kept with a lifetime of their
//     own ([Result.TokenCaches]).
//
// # Facts
//
// Object facts on package-level variables and functions (methods
// included), gob-encoded with plain exported fields:
//
//   - [ConfigFact]: a variable or function holding or returning a
//     configuration or endpoint, with provider and scopes;
//   - [AuthURLFact]: a function returning an authorization URL, and which
//     parameter becomes its state;
//   - [ExchangeFact]: a function that exchanges a code, with its provider;
//   - [CallbackHelperFact]: a function that, given the request, checks the
//     state or reads the error, or that compares a string parameter;
//   - [ScopeUseFact]: an exported function or method that reaches Brex
//     endpoints, in a package that sees no Brex configuration;
//   - [TokenSinkFact]: a function whose token parameter reaches a static
//     source, a header, or a Brex configuration's Client or TokenSource;
//   - [StoredTokenFact]: a function that returns a stored token;
//   - [TokenSlotFact]: a struct field or package variable that holds Brex
//     tokens.
//
// Under go vet, facts on package-level functions and variables reach only
// direct importers (x/tools does not re-export them); facts on methods,
// fields and types reach every importer. The scope view therefore hands
// endpoints on from importer to importer (each level's functions carry the
// endpoints of the functions they call).
//
// What a state helper of another package returns comes from the Brex
// model's value facts (brexmodel.ValueFact), through Options.Values.
//
// [Result.HasBrexConfig] is true when the package or any dependency (through
// these facts) has a Brex configuration, a Brex authorization-URL producer
// or a Brex exchanging helper.
//
// # Cost
//
// [Analyze] returns an empty result at once for golang.org/x/oauth2's own
// packages (the library is out of scope) and for packages that neither
// import golang.org/x/oauth2, nor hold a string literal naming an OAuth
// endpoint or parameter ("oauth", "/authorize", "grant_type", "client_id",
// "response_type", "brex.com", ...), nor name an object of another package
// that carries an OAuth fact. (A package that calls a Brex endpoint is
// modelled whenever its imports carry OAuth facts: its own functions may
// become token sinks for an importer.) A package that merely imports such
// facts, as stripe-go's resource packages reach its backend only through
// an interface, gets the scope view alone. Work on the others is linear in
// the package: its walks go through the package's one inspector, with
// memoized function summaries and bounded resolution depth.
//
// # Out of reach
//
// The analysis is flow-insensitive. Configurations that arrive as
// parameters, or through fields the package never sets; states and URLs
// built with strings.Builder or through helpers of other modules without
// facts; query names added by code the model cannot see; token URLs that
// reach a request through a helper's parameter; frameworks other than
// net/http, gin and echo v4 (fiber, fasthttp, echo v5), whose handlers
// take no *http.Request and no context of internal/webframe; middleware
// that checks the state around a handler.
package oauthmodel
