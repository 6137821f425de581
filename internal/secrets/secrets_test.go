package secrets_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/brexlint/brexlint/internal/secrets"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Fixture values, random, of the shapes the rules look for.
const (
	userToken = "bxt_oxZkuf441Ct803qILrklP4X7IRrr8RLnbyt2"
	whsec     = "whsec_RzQHnUH8XcKfYRQ8pvZ3mixhGNBdvSXf"
	awsKey    = "AKIARSWRHJRYXIMWICQX"
	// githubToken is a GitHub personal access token of the right shape.
	githubToken = "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d"
)

func TestRedact(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "…"},
		{"a", "…"},
		{"ab", "a…"},
		{"abc", "a…"},
		{"abcd", "ab…"},
		{"abcdefg", "abc…"},
		{"abcdefgh", "abcd…"},
		{userToken, "bxt_…"},
		{whsec, "whse…"},
		{"ééééééééé", "éééé…"},
		{"日本語のひみつ", "日本語…"},
	} {
		if got := secrets.Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestRedactProperty checks on random secrets that Redact shows a prefix
// of at most 4 characters, and at most half of a secret shorter than 8.
func TestRedactProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcXYZ0189+/=_-é日")
	for i := 0; i < 10000; i++ {
		n := r.IntN(64)
		rs := make([]rune, n)
		for j := range rs {
			rs[j] = alphabet[r.IntN(len(alphabet))]
		}
		s := string(rs)
		got := secrets.Redact(s)
		shown, ok := strings.CutSuffix(got, "…")
		if !ok {
			t.Fatalf("Redact(%q) = %q: no ellipsis", s, got)
		}
		if !strings.HasPrefix(s, shown) {
			t.Fatalf("Redact(%q) = %q: not a prefix", s, got)
		}
		k := utf8.RuneCountInString(shown)
		if k > 4 || (n < 8 && 2*k > n) {
			t.Fatalf("Redact(%q) = %q shows %d of %d characters", s, got, k, n)
		}
	}
}

func TestIsPlaceholder(t *testing.T) {
	for _, s := range []string{
		"", "   ", "bxt_YOUR_TOKEN", "bxt_YOURTOKENHEREYOURTOKENHEREYOURTOKENHE", "<client-secret>", "<token>",
		"changeme", "CHANGE_ME", "YOUR_CLIENT_SECRET", "your-api-key", "XXX-XXX", "xxxxxxxxxxxxxxxx",
		"****************", "bxt_000000000000000000000000000000000000", "whsec_xxxxxxxxxxxxxxxxxxxxxxxx",
		"AKIAXXXXXXXXXXXXXXXX", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "${BREX_TOKEN}", "$BREX_TOKEN",
		"{{ .Token }}", "{{.Values.secret}}", "%s", "Bearer %s", "{0}", "{token}", "secret", "password",
		"redacted", "<REDACTED>", "replace-me", "INSERT_TOKEN_HERE", "bxt_…", "sk_live_...", "null",
	} {
		if !secrets.IsPlaceholder(s) {
			t.Errorf("IsPlaceholder(%q) = false, want true", s)
		}
	}
	for _, s := range []string{
		userToken, whsec, awsKey, "72kNBidp11QLAuoWIAFqnWZQ72DjGa7oGg1dtmYc",
		"1Lf/NuDjJLTpAFqMxK9Kb7Ktmq9cy5xUbTgXwaxtu9k=", "GOCSPX-Vb3nM9kLp0Qw2Er5Ty7Ui8Op1As",
		"bxt_Your4ccessT0kenQ1w2e3r4t5y6u7i8o9p0a1", // "your" in a part with digits: a token can contain it
	} {
		if secrets.IsPlaceholder(s) {
			t.Errorf("IsPlaceholder(%q) = true, want false", s)
		}
	}
}

