package secrets

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// RedactText returns text with every secret that the detector finds in it
// replaced by its [Redact] form ("bxt_…"). It is the one gate between
// brexlint and its output: every message, package error, context line,
// diff and baseline hash goes through it, because a message that quotes
// what the code wrote (a URL path, a directive, a type error) may quote a
// secret that no check is about.
//
// It hides the password of the user information of every URL in text
// (https://svc:hunter2hunter2@host reads https://svc:hunt…@host), and a
// user long enough to be a token (see hideUserinfo): no rule need match
// those. And it applies
// the rules of [D.Scan], the ones the hardcodedsecret check reports:
// every rule anchored on a vendor's prefix or shape. gitleaks'
// generic-api-key is left out, as in Go literals: it matches values of 10
// characters after words such as "password", so no cheap prefilter could
// spare the detector for ordinary text, and the findings of the non-Go
// scan, where it applies, print only [Redact] forms. Text without a
// candidate run ([CandidateLiteral]) is returned as is, without building
// the detector.
//
// Out of reach: a secret that no rule matches in the text printed is
// printed. That is a value only generic-api-key would match (in Go code,
// the hardcodedsecret check does not report those either), one whose
// shape the prefilter does not take for a secret (see minCandidateRun:
// shorter than 16 characters, or without a digit or both cases), a secret split
// across a concatenation ("bxt_" + "…" on a context line), a fragment of
// a secret cut short by whoever wrote the text, a URL's password that
// holds a '/', '?', '#' or a space (the URL's host then seems to start
// before it; url.Parse does not read such a URL either), a password in a
// connection string without "://" (a MySQL DSN, user:password@tcp(db)/app),
// and a token given as the user that is shorter than 12 characters.
func RedactText(text string) string {
	return replaceSecrets(text, Redact)
}

// MaskText is [RedactText] that keeps every byte offset: what [Redact]
// would print of a secret stays, and each byte after it becomes '*'. It
// is for text whose columns matter, such as the line a SARIF column is
// counted in (every rule's secrets are ASCII, so UTF-16 counts stay as
// they were too; a URL's password need not be, and keeps byte offsets
// only).
func MaskText(text string) string {
	return replaceSecrets(text, func(secret string) string {
		shown := shownPrefix(secret)
		return shown + strings.Repeat("*", len(secret)-len(shown))
	})
}

// replaceSecrets replaces every secret the detector finds in text, and the
// credentials of every URL's user information (hideUserinfo), with
// hide(secret).
func replaceSecrets(text string, hide func(string) string) string {
	return hideUserinfo(detectSecrets(text, hide), hide)
}

// hideUserinfo replaces the credentials of the user information of every
// URL in text (scheme://user:password@host) with hide(credential): the
// password, unless it is a printf verb ("%s://%s:%s@%s" is a format, not
// a credential); and the user too when it is long enough to be a token
// (https://<40 hex digits>@github.com), but not a short name such as git
// in ssh://git@github.com, which no one need hide. A password of 8 or more
// bytes is hidden wherever else the text repeats it (a context line may
// hold the URL and the same password in a field).
//
// As url.Parse reads it, the user information ends at the last '@' of the
// authority, which ends at the first '/', '?' or '#'; in text, also at a
// space, a double quote, a backquote or an angle bracket, none of which
// url.Parse accepts there (a single quote it does accept).
func hideUserinfo(text string, hide func(string) string) string {
	if !strings.Contains(text, "@") {
		return text
	}
	spans, passwords := userinfoSpans(text)
	if len(spans) == 0 {
		return text
	}
	// Every copy of a hidden password of 8 bytes or more, found in the
	// text as written: a copy may run across a URL's '@' (a password may
	// hold one), and hidden forms are never searched, where a password
	// of '*' could match the mask of something else.
	for _, p := range passwords {
		for i := 0; ; {
			j := strings.Index(text[i:], p)
			if j < 0 {
				break
			}
			spans = append(spans, [2]int{i + j, i + j + len(p)})
			i += j + 1
		}
	}
	// Overlapping ranges are hidden as one; ranges that only touch stay
	// apart, so that user:password keeps its ':' and its two parts.
	slices.SortFunc(spans, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	var b strings.Builder
	last := 0
	for i := 0; i < len(spans); {
		lo, hi := spans[i][0], spans[i][1]
		for i++; i < len(spans) && spans[i][0] < hi; i++ {
			hi = max(hi, spans[i][1])
		}
		b.WriteString(text[last:lo])
		b.WriteString(hide(text[lo:hi]))
		last = hi
	}
	b.WriteString(text[last:])
	return b.String()
}

// userinfoSpans returns the byte ranges of the user information of the
// URLs in text that are to be hidden (each hidden user and password), and
// the hidden passwords of 8 bytes or more, whose copies are hidden too.
func userinfoSpans(text string) (spans [][2]int, passwords []string) {
	for i := 0; ; {
		j := strings.Index(text[i:], "://")
		if j < 0 {
			return spans, passwords
		}
		start := i + j + len("://")
		authority := text[start:]
		if end := strings.IndexFunc(authority, endsAuthority); end >= 0 {
			authority = authority[:end]
		}
		at := strings.LastIndexByte(authority, '@')
		if at < 0 {
			i = start
			continue
		}
		user, password, hasPassword := strings.Cut(authority[:at], ":")
		if len(user) >= minTokenUser && !strings.Contains(user, "%") {
			spans = append(spans, [2]int{start, start + len(user)})
		}
		if hasPassword && password != "" && !isPrintfVerb(password) {
			spans = append(spans, [2]int{start + len(user) + 1, start + at})
			if len(password) >= 8 {
				passwords = append(passwords, password)
			}
		}
		i = start + at
	}
}

// minTokenUser is the length from which the user of a URL's user
// information is taken for a token: GitHub's classic tokens are 40 hex
// digits, the user names of URLs (git, postgres, admin) shorter. A long
// user name hidden costs nothing but a changed context line.
const minTokenUser = 12

// isPrintfVerb reports whether s is one printf verb ("%s", "%v"), as a
// format string holds in place of a password.
func isPrintfVerb(s string) bool {
	return len(s) == 2 && s[0] == '%'
}

// endsAuthority reports whether r ends a URL's authority in text.
func endsAuthority(r rune) bool {
	return r == '/' || r == '?' || r == '#' || r == '"' || r == '`' || r == '<' || r == '>' || unicode.IsSpace(r)
}

// detectSecrets replaces every secret the detector finds in text with
// hide(secret).
func detectSecrets(text string, hide func(string) string) string {
	if !CandidateLiteral(text) {
		return text
	}
	// Every match, noise included: redaction must never miss.
	ms := Detector().scan(text, "", false)
	if len(ms) == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for _, m := range ms {
		if m.Start < last || m.Start >= m.End {
			// Overlaps a secret already hidden: hide the rest of it.
			if m.End > last {
				b.WriteString(strings.Repeat("*", m.End-last))
				last = m.End
			}
			continue
		}
		b.WriteString(text[last:m.Start])
		b.WriteString(hide(m.Secret))
		last = m.End
	}
	b.WriteString(text[last:])
	out := b.String()
	for _, m := range ms {
		// A secret that gitleaks did not locate, or that the text
		// repeats where no rule matched it: hide every copy.
		if m.Secret != "" && strings.Contains(out, m.Secret) {
			out = strings.ReplaceAll(out, m.Secret, hide(m.Secret))
		}
	}
	return out
}
