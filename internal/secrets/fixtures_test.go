package secrets_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/brexlint/brexlint/internal/secrets"
	"github.com/google/go-cmp/cmp"
)

func TestFixturePath(t *testing.T) {
	for _, p := range []string{
		"server/testdata/replies/create.golden", "testdata/config.yaml", "a/b/testdata/x.json",
		"api/create.golden", "ui/__snapshots__/App.snap", "handler_test.py", "lib/client_test.rb",
		"tests/test_client.py", "test_client.py", "src/app.spec.ts", "src/app.test.js",
		"web/__tests__/login.js", "fixtures/users.json", "spec/client_spec.rb",
		"src/test/resources/application.yml", "__mocks__/brex.js",
		"internal/testutil/keys.pem",
	} {
		if !secrets.FixturePath(p) {
			t.Errorf("FixturePath(%q) = false, want true", p)
		}
	}
	for _, p := range []string{
		".env", "testdata/.env", "tests/.env.local", "config.yaml", "deploy/values.yaml",
		"scripts/testing.sh", "contest/config.json", "latest/config.yaml", "test_client.go.txt",
		"attestation.json", "docs/specification.md",
	} {
		if secrets.FixturePath(p) {
			t.Errorf("FixturePath(%q) = true, want false", p)
		}
	}
}

func TestScanFilesNoise(t *testing.T) {
	root := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(root, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A UUID named "token" is an ID, not a credential; the same name
	// with a random value is reported.
	write("uuid.json", `{"token": "3f2b8c1e-9a4d-4e7f-b6c5-1d2e3f4a5b6c"}`+"\n")
	write("real.yaml", "api_token: Hq7Wm2Xc9Vb4Nz6Lk1Pj3Rt8Ys5Ud0Fg\n")
	// A provider rule on a word of an error message is quiet; the same
	// rule on a value in a config is reported.
	write("messages.txt", "error: linkedin: initializeUpload response missing upload URL\n")
	write("linkedin.env.yaml", "linkedin_secret: q8Zr2mX4nB7vK1pW\n")

	got, err := secrets.ScanFiles(root, []string{"uuid.json", "real.yaml", "messages.txt", "linkedin.env.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	var rules []string
	for _, m := range got {
		rules = append(rules, m.Path+" "+m.RuleID)
	}
	want := []string{"real.yaml generic-api-key", "linkedin.env.yaml linkedin-client-secret"}
	if diff := cmp.Diff(want, rules); diff != "" {
		t.Errorf("ScanFiles rules (-want +got):\n%s", diff)
	}
}

func TestScanProseInGoLiteral(t *testing.T) {
	d := secrets.Detector()
	if got := d.Scan("linkedin: initializeUpload response missing upload URL"); len(got) != 0 {
		t.Errorf("Scan of an error message = %v, want nothing", got)
	}
	if got := d.Scan("linkedin_client_secret = q8Zr2mX4nB7vK1pW"); len(got) != 1 {
		t.Errorf("Scan of an assignment = %v, want the LinkedIn secret", got)
	}
	// A key ID in capitals, quoted in a sentence, is not a word.
	if got := d.Scan(`cannot use "` + awsKey + `" (untyped string constant) as int value`); len(got) != 1 {
		t.Errorf("Scan of an AWS key in an error message = %v, want it", got)
	}
}

func TestScanFixtureFiles(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "tests"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(name)), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("tests/test_client.py", "TOKEN = 'ghp_secret123'\nAWS = '"+awsKey+"'\nFAKE = 'bxt_testtesttesttesttesttesttesttesttest'\n")
	write("tests/live.py", "TOKEN = '"+userToken+"'\n")
	got, err := secrets.ScanFixtureFiles(root, []string{"tests/test_client.py", "tests/live.py"})
	if err != nil {
		t.Fatal(err)
	}
	want := []secrets.FileMatch{{Path: "tests/live.py", Line: 1, Column: 10,
		Match: secrets.Match{Kind: secrets.KindBrexUserToken, RuleID: "brex-user-token", Secret: userToken, Start: 9, End: 49}}}
	if diff := cmp.Diff(want, got, ignoreDescription); diff != "" {
		t.Errorf("ScanFixtureFiles (-want +got):\n%s", diff)
	}
}

func TestFixturePackage(t *testing.T) {
	type pkg struct{ path, module string }
	got := map[pkg]bool{}
	for _, p := range []pkg{
		{"github.com/zitadel/oidc/v3/internal/testutil", "github.com/zitadel/oidc/v3"},
		{"example.com/app/test/e2e", "example.com/app"},
		{"example.com/app/internal/testhelpers", "example.com/app"},
		{"example.com/app/api/spec", "example.com/app"},
		{"example.com/app/testdata/fx", ""},
		{"github.com/go-openapi/spec", "github.com/go-openapi/spec"},
		{"example.com/testing", "example.com/testing"},
		{"example.com/testing/client", "example.com/testing"},
		{"example.com/app/attest", "example.com/app"},
		{"example.com/app/contest", ""},
		{"example.com/app", "example.com/app"},
	} {
		got[p] = secrets.FixturePackage(p.path, p.module)
	}
	want := map[pkg]bool{
		{"github.com/zitadel/oidc/v3/internal/testutil", "github.com/zitadel/oidc/v3"}: true,
		{"example.com/app/internal/testhelpers", "example.com/app"}:                    true,
		// Go packages named test, spec or testing are as often production code.
		{"example.com/app/test/e2e", "example.com/app"}: false,
		{"example.com/app/api/spec", "example.com/app"}: false,
		{"example.com/app/testdata/fx", ""}:             true,
		// The module's own path does not count.
		{"github.com/go-openapi/spec", "github.com/go-openapi/spec"}: false,
		{"example.com/testing", "example.com/testing"}:               false,
		{"example.com/testing/client", "example.com/testing"}:        false,
		// Names that merely contain "test".
		{"example.com/app/attest", "example.com/app"}: false,
		{"example.com/app/contest", ""}:               false,
		{"example.com/app", "example.com/app"}:        false,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FixturePackage (-want +got):\n%s", diff)
	}
}
