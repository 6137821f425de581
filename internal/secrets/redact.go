package secrets

import "strings"

// RedactText returns text with every secret that the detector finds in it
// replaced by its [Redact] form ("bxt_…"). It is the one gate between
// brexlint and its output: every message, package error, context line,
// diff and baseline hash goes through it, because a message that quotes
// what the code wrote (a URL path, a directive, a type error) may quote a
// secret that no check is about.
//
// It applies the rules of [D.Scan], the ones the hardcodedsecret check
// reports: every rule anchored on a vendor's prefix or shape. gitleaks'
// generic-api-key is left out, as in Go literals: it matches values of 10
// characters after words such as "password", so no cheap prefilter could
// spare the detector for ordinary text, and the findings of the non-Go
// scan, where it applies, print only [Redact] forms. Text without a
// candidate run ([CandidateLiteral]) is returned as is, without building
// the detector.
//
// Out of reach: a secret that no rule matches in the text printed is
// printed. That is a value only generic-api-key would match (in Go code,
// the hardcodedsecret check does not report those either), a secret split
// across a concatenation ("bxt_" + "…" on a context line), and a fragment
// of a secret cut short by whoever wrote the text.
func RedactText(text string) string {
	return replaceSecrets(text, Redact)
}

// MaskText is [RedactText] that keeps every byte offset: each byte of a
// secret after its first 4 becomes '*'. It is for text whose columns
// matter, such as the line a SARIF column is counted in (every rule's
// secrets are ASCII, so byte and UTF-16 counts stay as they were).
func MaskText(text string) string {
	return replaceSecrets(text, func(secret string) string {
		if len(secret) <= 4 {
			return strings.Repeat("*", len(secret))
		}
		return secret[:4] + strings.Repeat("*", len(secret)-4)
	})
}

// replaceSecrets replaces every secret the detector finds in text with
// hide(secret).
func replaceSecrets(text string, hide func(string) string) string {
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
