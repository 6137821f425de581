// Package brexapi is brexlint's catalogue of the Brex REST API: its hosts,
// endpoints (method, path template, Idempotency-Key requirement, OAuth
// scopes, deprecation), the string enums of its schemas, and the resources
// that exist only at Brex.
//
// # Where the data comes from
//
// The endpoint and enum tables in catalog_gen.go are generated from two
// inputs kept in this directory:
//
//   - specs/*.json: Brex's OpenAPI specs (accounting, budgets, expenses,
//     fields, onboarding, payments, team, transactions, travel, webhooks),
//     copies of the files listed in facts.md §13. Each endpoint's Source
//     names the repository and commit the spec was taken from.
//   - overlay.json: a small hand-kept file for what only the docs say:
//     deprecations with replacement and date, endpoints missing from every
//     available spec (v2 budgets and spend limits, webhook groups), the
//     catalogue date, the hosts, the OAuth paths, known-bad paths, the
//     Brex-only resources, and the maxima of the limit parameter of list
//     endpoints. Every entry carries a source.
//
// Which endpoints are lists (their 200 response has next_cursor) and which
// schema properties are money objects ({amount, currency}) are read from
// the specs themselves.
//
// # Regenerating
//
// After editing either input run
//
//	go generate ./internal/brexapi
//
// TestGeneratedIsCurrent fails while the committed catalog_gen.go differs
// from what the generator produces, so a stale table cannot be merged.
//
// # What the catalogue cannot say
//
// Brex adds endpoints without notice, and the newest specs available are
// from 2024–2026 (see facts.md §15), so the catalogue is never complete:
// callers must treat "not in the catalogue" as unknown, never as wrong,
// except where KnownBad says a path contradicts a documented resource.
package brexapi

import "strings"

//go:generate go run ./internal/gen

// Idempotency says whether an endpoint declares the Idempotency-Key header.
// The idempotencykey check reports missing keys only where it is Required.
type Idempotency uint8

const (
	// IdempotencyUnknown: the source shows no header declaration either way
	// (a rendered doc page rather than a spec).
	IdempotencyUnknown Idempotency = iota
	// IdempotencyNone: the spec does not declare the header. Brex still
	// accepts a key on every POST and PUT (facts.md §4.1).
	IdempotencyNone
	// IdempotencyOptional: declared with required: false.
	IdempotencyOptional
	// IdempotencyRequired: declared with required: true; Brex rejects the
	// request without a key.
	IdempotencyRequired
)

// String returns "unknown", "none", "optional" or "required", the words the
// catalogue sources and diagnostics use.
func (i Idempotency) String() string {
	switch i {
	case IdempotencyNone:
		return "none"
	case IdempotencyOptional:
		return "optional"
	case IdempotencyRequired:
		return "required"
	}
	return "unknown"
}

// Deprecation records that Brex deprecated an endpoint.
type Deprecation struct {
	// Replacement is the endpoint to call instead, as "METHOD /path", e.g.
	// "GET /v1/expenses". Empty when the source names none.
	Replacement string
	// Since is the month of the deprecation, "YYYY-MM" (e.g. "2025-05"),
	// or empty when only the spec's deprecated flag says so.
	Since string
	// Note is a short human-readable reason for diagnostics.
	Note string
}

// Endpoint is one documented operation of the Brex API.
type Endpoint struct {
	// API is the Brex API the operation belongs to ("Team", "Payments", ...).
	API string
	// Method is the upper-case HTTP method.
	Method string
	// Path is the path template with the spec's own parameter names, e.g.
	// "/v1/transfers/{id}".
	Path string
	// Hosts is nil when the endpoint is served by the API hosts; otherwise
	// the only hosts that serve it (the PCI hosts for GET /v2/cards/{id}/pan).
	Hosts []string
	// Idempotency is the endpoint's Idempotency-Key declaration.
	Idempotency Idempotency
	// Scopes lists OAuth scopes of which any one suffices; nil when no
	// source states a scope (callers must then not report missing scopes).
	Scopes []string
	// Deprecated is nil unless the endpoint is deprecated.
	Deprecated *Deprecation
	// Page is nil unless the endpoint is a list endpoint: a GET whose
	// response is one page {items, next_cursor} of a longer list.
	Page *Page
	// Source names the spec (repository@commit and date) or doc page.
	Source string
}

// Page describes a list endpoint's cursor pagination (facts.md §8: every
// list endpoint takes cursor and limit and returns {next_cursor, items};
// next_cursor is null on the last page).
type Page struct {
	// MaxLimit is the largest limit query parameter Brex accepts; Brex
	// answers a larger one with 400. Zero when the endpoint takes no limit.
	MaxLimit int
	// LimitSource names the page that documents MaxLimit, short enough for
	// a finding's related information.
	LimitSource string
	// Filters are the query parameters that select the items by identity
	// (GET /v2/users?email=...): a filtered page holds the few items the
	// caller asked for, not a first page of many.
	Filters []string
}

// String returns "METHOD /path", the form diagnostics use to name an endpoint.
func (e *Endpoint) String() string { return e.Method + " " + e.Path }

// Usage says where an enum's schema is reachable from, as bits.
type Usage uint8

const (
	// UsedInRequest: the schema is reachable from a request body or
	// parameter, so the program sends these values to Brex.
	UsedInRequest Usage = 1 << iota
	// UsedInResponse: the schema is reachable from a response or a webhook
	// payload, so Brex sends these values and may add new ones.
	UsedInResponse
)

