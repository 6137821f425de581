package checklist

import "github.com/brexlint/brexlint/internal/checks"

// Item is one item of the launch checklist, in the wording of one audience.
type Item struct {
	// ID is stable forever (baselines key on it), kebab-case, and the same
	// for every audience whose section lists the item.
	ID string `json:"id"`
	// Text is the item in brexlint's words: short and imperative.
	Text string `json:"text"`
	// DocURL is the Brex documentation page that explains the item.
	DocURL string `json:"doc_url"`
	// Audiences are the sections of the checklist that list the item, in
	// the order Customer, Partner.
	Audiences []Audience `json:"audiences"`
	// Checks are the names of the checks (internal/checks constants) that
	// decide the item; empty for a manual item.
	Checks []string `json:"checks"`
	// Examines are what the item's checks look at (see [Subject]): the
	// item shows how many of each it examined, and is n/a when the module
	// has none. Empty for an item that always has something to examine.
	Examines []Subject `json:"examines"`
	// Group is the part of the checklist the item belongs to: empty for
	// Brex's launch checklist, Beyond for the mistakes a Brex reviewer
	// would stop that the launch checklist does not name.
	Group Group `json:"group,omitempty"`
}

// Group is a part of the checklist.
type Group string

// Beyond is the group "Beyond the launch checklist". Its items follow the
// launch checklist's in every section and report.
const Beyond Group = "beyond"

// Title is the heading of the group in reports; empty for the launch
// checklist itself.
func (g Group) Title() string {
	if g == Beyond {
		return "Beyond the launch checklist"
	}
	return ""
}

// Manual reports whether no check can decide the item.
func (it Item) Manual() bool { return len(it.Checks) == 0 }

// Items returns the items of aud's section of the checklist, in the order of
// that section, with that audience's text and doc link. It returns nil for
// an unknown audience. The slice and its items are new on each call.
func Items(aud Audience) []Item {
	var items []Item
	for _, e := range catalog {
		w, ok := e.words[aud]
		if !ok {
			continue
		}
		items = append(items, Item{
			ID:        e.id,
			Text:      w.text,
			DocURL:    w.doc,
			Audiences: e.audiences(),
			Checks:    append([]string{}, e.checks...),
			Examines:  append([]Subject{}, e.examines...),
			Group:     e.group,
		})
	}
	return items
}

// Lookup returns the item with the given ID in aud's wording, and whether
// aud's section lists it.
func Lookup(aud Audience, id string) (Item, bool) {
	for _, it := range Items(aud) {
		if it.ID == id {
			return it, true
		}
	}
	return Item{}, false
}

// Brex documentation pages named by the checklist.
const (
	docBase             = "https://developer.brex.com/docs/"
	docChecklist        = docBase + "checklist/"
	docAuthentication   = docBase + "authentication/"
	docPartnerAuth      = docBase + "partner_authentication/"
	docIdempotency      = docBase + "idempotency/"
	docVersioning       = docBase + "versioning/"
	docErrorCodes       = docBase + "error_codes/"
	docRateLimits       = docBase + "rate_limits/"
	docRolesPermsScopes = docBase + "roles_permissions_scopes/"
	docChangelog        = docBase + "changelog/"
	docWebhooks         = docBase + "webhooks/"
	docPagination       = docBase + "pagination/"
	// The Money schema of every API reference says amounts are integers
	// in the currency's smallest unit; the Payments reference is where
	// money moves.
	docPaymentsAPI = "https://developer.brex.com/openapi/payments_api/"
)

// wording is an item's text and doc link for one audience.
type wording struct{ text, doc string }

// entry is one item of the catalogue: its words per audience (the keys are
// the audiences whose section lists it), the checks that decide it and the
// subjects they examine.
type entry struct {
	id       string
	checks   []string
	examines []Subject
	words    map[Audience]wording
	group    Group
}

func (e entry) audiences() []Audience {
	var auds []Audience
	for _, a := range []Audience{Customer, Partner} {
		if _, ok := e.words[a]; ok {
			auds = append(auds, a)
		}
	}
	return auds
}

// both is the same wording for customers and partners.
func both(text, doc string) map[Audience]wording {
	return map[Audience]wording{Customer: {text, doc}, Partner: {text, doc}}
}

// partner is a wording for partners only.
func partner(text, doc string) map[Audience]wording {
	return map[Audience]wording{Partner: {text, doc}}
}

