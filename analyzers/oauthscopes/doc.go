// Package oauthscopes defines an Analyzer that reports Brex API calls the
// requested OAuth scopes do not permit, and Brex configurations used with
// refresh that do not request offline_access.
//
// # Analyzer oauthscopes
//
// oauthscopes: report Brex API calls that the Brex OAuth configuration's scopes do not permit, and configurations used with refresh that lack offline_access
//
// A partner's scopes decide which endpoints its tokens may call: Brex
// rejects a call whose scopes the customer did not grant, and a partner
// can only be granted what it requests. Without offline_access Brex issues
// no refresh token at all. Both mistakes pass every test made with a
// developer's own token and surface when the first customer connects, or
// an hour later.
//
// The check compares the scopes that a Brex OAuth configuration requests
// (oauth2.Config.Scopes of an authorization-code configuration on a Brex
// auth host, or the scope parameter of a hand-built Brex authorization
// URL, when they are constants) with the endpoints that the Brex calls use
// (the catalogue's scopes for each endpoint, of which any one suffices). A
// scope also permits the endpoints that list only its read-only twin
// ("transfers" for GET /v1/transfers, which lists transfers.readonly).
//
// Operations of clients generated from Brex's OpenAPI specs (oapi-codegen,
// openapi-generator) are Brex calls where the program calls them, their
// generated files being skipped: c.ListExpenses1WithResponse(ctx, p) is
// a GET /v1/expenses/card, api.CardsAPI.GetCardNumber(ctx, id).Execute()
// a GET /v2/cards/{id}/pan, and a client generated from another API's
// spec with Brex's paths calls that API. Their Authorization is what the
// program gives the client (see the Brex model's genauth.go): the header a
// request editor given to the call itself or to the constructor sets
// (brexsdk.WithRequestEditorFn, directly or through an option function of
// the package such as bearer(token); req.Header.Set or
// req.Header["Authorization"] = []string{v}), the last such editor as the
// generated code applies them in order, or the value of the context's
// access-token key (context.WithValue(ctx, brex.ContextAccessToken, t)).
//
// The comparison is made where both are visible: a package that writes or
// imports the configuration (a direct import, through the Brex model's
// facts) compares its own calls, and the calls of functions of other
// packages that reach Brex endpoints: a package that sees no configuration
// hands the endpoints of its exported functions and methods on to its
// importers (a fact), so that a main package importing both the
// configuration and the calls compares them at its calls. brexlint
// checklist loads the whole module and compares the calls that no package
// could with the scopes of every Brex configuration of the module.
//
// It reports:
//
//   - at the call that names the endpoint (or the call of the function of
//     another package that reaches it), an endpoint none of whose scopes is
//     requested (oauthscopes/missing-scope);
//   - at the configuration's Scopes, a Brex configuration used with
//     refresh (its TokenSource, its Client over a stored token, or a
//     hand-written refresh_token grant in a package with one such
//     configuration) whose scopes lack offline_access
//     (oauthscopes/missing-offline-access), with a suggested fix that adds
//     it; when the configuration belongs to another package, the finding
//     lands at the use;
//   - with brexlint checklist -unused-scopes, at a configuration's Scopes,
//     the requested scopes that no Brex call of the module needs
//     (oauthscopes/unused-scope).
//
// A missing-scope message names the scope to add (the read-only one for a
// read), the endpoint's other scopes and the configuration by its name;
// its related information says what the configuration requests, at its
// Scopes when the package writes it. Brex rejects every such call for insufficient scopes, which surfaces
// only when a customer connects: add the scope to the Scopes (customers
// already connected must authorize again: scopes are additive). Without
// offline_access Brex issues no refresh token, so the connection dies when
// the first access token expires (3600 s) and the customer must authorize
// again: add "offline_access" to the Scopes.
// An unused scope asks customers to grant more access than the
// integration uses, and Brex reviews requested scopes: remove it (or add
// the calls that need it).
//
// Bad:
//
//	var brexConf = &oauth2.Config{
//		Endpoint: brexEndpoint,
//		Scopes:   []string{"openid", "users.readonly"},
//	}
//
//	func cards(ctx context.Context, hc *http.Client) (*http.Response, error) {
//		return hc.Get("https://api.brex.com/v2/cards") // needs cards or cards.readonly
//	}
//
//	src := brexConf.TokenSource(ctx, stored) // no refresh token without offline_access
//
// Good:
//
//	var brexConf = &oauth2.Config{
//		Endpoint: brexEndpoint,
//		Scopes:   []string{"openid", "offline_access", "users.readonly", "cards.readonly"},
//	}
//
// # Look-alikes left alone
//
// Modules and packages without a Brex OAuth configuration (customer user
// tokens, whose scopes are chosen in the dashboard), other providers'
// configurations, client-credentials configurations (the Onboarding API),
// configurations whose scopes are not constants (from the environment or
// a flag): then nothing is compared. Calls whose Authorization header is
// set from the environment or a constant (a user token, whose scopes are
// chosen in the dashboard), even in a partner's module. Endpoints whose scopes the catalogue
// does not state (webhooks, v2 budgets and spend limits, receipts,
// referrals) and paths it does not know. Calls in _test.go files,
// generated files and Example functions.
//
// # What the check cannot see
//
// For generated clients, an editor or context helper the model does not
// follow (of another package, held in a variable, more
// than one level of option functions) and an access token given to the
// configuration's DefaultHeader leave the token unknown: the call is
// compared as an OAuth call. The context is followed through its
// variable's every assignment in the function, not per path. Of the
// headers one editor sets, the first written is read, whatever branch
// runs; of several constructors that may have made a client (a field
// stored in two places), the first found whose editors set the header.
//
// Facts on package-level functions and variables reach only direct
// importers under go vet: a configuration two imports away is not seen,
// and is compared only by brexlint checklist. Calls through interface
// methods and function values, endpoints reached through SDKs without the
// model's facts, requests whose URL the model cannot fold, and scopes
// added at run time are not followed. A function that reaches more than
// 64 endpoints hands on the first 64. The whole-module comparison assumes
// that every Brex call of the module uses the module's configurations,
// and -unused-scopes that the model sees every call: a scope used only by
// webhooks (event families need their data's scope) or by calls the model
// cannot fold is reported as unused. A //brexlint:ignore oauthscopes at a
// call or a configuration also silences the checklist's findings there.
// Which scope to add is a suggestion (the read-only one for a read): the
// customer's role, not only the scope, decides what a call may do.
package oauthscopes