// Enum is a string enum of a Brex schema. Enums of the same name in several
// specs are separate entries (keyed by API); the enumdefault check treats
// them as one enum with the union of their values.
type Enum struct {
	// API is the Brex API whose spec defines the enum.
	API string
	// Schema is the component schema name ("TransferStatus"), or
	// "Schema.property" for an enum declared inline in a property
	// ("AccountingRecordDetailed.review_status").
	Schema string
	// Values are the enum's values in spec order. Only enums with at least
	// two values are catalogued: a single value identifies nothing.
	Values []string
	// Usage says whether requests, responses or both reach the schema; zero
	// when no operation or webhook reaches it.
	Usage Usage
}

// Endpoints returns every catalogued endpoint sorted by path, then method.
// The slice is a fresh copy; the Endpoints it points to are shared and must
// not be modified.
func Endpoints() []*Endpoint {
	return append([]*Endpoint(nil), endpoints...)
}

// Enums returns every catalogued enum sorted by API, then schema. The slice
// is a fresh copy; the Enums it points to are shared and must not be modified.
func Enums() []*Enum {
	return append([]*Enum(nil), enums...)
}

// moneyProperty is one JSON property name that the specs declare as a money
// object {amount, currency}.
type moneyProperty struct {
	name string
	// minorUnits: some schema gives it an integer amount, in the smallest
	// unit of the currency (cents for USD); decimal: some schema (the
	// Accounting API's Amount) gives it a JSON number.
	minorUnits, decimal bool
}

// MoneyProperty reports whether name is the JSON name of a property that the
// catalogue's schemas declare as a money object ({amount, currency}), and
// whether every schema that does so gives it an integer amount in minor
// units. "amount" itself is a money property (a transfer's amount is a
// money object); so is "current_balance". Names the Accounting API also
// uses for its decimal Amount ("original_amount") are money, not minor
// units only.
func MoneyProperty(name string) (money, minorUnits bool) {
	for _, m := range moneyProperties {
		if m.name == name {
			return true, m.minorUnits && !m.decimal
		}
	}
	return false, false
}

// DecimalMoney reports whether the endpoint's money amounts are JSON numbers
// rather than integer minor units: the Accounting API (v3, alpha) declares
// its Amount as a number; every other API's Money has an int64 amount in
// the currency's smallest unit (facts.md §8 "All money fields").
func (e *Endpoint) DecimalMoney() bool { return e.API == "Accounting" }

// APIHosts returns the REST API hosts (current and former, production and
// staging), not including the PCI hosts.
func APIHosts() []string { return append([]string(nil), apiHosts...) }

// PCIHosts returns the hosts that serve only GET /v2/cards/{id}/pan.
func PCIHosts() []string { return append([]string(nil), pciHosts...) }

// normHost strips a port and one trailing dot ("api.brex.com.:443"), so that
// every spelling a URL can carry compares equal. It never allocates.
func normHost(host string) string {
	if strings.HasPrefix(host, "[") { // IPv6 literal: never a Brex host
		return host
	}
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	return strings.TrimSuffix(host, ".")
}

func hostIn(host string, list []string) bool {
	host = normHost(host)
	for _, h := range list {
		if strings.EqualFold(host, h) {
			return true
		}
	}
	return false
}

// IsAPIHost reports whether host (optionally with ":port", any case) is a
// Brex REST API host: api.brex.com, api-staging.brex.com, the former
// platform.brexapis.com and platform.staging.brexapps.com, or a PCI host.
// Matching is exact: look-alikes such as api.brex.com.evil.com or
// notapi.brex.com are not Brex.
func IsAPIHost(host string) bool {
	return hostIn(host, apiHosts) || hostIn(host, pciHosts)
}

// IsPCIHost reports whether host is one of the PCI hosts, which serve only
// GET /v2/cards/{id}/pan.
func IsPCIHost(host string) bool { return hostIn(host, pciHosts) }

// IsAuthHost reports whether host is a Brex OAuth/OIDC host; legacy is true
// for accounts.brex.com, which Brex replaced for new integrations in Nov 2022.
func IsAuthHost(host string) (ok, legacy bool) {
	if hostIn(host, authHosts) {
		return true, false
	}
	if hostIn(host, legacyAuthHosts) {
		return true, true
	}
	return false, false
}

type authKind uint8

const (
	authAuthorize authKind = iota
	authToken
	authRevoke
	authDiscovery
)

type authPath struct {
	kind   authKind
	path   string
	legacy bool
}

// IsAuthorizeURL reports whether u is the authorization endpoint of a Brex
// auth host, current (/oauth2/default/v1/authorize) or legacy
// (/oauth2/v1/auth on accounts.brex.com). The query string is ignored, and
// u may lack a scheme ("accounts-api.brex.com/oauth2/default/v1/authorize").
func IsAuthorizeURL(u string) bool { return isAuthURL(u, authAuthorize) }

// IsTokenURL reports whether u is the token endpoint of a Brex auth host,
// current (/oauth2/default/v1/token) or legacy (/oauth2/v1/token).
func IsTokenURL(u string) bool { return isAuthURL(u, authToken) }

// IsRevokeURL reports whether u is the token-revocation endpoint of a Brex
// auth host.
func IsRevokeURL(u string) bool { return isAuthURL(u, authRevoke) }

func isAuthURL(u string, kind authKind) bool {
	host, path := splitURL(u)
	if ok, _ := IsAuthHost(host); !ok {
		return false
	}
	path = strings.TrimSuffix(path, "/")
	for _, p := range authPaths {
		if p.kind == kind && p.path == path {
			return true
		}
	}
	return false
}

// splitURL returns the host and path of an absolute or scheme-less URL,
// without query or fragment. Userinfo is dropped.
func splitURL(u string) (host, path string) {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	} else {
		u = strings.TrimPrefix(u, "//")
	}
	host, path = u, ""
	if i := strings.IndexByte(u, '/'); i >= 0 {
		host, path = u[:i], u[i:]
	}
	if i := strings.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	return host, path
}
