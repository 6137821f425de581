package secrets

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Redact returns secret in a form that may be printed: at most its first 4
// characters, then "…". A secret shorter than 8 characters shows at most
// half of itself (rounded down), so short secrets are never mostly
// revealed; an empty one is just "…".
func Redact(secret string) string {
	return shownPrefix(secret) + "…"
}

// shownPrefix is what may be printed of secret: at most its first 4
// characters, and at most half of them (rounded down) in a secret shorter
// than 8 characters. [Redact] and [MaskText] show the same.
func shownPrefix(secret string) string {
	show := min(4, utf8.RuneCountInString(secret)/2)
	i := 0
	for k := 0; k < show; k++ {
		_, size := utf8.DecodeRuneInString(secret[i:])
		i += size
	}
	return secret[:i]
}

// ObviouslyFake reports whether s says that it is not a real secret: it
// contains "test", "fake", "example", "dummy" or "sample" (in any case), or
// one character repeated 8 times in a row. Test fixtures made of such values
// are not reported.
func ObviouslyFake(s string) bool {
	l := strings.ToLower(s)
	for _, w := range []string{"test", "fake", "example", "dummy", "sample"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return longestRun(s) >= 8
}

// longestRun returns the length of the longest run of one repeated rune.
func longestRun(s string) int {
	best, run := 0, 0
	var prev rune = -1
	for _, r := range s {
		if r == prev {
			run++
		} else {
			prev, run = r, 1
		}
		best = max(best, run)
	}
	return best
}

// placeholderWords are values that stand for a secret, compared with the
// value lowercased and stripped of everything but letters and digits.
var placeholderWords = map[string]bool{
	"changeme": true, "replaceme": true, "placeholder": true, "redacted": true,
	"secret": true, "clientsecret": true, "password": true, "passwd": true,
	"token": true, "apitoken": true, "apikey": true, "accesstoken": true,
	"todo": true, "tbd": true, "fixme": true, "none": true, "null": true,
	"nil": true, "undefined": true, "empty": true, "notset": true,
}

// placeholderFragments mark a value as a placeholder wherever they appear.
var placeholderFragments = []string{
	"changeme", "change_me", "change-me", "replaceme", "replace_me",
	"replace-me", "placeholder", "redacted", "insert_", "_here", "-here",
	"<", ">", "${", "$(", "{{", "%s", "%v", "%q", "%d", "…", "...",
}

// IsPlaceholder reports whether s stands for a secret rather than being
// one: empty or blank; a word such as "changeme", "secret" or "redacted"; a
// value that says "your" ("bxt_YOUR_TOKEN", "YOUR_CLIENT_SECRET"); angle
// brackets ("<client-secret>"); a template or format reference ("${VAR}",
// "$VAR", "{{ .X }}", "%s", "{0}"); an ellipsis; or a value whose longest
// part is masked: all "x" or "*", or one character repeated ("XXX-XXX",
// "bxt_000…000", "whsec_xxxx…").
func IsPlaceholder(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" {
		return true
	}
	l := strings.ToLower(t)
	for _, f := range placeholderFragments {
		if strings.Contains(l, f) {
			return true
		}
	}
	if placeholderWords[alnum(l)] || saysYour(t) {
		return true
	}
	// $VAR, {name}, {0}
	if t[0] == '$' && isIdent(t[1:]) {
		return true
	}
	if t[0] == '{' && t[len(t)-1] == '}' && isIdent(strings.TrimSpace(t[1:len(t)-1])) {
		return true
	}
	return masked(t)
}

// masked reports whether the longest part of s (split at separators) is
// made of mask characters (x, X, *, •) or of one repeated character, or
// whether at least half of s's letters and digits are mask characters.
func masked(s string) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '*' && r != '•'
	})
	if len(parts) == 0 {
		return true // only punctuation
	}
	longest := ""
	maskCount, total := 0, 0
	for _, p := range parts {
		if utf8.RuneCountInString(p) > utf8.RuneCountInString(longest) {
			longest = p
		}
		for _, r := range p {
			total++
			if isMask(r) {
				maskCount++
			}
		}
	}
	if 2*maskCount >= total {
		return true
	}
	return longestRun(longest) == utf8.RuneCountInString(longest)
}

