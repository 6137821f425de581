package moduleview_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/brexlint/brexlint/checklist"
	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/driver"
	"github.com/brexlint/brexlint/internal/moduleview"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"
)

// load writes a module and runs the Brex model over it.
func load(t *testing.T, files map[string]string) *moduleview.View {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.24\n"
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := moduleview.NewCollector()
	res, err := driver.Run([]*analysis.Analyzer{brexmodel.Analyzer}, []string{"./..."}, driver.Options{Dir: dir, Tests: true, Observe: c.Observe})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Broken) > 0 {
		t.Fatalf("broken packages: %v", res.Broken)
	}
	return moduleview.New(res, c)
}

// A client whose URL comes from its configuration: the model cannot see
// that it calls Brex, though everything about it says so.
const blindClient = `package brex

import (
	"net/http"
	"os"
)

// Client calls the Brex API.
type BrexClient struct {
	BaseURL string
	hc      *http.Client
}

func New() *BrexClient {
	return &BrexClient{BaseURL: os.Getenv("API_BASE"), hc: http.DefaultClient}
}

func (c *BrexClient) Get(path string) (*http.Response, error) {
	req, err := http.NewRequest("GET", c.BaseURL+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv("BREX_API_TOKEN"))
	return c.hc.Do(req)
}
`

const recognisedClient = `package payouts

import "net/http"

func Me() (*http.Response, error) {
	req, err := http.NewRequest("GET", "https://platform.brexapis.com/v2/users/me", nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}
`

func TestBlindSpot(t *testing.T) {
	v := load(t, map[string]string{
		"brex/client.go": blindClient,
		// Fixtures are not integrations.
		"brex/client_test.go": "package brex\n\nconst host = \"https://platform.brexapis.com\"\n",
		// The path comes from the command line: no call names an
		// endpoint.
		"main.go": "package main\n\nimport (\n\t\"os\"\n\n\t\"example.com/m/brex\"\n)\n\nfunc main() { brex.New().Get(os.Args[1]) }\n",
	})
	if diff := cmp.Diff(checklist.Coverage{"brex-calls": 0, "brex-oauth-configs": 0, "go-files": 3}, v.Coverage()); diff != "" {
		t.Errorf("Coverage (-want +got):\n%s", diff)
	}
	w := v.BlindSpot()
	if w == nil {
		t.Fatal("no blind-spot warning for a Brex client the model does not recognise")
	}
	if diff := cmp.Diff([]string{"brex/client.go"}, w.Files); diff != "" {
		t.Errorf("warning files (-want +got):\n%s", diff)
	}
	want := "blind spot: the Brex model recognised no Brex call in files that show signs of Brex (a BREX_* name, a package named for Brex, a type named for Brex)"
	if w.Message != want {
		t.Errorf("warning message\n got %q\nwant %q", w.Message, want)
	}
	if w.Hint != moduleview.BlindSpotHint+"." {
		t.Errorf("warning hint = %q", w.Hint)
	}
}

func TestRecognisedCallsAreCounted(t *testing.T) {
	v := load(t, map[string]string{
		"payouts/payouts.go": recognisedClient,
		// A package named for Brex that only holds names, beside a
		// recognised call: its name is not a blind spot.
		"brexconfig/config.go": "package brexconfig\n\ntype BrexConfig struct{ TokenEnv string }\n\nvar Default = BrexConfig{TokenEnv: \"BREX_API_TOKEN\"}\n",
	})
	if diff := cmp.Diff(checklist.Coverage{"brex-calls": 1, "brex-oauth-configs": 0, "go-files": 2}, v.Coverage()); diff != "" {
		t.Errorf("Coverage (-want +got):\n%s", diff)
	}
	if w := v.BlindSpot(); w != nil {
		t.Errorf("blind-spot warning on a module whose Brex call is recognised: %+v", w)
	}
}

func TestStrongSignBesideRecognisedCall(t *testing.T) {
	v := load(t, map[string]string{
		"payouts/payouts.go": recognisedClient,
		// Another client, in a package that has nothing to do with the
		// recognised one, with a Brex host the model does not see used.
		"ledger/ledger.go": "package ledger\n\nimport \"net/http\"\n\nvar Base = \"https://platform.brexapis.com\"\n\nfunc Get(base, p string) (*http.Response, error) { return http.Get(base + p) }\n",
	})
	w := v.BlindSpot()
	if w == nil {
		t.Fatal("no warning for a Brex host in a package unrelated to the recognised call")
	}
	if diff := cmp.Diff([]string{"ledger/ledger.go"}, w.Files); diff != "" {
		t.Errorf("warning files (-want +got):\n%s", diff)
	}
}

func TestNoBrexAtAll(t *testing.T) {
	v := load(t, map[string]string{
		"main.go": "package main\n\nimport \"net/http\"\n\nfunc main() { http.Get(\"https://api.stripe.com/v1/charges\") }\n",
	})
	if diff := cmp.Diff(checklist.Coverage{"brex-calls": 0, "brex-oauth-configs": 0, "go-files": 1}, v.Coverage()); diff != "" {
		t.Errorf("Coverage (-want +got):\n%s", diff)
	}
	if w := v.BlindSpot(); w != nil {
		t.Errorf("blind-spot warning on a module without Brex: %+v", w)
	}
}

// TestTeachingClosesTheBlindSpot follows the warning's hint: the same
// client, marked //brexlint:client, has its calls recognised and counted.
func TestTeachingClosesTheBlindSpot(t *testing.T) {
	client := `package billing

import (
	"net/http"
	"os"
)

// BrexClient calls the Brex API at a base URL from the configuration.
%stype BrexClient struct{ base string }

func (c *BrexClient) Get(path string) (*http.Response, error) {
	req, err := http.NewRequest("GET", c.base+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv("API_TOKEN"))
	return http.DefaultClient.Do(req)
}

func Me(c *BrexClient) { c.Get("/v2/users/me") }
`
	blind := load(t, map[string]string{"billing/client.go": fmt.Sprintf(client, "")})
	if w := blind.BlindSpot(); w == nil || !slices.Equal(w.Files, []string{"billing/client.go"}) {
		t.Fatalf("untaught client: warning %+v, want one naming billing/client.go", w)
	}
	taught := load(t, map[string]string{"billing/client.go": fmt.Sprintf(client, "//\n//brexlint:client\n")})
	if w := taught.BlindSpot(); w != nil {
		t.Errorf("taught client: warning %+v, want none", w)
	}
	if n := taught.Coverage()["brex-calls"]; n != 1 {
		t.Errorf("taught client: %d Brex calls, want 1", n)
	}
}