func TestObviouslyFake(t *testing.T) {
	for s, want := range map[string]bool{
		"bxt_TestTokenForTheFixture0000000000abcd":  true,
		"bxt_FakeToken1234567890abcdefghijklmnopq":  true,
		"bxt_EXAMPLE1234567890abcdefghijklmnopqrs":  true,
		"bxt_dummy567890abcdefghijklmnopqrstuvwxyz": true,
		"bxt_SAMPLEaBcDeFgHiJkLmNoPqRsTuVwXyZ0123":  true,
		"bxt_aaaaaaaa1234567890abcdefghijklmnopqr":  true,
		"sk_test_4eC39HqLyjWDarjtT1zdp7dc":          true,
		userToken:                                   false,
		"bxt_aaaaaaa1234567890abcdefghijklmnopqrs":  false, // 7 in a row
		awsKey: false,
	} {
		if got := secrets.ObviouslyFake(s); got != want {
			t.Errorf("ObviouslyFake(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestCandidateLiteral(t *testing.T) {
	for s, want := range map[string]bool{
		userToken: true,
		whsec:     true,
		awsKey:    true, // capitals only, no separator
		"1Lf/NuDjJLTpAFqMxK9Kb7Ktmq9cy5xUbTgXwaxtu9k=":                                            true,
		"password=Hq7Wm2Xc9Vb4Nz6Lk1Pj3R":                                                         true,
		"-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePz\n-----END": true,
		"":                                   false,
		"short1":                             false,
		"BREX_API_TOKEN":                     false,
		"BREX_CLIENT_SECRET_FOR_PARTNER_APP": false,
		"client_secret":                      false,
		"the quick brown fox jumps over the lazy dog": false,
		"Authorization":                 false,
		"bxt_set_cdclk_for_pipe_config": false,
		// One case and base64 separators: still the webhook secret's
		// shape (found by FuzzRedactText).
		"whsec_aaaaabaaaaaaaaa+": true,
		// The keyword alone, as a message or a TrimPrefix writes it, is
		// not a secret.
		"strip the whsec_ prefix before decoding": false,
		"whsec_local_development_only":            false,
		// Azure AD client secrets hold '~'.
		"xyz8Q~ab~cd~ef~gh~ij~kl~mn~op~qr~st~uv": true,
	} {
		if got := secrets.CandidateLiteral(s); got != want {
			t.Errorf("CandidateLiteral(%q) = %v, want %v", s, got, want)
		}
	}
}

var ignoreDescription = cmpopts.IgnoreFields(secrets.Match{}, "Description")

func TestScan(t *testing.T) {
	d := secrets.Detector()
	for _, tc := range []struct {
		text string
		want []secrets.Match
	}{
		{userToken, []secrets.Match{{Kind: secrets.KindBrexUserToken, RuleID: "brex-user-token", Secret: userToken, Start: 0, End: 40}}},
		{"Bearer " + userToken, []secrets.Match{{Kind: secrets.KindBrexUserToken, RuleID: "brex-user-token", Secret: userToken, Start: 7, End: 47}}},
		{whsec, []secrets.Match{{Kind: secrets.KindWebhookSecret, RuleID: "brex-webhook-secret", Secret: whsec, Start: 0, End: len(whsec)}}},
		{"key: " + awsKey, []secrets.Match{{Kind: "gitleaks:aws-access-token", RuleID: "aws-access-token", Secret: awsKey, Start: 5, End: 25}}},
		{"a\nb\n" + whsec + "\n" + userToken, []secrets.Match{
			{Kind: secrets.KindWebhookSecret, RuleID: "brex-webhook-secret", Secret: whsec, Start: 4, End: 4 + len(whsec)},
			{Kind: secrets.KindBrexUserToken, RuleID: "brex-user-token", Secret: userToken, Start: 5 + len(whsec), End: 45 + len(whsec)},
		}},
		// Look-alikes.
		{"bxt_set_cdclk", nil},
		{userToken + "x", nil},     // 37 characters: not a token
		{userToken + "_pipe", nil}, // an identifier, not a token
		{"bxt_YOUR_TOKEN", nil},
		{"bxt_000000000000000000000000000000000000", nil},
		{"whsec_123", nil},
		{"whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", nil},
		{"https://api.brex.com/v2/transfers?limit=100", nil},
		{"AKIAIOSFODNN7EXAMPLE", nil}, // AWS's documentation key, allowlisted by gitleaks
		// generic-api-key does not apply to Scan.
		{`{"access_token":"90d64460d14870c08c81352a05dedd3465940a7c"}`, nil},
		{"", nil},
	} {
		got := d.Scan(tc.text)
		if diff := cmp.Diff(tc.want, got, ignoreDescription); diff != "" {
			t.Errorf("Scan(%q) (-want +got):\n%s", secrets.Redact(tc.text), diff)
		}
		for _, m := range got {
			if tc.text[m.Start:m.End] != m.Secret {
				t.Errorf("Scan(%q): offsets %d-%d do not hold the secret", secrets.Redact(tc.text), m.Start, m.End)
			}
			if m.Description == "" {
				t.Errorf("Scan(%q): match without description", secrets.Redact(tc.text))
			}
		}
	}
}

// TestScanUserTokens checks that the detector-free user token scan agrees
// with the detector's brex-user-token rule.
func TestScanUserTokens(t *testing.T) {
	d := secrets.Detector()
	for _, text := range []string{
		userToken, "Bearer " + userToken, userToken + "_x", "bxt_set_cdclk", "bxt_YOUR_TOKEN",
		userToken + " " + "bxt_3CD1yxIsOYj2O7jTlQLDvP5rrIjFM47bMvQr", "",
	} {
		var want []secrets.Match
		for _, m := range d.Scan(text) {
			if m.Kind == secrets.KindBrexUserToken {
				want = append(want, m)
			}
		}
		if diff := cmp.Diff(want, secrets.ScanUserTokens(text)); diff != "" {
			t.Errorf("ScanUserTokens(%q) (-detector +ScanUserTokens):\n%s", secrets.Redact(text), diff)
		}
	}
}

func TestDetectorConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	ds := make([]*secrets.D, 16)
	for i := range ds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ds[i] = secrets.Detector()
			if got := ds[i].Scan("Bearer " + userToken); len(got) != 1 {
				t.Errorf("concurrent Scan found %d matches, want 1", len(got))
			}
		}()
	}
	wg.Wait()
	for _, d := range ds {
		if d != ds[0] {
			t.Fatal("Detector returned different detectors")
		}
	}
}

