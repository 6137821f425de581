// Package oauthcallback defines an Analyzer that reports Brex OAuth callback
// handlers that do not handle a denied consent.
//
// # Analyzer oauthcallback
//
// oauthcallback: report Brex OAuth callback handlers that exchange the code without handling the error (denied consent) response
//
// When a Brex customer is sent to the authorization page, they may grant or
// deny access, and Brex's partner launch checklist asks that both outcomes
// be handled gracefully. On a denial the browser comes back to the redirect
// URI without a code, with the standard OAuth error parameters
// (error=access_denied, error_description; Brex's authorization server is
// Okta-based). A handler that goes straight to the token exchange turns the
// customer's decision into a confusing "invalid grant" failure.
//
// The check applies to Brex OAuth flows: the exchange uses an oauth2.Config
// whose endpoint is on a Brex auth host (accounts-api.brex.com, its staging
// twin, or the legacy accounts.brex.com), known in this package or through
// a fact on an imported configuration, or a helper that exchanges with one,
// or it is a POST to Brex's token endpoint. It reports a callback handler
// (a function that reads the "code" parameter from an *http.Request, or
// from gin's or echo's context (c.Query("code"), c.QueryParam("code")),
// and exchanges it, in any style: http.HandlerFunc-shaped functions,
// methods on server structs, closures given to http.HandleFunc, to
// gorilla/mux and chi routers, or to gin and echo) that never reads the "error" or "error_description"
// parameter, itself or through a helper it gives the request to, and never
// tests the code for emptiness (code == "", len(code) == 0): an empty-code
// check that answers the customer counts as handling the denial
// (oauthcallback/unhandled-denial). The finding lands on the exchange, in
// the function that calls it, where the check of the error belongs: when
// a handler closure registered on a route gives the request to a method
// of the package that exchanges (c.complete(w, r)), the finding is on the
// Exchange inside that method, not on the route registration; once for
// routes that share it. A helper that is given only the code (finish(ctx,
// code)) cannot read the error parameter, so the finding stays at its
// call in the handler, and so does the call of an exchanging helper of
// another package.
//
// How to fix: when the customer denies consent, Brex redirects back with
// error=access_denied and no code, and the denial surfaces as a confusing
// token-exchange failure. Check r.FormValue("error") (or return early on an
// empty code) before the exchange, and tell the customer that access was
// not granted.
//
// Bad:
//
//	func callback(w http.ResponseWriter, r *http.Request) {
//		if !validState(r) { ... }
//		tok, err := brexConf.Exchange(r.Context(), r.FormValue("code"))
//		if err != nil {
//			http.Error(w, err.Error(), http.StatusBadGateway)
//			return
//		}
//		...
//	}
//
// Good:
//
//	func callback(w http.ResponseWriter, r *http.Request) {
//		if e := r.FormValue("error"); e != "" {
//			renderConnectPage(w, "Brex access was not granted: "+r.FormValue("error_description"))
//			return
//		}
//		if !validState(r) { ... }
//		tok, err := brexConf.Exchange(r.Context(), r.FormValue("code"))
//		...
//	}
//
// # Look-alikes left alone
//
// Other providers' callbacks (Google, GitHub, ...), and flows whose
// endpoint the package cannot see (from the environment or configuration,
// with no fact): the check is about Brex's checklist. Command-line flows
// that read the code from the terminal are not callbacks. _test.go files,
// generated files and Example functions get no findings.
//
// # What the check cannot see
//
// Handlers of frameworks other than net/http, gin and echo (fiber, whose
// context is not built on net/http), denial handling done by a middleware around the handler,
// and a configuration that reaches the handler as a parameter or a field
// that the package never sets (give the type or function
// //brexlint:client, or keep the configuration in a package variable). The
// analysis is flow-insensitive: reading the error anywhere in the handler
// counts. Brex's documentation does not name the error parameter of a
// denial; error=access_denied is the OAuth standard that its Okta-based
// server follows.
package oauthcallback
