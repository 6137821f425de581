package main_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/checklist"
	"github.com/google/go-cmp/cmp"
)

// partnerModule is a partner integration whose Brex OAuth configuration
// (package auth) and Brex calls live in packages that never import each
// other: package worker makes calls that only the checklist's whole-module
// view can compare with the scopes; package server imports both auth and
// api, so the analyzer compares api's calls there. Lines holding a
// "// at:NAME" comment are where the tests expect findings.
var partnerModule = map[string]string{
	"go.mod": "module example.com/partner\n\ngo 1.26.0\n\nrequire golang.org/x/oauth2 v0.38.0\n",
	"go.sum": "golang.org/x/oauth2 v0.38.0 h1:uW7XQbcu1eoiQS7uMJvLOjPMl04bTbmY1VeRPxvbspI=\n" +
		"golang.org/x/oauth2 v0.38.0/go.mod h1:IxwZNxUULJmpBFf9K/9NTMSIfZZuvuTy1gGxhigP/58=\n",
	"auth/auth.go": `// Package auth holds the Brex OAuth configuration.
package auth

import (
	"os"

	"golang.org/x/oauth2"
)

var Config = &oauth2.Config{
	ClientID:     os.Getenv("BREX_CLIENT_ID"),
	ClientSecret: os.Getenv("BREX_CLIENT_SECRET"),
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
		TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
	},
	Scopes: []string{"openid", "offline_access", "users.readonly", "cards.readonly", "budgets"}, // at:scopes
}
`,
	"api/api.go": `// Package api calls Brex with a client it is given.
package api

import (
	"context"
	"net/http"
)

// ListVendors needs vendors.readonly.
func ListVendors(ctx context.Context, hc *http.Client) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v1/vendors", nil)
	if err != nil {
		return nil, err
	}
	return hc.Do(req)
}
`,
	"server/server.go": `// Package server connects customers and calls Brex for them.
package server

import (
	"context"

	"example.com/partner/api"
	"example.com/partner/auth"
	"golang.org/x/oauth2"
)

type Server struct{ tokens map[string]*oauth2.Token }

func (s *Server) Callback(ctx context.Context, company, code string) error {
	tok, err := auth.Config.Exchange(ctx, code)
	if err != nil {
		return err
	}
	s.tokens[company] = tok
	return nil
}

func (s *Server) Vendors(ctx context.Context, company string) error {
	hc := auth.Config.Client(ctx, s.tokens[company]) // at:client
	resp, err := api.ListVendors(ctx, hc) // at:vendors
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
`,
	"worker/worker.go": `// Package worker syncs Brex data with a client it is given; it never
// sees the OAuth configuration.
package worker

import (
	"context"
	"net/http"
)

func get(ctx context.Context, hc *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Sync(ctx context.Context, hc *http.Client) error {
	if err := get(ctx, hc, "https://api.brex.com/v2/users"); err != nil {
		return err
	}
	if err := get(ctx, hc, "https://api.brex.com/v2/cards"); err != nil {
		return err
	}
	//brexlint:ignore oauthscopes the finance admin connects with a second app that requests this scope
	if err := get(ctx, hc, "https://api.brex.com/v2/accounts/cash"); err != nil {
		return err
	}
	return get(ctx, hc, "https://api.brex.com/v1/transfers") // at:transfers
}
`,
	"cmd/worker/main.go": `package main

import (
	"context"
	"net/http"

	"example.com/partner/worker"
)

func main() { worker.Sync(context.Background(), http.DefaultClient) }
`,
}

// lineOf returns the line of the "// at:NAME" marker in a file of the
// module.
func lineOf(t *testing.T, files map[string]string, file, name string) finding {
	t.Helper()
	for i, l := range strings.Split(files[file], "\n") {
		if strings.HasSuffix(l, "// at:"+name) {
			return finding{File: file, Line: i + 1}
		}
	}
	t.Fatalf("%s has no marker at:%s", file, name)
	return finding{}
}

// itemFindings returns the findings of one item of a report, as check,
// file and line.
func itemFindings(t *testing.T, report checklist.Report, id string) (checklist.Status, []finding) {
	t.Helper()
	for _, it := range report.Items {
		if it.Item.ID != id {
			continue
		}
		var out []finding
		for _, f := range it.Findings {
			out = append(out, finding{Check: f.Check, File: f.File, Line: f.Line})
		}
		return it.Status, sortFindings(out)
	}
	t.Fatalf("the report has no item %q", id)
	return "", nil
}

func at(t *testing.T, check, file, name string) finding {
	f := lineOf(t, partnerModule, file, name)
	f.Check = check
	return f
}

