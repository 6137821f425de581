package brexapi

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/brexlint/brexlint/internal/brexapi/internal/catalog"
)

// TestGeneratedIsCurrent runs the generator in memory and compares its output
// with the committed catalog_gen.go, so that an edit to specs/ or
// overlay.json cannot be merged without regenerating.
func TestGeneratedIsCurrent(t *testing.T) {
	want, err := catalog.Generate("specs", "overlay.json")
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	got, err := os.ReadFile("catalog_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("catalog_gen.go is stale: run go generate ./internal/brexapi\n%s",
			cmp.Diff(string(want), string(got)))
	}
	if !bytes.HasPrefix(got, []byte(catalog.Header+"\n")) {
		t.Errorf("catalog_gen.go does not start with %q", catalog.Header)
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, err := catalog.Generate("specs", "overlay.json")
	if err != nil {
		t.Fatal(err)
	}
	b, err := catalog.Generate("specs", "overlay.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two runs of Generate differ")
	}
}

func TestGenerateRejectsBadOverlay(t *testing.T) {
	dir := t.TempDir()
	orig, err := os.ReadFile("overlay.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(string) string{
		"unknown key": func(s string) string {
			return strings.Replace(s, `"known_bad"`, `"knwon_bad"`, 1)
		},
		"deprecation of unknown endpoint": func(s string) string {
			return strings.Replace(s, `"path": "/v1/expenses/card", "replacement"`, `"path": "/v1/expenses/cards", "replacement"`, 1)
		},
		"limit of an endpoint that is not a list": func(s string) string {
			return strings.Replace(s, `"path": "/v1/expenses", "max": 100`, `"path": "/v1/expenses/{id}", "max": 100`, 1)
		},
		"limit without a source": func(s string) string {
			return strings.Replace(s, `"max": 100, "source": "developer.brex.com/changelog, Feb 2026 (facts.md 6, 7.3)"`, `"max": 100, "source": ""`, 1)
		},
		"overlay list already a list in its spec": func(s string) string {
			return strings.Replace(s, `{"method": "GET", "path": "/v2/budgets", "source": "developer.brex.com/docs/pagination`, `{"method": "GET", "path": "/v2/users", "source": "developer.brex.com/docs/pagination`, 1)
		},
		"overlay duplicates a spec endpoint": func(s string) string {
			return strings.Replace(s, `"method": "GET", "path": "/v2/budgets", "idempotency"`, `"method": "GET", "path": "/v2/cards", "idempotency"`, 1)
		},
	} {
		edited := edit(string(orig))
		if edited == string(orig) {
			t.Fatalf("%s: edit did not apply", name)
		}
		p := filepath.Join(dir, "overlay.json")
		if err := os.WriteFile(p, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := catalog.Generate("specs", p); err == nil {
			t.Errorf("%s: Generate succeeded, want error", name)
		}
	}
}

func TestEndpointsSortedAndComplete(t *testing.T) {
	eps := Endpoints()
	if len(eps) < 100 {
		t.Fatalf("only %d endpoints", len(eps))
	}
	if !sort.SliceIsSorted(eps, func(i, j int) bool {
		if eps[i].Path != eps[j].Path {
			return eps[i].Path < eps[j].Path
		}
		return eps[i].Method < eps[j].Method
	}) {
		t.Error("Endpoints() not sorted by path, then method")
	}
	seen := map[string]bool{}
	for _, e := range eps {
		k := e.String()
		if seen[k] {
			t.Errorf("duplicate endpoint %s", k)
		}
		seen[k] = true
		if e.API == "" || e.Source == "" {
			t.Errorf("%s: API %q Source %q", k, e.API, e.Source)
		}
		if got, ok := Lookup(e.Method, e.Path); !ok || got != e {
			t.Errorf("Lookup(%s) = %v, %v; want itself", k, got, ok)
		}
		r, ok := ResourceOf(e.Path)
		if !ok || !r.Documented() {
			t.Errorf("ResourceOf(%s) = %+v, %v; want a documented resource", e.Path, r, ok)
		}
		if KnownBad(e.Path) {
			t.Errorf("KnownBad(%s) = true for a catalogued path", e.Path)
		}
	}
	// Endpoints returns a copy: callers may sort or filter it.
	eps[0] = nil
	if Endpoints()[0] == nil {
		t.Error("Endpoints() shares its backing array")
	}
}

// endpointSet returns "METHOD /path", sorted, for the endpoints that satisfy f.
func endpointSet(f func(*Endpoint) bool) []string {
	var out []string
	for _, e := range Endpoints() {
		if f(e) {
			out = append(out, e.String())
		}
	}
	sort.Strings(out)
	return out
}

// The lists of facts.md §4.2.
func TestIdempotency(t *testing.T) {
	required := []string{
		"POST /v1/transfers", "POST /v1/incoming_transfers", "POST /v1/vendors", "POST /v2/cards",
		"POST /v2/cards/{id}/secure_email", "POST /v1/webhooks", "POST /v1/webhooks/groups",
		"POST /v1/budgets", "PUT /v1/budgets/{id}", "POST /v1/budget_programs", "PUT /v1/budget_programs/{id}",
		"POST /v2/budgets", "PUT /v2/budgets/{id}", "POST /v2/spend_limits", "PUT /v2/spend_limits/{id}",
		"POST /v1/fields", "POST /v1/fields/{field_id}/values",
	}
	optional := []string{
		"PUT /v1/vendors/{id}", "PUT /v2/cards/{id}", "POST /v2/cards/{id}/lock", "POST /v2/cards/{id}/unlock",
		"POST /v2/cards/{id}/terminate", "POST /v2/users", "PUT /v2/users/{id}", "POST /v2/users/{id}/limit",
		"POST /v2/departments", "POST /v2/locations", "POST /v2/titles",
	}
	unknown := []string{"POST /v1/webhooks/groups/{id}/add_members", "POST /v1/webhooks/groups/{id}/remove_members"}
	sort.Strings(required)
	sort.Strings(optional)
	sort.Strings(unknown)
	for _, c := range []struct {
		level Idempotency
		want  []string
	}{
		{IdempotencyRequired, required},
		{IdempotencyOptional, optional},
		{IdempotencyUnknown, unknown},
	} {
		got := endpointSet(func(e *Endpoint) bool { return e.Idempotency == c.level })
		if d := cmp.Diff(c.want, got); d != "" {
			t.Errorf("%s endpoints (-facts.md +catalogue):\n%s", c.level, d)
		}
	}
	// A few from the "not declared" list.
	for _, k := range []string{"POST /v1/referrals", "PUT /v1/expenses/card/{expense_id}", "PUT /v1/webhooks/{id}", "POST /v2/spend_limits/{id}/archive", "PUT /v1/fields/{id}"} {
		m, p, _ := strings.Cut(k, " ")
		e, ok := Lookup(m, p)
		if !ok || e.Idempotency != IdempotencyNone {
			t.Errorf("%s: %v %v, want idempotency none", k, e, ok)
		}
	}
	for i, w := range []string{"unknown", "none", "optional", "required"} {
		if got := Idempotency(i).String(); got != w {
			t.Errorf("Idempotency(%d).String() = %q, want %q", i, got, w)
		}
	}
}

func TestDeprecations(t *testing.T) {
	type dep struct{ Endpoint, Replacement, Since string }
	var got []dep
	for _, e := range Endpoints() {
		if e.Deprecated != nil {
			got = append(got, dep{e.String(), e.Deprecated.Replacement, e.Deprecated.Since})
			if e.Deprecated.Note == "" {
				t.Errorf("%s: deprecation without note", e)
			}
			m, p, _ := strings.Cut(e.Deprecated.Replacement, " ")
			if r, ok := Lookup(m, p); !ok || r.Deprecated != nil {
				t.Errorf("%s: replacement %q is not a live catalogue endpoint", e, e.Deprecated.Replacement)
			}
		}
	}
	want := []dep{
		{"GET /v1/budgets", "GET /v2/spend_limits", "2024-10"},
		{"POST /v1/budgets", "POST /v2/spend_limits", "2024-10"},
		{"GET /v1/budgets/{id}", "GET /v2/spend_limits/{id}", "2024-10"},
		{"PUT /v1/budgets/{id}", "PUT /v2/spend_limits/{id}", "2024-10"},
		{"POST /v1/budgets/{id}/archive", "POST /v2/spend_limits/{id}/archive", "2024-10"},
		{"GET /v1/expenses/card", "GET /v1/expenses", "2025-05"},
		{"GET /v1/expenses/card/{expense_id}", "GET /v1/expenses/{id}", "2025-05"},
	}
	less := func(a, b dep) int { return strings.Compare(a.Endpoint, b.Endpoint) }
	slices.SortFunc(got, less)
	slices.SortFunc(want, less)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("deprecations (-want +got):\n%s", d)
	}
	// The non-deprecated card-expense write stays live.
	if e, _ := Lookup("PUT", "/v1/expenses/card/ex_1"); e == nil || e.Deprecated != nil {
		t.Errorf("PUT /v1/expenses/card/{expense_id} = %v, want live", e)
	}
	if Date != "2026-02" {
		t.Errorf("Date = %q", Date)
	}
}

