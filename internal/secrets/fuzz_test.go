package secrets_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/brexlint/brexlint/internal/secrets"
	"github.com/google/go-cmp/cmp"
)

// FuzzRedact checks on arbitrary bytes (invalid UTF-8 included) that
// Redact shows a prefix of the secret of at most 4 characters, and at most
// half of a secret shorter than 8.
//
//	go test -fuzz FuzzRedact ./internal/secrets/
func FuzzRedact(f *testing.F) {
	for _, s := range []string{"", "a", "abcdefgh", userToken, "é日本語テキスト", "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := secrets.Redact(s)
		shown, ok := strings.CutSuffix(got, "…")
		if !ok || !strings.HasPrefix(s, shown) {
			t.Fatalf("Redact(%q) = %q: not a prefix and an ellipsis", s, got)
		}
		n, k := utf8.RuneCountInString(s), utf8.RuneCountInString(shown)
		if k > 4 || 2*k > n {
			t.Fatalf("Redact(%q) = %q shows %d of %d characters", s, got, k, n)
		}
	})
}

// FuzzScan checks on arbitrary text that every match is where it says it
// is, that its redaction never holds more than 4 of its characters, and
// that the detector-free user token scan agrees with the detector.
//
//	go test -fuzz FuzzScan ./internal/secrets/
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		userToken, "Authorization: Bearer " + userToken + "\n", "token=" + userToken + "_x",
		"bxt_YOUR_TOKEN", "AKIAIOSFODNN7EXAMPLE", "BREX_TOKEN=" + userToken + "\nOTHER=1\n", "",
	} {
		f.Add(s)
	}
	d := secrets.Detector()
	f.Fuzz(func(t *testing.T, text string) {
		var users []secrets.Match
		for _, m := range d.Scan(text) {
			if m.Start < 0 || m.End > len(text) || m.Start > m.End || text[m.Start:m.End] != m.Secret {
				t.Fatalf("match %s at [%d,%d) does not locate its secret in %q", m.RuleID, m.Start, m.End, text)
			}
			if r := secrets.Redact(m.Secret); len(m.Secret) > 4 && strings.Contains(r, m.Secret[:5]) {
				t.Fatalf("Redact shows 5 characters of a %s secret: %q", m.RuleID, r)
			}
			if m.Kind == secrets.KindBrexUserToken {
				users = append(users, m)
			}
		}
		if diff := cmp.Diff(users, secrets.ScanUserTokens(text)); diff != "" {
			t.Errorf("ScanUserTokens disagrees with the detector (-detector +ScanUserTokens):\n%s", diff)
		}
	})
}

// FuzzRedactText checks on arbitrary text that RedactText leaves no secret
// that the detector finds, neither in place nor anywhere else in the text,
// and that it changes nothing in text without a secret or an '@' (a URL's
// user information); and that MaskText hides them too while keeping the
// text's length, and changes nothing but user information (and copies of
// its passwords) in text where the detector matches nothing, noise
// included.
//
//	go test -fuzz FuzzRedactText ./internal/secrets/
func FuzzRedactText(f *testing.F) {
	for _, s := range []string{
		"", "plain words only", userToken, whsec, awsKey, githubToken,
		"cannot use \"" + userToken + "\" (untyped string constant) as int value",
		"GET https://api.brex.com/v1/x/" + githubToken + " is not retried",
		"//brexlint:ignore " + githubToken + " reason",
		"12\tconst k = \"" + awsKey + "\" // " + whsec + "\n13\t}\n",
		userToken + userToken, "password = \"" + userToken[4:] + "\"\n",
		"GET https://svc:hunter2hunter2@api.brex.com/v2/users", "https://a:b@c@d/e?f@g https://" + userToken + "@h",
		// A password that matches the mask of a later user, or of an
		// earlier password; a copy of a password across an '@'.
		"s://a:*******@@h t://CCCCCCCCCCCCCC@x",
		"u://b:****efgh@h s://a:********@@h ****efgh@x",
		"https://svc:admin@corp1@h ftp://admin@corp1/x",
		"s://u:%s@host1234@h t://v:%s@host1234/",
		// Noise: a match of the detector that Scan drops.
		"linkedin: initializeUpload response missing upload URL",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		out := secrets.RedactText(text)
		for _, m := range secrets.ScanAll(text) {
			if strings.Contains(out, m.Secret) {
				t.Fatalf("RedactText(%q) = %q keeps the %s secret %q", text, out, m.RuleID, m.Secret)
			}
		}
		if again := secrets.ScanAll(out); len(again) > 0 {
			t.Fatalf("RedactText(%q) = %q still holds the %s secret %q", text, out, again[0].RuleID, again[0].Secret)
		}
		masked := secrets.MaskText(text)
		if len(masked) != len(text) {
			t.Fatalf("MaskText(%q) = %q changes the length", text, masked)
		}
		for _, m := range secrets.ScanAll(text) {
			if len(m.Secret) > 4 && strings.Contains(masked, m.Secret) {
				t.Fatalf("MaskText(%q) = %q keeps the %s secret %q", text, masked, m.RuleID, m.Secret)
			}
		}
		// What the detector matches, noise included, is hidden too.
		matched := len(secrets.ScanEvery(text)) > 0
		if !matched && !strings.Contains(text, "@") && out != text {
			t.Fatalf("RedactText(%q) = %q changed a text without secrets or a URL's user information", text, out)
		}
		if !matched {
			allowed, passwords := userinfoBytes(text)
			for i := range len(text) {
				if masked[i] != text[i] && !allowed[i] {
					t.Fatalf("MaskText(%q) = %q changes byte %d, outside every URL's user information and its passwords", text, masked, i)
				}
			}
			for _, p := range passwords {
				if !strings.Contains(p, "*") && (strings.Contains(masked, p) || strings.Contains(out, p)) {
					t.Fatalf("RedactText(%q) = %q, MaskText = %q: a copy of the password %q is left", text, out, masked, p)
				}
			}
		}
	})
}

// userinfoBytes marks the bytes of text that masking may change when the
// detector finds no secret in it: the user information of each URL (from
// "://" to the last '@' before the authority ends at '/', '?', '#', a
// quote, an angle bracket or a space) and every copy of a password of 8
// bytes or more found there. It returns those passwords too: no copy of
// them may be left. It reads the authority as hideUserinfo does (the same
// characters end it), so it tests what is hidden within that reading, not
// the reading itself: TestRedactTextUserinfo holds the boundaries.
func userinfoBytes(text string) ([]bool, []string) {
	allowed := make([]bool, len(text))
	var passwords []string
	for i := 0; ; {
		j := strings.Index(text[i:], "://")
		if j < 0 {
			break
		}
		start := i + j + len("://")
		authority := text[start:]
		if end := strings.IndexFunc(authority, func(r rune) bool {
			return strings.ContainsRune("/?#\"`<>", r) || unicode.IsSpace(r)
		}); end >= 0 {
			authority = authority[:end]
		}
		if at := strings.LastIndexByte(authority, '@'); at >= 0 {
			for k := start; k < start+at; k++ {
				allowed[k] = true
			}
			if _, password, ok := strings.Cut(authority[:at], ":"); ok && len(password) >= 8 {
				passwords = append(passwords, password)
			}
		}
		i = start
	}
	for _, p := range passwords {
		for k := 0; ; {
			j := strings.Index(text[k:], p)
			if j < 0 {
				break
			}
			for m := k + j; m < k+j+len(p); m++ {
				allowed[m] = true
			}
			k += j + 1
		}
	}
	return allowed, passwords
}