func TestScanFiles(t *testing.T) {
	root := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(".env", "# Brex\nBREX_API_TOKEN="+userToken+"\nBREX_CLIENT_SECRET=Hq7Wm2Xc9Vb4Nz6Lk1Pj3Rt8Ys5Ud0Fg\nEMPTY=\n")
	write("config/app.yaml", "brex:\n  base_url: https://platform.brexapis.com\n  webhook_secret: "+whsec+"\n  token: ${BREX_API_TOKEN}\n")
	write("config/placeholder.yaml", "token: bxt_YOUR_TOKEN\nclient_secret: <client-secret>\n")
	write("bin.dat", "\x00\x01"+userToken)
	write("go.sum", "example.com/m v1.0.0 h1:"+awsKey+"=\n")

	got, err := secrets.ScanFiles(root, []string{".env", "config/app.yaml", "config/placeholder.yaml", "bin.dat", "go.sum"})
	if err != nil {
		t.Fatal(err)
	}
	want := []secrets.FileMatch{
		{Path: ".env", Line: 2, Column: 16, Match: secrets.Match{Kind: secrets.KindBrexUserToken, RuleID: "brex-user-token", Secret: userToken, Start: 22, End: 62}},
		{Path: ".env", Line: 3, Column: 20, Match: secrets.Match{Kind: "gitleaks:generic-api-key", RuleID: "generic-api-key", Secret: "Hq7Wm2Xc9Vb4Nz6Lk1Pj3Rt8Ys5Ud0Fg", Start: 82, End: 114}},
		{Path: "config/app.yaml", Line: 3, Column: 19, Match: secrets.Match{Kind: secrets.KindWebhookSecret, RuleID: "brex-webhook-secret", Secret: whsec, Start: 66, End: 66 + len(whsec)}},
	}
	if diff := cmp.Diff(want, got, ignoreDescription); diff != "" {
		t.Errorf("ScanFiles (-want +got):\n%s", diff)
	}

	// An unreadable file is named in the error and does not stop the
	// scan; symbolic links, dangling or looping, are not followed.
	for _, link := range [][2]string{{"nowhere", "dangling"}, {"loop", "loop"}, {".env", "env-link"}} {
		if err := os.Symlink(link[0], filepath.Join(root, link[1])); err != nil {
			t.Fatal(err)
		}
	}
	got, err = secrets.ScanFiles(root, []string{"missing.env", "dangling", "loop", "env-link", ".env"})
	if err == nil || !strings.Contains(err.Error(), "missing.env") {
		t.Errorf("ScanFiles of a missing file: error %v, want one naming it", err)
	}
	if err != nil && (strings.Contains(err.Error(), "dangling") || strings.Contains(err.Error(), "loop")) {
		t.Errorf("ScanFiles followed a symbolic link: %v", err)
	}
	if len(got) != 2 || got[0].Path != ".env" {
		t.Errorf("ScanFiles stopped at the missing file: got %d matches, want the 2 of .env", len(got))
	}
}