func TestScopes(t *testing.T) {
	for _, c := range []struct {
		method, path string
		want         []string
	}{
		{"GET", "/v2/cards", []string{"cards", "cards.readonly"}},
		{"POST", "/v1/transfers", []string{"transfers"}},
		{"GET", "/v1/transfers/x", []string{"incoming_transfers", "transfers.readonly"}},
		{"GET", "/v2/cards/c/pan", []string{"cards.pan"}},
		{"GET", "/v2/company", []string{"companies.readonly"}},
		// Not stated: the spec's security block is empty or absent.
		{"GET", "/v1/webhooks", nil},
		{"POST", "/v1/expenses/card/receipt_match", nil},
		{"GET", "/v1/referrals", nil},
		{"GET", "/v2/spend_limits", nil},
	} {
		e, ok := Lookup(c.method, c.path)
		if !ok {
			t.Errorf("Lookup(%s %s) failed", c.method, c.path)
			continue
		}
		if d := cmp.Diff(c.want, e.Scopes); d != "" {
			t.Errorf("%s scopes (-want +got):\n%s", e, d)
		}
	}
}

// ---- enums ----

func loadSpecs(t *testing.T) map[string]map[string]any {
	t.Helper()
	files, err := filepath.Glob("specs/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no specs: %v", err)
	}
	byAPI := map[string]map[string]any{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		title := doc["info"].(map[string]any)["title"].(string)
		byAPI[strings.TrimSuffix(title, " API")] = doc
	}
	return byAPI
}

