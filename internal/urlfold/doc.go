// Package urlfold folds the URL argument of an HTTP request
// (http.NewRequest(WithContext), http.Get/Post, Client.Get/Post/PostForm,
// ...) to the string it will have at run time, as far as the package's own
// code determines it, keeping unknown parts as holes. A check can then
// match
//
//	baseURL + "/v1/transfers/" + id
//
// as "{}/v1/transfers/{}" against the Brex catalogue even when the host
// comes from configuration: Value.Path gives "/v1/transfers/{}", which
// brexapi.Lookup accepts (a "{}" segment fits a template parameter), and
// Value.Host gives the host when it is a literal.
//
// # Rules
//
// Functions are identified by their types.Object (package path, name and
// receiver), never by how a selector is spelled, so renamed imports and
// dot-imports fold the same way.
//
//   - Constants of any kind, including named constants of other packages
//     and sums of constants: the type checker's value.
//   - a + b on strings: the concatenation.
//   - fmt.Sprintf with a constant format: fmt's parser is replayed verb by
//     verb; a constant operand is formatted by fmt itself (exact, including
//     %!d(MISSING) and friends), a plain %s/%v of a non-constant string is
//     replaced by the operand's folded value, any other verb of an unknown
//     operand is a FormatVerb hole; "%%" is "%". A type with a String,
//     Error, Format or GoString method is unknown (fmt would call it).
//   - url.JoinPath(base, elems...) and (*url.URL).JoinPath(elems...):
//     exact when all parts are constant, otherwise joined with single
//     slashes. url.Parse/ParseRequestURI(x) and (*url.URL).String() fold to
//     x (exactly url.Parse(x).String() when x is constant). url.URL{...}
//     literals with Scheme, Host, Path, RawQuery and Fragment fold to their
//     String() form. (*url.URL).ResolveReference(ref): exact when both are
//     constant; an absolute-path ref keeps the base's literal scheme and
//     host (or a hole for them); a relative ref ("./v1/x", "v1/x") is
//     appended to a base whose literal end is a '/' or that is one hole
//     (then "{}/v1/x"; "../" is unknown). (*url.URL).Parse(ref) is
//     ResolveReference(url.Parse(ref)), with each definition of a local
//     ref resolved on its own (oapi-codegen's builders make the path
//     relative only when it starts with '/': operationPath = "." +
//     operationPath; go-github's BaseURL.Parse(path)).
//   - path.Join: exact for constants except that a leading "scheme://"
//     keeps its "//"; with holes, single slashes between elements, repeated
//     slashes in literals collapsed, a trailing slash dropped.
//   - strings.TrimSuffix, TrimPrefix, TrimRight, TrimLeft with a constant
//     second argument; strings.Join of a []string{...} literal with a
//     constant separator; conversions between string types.
//   - strings.Replace(s, old, new, n) and strings.ReplaceAll with a
//     constant old replace it in the literal parts of s (a path template
//     filled in: strings.Replace(path, "{id}", url.PathEscape(id), -1)); with
//     n > 0 after a hole, which occurrence goes is unknown (a hole).
//   - os.Getenv("NAME") and the first result of os.LookupEnv("NAME"): an
//     Env hole carrying NAME (the "BREX_* read from the environment"
//     signal; see Value.Env).
//   - The URL field of a net/http/httptest.Server: "http://127.0.0.1:"
//     and an Unknown hole for the port. An httptest server listens on the
//     loopback interface, so a request to it, from a test or from a helper
//     package that serves a fake API to other packages' tests, has a host
//     that is not an API's (the scheme, https for a TLS server, is not
//     told apart).
//   - A parameter of the enclosing function or function literal: a Param
//     hole carrying the *types.Var. FoldWith substitutes callers' folded
//     arguments for such parameters.
//   - A local variable (or a parameter that is assigned): the join (see
//     Join) of the definitions that reach the use, found on the
//     function's control-flow graph (golang.org/x/tools/go/cfg). x := e,
//     var x = e, x = e and one result of a multi-value definition give
//     the fold of e; "var x T" the zero value; x += e the value before the
//     statement followed by e, so a cursor or query appended in a loop or
//     behind an if keeps the prefix; a parameter's value on entry is its
//     Param hole (or the bound argument). A loop that appends to the
//     variable is cut where it closes: the definition being folded
//     contributes nothing to itself, so the value is the join of the value
//     on entry and its appended forms. A variable with one definition
//     needs no graph. u.Path = e on a url.URL variable is a definition
//     too: the scheme and host before it (or the hole they come from)
//     followed by e. A url.URL variable whose RawQuery or Fragment is
//     assigned keeps its path: its query becomes "?{}".
//   - Package-level variables and struct fields: through the VarResolver
//     given to New. PackageVars (and NewPackage, which leaves out
//     _test.go files) resolves every package-level variable and field to
//     the join of all the values the package gives it (initializer,
//     assignments, composite literals, in constructors, options and
//     methods alike), so a base URL set to a Brex host by the constructor
//     and overridable by WithBaseURL or the environment folds to the host.
//   - A call of a function or method of the package (a body in files):
//     the join of its return statements' values, with its parameters and
//     receiver bound to the call's folded arguments: getters that return
//     a field or a default, and helpers that build a URL from a path.
//   - A call of a function of another package that the CallFolder given
//     to SetCallFolder knows: what it says. The Brex model's knows, by
//     its facts, the constructors of generated API clients and the
//     functions returning one, so a client folds to the server URL it
//     was made with (c, err := brexsdk.NewClientWithResponses(baseURL)
//     folds like baseURL), wherever the client is kept: a local, a struct
//     field set in a constructor, a function of the package returning it.
//   - Anything else is one Unknown hole. Recursion is bounded (depth 16,
//     4096 steps per fold) and a variable, field or function is never
//     expanded inside its own expansion, so cycles end in holes.
//
// # Joins
//
// Where two definitions meet, Join keeps what the checks need and never
// invents a path: equal values stay; values that differ only in the query
// or fragment keep what comes before it ("…/v1/transfers?{}"); an unset
// value (empty, or a single hole: the environment, a parameter, an
// option) joined with a value with a literal host is that value (the
// default the code falls back to: v := os.Getenv(...); if v == "" { v =
// "https://api.brex.com" }); the same literal scheme and host with
// different paths keep the host and lose the path ("https://api.brex.com{}":
// Path is not determinable, so no endpoint is claimed); anything else is
// an Unknown hole.
//
// # Why reaching definitions on go/cfg, not SSA
//
// SSA (go/ssa as passes/buildssa builds it) gives definitions and phis
// directly, but building it for every package costs about as much again
// as loading (on golang.org/x/oauth2 v0.38.0 under internal/driver:
// 1.7-1.9 s and 600 MB against the loading floor's 0.9-1.1 s and 185 MB),
// and the model runs on every package of the import graph because it
// carries facts. The folder needs reaching definitions only for the few
// variables that hold a URL and are assigned more than once, in the few
// functions that make requests: it builds the control-flow graph of one
// function on demand (go/cfg works on the syntax the pass already has)
// and walks it backwards from the use, which costs nothing where there is
// no such variable. The AST folder also keeps what SSA would lose for
// messages: the hole kinds (Env names, parameters) and the exact text of
// constant pieces.
//
// # Out of reach
//
//   - Path sensitivity: a join does not know which branch was taken, so
//     two different hosts (production and staging) join to a hole, and
//     two paths under one host keep only the host. Conditions are not
//     evaluated (if prod { base = a } else { base = b } is a or b).
//   - A variable assigned inside a function literal other than the one
//     that declares it, a variable whose address is taken, one with a
//     field other than the path or the query changed, and a range
//     variable are Unknown everywhere; a variable used inside a function
//     literal is the join of all its definitions. A url.URL changed
//     through another variable that points to it is not seen.
//   - Struct fields and package variables are flow-insensitive: every
//     value the package gives them counts everywhere; only those the
//     package declares are resolved (a url.URL's Path field belongs to
//     each URL, not to the package); what other packages assign is not
//     seen, and neither is a change through a pointer, a
//     map, a slice or a channel, or a *url.URL changed by a function it is
//     passed to. Methods called through an interface or a function value
//     are not followed, and neither are functions of other packages
//     (except those above).
//   - "." and ".." segments and escaping are resolved only when the whole
//     value is constant. A hole is assumed not to begin or end with the
//     slash that JoinPath/path.Join would collapse, and a hole right after
//     a literal host is assumed to start the port or path (see Value.Host).
//   - fmt verbs with explicit argument indexes ("%[1]s") or '*' width or
//     precision: the rest of the Sprintf is one hole. fmt.Sprintf with a
//     spread argument list: its literal prefix, then a hole. Constant
//     formatting of int and uint uses the analyzer's machine word size.
//   - Cross-package variables and fields are folded only if the resolver
//     returns an expression typed by this package's types.Info.
package urlfold
