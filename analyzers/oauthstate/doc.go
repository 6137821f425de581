// Package oauthstate defines an Analyzer that reports OAuth authorization
// requests whose state does not protect against cross-site request forgery,
// and callback handlers that never verify it.
//
// # Analyzer oauthstate
//
// oauthstate: report OAuth authorization requests whose state is constant, predictable or missing, and callbacks that do not verify it
//
// The state parameter ties the callback of an OAuth authorization-code flow
// to the login that the user started: the app sends a fresh random value
// with the authorization request, keeps it (session, cookie, store), and
// compares the value that comes back on the callback. Without that, an
// attacker can send a victim to the callback with the attacker's own
// authorization code, and the victim's session is connected to the
// attacker's account (CSRF, RFC 6749 §10.12). Brex's partner launch
// checklist requires a random state of at least 9 characters, compared on
// the callback. CSRF is universal, so the check applies to every provider,
// not only Brex.
//
// The check reports:
//
//   - the state given to (*oauth2.Config).AuthCodeURL, or to a function that
//     passes its parameter on as the state (such as
//     func LoginURL(state string) string, in this package or another), when
//     it is a constant: a literal, a named constant, or a package variable
//     that is never reassigned; an empty string counts
//     (oauthstate/constant-state);
//   - such a state made only from math/rand (any of it: a state must be
//     unpredictable, not merely unique), the time, a counter, or a
//     name-based or time-based UUID, alone or with constants, directly or
//     through helpers of this package or of another (oauthstate/predictable-state);
//   - such a state that is random but shorter than 9 characters: 3
//     crypto/rand bytes hex-encoded are 6 characters, rand.Text()[:8] is 8
//     (oauthstate/short-state);
//   - an authorization URL built by hand (url.Values, fmt.Sprintf,
//     concatenation, url.URL with RawQuery) to an authorization endpoint
//     (Brex's, or any path ending in /authorize, /oauth2/auth or
//     /oauth2/v2/auth) whose query has a client_id or response_type but no
//     state (oauthstate/missing-state); a constant or predictable state
//     set in such a URL is reported as above;
//   - a callback handler that exchanges an authorization code
//     ((*oauth2.Config).Exchange, a helper that does, or a POST to a token
//     endpoint with grant_type=authorization_code) without comparing the
//     request's state with anything: it never reads state, or reads it and
//     only logs it or tests it for emptiness (oauthstate/unverified-state).
//     A callback handler is any function that reads the "code" parameter
//     from an *http.Request (r.FormValue, r.URL.Query().Get, r.Form.Get,
//     ...) or from gin's or echo's context (c.Query, c.DefaultQuery,
//     c.QueryParam, c.QueryParams().Get, ...; see internal/webframe) and
//     exchanges it: http.HandlerFunc-shaped functions, methods on server
//     structs, closures given to http.HandleFunc, to gorilla/mux and chi
//     routers, or to gin and echo. A helper of the package that the handler gives the
//     request to (one that reads the code and exchanges it, or one that
//     checks the state) is judged together with its caller.
//
// Messages about the state of Brex flows say "(Brex requires 9+ random
// characters)": Brex requires a random state of at least 9 characters,
// verified on the callback. Why each finding matters, and how to fix it:
//
//   - constant-state: every login sends the same value, so a forged
//     callback can log the user into an attacker's account (CSRF, RFC 6749
//     §10.12); predictable-state: an attacker can predict the value, with
//     the same result. Generate a fresh state per login with crypto/rand
//     (rand.Text(), Go 1.24+), keep it in the session or a cookie, and
//     compare it on the callback.
//   - short-state: a random state of a few characters can be guessed (3
//     bytes are 16 million values); use at least 9 characters, such as
//     rand.Text() (26) or 16 random bytes hex-encoded (32).
//   - missing-state: the callback cannot tell a login the user started from
//     a forged one. Add state=<value from crypto/rand.Text()>, keep it in
//     the session or a cookie, and compare it on the callback.
//   - unverified-state: the callback does not compare the request's state
//     with the value stored when the login started. Before the exchange,
//     compare r.FormValue("state") with the state kept in the session, a
//     cookie or a store (and reject a mismatch).
//
// Bad:
//
//	url := conf.AuthCodeURL("state", oauth2.AccessTypeOffline)
//
//	func callback(w http.ResponseWriter, r *http.Request) {
//		tok, err := conf.Exchange(r.Context(), r.FormValue("code"))
//		...
//	}
//
// Good:
//
//	state := rand.Text() // crypto/rand, Go 1.24+
//	http.SetCookie(w, &http.Cookie{Name: "oauth_state", Value: state, HttpOnly: true, Secure: true})
//	http.Redirect(w, r, conf.AuthCodeURL(state), http.StatusFound)
//
//	func callback(w http.ResponseWriter, r *http.Request) {
//		c, err := r.Cookie("oauth_state")
//		if err != nil || subtle.ConstantTimeCompare([]byte(r.FormValue("state")), []byte(c.Value)) != 1 {
//			http.Error(w, "invalid state", http.StatusForbidden)
//			return
//		}
//		tok, err := conf.Exchange(r.Context(), r.FormValue("code"))
//		...
//	}
//
// # What counts as random, and as verified
//
// A state is fine when any part of it is unpredictable: crypto/rand
// (Text, Read into a buffer, Int), random UUIDs (google/uuid New,
// NewString, NewRandom, NewV7; gofrs and satori NewV4), oauth2.GenerateVerifier,
// a function taught //brexlint:random, or a helper (of this package or,
// through facts, another) whose every return is one of those. The sources
// are those of internal/entropy.
//
// A callback verifies its state when the value read from the request (or
// a variable derived from it) is compared with == or != with anything but
// "", used as a map key or switch tag, given to a comparing function
// (crypto/subtle.ConstantTimeCompare, hmac.Equal, bytes.Equal,
// strings.EqualFold, a sync.Map lookup), given to a function of this
// package that does one of these, or given to any function of another
// module (a session or state store: the model cannot look inside, and a
// lookup keyed by the state is the usual check). A value that leaves the
// handler (stored in a field, sent on a channel, returned) is not judged.
// A request given to a helper of this package that checks the state counts
// too, and so does one given to a helper of another package that the
// model marks as checking it (a fact), or whose name says it does (state,
// csrf, verify, valid) when the model knows nothing of it.
//
// # Look-alikes left alone
//
// States the package cannot see into: parameters the callers are not known
// to fill, fields, values read from a request or a store, results of
// functions of other modules without a fact. Another provider's flow that
// sends a PKCE challenge (S256ChallengeOption) with AuthCodeURL, or a PKCE
// verifier (VerifierOption) with Exchange: golang.org/x/oauth2 documents
// PKCE as the alternative protection against CSRF. Brex flows are reported
// whatever else they do, because Brex's checklist asks for the state.
// Command-line flows that read the code from the terminal, and local
// redirect servers that hand the code and state to another goroutine, are
// not callback handlers. Hand-built URLs whose query names cannot all be
// seen (a url.Values given to another function, a query string from a
// variable) and URLs to an endpoint named authorize without a client_id or
// response_type (an app's own admin page) are not judged. OAuth libraries
// (golang.org/x/oauth2 itself, which takes the state as a parameter),
// _test.go files, generated files and Example functions get no findings.
//
// # What the check cannot see
//
// The analysis is flow-insensitive: a callback that compares the state on
// one path and not on another is accepted. A comparison made by a
// middleware that wraps the handler, or by a framework other than
// net/http, gin and echo (fiber), is not seen: suppress the finding
// with //brexlint:ignore oauthstate and the reason. A constant given to a
// struct field that later reaches AuthCodeURL, states built with
// strings.Builder, and hand-built URLs assembled through helpers are out of
// reach. A library's exported callback helper that reads the code and
// exchanges it is judged as a handler in its own package, even when the
// application checks the state before calling it. The length of a random
// state is measured only where internal/entropy knows it (a crypto/rand
// buffer of constant size in this package, its hex, base64 or base32
// encoding, rand.Text and constant slices of it): a buffer whose size is a
// variable, and a helper of another package (facts carry kinds, not
// lengths), are not measured. The length counts the whole state, a
// constant prefix included, as the 9 characters Brex asks for do.
//
// There is no suggested fix: replacing a constant state with
// crypto/rand.Text() would break the callback that compares it with the
// same constant; the state must also be stored and compared, which only
// the author can place.
package oauthstate