// specEnumValues finds the enum named by key ("Schema" or "Schema.prop"),
// independently of the generator: the longest prefix that is a schema name,
// then properties (through items and allOf/oneOf/anyOf members).
func specEnumValues(doc map[string]any, key string) ([]any, bool) {
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	parts := strings.Split(key, ".")
	for n := len(parts); n > 0; n-- {
		s, ok := schemas[strings.Join(parts[:n], ".")].(map[string]any)
		if !ok {
			continue
		}
		if vals, ok := walkProps(s, parts[n:]); ok {
			return vals, true
		}
	}
	return nil, false
}

func walkProps(s map[string]any, rest []string) ([]any, bool) {
	if s == nil {
		return nil, false
	}
	if len(rest) == 0 {
		if e, ok := s["enum"].([]any); ok {
			return e, true
		}
		if it, ok := s["items"].(map[string]any); ok {
			return walkProps(it, nil)
		}
		for _, c := range []string{"allOf", "oneOf", "anyOf"} {
			for _, m := range asSlice(s[c]) {
				if v, ok := walkProps(m.(map[string]any), nil); ok {
					return v, true
				}
			}
		}
		return nil, false
	}
	if p, ok := s["properties"].(map[string]any)[rest[0]].(map[string]any); ok {
		if v, ok := walkProps(p, rest[1:]); ok {
			return v, true
		}
	}
	if it, ok := s["items"].(map[string]any); ok {
		if v, ok := walkProps(it, rest); ok {
			return v, true
		}
	}
	for _, c := range []string{"allOf", "oneOf", "anyOf"} {
		for _, m := range asSlice(s[c]) {
			if v, ok := walkProps(m.(map[string]any), rest); ok {
				return v, true
			}
		}
	}
	return nil, false
}

func asSlice(v any) []any { s, _ := v.([]any); return s }

