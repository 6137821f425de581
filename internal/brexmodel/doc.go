// Package brexmodel is the Brex model: the one analyzer with facts, whose
// result every Brex-specific check requires.
//
// For each package it finds the HTTP requests the code makes, folds their
// method and URL (see internal/urlfold), decides which reach Brex (a Brex API
// host; a catalogue path plus a Brex signal; a wrapper), matches them against
// the endpoint catalogue, and records the headers set on them, where they are
// sent, and where their response flows. A package whose files are all
// _test.go files (an external test package, a directory of tests alone)
// gets an empty model: its checks would stay quiet there (checks.md,
// "Tests") and nothing imports it. Cross-package knowledge travels as
// object facts on functions and types (never package facts, which go vet
// passes only to direct importers):
//
//   - a wrapper: a function whose method or path parameter flows into a
//     request (built and returned, or sent); callers are resolved with their
//     constant arguments;
//   - a helper that sets request headers (the Idempotency-Key above all),
//     with the value from a parameter, from a field of an options struct
//     parameter (opts.IdempotencyKey), or the entries of a header map or
//     http.Header parameter that it copies onto the request; callers are
//     resolved with their map literals, local maps and options literals
//     (a map the model cannot read stands for unknown headers: a header
//     with an empty Name);
//   - a retry helper of the integration (RetrierFact): a function that
//     calls its function parameter in a loop that goes on after an error,
//     so that a function literal handed to it runs once per attempt, like
//     one handed to a retry library of the closed list (RetryAround);
//   - a function that makes a new random Idempotency-Key on every call for
//     a request it sends, itself or through a function it calls once
//     (FreshKeyFact); its calls inside a retry are listed as KeyCalls;
//   - a function that sends a request it is given;
//   - what a function returns, as internal/entropy classifies it (a
//     ValueFact: crypto/rand, UUID, time, counter, constant ...), so that a
//     key or state helper of another package is judged where it is
//     called; //brexlint:random teaches it for a function out of reach;
//   - //brexlint:client and //brexlint:retries429 on types and functions;
//   - the response flow (response.go and response_*.go): a function that
//     yields or consumes a Brex response (ResponseFact), a struct field
//     filled with a response's status (StatusFieldFact), a type decoded
//     from Brex responses (DecodedFact), a constructor parameter or an
//     exported field that injects the client Brex requests go through
//     (ClientParamFact, ClientFieldFact), a transport or client that
//     retries 429 (Retries429Fact), a function with a credential
//     effect (CredentialFact), and a context key whose value the package
//     sends as the Authorization header (CredentialKeyFact:
//     openapi-generator's ContextAccessToken), so that the value a program
//     gives it is a stored credential.
//
// Requests are recognised however the code builds them: http.NewRequest
// and its shorthands; requests made from requests (req.WithContext(ctx),
// req.Clone(ctx), retryablehttp.FromRequest(req), and a builder helper
// that returns one of them), which are the first request: headers set on
// them and their sends count for it; hashicorp/go-retryablehttp's
// NewRequest, NewRequestWithContext, Client.Do and shorthands (its client
// retries 429); and go-resty/resty v2 chains (resty.go): the URL is the
// client's SetBaseURL joined with the path of Get/Post/.../Execute, the
// headers are those set along the chain, on the request and on the client,
// and its retry settings (SetRetryCount, AddRetryCondition) say whether it
// retries 429. A client behind a Doer interface is judged by the clients
// the package assigns to it outside its _test.go files.
//
// Out of reach of the request builders: a resty client that arrives as a
// parameter, or is configured in another package (its requests are still
// recognised by an absolute URL, or a catalogue path and a Brex signal);
// resty middleware (OnBeforeRequest) that sets headers; a resty request's
// Send() with Method and URL set as fields; a retryablehttp client whose
// CheckRetry or RetryMax the program changes (every retryablehttp client
// is taken to retry 429); a request made from another in a different
// function than the one that names its endpoint, other than through a
// builder helper that returns it.
//
// Clients generated from Brex's OpenAPI specs by oapi-codegen are judged
// where the program calls their operations, since their files are skipped
// as generated: c.CreateTransferWithResponse(ctx,
// &CreateTransferParams{IdempotencyKey: k}, body) is a POST /v1/transfers
// whose key is k. The model follows the generated code itself rather than
// matching method names against the catalogue's operation IDs (names say
// nothing of which API a client talks to, and the code already says the
// method, path and headers): urlfold folds the builder's
// serverURL.Parse(operationPath) to "{}/v1/transfers"; a function of a
// generated file that sends a request is a wrapper whatever its URL, so
// the (*Client) operation carries a fact; a call of an interface method
// stands for the one type of the interface's package that implements it
// with methods of its own (ClientWithResponses → ClientInterface →
// *Client; ClientWithResponses only embeds the interface), found once by
// the interface's own pass and handed to other packages as an
// ImplementationFact when that method carries facts; a header value
// rendered by oapi-codegen's runtime.StyleParam* is the parameter it was
// rendered from, so the key travels in the params struct field like any
// options struct. The server is a field of the client that the
// operation's URL cannot read, so it travels with the client value
// (genclient.go): the generated package marks its client types
// (GenClientFact), its constructors (ServerFact: the server is their one
// string parameter) and its WithHTTPClient (DoerOptionFact), and urlfold,
// asking the model about calls of other packages (its CallFolder), folds
// the receiver of an operation to the server its client was made with,
// wherever the client is kept: a local, a struct field set in the
// constructor (s.client, err = brexsdk.NewClientWithResponses(o.baseURL,
// ...) with baseURL from a constant, an option or the environment with a
// default), a constructor function of this package, or one of another
// package by the ServerFact it exports (its server folded with its
// parameters as holes). That server fills the URL's leading hole, so a
// generated client of another API, with paths like Brex's, stays another
// API's.
//
// A call of a generated operation is a send at the caller (Send.Generated):
// its client is the Doer the constructor that made the client installed,
// found the same way (clientJudge.genClient: the local, the field, the
// constructor function of this package that made it): the argument of the
// generated WithHTTPClient (DoerOptionFact), or of an option the program
// writes that sets the client's Doer field (func(c *brexsdk.Client) error
// { c.Client = d; return nil }, directly or returned by a function of
// this package; a constructor of another package tells by its ServerFact,
// which carries its client's Doer); with no such option, the
// http.Client{} that
// oapi-codegen's NewClient falls back to, which does not retry 429. The
// parsed response of an XWithResponse operation (a struct holding the
// *http.Response, with a StatusCode() method) carries the response in
// the flow, so resp.StatusCode() and resp.HTTPResponse.StatusCode read its
// status (and resp.JSON200, set only at 200, is nil at any other, so a
// comparison of it is a look at the status), its []byte Body is the
// response's body at any status (the operation's own look at the status,
// which only picks the field to fill, is none for the caller), and the
// caller's own 429 handling counts like any other; a helper of this
// package that returns the parsed response makes its callers' calls the
// sends, as a wrapper would. A function given the client as a parameter
// (func sync(ctx context.Context, c *brexsdk.ClientWithResponses)) is a
// wrapper whose URL starts with that parameter: its callers fold the
// client they pass to its server, and their client's Doer is judged where
// they pass it.
//
// Clients generated by openapi-generator's go generator (openapigen.go)
// are followed the same way: an operation's Execute() calls the service's
// CreateTransferExecute(r), which folds localBasePath + "/v1/transfers",
// puts header parameters in a map (parameterAddToHeaderOrQuery into a map
// of the generated file is an entry), and hands both to prepareRequest
// (a wrapper: url.Parse(path).String() in a generated file folds to the
// path, the header map it copies holds the given entries) and callAPI,
// which sends. A header from a field of Execute's receiver travels back
// through the request builder's setters (FieldSetterFact: IdempotencyKey(k)
// returns the builder with r.idempotencyKey = &k), read at the caller along
// the chain or a builder variable's definitions. The URL's leading hole is
// the configuration's server (a.client.cfg.ServerURLWithContext): the
// caller fills it with the first of the Servers it sets on a configuration
// made in the same function (cfg.Servers = ServerConfigurations{{URL:
// "https://api.brex.com"}}; client := NewAPIClient(cfg)), or in the
// constructor that gives a struct field its one value (&Payer{api:
// NewAPIClient(cfg)}, the client read as p.api), or else with the
// generated default (the first of the Servers that the generated package's
// literals give, NewConfiguration's), so that a look-alike generated from
// another API's spec keeps its own host. An operation with servers of its
// own in the spec (getCardNumber's PCI hosts) has the first of
// NewConfiguration's OperationServers for it, which the Servers do not
// change.
//
// The caller's Execute() of such a client is a send at the caller
// (Send.Generated), as an oapi-codegen operation's is: the generated
// callAPI sends through the configuration's HTTPClient, and Execute turns
// every status of 300 and above into a *GenericOpenAPIError, with the
// *http.Response beside it. Its client is judged by the same
// clientJudge.genClient, wherever the client is kept (a local, a field
// set in the constructor, a function of this package that returns it):
// for NewAPIClient(cfg) (configDoer), the HTTPClient given to the
// configuration where it is made (cfg.HTTPClient = hc, once, in the
// function that makes the client, or a Configuration literal's), else
// the http.DefaultClient NewAPIClient falls back to. The response
// variable of t, httpResp, err := req.Execute() carries the response in
// the flow, non-nil whatever the error, so httpResp.StatusCode reads its
// status; the error carries the status too (Execute's ResponseFact says
// it is non-nil at 429), so a retry on any error counts.
//
// The Authorization of a generated operation's call, for the scope view
// of the OAuth model (genauth.go), is what the program gave the client:
// the value of a key that carries CredentialKeyFact in the operation's
// context (followed through context.WithValue, locals and context helpers
// of the package), or the header set by a request editor given to the
// operation's call (its reqEditors, applied last) or to the oapi-codegen
// constructor that made the client (found as
// clientJudge.genClient finds its Doer; a function literal, a function
// or method of the package, or an option function of the package that
// returns one, its parameter read as the caller's argument).
//
// Out of reach for generated clients: for oapi-codegen's, a client whose
// server urlfold cannot fold (a field assigned in another package or from
// a constructor's client parameter, a server read from a config struct
// filled by a decoder): its operations are then judged on their paths alone (a path
// only Brex serves, or a catalogue path and a signal of the package); a
// constructor of another package that returns a client interface rather
// than a client type (no ServerFact); the Doer of a client given options
// the model cannot read (a spread opts... slice, an option held in a
// variable, an option function of another package), or made by a
// constructor of another package that takes the Doer as a parameter: its
// 429 handling is then taken on trust. For openapi-generator's clients,
// files of its older releases (marked "Generated by: OpenAPI Generator"
// rather than "Code generated ... DO NOT EDIT.", and built on
// cfg.BasePath), which are the program's own code to the model, a server
// other than the first of the Servers list, chosen by index through ctx
// (ContextServerIndex, ContextOperationServerIndices), OperationServers the
// program sets, the configuration's Host and Scheme overrides and server
// Variables, a configuration made in another function than the client, or
// given its Servers more than once or from a value the folder cannot read
// (neither constant nor with a literal host; an httptest server's URL has
// the loopback host, so a Brex client pointed at one is not Brex's), or
// given them behind a condition (cfg.Servers = a local mock when a
// development flag is set: the one assignment is taken as the server, and
// the Brex default the client keeps otherwise is not joined in, so its
// calls stay quiet),
// and a client field given more than one value (the client then has the
// generated default server: none for a spec without servers, whose
// operations are then judged on their paths and the generated package's
// signal alone), a builder given as a parameter, kept in a field or made by
// a helper of the program (its header fields are of unknown value, and
// its HTTPClient unknown), the configuration's DefaultHeader (left out),
// the generateInterfaces option's service interfaces when their package
// has more than one implementation, and an HTTPClient the model cannot
// read, which leaves the client's 429 handling unknown (quiet): a
// configuration that is a parameter or a field, handed to a function
// other than NewAPIClient, given its HTTPClient more than once or changed
// in place (cfg.HTTPClient.Transport = t), a client made by a function of
// another package, or a configuration read back through GetConfig
// anywhere in the package other than by api.GetConfig().HTTPClient = hc
// on the local variable holding the client NewAPIClient made there (that
// client is judged by hc; any other use of GetConfig, a method value get
// := api.GetConfig included, leaves every client of that generated
// package unknown),
// and a nil client passed for the HTTPClient to a constructor of the
// program; the *http.Response of Execute is followed only where the
// function assigns Execute's results (not when a helper returns it as a
// second result).
//
// Out of reach for keys: functional options that set headers
// (WithIdempotencyKey(k)), options structs given to another call before
// the wrapper or assigned more than once, maps filled by a function the
// model does not follow, and retry helpers that call their function
// through a goroutine or a stored value.
//
// The OAuth half of the model (configurations, authorization URLs, callback
// handlers, exchanges) lives in internal/oauthmodel, and the webhook half
// (Standard Webhooks receivers: headers read, HMACs, comparisons, clock)
// in internal/webhookmodel; this analyzer runs them and carries their
// facts, so that there is one fact-bearing analyzer. The webhook half runs
// in packages outside the standard library that import net/http,
// crypto/hmac or a verifying library, or that call functions with facts.
//
// Where a value comes from is answered in one place, internal/urlfold:
// URL variables assigned more than once are the join of the definitions
// that reach each use (reaching definitions on the control-flow graph of
// go/cfg, built per function on demand), base URLs in struct fields and
// package variables are the join of every value the package gives them,
// and calls of the package's own getters and URL helpers fold through
// their returns. SSA would give the same definitions but costs about a
// second loading on every package of the import graph (1.7-1.9 s and
// 600 MB against 0.9-1.1 s and 185 MB on golang.org/x/oauth2 with
// internal/driver), where the folder pays only for the functions that
// build URLs; urlfold's doc.go has the rules and what stays out of reach.
//
// Cost: the model returns at once, with nothing to export but value facts,
// for packages that cannot make an HTTP request: those whose import graph
// does not reach net/http. Value facts are computed only outside the
// standard library, in packages that import a value generator
// (entropy.Generates) or a function with a value fact. The standard driver
// analyzes every dependency when an analyzer declares facts, so this path
// is what keeps brexlint near the loading floor (internal/driver also
// loads the standard library without function bodies). The value and
// webhook halves run on a goroutine of their own beside the HTTP half (see
// run): a large package that many others import holds them up until its
// facts are out.
package brexmodel
