// Package brexendpoint defines an Analyzer that compares every Brex call
// with the Brex API catalogue: deprecated endpoints, undocumented paths under
// documented resources, methods a documented path does not allow, and the
// legacy OAuth host.
//
// # Analyzer brexendpoint
//
// brexendpoint: report Brex calls to deprecated or undocumented endpoints, methods a documented path does not allow, and the legacy OAuth host
//
// Brex's launch checklist asks integrations to implement the latest
// documented endpoints. Deprecated endpoints are removed after notice, and
// undocumented ones change or vanish without any; either way the integration
// breaks in production. The catalogue (internal/brexapi) is generated from
// Brex's OpenAPI specifications plus a small overlay of deprecations; every
// message names the catalogue's date, so a finding can be re-judged when
// the catalogue is refreshed.
//
// Which calls are Brex calls is decided by the Brex model
// (internal/brexmodel): a Brex API host in the folded URL; a base URL from
// configuration or the environment plus a path that matches a catalogue
// template and a Brex signal; or a wrapper whose callers pass constant
// methods and paths, in which case the finding lands at the caller's call.
// URLs are followed the way clients write them (internal/urlfold): a base
// URL in a struct field that the constructor sets to a Brex host (even
// when an option such as WithBaseURL can override it), a getter that
// returns it or a Brex default, os.Getenv with a Brex host as fallback, a
// variable assigned in both branches of an if, a cursor or query appended
// in a pagination loop or behind an if. A query string never changes the
// path: "/v1/cards?user_id="+id is /v1/cards.
//
// The check reports:
//
//   - a deprecated endpoint, with its replacement and the month of the
//     deprecation (brexendpoint/deprecated): GET /v1/expenses/card →
//     GET /v1/expenses (May 2025); /v1/budgets → /v2/spend_limits
//     (Oct 2024);
//   - a path that contradicts a documented resource: a sub-path the
//     catalogue does not have (/v2/users/{id}/status beside /v2/users/{id}),
//     or a resource at a version Brex does not document (/v1/cards where
//     cards are /v2/cards) (brexendpoint/undocumented). This needs a Brex
//     host in the URL: without one the model only recognises catalogue
//     paths;
//   - a method that a documented path does not allow, such as
//     DELETE /v2/cards/{id} (brexendpoint/method-not-allowed);
//   - the legacy OAuth host accounts.brex.com where it reaches a request
//     (brexendpoint/legacy-auth-host): an oauth2.Endpoint or OAuth
//     configuration, an authorization URL, a token exchange or an HTTP
//     request on that host. The finding lands on the string literal that
//     names the host (through the constants, variables and struct fields
//     it initialises), or on the use when the host comes from another
//     package. Brex moved new integrations to accounts-api.brex.com in
//     November 2022 and told existing partners to stay on the legacy host
//     until migrated, so the finding asks to confirm with Brex rather than
//     to switch blindly. A literal that is only compared, logged or
//     documented (strings.Contains(u.Host, "accounts.brex.com"), a
//     migration note) reaches no request and is not reported.
//
// How to fix: move to the replacement of a deprecated endpoint; use the
// documented endpoint instead of an undocumented one; use a documented
// method (Brex answers 404 or 405 to others); for the legacy host, existing
// partners keep it until Brex migrates them, so confirm with Brex before
// launch.
//
// Bad:
//
//	req, _ := http.NewRequestWithContext(ctx, "GET", "https://api.brex.com/v1/expenses/card", nil)
//
// Good:
//
//	req, _ := http.NewRequestWithContext(ctx, "GET", "https://api.brex.com/v1/expenses", nil)
//
// Not reported: paths under resources the catalogue does not know at all
// (Brex adds endpoints without notice, and the catalogue is never
// complete); the old API host platform.brexapis.com, which still works;
// look-alike paths on other hosts (Stripe's /v1/transfers, an internal
// service's /v2/cards) and on base URLs read from environment variables
// not named BREX_*; calls in _test.go files.
//
// Out of reach: a legacy host that reaches a request only through code the
// Brex model does not follow (a host read from a map, a field of a struct
// built in another package) is not reported; a struct field set to the
// legacy host in one literal and read for a request counts every literal
// of that field in the package. A path built at run time from values the analysis cannot
// fold (a path read from configuration, a map lookup); a URL variable
// whose path differs between branches (p += "/" + id behind an if) keeps
// its host but not its path, and a base URL that is a different host in
// each branch (production and staging) is no host at all, so undocumented
// paths are not reported there; a request variable
// reused for several requests in one function is judged request by request,
// but headers set on it are attributed to all of them.
package brexendpoint