// saysYour reports whether a part of s without digits contains "your", as
// in "bxt_YOUR_TOKEN", "YOUR_CLIENT_SECRET" or "yourtoken". Parts with
// digits are left alone: a long random token contains the letters
// y-o-u-r now and then.
func saysYour(s string) bool {
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if strings.Contains(strings.ToLower(p), "your") && !strings.ContainsFunc(p, unicode.IsDigit) {
			return true
		}
	}
	return false
}

func isMask(r rune) bool { return r == 'x' || r == 'X' || r == '*' || r == '•' }

func alnum(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r != '_' && r != '.' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// minCandidateRun is the length of the shortest token-like run that
// [CandidateLiteral] accepts. The secrets that matter are at least this
// long: Brex user tokens are 40 characters, webhook secrets 22 or more, a
// 16-byte HMAC key is 22 base64 characters, AWS access key IDs 20. A few
// gitleaks rules match shorter or differently shaped values (LinkedIn and
// Sumo Logic IDs of 14 characters, Dropbox's 15, Sidekiq's hex:hex, a
// Stripe key of lower-case letters after sk_live_): those are out of
// reach of the check and of the redaction (see [RedactText]).
const minCandidateRun = 16

// CandidateLiteral is the cheap prefilter run before anything else: it
// reports whether s could hold a secret at all. It requires a run of at
// least 16 token characters (letters, digits and + / = _ - . ~, the last
// for Azure's client secrets) that holds a digit, or both upper- and
// lower-case letters, or 16 letters without a separator (an AWS key ID may
// be 20 capitals, even when a "+" follows it): the shape of every key,
// token and base64 secret; or a Brex webhook secret, whose rule takes
// letters of one case joined by '+' or '/'.
// Prose, short values, and names made of words joined by
// separators in one case, such as environment variable names
// ("BREX_CLIENT_SECRET_FOR_PARTNER_APP"), fail it. Callers use it to skip
// building the [Detector] for packages without candidates.
func CandidateLiteral(s string) bool {
	if len(s) < minCandidateRun {
		return false
	}
	if strings.Contains(s, webhookSecretKeyword) && webhookSecretRE().MatchString(s) {
		// A webhook secret's characters may be letters of one case
		// joined by '+' and '/' ("whsec_" and "aaaaabaaaaaaaaa+"), which
		// the shape below does not take for a key: the redaction of a
		// text must not miss what the detector finds in it.
		return true
	}
	run, word := 0, 0 // lengths of the token run and of its separator-free tail
	digit, upper, lower := false, false, false
	for i := 0; i <= len(s); i++ {
		var c byte
		if i < len(s) {
			c = s[i]
		}
		switch {
		case '0' <= c && c <= '9':
			digit = true
		case 'A' <= c && c <= 'Z':
			upper = true
		case 'a' <= c && c <= 'z':
			lower = true
		case c == '+' || c == '/' || c == '=' || c == '_' || c == '-' || c == '.' || c == '~':
			run++
			word = 0
			continue
		default:
			if run >= minCandidateRun && (digit || upper && lower) {
				return true
			}
			run, word = 0, 0
			digit, upper, lower = false, false, false
			continue
		}
		run++
		word++
		if word >= minCandidateRun {
			return true
		}
	}
	return false
}

var (
	userTokenRE     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(userTokenPattern) })
	webhookSecretRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(webhookSecretPattern) })
)

// ScanUserTokens returns the Brex user tokens in text that are not
// placeholders, with the pattern of the detector's brex-user-token rule,
// without building the gitleaks detector. It serves callers that look only
// for user tokens, such as the analyzer in test files.
func ScanUserTokens(text string) []Match {
	if !strings.Contains(text, userTokenKeyword) {
		return nil
	}
	var out []Match
	for _, loc := range userTokenRE().FindAllStringIndex(text, -1) {
		secret := text[loc[0]:loc[1]]
		if IsPlaceholder(secret) {
			continue
		}
		out = append(out, Match{
			Kind:        KindBrexUserToken,
			RuleID:      RuleBrexUserToken,
			Description: userTokenDescription,
			Secret:      secret,
			Start:       loc[0],
			End:         loc[1],
		})
	}
	return out
}