// TestChecklistScopes runs the partner checklist on a module whose
// configuration and calls are in packages that never meet: the calls the
// analyzer could not compare are compared with the module's scopes, once
// each, suppressions are honored, and -unused-scopes names what nothing
// uses. The partner items "access token expires in 3600 s", "rotate the
// refresh token" and "insufficient scopes" report from tokenrefresh and
// oauthscopes.
func TestChecklistScopes(t *testing.T) {
	dir := writeModule(t, partnerModule)
	report := func(args ...string) checklist.Report {
		t.Helper()
		r := run(t, dir, brexlint, append([]string{"checklist", "-format", "json"}, args...)...)
		if r.code != 3 {
			t.Errorf("checklist %v: exit %d, want 3 (items fail)\n%s", args, r.code, r.stderr)
		}
		var rep checklist.Report
		if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
			t.Fatalf("checklist %v: %v\n%s\n%s", args, err, r.stdout, r.stderr)
		}
		return rep
	}

	rep := report()
	if rep.Audience != checklist.Partner {
		t.Errorf("audience %q, want partner", rep.Audience)
	}
	// The analyzer reports api's call where server sees both; the
	// whole-module view adds worker's call, which no package could
	// compare, and nothing for the suppressed one or for api's own
	// request (judged in server).
	wantScopes := sortFindings([]finding{
		at(t, "oauthscopes", "server/server.go", "vendors"),
		at(t, "oauthscopes", "worker/worker.go", "transfers"),
	})
	status, got := itemFindings(t, rep, "insufficient-access")
	var scopes []finding
	for _, f := range got {
		if f.Check == "oauthscopes" {
			scopes = append(scopes, f)
		}
	}
	if status != checklist.Fail {
		t.Errorf("insufficient-access: status %q, want fail", status)
	}
	if d := cmp.Diff(wantScopes, scopes); d != "" {
		t.Errorf("insufficient-access: oauthscopes findings (-want +got):\n%s", d)
	}
	wantRefresh := []finding{at(t, "tokenrefresh", "server/server.go", "client")}
	for _, id := range []string{"token-expiry", "rotate-refresh-token"} {
		status, got := itemFindings(t, rep, id)
		if status != checklist.Fail {
			t.Errorf("%s: status %q, want fail", id, status)
		}
		if d := cmp.Diff(wantRefresh, got); d != "" {
			t.Errorf("%s: findings (-want +got):\n%s", id, d)
		}
	}
	if len(rep.Unassigned) != 0 {
		t.Errorf("unassigned findings (an unused suppression?): %+v", rep.Unassigned)
	}
	for _, it := range rep.Items {
		for _, f := range it.Findings {
			if f.Category == "oauthscopes/unused-scope" {
				t.Errorf("unused-scope finding without -unused-scopes: %+v", f)
			}
			if f.Check == "oauthscopes" && f.Category == "oauthscopes/missing-scope" && f.File == "worker/worker.go" &&
				!strings.Contains(f.Message, "GET /v1/transfers needs scope transfers.readonly (or incoming_transfers), not requested by the module's Brex OAuth configuration auth.Config") {
				t.Errorf("whole-module message: %q", f.Message)
			}
		}
	}

	// -unused-scopes: budgets serves no call of the module.
	rep = report("-unused-scopes")
	_, got = itemFindings(t, rep, "insufficient-access")
	var unused []checklist.Finding
	for _, it := range rep.Items {
		for _, f := range it.Findings {
			if f.Category == "oauthscopes/unused-scope" {
				unused = append(unused, f)
			}
		}
	}
	scopesAt := lineOf(t, partnerModule, "auth/auth.go", "scopes")
	if len(unused) != 1 || unused[0].File != "auth/auth.go" || unused[0].Line != scopesAt.Line ||
		!strings.Contains(unused[0].Message, `requests "budgets", which no Brex call of the module needs`) {
		t.Errorf("-unused-scopes: got %+v, want one finding at auth/auth.go:%d naming \"budgets\"", unused, scopesAt.Line)
	}
	if !containsFinding(got, at(t, "oauthscopes", "auth/auth.go", "scopes")) {
		t.Errorf("-unused-scopes: the finding is not under insufficient-access: %+v", got)
	}

	// Disabled, the check reports nothing, in the analyzer or the
	// whole-module view.
	r := run(t, dir, brexlint, "checklist", "-format", "json", "-unused-scopes", "-oauthscopes=false")
	var off checklist.Report
	if err := json.Unmarshal([]byte(r.stdout), &off); err != nil {
		t.Fatalf("%v\n%s", err, r.stderr)
	}
	for _, it := range off.Items {
		for _, f := range it.Findings {
			if f.Check == "oauthscopes" {
				t.Errorf("-oauthscopes=false: finding %+v", f)
			}
		}
	}
}

func containsFinding(fs []finding, want finding) bool {
	for _, f := range fs {
		if f == want {
			return true
		}
	}
	return false
}

// TestGoVetScopesAcrossPackages runs the partner module under go vet,
// whose facts reach only direct importers: server imports both the
// configuration and the calls, so both checks report there as in the
// standalone driver; worker's calls are left to the checklist.
func TestGoVetScopesAcrossPackages(t *testing.T) {
	dir := writeModule(t, partnerModule)
	r := run(t, dir, goTool(), "vet", "-vettool="+brexlint, "./...")
	var got []finding
	for _, f := range parseTextFindings(t, dir, r.stderr) {
		if f.Check == "oauthscopes" || f.Check == "tokenrefresh" {
			got = append(got, f)
		}
	}
	want := sortFindings([]finding{
		at(t, "oauthscopes", "server/server.go", "vendors"),
		at(t, "tokenrefresh", "server/server.go", "client"),
	})
	if d := cmp.Diff(want, sortFindings(got)); d != "" {
		t.Errorf("go vet -vettool findings (-want +got):\n%s\n%s", d, r.stderr)
	}
}
