// Package checks names brexlint's checks.
//
// A check's name is public and stable: users write it in //brexlint:ignore
// and //nolint directives, golangci-lint settings, SARIF rule IDs and CI
// baselines. This package is the one list of those names, so that the
// directive parser, the checklist and the analyzers agree on them. It lists
// every check of the product specification, including those whose analyzer
// does not exist yet: a directive naming a planned check is not "unknown".
package checks

import (
	"regexp"
	"strings"
)

// The check names, exactly as users spell them.
const (
	Directive       = "directive"
	HardcodedSecret = "hardcodedsecret"
	IdempotencyKey  = "idempotencykey"
	BrexEndpoint    = "brexendpoint"
	EnumDefault     = "enumdefault"
	StrictDecode    = "strictdecode"
	RateLimit       = "ratelimit"
	StatusCheck     = "statuscheck"
	OAuthState      = "oauthstate"
	OAuthCallback   = "oauthcallback"
	EmbeddedWebview = "embeddedwebview"
	TokenRefresh    = "tokenrefresh"
	OAuthLib        = "oauthlib"
	OAuthScopes     = "oauthscopes"

	// Beyond the launch checklist.
	WebhookSignature = "webhooksignature"
	Pagination       = "pagination"
	PageLimit        = "pagelimit"
	MoneyFloat       = "moneyfloat"
)

// Names lists every check name in the order of the product specification.
var Names = []string{
	HardcodedSecret,
	IdempotencyKey,
	BrexEndpoint,
	EnumDefault,
	StrictDecode,
	RateLimit,
	StatusCheck,
	OAuthState,
	OAuthCallback,
	EmbeddedWebview,
	TokenRefresh,
	OAuthLib,
	OAuthScopes,
	WebhookSignature,
	Pagination,
	PageLimit,
	MoneyFloat,
	Directive,
}

// Known reports whether name is a brexlint check.
func Known(name string) bool {
	for _, n := range Names {
		if n == name {
			return true
		}
	}
	return false
}

// DocURL is the address of a check's documentation: its package's doc.go as
// rendered by pkg.go.dev. Analyzers use it as their URL.
func DocURL(name string) string {
	return "https://pkg.go.dev/github.com/brexlint/brexlint/analyzers/" + name
}

// Message is the one form of every finding's message: what is wrong, why it
// matters for a Brex launch, and what to do, on one line in the style of go
// vet ("429 from POST /v1/transfers is not retried, so bursts fail under
// Brex's rate limit; retry with backoff and jitter"). The reporter
// prefixes the check's name. Tests hold every message of every check, and
// the checklist's own findings, to [MessageForm], so a message written by
// hand must keep it too.
func Message(what, why, fix string) string {
	return what + ", so " + why + "; " + fix
}

// MessageWhat returns the part of a message that says what is wrong: all
// of it before the first ", so " (all of it when there is none). Baselines
// key on it, so that rewording why a finding matters or how to fix it does
// not make an accepted finding new.
func MessageWhat(msg string) string {
	what, _, _ := strings.Cut(msg, ", so ")
	return what
}

// MessageForm is the checkable form of a finding's message as printed,
// "CHECK: WHAT, so WHY; FIX": the why follows the first ", so " and the
// what-to-do the last "; ", after the why (the what has no ';'); the
// what-to-do is not empty and, as in go vet, the message has no trailing
// period.
var MessageForm = regexp.MustCompile(`^[a-z0-9]+: [^;\s][^;]*?, so \S.*; [^;]*[^.;\s]$`)