func BenchmarkScan(b *testing.B) {
	d := secrets.Detector()
	for _, bc := range []struct{ name, text string }{
		{"plain", "https://platform.brexapis.com/v2/transfers?limit=100"},
		{"token", "Bearer " + userToken},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				d.Scan(bc.text)
			}
		})
	}
}

// BenchmarkRedactText measures the gate on the messages brexlint prints
// most: without a secret or a URL, with a URL, and with a URL's password.
func BenchmarkRedactText(b *testing.B) {
	for _, bc := range []struct{ name, text string }{
		{"message", "statuscheck: the status of the response of POST /v1/transfers is not checked before its body is decoded"},
		{"url", "ratelimit: 429 from GET https://platform.brexapis.com/v2/users/me is not retried (client: http.DefaultClient)"},
		{"userinfo", "ratelimit: 429 from GET https://svc:hunter2hunter2@platform.brexapis.com/v2/users/me is not retried"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				secrets.RedactText(bc.text)
			}
		})
	}
}

func BenchmarkCandidateLiteral(b *testing.B) {
	for b.Loop() {
		secrets.CandidateLiteral("failed to decode the response of POST /v1/transfers: %w")
	}
}

// TestRedactText plants each kind of secret in the texts brexlint prints
// (type errors, messages quoting URL paths and directives, context lines)
// and checks that no five characters of a secret past its first four
// survive, while the rest of the text does.
func TestRedactText(t *testing.T) {
	for _, secret := range []string{userToken, githubToken, awsKey, whsec} {
		for _, text := range []string{
			`cannot use "` + secret + `" (untyped string constant) as int value in variable declaration`,
			"ratelimit: 429 from GET https://api.brex.com/v1/x/" + secret + " is not retried",
			"directive: malformed directive //brexlint:ignore " + secret + " reason",
			"12\tconst key = \"" + secret + "\"\n13\t\n",
			"-\tconst key = \"" + secret + "\"\n+\tkey := os.Getenv(\"BREX_TOKEN\")\n",
			secret,
		} {
			got := secrets.RedactText(text)
			assertNoSecret(t, got, secret)
			masked := secrets.MaskText(text)
			assertNoSecret(t, masked, secret)
			if len(masked) != len(text) {
				t.Errorf("MaskText(%q) = %q changes the length", text, masked)
			}
			if want := strings.ReplaceAll(text, secret, secrets.Redact(secret)); got != want {
				t.Errorf("RedactText(%q) = %q, want %q", text, got, want)
			}
		}
	}
	for _, text := range []string{"", "ratelimit: 429 from POST /v1/transfers is not retried (http.DefaultClient)", "bxt_set_cdclk", "bxt_YOUR_TOKEN"} {
		if got := secrets.RedactText(text); got != text {
			t.Errorf("RedactText(%q) = %q, want it unchanged", text, got)
		}
	}
}

// assertNoSecret fails if text holds five consecutive characters of secret
// after its first four: the bound of what brexlint may print.
func assertNoSecret(t *testing.T, text, secret string) {
	t.Helper()
	for i := 4; i+5 <= len(secret); i++ {
		if strings.Contains(text, secret[i:i+5]) {
			t.Errorf("%q shows %q of secret %s", text, secret[i:i+5], secrets.Redact(secret))
			return
		}
	}
}