// catalog is the checklist, in the order of the partner section; the
// customer section lists a subset of the same items in the same order.
// Never change an id: add an item, or retire one, instead.
var catalog = []entry{
	{
		id:       "latest-endpoints",
		checks:   []string{checks.BrexEndpoint},
		examines: []Subject{BrexCalls, BrexOAuthConfigs},
		words:    both("Call only the current documented endpoints of the API reference; move off deprecated ones.", docChecklist),
	},
	{
		id:    "explore-postman",
		words: both("Explore the endpoints in Postman (optional).", docChecklist),
	},
	{
		id:    "watch-changelog",
		words: both("Follow the API changelog for new, changed and deprecated endpoints.", docChangelog),
	},
	{
		id:       "secrets",
		checks:   []string{checks.HardcodedSecret},
		examines: []Subject{GoFiles, OtherFiles},
		words: map[Audience]wording{
			Customer: {"Keep the user token out of source code and version control; read it from the environment.", docAuthentication},
			Partner:  {"Keep client IDs and client secrets out of source code and version control; read them from the environment.", docPartnerAuth},
		},
	},
	{
		id:       "idempotency-key",
		checks:   []string{checks.IdempotencyKey},
		examines: []Subject{BrexCalls},
		words:    both("Send a random Idempotency-Key on calls that must not run twice, such as Create transfer and Create card.", docIdempotency),
	},
	{
		id:       "oauth-library",
		checks:   []string{checks.OAuthLib},
		examines: []Subject{BrexOAuthConfigs},
		words:    partner("Use an existing OAuth 2.0 library for the authorization code grant.", docPartnerAuth),
	},
	{
		id:       "token-expiry",
		checks:   []string{checks.TokenRefresh},
		examines: []Subject{BrexOAuthConfigs},
		words:    partner("Refresh the access token when it expires, 3600 seconds after it was issued.", docPartnerAuth),
	},
	{
		id:       "oauth-state",
		checks:   []string{checks.OAuthState},
		examines: []Subject{BrexOAuthConfigs},
		words:    partner("Send a random state of at least 9 characters when authorizing, and verify it on the callback.", docPartnerAuth),
	},
	{
		id:       "rotate-refresh-token",
		checks:   []string{checks.TokenRefresh},
		examines: []Subject{BrexOAuthConfigs},
		words:    partner("Keep the new refresh token returned with every refreshed access token.", docPartnerAuth),
	},
	{
		id:       "no-embedded-webview",
		checks:   []string{checks.EmbeddedWebview},
		examines: []Subject{BrexOAuthConfigs},
		words:    partner("Open the authorization page in the system browser, never in a web view or iframe.", docPartnerAuth),
	},
	{
		id:       "versioning",
		checks:   []string{checks.EnumDefault, checks.StrictDecode},
		examines: []Subject{BrexCalls},
		words:    both("Tolerate new response fields and unknown enum values.", docVersioning),
	},
	{
		id:       "grant-or-deny",
		checks:   []string{checks.OAuthCallback},
		examines: []Subject{BrexOAuthConfigs},
		words:    partner("Handle both answers to the authorization request: access granted and access denied.", docPartnerAuth),
	},
	{
		id:       "insufficient-access",
		checks:   []string{checks.OAuthScopes, checks.StatusCheck, checks.OAuthCallback},
		examines: []Subject{BrexOAuthConfigs, BrexCalls},
		words: partner("Expect errors from insufficient scopes or permissions: a role that forbids the resource, "+
			"a denied authorization, too few scopes granted, Brex Cash not enabled.", docRolesPermsScopes),
	},
	{
		id:       "error-codes",
		checks:   []string{checks.StatusCheck},
		examines: []Subject{BrexCalls},
		words:    both("Check the status code before reading a response, and handle the documented error codes.", docErrorCodes),
	},
	{
		id:       "rate-limits",
		checks:   []string{checks.RateLimit},
		examines: []Subject{BrexCalls},
		words:    both("Handle rate limits (429) with bounded retries and growing, jittered backoff.", docRateLimits),
	},
	{
		id:    "demo-video",
		words: partner("Share a demo video of the finished integration with Brex.", docChecklist),
	},

	// Beyond the launch checklist: mistakes seen in real Brex
	// integrations that fail silently or only in production.
	{
		id:       "webhook-signatures",
		checks:   []string{checks.WebhookSignature},
		examines: []Subject{BrexWebhookReceivers},
		words: both("Verify each Brex webhook's signature before acting on it: raw body, constant time, "+
			"every secret and entry, timestamp tolerance.", docWebhooks),
		group: Beyond,
	},
	{
		id:       "read-every-page",
		checks:   []string{checks.Pagination},
		examines: []Subject{BrexCalls},
		words:    both("Read every page of a list: follow next_cursor to the last page before treating the items as complete.", docPagination),
		group:    Beyond,
	},
	{
		id:       "page-limit",
		checks:   []string{checks.PageLimit},
		examines: []Subject{BrexCalls},
		words:    both("Ask for at most the page size Brex accepts: limit 100 on List Expenses, 1000 elsewhere.", docPagination),
		group:    Beyond,
	},
	{
		id:       "integer-money",
		checks:   []string{checks.MoneyFloat},
		examines: []Subject{BrexCalls},
		words:    both("Keep Brex money amounts as integers in the currency's smallest unit (cents); never scale them by 100.", docPaymentsAPI),
		group:    Beyond,
	},
}
