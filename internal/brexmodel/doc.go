// Package brexmodel is the Brex model: the one analyzer with facts, whose
// result every Brex-specific check requires.
//
// For each package it finds the HTTP requests the code makes, folds their
// method and URL (see internal/urlfold), decides which reach Brex (a Brex API
// host; a catalogue path plus a Brex signal; a wrapper), matches them against
// the endpoint catalogue, and records the headers set on them, where they are
// sent, and where their response flows. Cross-package knowledge travels as
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
//     retries 429 (Retries429Fact), and a function with a credential
//     effect (CredentialFact).
//
// Out of reach for keys: functional options that set headers
// (WithIdempotencyKey(k)), options structs given to another call before
// the wrapper or assigned more than once, maps filled by a function the model does not follow, and
// retry helpers that call their function through a goroutine or a stored
// value.
//
// The OAuth half of the model (configurations, authorization URLs, callback
// handlers, exchanges) lives in internal/oauthmodel; this analyzer runs it
// and carries its facts, so that there is one fact-bearing analyzer.
//
// Cost: the model returns at once, with nothing to export but value facts,
// for packages that cannot make an HTTP request: those whose import graph
// does not reach net/http. Value facts are computed only outside the
// standard library, in packages that import a value generator
// (entropy.Generates) or a function with a value fact. The standard driver
// analyzes every dependency when an analyzer declares facts, so this path
// is what keeps brexlint near the loading floor (internal/driver also
// loads the standard library without function bodies).
package brexmodel