func TestEnumsComeFromSpecs(t *testing.T) {
	specs := loadSpecs(t)
	all := Enums()
	if len(all) < 50 {
		t.Fatalf("only %d enums", len(all))
	}
	seen := map[string]bool{}
	for _, e := range all {
		k := e.API + "/" + e.Schema
		if seen[k] {
			t.Errorf("duplicate enum %s", k)
		}
		seen[k] = true
		// Single-value enums are not emitted: they cannot identify an enum.
		if len(e.Values) < 2 {
			t.Errorf("%s has %d values, want >= 2", k, len(e.Values))
		}
		if e.Usage == 0 {
			t.Errorf("%s is reachable from no request or response", k)
		}
		doc, ok := specs[e.API]
		if !ok {
			t.Errorf("%s: no spec for API %q", k, e.API)
			continue
		}
		vals, ok := specEnumValues(doc, e.Schema)
		if !ok {
			t.Errorf("%s: schema not found in spec", k)
			continue
		}
		var want []string
		for _, v := range vals {
			if s, ok := v.(string); ok {
				want = append(want, s)
			}
		}
		if d := cmp.Diff(want, e.Values); d != "" {
			t.Errorf("%s values differ from the spec (-spec +catalogue):\n%s", k, d)
		}
	}
}

func findEnum(api, schema string) *Enum {
	for _, e := range Enums() {
		if e.API == api && e.Schema == schema {
			return e
		}
	}
	return nil
}

// Spot checks against facts.md §9.
func TestKnownEnums(t *testing.T) {
	for _, c := range []struct {
		api, schema string
		want        []string
		usage       Usage
	}{
		{"Payments", "TransferStatus", []string{"PROCESSING", "SCHEDULED", "PENDING_APPROVAL", "FAILED", "PROCESSED"}, UsedInResponse},
		{"Team", "CardStatus", []string{"ACTIVE", "SHIPPED", "LOCKED", "TERMINATED"}, UsedInResponse},
		{"Expenses", "ExpenseType", []string{"CARD", "BILLPAY", "REIMBURSEMENT", "CLAWBACK", "UNSET"}, UsedInRequest | UsedInResponse},
		{"Team", "UserStatus", []string{"INVITED", "ACTIVE", "CLOSED", "DISABLED", "DELETED", "PENDING_ACTIVATION", "INACTIVE", "ARCHIVED"}, UsedInResponse},
		{"Team", "UpdateUserStatus", []string{"ACTIVE", "DISABLED"}, UsedInRequest},
		{"Payments", "CounterPartyType", []string{"VENDOR", "BOOK_TRANSFER"}, UsedInRequest},
		{"Payments", "PaymentType", []string{"ACH", "DOMESTIC_WIRE", "CHEQUE", "INTERNATIONAL_WIRE", "BOOK_TRANSFER"}, UsedInResponse},
		{"Webhooks", "PaymentType", []string{"ACH", "DOMESTIC_WIRE", "CHEQUE", "INTERNATIONAL_WIRE", "BOOK_TRANSFER", "ACH_RETURN", "WIRE_RETURN", "CHEQUE_RETURN"}, UsedInResponse},
		{"Webhooks", "WebhookEventType", []string{"REFERRAL_CREATED", "REFERRAL_ACTIVATED", "REFERRAL_APPLICATION_STATUS_CHANGED", "TRANSFER_PROCESSED", "TRANSFER_FAILED", "EXPENSE_PAYMENT_UPDATED", "USER_UPDATED"}, UsedInRequest | UsedInResponse},
		{"Expenses", "CustomFieldDataType", []string{"STRING", "DECIMAL", "BOOLEAN", "ENUM", "TIMESTAMP", "DATE", "MONEY", "OPTION_STRING"}, UsedInResponse},
		{"Budgets", "BudgetStatus", []string{"APPROVED", "EXPIRED", "TERMINATED", "DELETED"}, UsedInResponse},
		{"Onboarding", "ReferralStatus", []string{"UNCLAIMED", "EXPIRED", "ACTIVE", "CLOSED"}, UsedInResponse},
		{"Fields", "FieldGroup", []string{"ACCOUNTING", "USER", "ERP"}, UsedInRequest | UsedInResponse},
		{"Accounting", "AccountingRecordDetailed.review_status", []string{"READY_FOR_EXPORT", "PREPARE", "REVIEW", "EXPORTED"}, UsedInResponse},
		{"Travel", "Booking.Type", []string{"AIR", "CAR_RENTAL", "LODGING", "RAIL"}, UsedInResponse},
	} {
		e := findEnum(c.api, c.schema)
		if e == nil {
			t.Errorf("%s/%s missing", c.api, c.schema)
			continue
		}
		if d := cmp.Diff(c.want, e.Values); d != "" {
			t.Errorf("%s/%s values (-facts +catalogue):\n%s", c.api, c.schema, d)
		}
		if e.Usage != c.usage {
			t.Errorf("%s/%s usage = %b, want %b", c.api, c.schema, e.Usage, c.usage)
		}
	}
	if n := len(findEnum("Expenses", "PaymentStatusReason").Values); n != 31 {
		t.Errorf("PaymentStatusReason has %d values, facts.md says 31", n)
	}
	if n := len(findEnum("Travel", "Trip.Status").Values); n != 19 {
		t.Errorf("Trip.Status has %d values, facts.md says 19", n)
	}
	// Same name in two specs: separate entries, keyed by API.
	if findEnum("Onboarding", "ApplicationStatus") == nil || findEnum("Webhooks", "ApplicationStatus") == nil {
		t.Error("ApplicationStatus should appear once per spec that defines it")
	}
	// Single-value enums are left out.
	for _, s := range []string{"ApprovalType", "OriginatingAccountType"} {
		if findEnum("Payments", s) != nil {
			t.Errorf("single-value enum Payments/%s emitted", s)
		}
	}
}

