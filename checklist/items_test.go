package checklist

import (
	"bufio"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/internal/checks"
	"github.com/google/go-cmp/cmp"
)

// bullet is one bullet of the seed checklist.
type bullet struct {
	sub  bool // a sub-bullet of the previous top-level bullet
	text string
}

// readSeed parses testdata/launch-checklist.txt (a copy of Brex's published
// checklist) into the bullets of each audience section.
func readSeed(t *testing.T) map[Audience][]bullet {
	t.Helper()
	f, err := os.Open("testdata/launch-checklist.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := make(map[Audience][]bullet)
	var section Audience
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch strings.TrimSpace(line) {
		case "For Customers":
			section = Customer
			continue
		case "For Partners":
			section = Partner
			continue
		}
		trimmed := strings.TrimLeft(line, " ")
		text, ok := strings.CutPrefix(trimmed, "•")
		if !ok {
			continue
		}
		if section == "" {
			t.Fatalf("bullet before any section: %q", line)
		}
		indent := len(line) - len(trimmed)
		out[section] = append(out[section], bullet{sub: indent > 2, text: strings.TrimSpace(text)})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// bulletItem maps a bullet (by the start of its text) to the items that
// carry it. A sub-bullet maps to its parent's items.
type bulletItem struct {
	prefix string
	sub    bool
	ids    []string
}

var (
	endpointsBullet = bulletItem{prefix: "Your Brex integration should implement the latest endpoints", ids: []string{"latest-endpoints", "explore-postman", "watch-changelog"}}
	idemBullet      = bulletItem{prefix: "Your code should be able to generate random strings for the Idempotency Key", ids: []string{"idempotency-key"}}
	versionBullet   = bulletItem{prefix: "As stated in Versioning", ids: []string{"versioning"}}
	errorBullet     = bulletItem{prefix: "If you get stuck, review error codes", ids: []string{"error-codes"}}
	rateBullet      = bulletItem{prefix: "Ensure your integration can gracefully handle rate limits", ids: []string{"rate-limits"}}
	scopes          = []string{"insufficient-access"}
)

var seedTable = map[Audience][]bulletItem{
	Customer: {
		endpointsBullet,
		{prefix: "Use environment variables to replace secrets in your source code. Namely, do not expose your user token", ids: []string{"secrets"}},
		idemBullet,
		versionBullet,
		errorBullet,
		rateBullet,
	},
	Partner: {
		endpointsBullet,
		{prefix: "Use environment variables to replace secrets in your source code. Namely, do not expose any client_id", ids: []string{"secrets"}},
		idemBullet,
		{prefix: "We recommend using an existing OAuth 2.0 library", ids: []string{"oauth-library"}},
		{prefix: "For partner integrations, note that the access token expires in 3600 seconds", ids: []string{"token-expiry"}},
		{prefix: "To mitigate cross-site request forgery", ids: []string{"oauth-state"}},
		{prefix: "Partner integrations should always rotate the refresh_token", ids: []string{"rotate-refresh-token"}},
		{prefix: "During the authorization flow, partner integrations should not load the authorization page inside a native web view", ids: []string{"no-embedded-webview"}},
		versionBullet,
		{prefix: "After your integration has initiated the authorization request, the customer has the option to grant or deny", ids: []string{"grant-or-deny"}},
		{prefix: "You should anticipate errors involving insufficient scopes and/or permissions", ids: scopes},
		{prefix: "Your integration relies on Brex resources that the customer ' s role type forbids", sub: true, ids: scopes},
		{prefix: "The customer denies access during the authorization flow", sub: true, ids: scopes},
		{prefix: "The customer grants insufficient scopes for their user token", sub: true, ids: scopes},
		{prefix: "Your integration targets Brex Cash, but the customer has not enabled Brex Cash", sub: true, ids: scopes},
		errorBullet,
		rateBullet,
		{prefix: "Once you've built your integration, be sure to share a demo video", ids: []string{"demo-video"}},
	},
}

// launchIDs returns the IDs of the items of Brex's launch checklist, in order.
func launchIDs(items []Item) []string {
	var out []string
	for _, it := range items {
		if it.Group == "" {
			out = append(out, it.ID)
		}
	}
	return out
}

// TestSeedBullets checks that every bullet of each section of the seed
// checklist is carried by the catalogue, and that every item of an audience
// comes from exactly one top-level bullet of its section, in section order.
func TestSeedBullets(t *testing.T) {
	seed := readSeed(t)
	for _, aud := range []Audience{Customer, Partner} {
		t.Run(string(aud), func(t *testing.T) {
			bullets, table := seed[aud], seedTable[aud]
			if len(bullets) != len(table) {
				t.Errorf("seed section has %d bullets, table maps %d", len(bullets), len(table))
			}
			var fromBullets []string
			var parent []string
			for i, b := range bullets {
				if i >= len(table) {
					t.Errorf("bullet %d not in the table: %q", i, b.text)
					continue
				}
				row := table[i]
				if !strings.HasPrefix(b.text, row.prefix) || b.sub != row.sub {
					t.Errorf("bullet %d = %q (sub %v), table expects %q (sub %v)", i, b.text, b.sub, row.prefix, row.sub)
				}
				if len(row.ids) == 0 {
					t.Errorf("bullet %d (%q) maps to no item", i, row.prefix)
				}
				if row.sub {
					if diff := cmp.Diff(parent, row.ids); diff != "" {
						t.Errorf("sub-bullet %d (%q) does not map to its parent's items (-parent +sub):\n%s", i, row.prefix, diff)
					}
					continue
				}
				parent = row.ids
				fromBullets = append(fromBullets, row.ids...)
			}
			if diff := cmp.Diff(fromBullets, launchIDs(Items(aud))); diff != "" {
				t.Errorf("items of the %s section (-from bullets +Items):\n%s", aud, diff)
			}
		})
	}
}

// wantChecks is the mapping of items to the checks that decide them.
var wantChecks = map[string][]string{
	"latest-endpoints":     {checks.BrexEndpoint},
	"explore-postman":      nil,
	"watch-changelog":      nil,
	"secrets":              {checks.HardcodedSecret},
	"idempotency-key":      {checks.IdempotencyKey},
	"oauth-library":        {checks.OAuthLib},
	"token-expiry":         {checks.TokenRefresh},
	"oauth-state":          {checks.OAuthState},
	"rotate-refresh-token": {checks.TokenRefresh},
	"no-embedded-webview":  {checks.EmbeddedWebview},
	"versioning":           {checks.EnumDefault, checks.StrictDecode},
	"grant-or-deny":        {checks.OAuthCallback},
	"insufficient-access":  {checks.OAuthScopes, checks.StatusCheck, checks.OAuthCallback},
	"error-codes":          {checks.StatusCheck},
	"rate-limits":          {checks.RateLimit},
	"demo-video":           nil,
	"webhook-signatures":   {checks.WebhookSignature},
	"read-every-page":      {checks.Pagination},
	"page-limit":           {checks.PageLimit},
	"integer-money":        {checks.MoneyFloat},
}

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

var docPages = []string{
	docChecklist, docAuthentication, docPartnerAuth, docIdempotency, docVersioning,
	docErrorCodes, docRateLimits, docRolesPermsScopes, docChangelog,
	docWebhooks, docPagination, docPaymentsAPI,
}

func TestItems(t *testing.T) {
	decides := make(map[string]int)
	seen := make(map[string]bool)
	for _, aud := range []Audience{Customer, Partner} {
		ids := make(map[string]bool)
		for _, it := range Items(aud) {
			if ids[it.ID] {
				t.Errorf("%s: duplicate item ID %q", aud, it.ID)
			}
			ids[it.ID] = true
			if !kebab.MatchString(it.ID) {
				t.Errorf("item ID %q is not kebab-case", it.ID)
			}
			if it.Text == "" || len(it.Text) > 160 || !strings.HasSuffix(it.Text, ".") {
				t.Errorf("%s: text %q: want a short sentence", it.ID, it.Text)
			}
			if !slices.Contains(docPages, it.DocURL) {
				t.Errorf("%s: doc URL %q is not a page named by the checklist", it.ID, it.DocURL)
			}
			if !slices.Contains(it.Audiences, aud) {
				t.Errorf("%s: listed for %s but Audiences = %v", it.ID, aud, it.Audiences)
			}
			for _, a := range it.Audiences {
				if _, ok := Lookup(a, it.ID); !ok {
					t.Errorf("%s: Audiences has %s but its section does not list it", it.ID, a)
				}
			}
			want, ok := wantChecks[it.ID]
			if !ok {
				t.Errorf("item %q missing from wantChecks", it.ID)
			}
			if diff := cmp.Diff(want, it.Checks, cmpEmpty); diff != "" {
				t.Errorf("%s: checks (-want +got):\n%s", it.ID, diff)
			}
			if it.Manual() != (len(want) == 0) {
				t.Errorf("%s: Manual() = %v", it.ID, it.Manual())
			}
			for _, c := range it.Checks {
				if !checks.Known(c) {
					t.Errorf("%s: unknown check %q", it.ID, c)
				}
				decides[c]++
			}
			seen[it.ID] = true
		}
	}
	for id := range wantChecks {
		if !seen[id] {
			t.Errorf("wantChecks names %q, which no audience lists", id)
		}
	}
	for _, c := range checks.Names {
		if c == checks.Directive {
			if decides[c] > 0 {
				t.Errorf("the directive check decides an item")
			}
			continue
		}
		if decides[c] == 0 {
			t.Errorf("check %q decides no item", c)
		}
	}
}

// cmpEmpty treats nil and empty slices alike.
var cmpEmpty = cmp.FilterValues(func(x, y []string) bool { return len(x) == 0 && len(y) == 0 }, cmp.Ignore())

func TestSharedItemWording(t *testing.T) {
	c, ok1 := Lookup(Customer, "secrets")
	p, ok2 := Lookup(Partner, "secrets")
	if !ok1 || !ok2 {
		t.Fatalf("secrets: customer %v, partner %v; want both", ok1, ok2)
	}
	if !strings.Contains(c.Text, "user token") || !strings.Contains(p.Text, "client secret") {
		t.Errorf("secrets wording: customer %q, partner %q", c.Text, p.Text)
	}
	if c.DocURL != docAuthentication || p.DocURL != docPartnerAuth {
		t.Errorf("secrets doc: customer %q, partner %q", c.DocURL, p.DocURL)
	}
	if diff := cmp.Diff([]Audience{Customer, Partner}, p.Audiences); diff != "" {
		t.Errorf("secrets audiences (-want +got):\n%s", diff)
	}
	if _, ok := Lookup(Customer, "oauth-state"); ok {
		t.Errorf("oauth-state listed for customers")
	}
	if got := Items("vendor"); got != nil {
		t.Errorf("Items(unknown audience) = %v, want nil", got)
	}
}

func TestItemsAreCopies(t *testing.T) {
	items := Items(Partner)
	items[0].Checks[0] = "mutated"
	items[0].Audiences[0] = "mutated"
	items[0].Text = "mutated"
	again := Items(Partner)
	if again[0].Checks[0] == "mutated" || again[0].Audiences[0] == "mutated" || again[0].Text == "mutated" {
		t.Errorf("Items shares memory with the catalogue: %+v", again[0])
	}
}

func TestParseAudience(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    Audience
		wantErr bool
	}{
		{"customer", Customer, false},
		{"partner", Partner, false},
		{" Partner ", Partner, false},
		{"auto", "", true},
		{"", "", true},
		{"partners", "", true},
	} {
		got, err := ParseAudience(tc.in)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("ParseAudience(%q) = %q, %v; want %q, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}

// TestBeyondGroup checks that the items beyond the launch checklist follow
// the launch checklist's in both sections, and carry the group's title.
func TestBeyondGroup(t *testing.T) {
	for _, aud := range []Audience{Customer, Partner} {
		var beyond []string
		for _, it := range Items(aud) {
			switch {
			case it.Group == Beyond:
				beyond = append(beyond, it.ID)
			case len(beyond) > 0:
				t.Errorf("%s: launch item %s follows the beyond group", aud, it.ID)
			}
		}
		if diff := cmp.Diff([]string{"webhook-signatures", "read-every-page", "page-limit", "integer-money"}, beyond); diff != "" {
			t.Errorf("%s: beyond items (-want +got):\n%s", aud, diff)
		}
	}
	if got := Beyond.Title(); got != "Beyond the launch checklist" {
		t.Errorf("Beyond.Title() = %q", got)
	}
}
