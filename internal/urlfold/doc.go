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
//     host (or a hole for them).
//   - path.Join: exact for constants except that a leading "scheme://"
//     keeps its "//"; with holes, single slashes between elements, repeated
//     slashes in literals collapsed, a trailing slash dropped.
//   - strings.TrimSuffix, TrimPrefix, TrimRight, TrimLeft with a constant
//     second argument; strings.Join of a []string{...} literal with a
//     constant separator; conversions between string types.
//   - os.Getenv("NAME") and the first result of os.LookupEnv("NAME"): an
//     Env hole carrying NAME (the "BREX_* read from the environment"
//     signal; see Value.Env).
//   - A parameter of the enclosing function or function literal that the
//     function never assigns: a Param hole carrying the *types.Var.
//     FoldWith substitutes callers' folded arguments for such parameters.
//   - A local variable with a single definition (x := e, var x = e, or one
//     result of a multi-value definition) that is never assigned again, has
//     no address taken and no field assigned: the fold of e. The scan is
//     done once per top-level declaration and cached. A url.URL variable
//     whose RawQuery or Fragment is assigned keeps its path: its query
//     becomes "?{}".
//   - Package-level variables and struct fields: through the VarResolver
//     given to New (PackageVars is one for unexported, never-reassigned
//     package variables).
//   - Anything else is one Unknown hole. Recursion is bounded (depth 16)
//     and a variable is never expanded inside its own expansion, so cycles
//     end in holes.
//
// # Out of reach
//
//   - Flow sensitivity: a variable assigned anywhere in its function is
//     unknown everywhere, including the common default pattern
//     `v := os.Getenv("BREX_API_URL"); if v == "" { v = "https://..." }`,
//     which folds to an Unknown hole (the Env name is lost too; a check that
//     wants the signal must look at the os.Getenv call itself). Likewise
//     "var u string" followed by one assignment.
//   - Values passed through function results (other than the functions
//     above), struct fields without a resolver, maps, slices, channels,
//     closures' free variables being changed through pointers, and changes
//     to a *url.URL made by functions it is passed to.
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