// TestPages checks the list endpoints and their limit maxima against
// facts.md §6 and §8: every list endpoint returns {next_cursor, items}; a
// limit above 1000 is a 400, above 100 on the List Expenses endpoints since
// February 2026.
func TestPages(t *testing.T) {
	for _, tc := range []struct {
		method, path string
		list         bool
		max          int
	}{
		{"GET", "/v2/users", true, 1000},
		{"GET", "/v2/accounts/cash", true, 0}, // no limit parameter
		{"GET", "/v1/expenses", true, 100},
		{"GET", "/v1/expenses/card", true, 100},
		{"GET", "/v1/transfers", true, 1000},
		{"GET", "/v2/spend_limits", true, 1000}, // overlay: no spec
		{"GET", "/v2/transactions/cash/{id}", true, 1000},
		{"GET", "/v2/users/me", false, 0},
		{"GET", "/v2/users/{id}", false, 0},
		{"POST", "/v2/users", false, 0},
		{"GET", "/v1/expenses/{expense_id}", false, 0},
	} {
		ep, ok := Lookup(tc.method, tc.path)
		if !ok {
			t.Errorf("%s %s: not in the catalogue", tc.method, tc.path)
			continue
		}
		if (ep.Page != nil) != tc.list {
			t.Errorf("%s: list = %v, want %v", ep, ep.Page != nil, tc.list)
			continue
		}
		if ep.Page == nil {
			continue
		}
		if ep.Page.MaxLimit != tc.max {
			t.Errorf("%s: MaxLimit = %d, want %d", ep, ep.Page.MaxLimit, tc.max)
		}
		if (ep.Page.LimitSource != "") != (tc.max != 0) {
			t.Errorf("%s: LimitSource = %q with MaxLimit %d", ep, ep.Page.LimitSource, tc.max)
		}
	}
	users, _ := Lookup("GET", "/v2/users")
	if diff := cmp.Diff([]string{"email", "remote_display_id"}, users.Page.Filters); diff != "" {
		t.Errorf("GET /v2/users filters (-want +got):\n%s", diff)
	}
	for _, ep := range Endpoints() {
		if ep.Page != nil && ep.Method != "GET" {
			t.Errorf("%s: a list endpoint that is not a GET", ep)
		}
	}
}

func TestMoneyProperty(t *testing.T) {
	type res struct{ Money, Minor bool }
	got := map[string]res{}
	for _, name := range []string{"amount", "current_balance", "available_balance", "billing_amount",
		"spend_limit", "original_amount", "currency", "id", "next_cursor"} {
		m, minor := MoneyProperty(name)
		got[name] = res{m, minor}
	}
	want := map[string]res{
		"amount":            {true, false}, // the Accounting API's Amount is a JSON number
		"current_balance":   {true, true},
		"available_balance": {true, true},
		"billing_amount":    {true, true},
		"spend_limit":       {true, true},
		"original_amount":   {true, false},
		"currency":          {},
		"id":                {},
		"next_cursor":       {},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("MoneyProperty (-want +got):\n%s", d)
	}
}