// TestRedactTextUserinfo: the password of a URL's user information is
// hidden by RedactText (at most its first 4 characters shown, half of a
// short one) and by MaskText (the same, the text's length kept), though no
// rule matches it, and so are its other copies in the text; a user long
// enough to be a token is hidden too; a short user, a format's verbs and
// an '@' outside the user information change nothing.
func TestRedactTextUserinfo(t *testing.T) {
	for _, c := range []struct{ text, redacted, masked, secret string }{{
		text:     "ratelimit: 429 from GET https://svc:hunter2hunter2@api.brex.com/v2/users is not retried",
		redacted: "ratelimit: 429 from GET https://svc:hunt…@api.brex.com/v2/users is not retried",
		masked:   "ratelimit: 429 from GET https://svc:hunt**********@api.brex.com/v2/users is not retried",
		secret:   "hunter2hunter2",
	}, {
		// url.Parse reads the user information up to the last '@'.
		text:     `base := "https://svc:p@ssw0rd!x@api.example.com:8443?x=1"`,
		redacted: `base := "https://svc:p@ss…@api.example.com:8443?x=1"`,
		masked:   `base := "https://svc:p@ss******@api.example.com:8443?x=1"`,
		secret:   "p@ssw0rd!x",
	}, {
		text:     "clone https://x9Tq2mVz7LkP@git.example.com/org/repo and https://api.brex.com/v2/users",
		redacted: "clone https://x9Tq…@git.example.com/org/repo and https://api.brex.com/v2/users",
		masked:   "clone https://x9Tq********@git.example.com/org/repo and https://api.brex.com/v2/users",
		secret:   "x9Tq2mVz7LkP",
	}, {
		text:     "two: ftp://a:firstsecret1@h1/x, http://b:secondsecret2@h2#f",
		redacted: "two: ftp://a:firs…@h1/x, http://b:seco…@h2#f",
		masked:   "two: ftp://a:firs********@h1/x, http://b:seco*********@h2#f",
		secret:   "secondsecret2",
	}, {
		// url.Parse accepts a single quote in a password.
		text:     "dsn := `https://svc:ab'cdefgh@db.internal`",
		redacted: "dsn := `https://svc:ab'c…@db.internal`",
		masked:   "dsn := `https://svc:ab'c*****@db.internal`",
		secret:   "ab'cdefgh",
	}, {
		text:     `{URL: "https://svc:hunter2hunter2@db", Password: "hunter2hunter2"}`,
		redacted: `{URL: "https://svc:hunt…@db", Password: "hunt…"}`,
		masked:   `{URL: "https://svc:hunt**********@db", Password: "hunt**********"}`,
		secret:   "hunter2hunter2",
	}, {
		text:     "https://svc:hunter2@db",
		redacted: "https://svc:hun…@db",
		masked:   "https://svc:hun****@db",
		secret:   "hunter2",
	}, {
		// A password may hold '@': its copy in another URL runs
		// across that URL's '@', and is hidden whole.
		text:     "https://svc:admin@corp1@h ftp://admin@corp1/x",
		redacted: "https://svc:admi…@h ftp://admi…/x",
		masked:   "https://svc:admi*******@h ftp://admi*******/x",
		secret:   "admin@corp1",
	}, {
		text:     "https://0123456789abcdef0123456789abcdef01234567:x-oauth-basic@github.com/o/r",
		redacted: "https://0123…:x-oa…@github.com/o/r",
		masked:   "https://0123************************************:x-oa*********@github.com/o/r",
		secret:   "0123456789abcdef0123456789abcdef01234567",
	}} {
		if got := secrets.RedactText(c.text); got != c.redacted {
			t.Errorf("RedactText(%q) = %q, want %q", c.text, got, c.redacted)
		}
		if got := secrets.MaskText(c.text); got != c.masked {
			t.Errorf("MaskText(%q) = %q, want %q", c.text, got, c.masked)
		}
		assertNoSecret(t, secrets.RedactText(c.text), c.secret)
		assertNoSecret(t, secrets.MaskText(c.text), c.secret)
	}
	for _, text := range []string{
		"GET https://api.brex.com/v2/users?email=ops@brex.com failed",
		"mail ops@brex.com about https://api.brex.com/v2/users",
		"https://svc:@api.example.com/v1",
		"GET https://api.brex.com/v2/users\nowner: ops@brex.com",
		"ssh://git@github.com/org/repo", "postgres://postgres@localhost:5432/app",
		`fmt.Sprintf("%s://%s:%s@%s", scheme, user, pass, host)`,
	} {
		if got := secrets.RedactText(text); got != text {
			t.Errorf("RedactText(%q) = %q, want it unchanged", text, got)
		}
	}
}
