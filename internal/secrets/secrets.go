// Package secrets is brexlint's one secret detector: gitleaks' default rules
// plus Brex's own, with the placeholder and redaction rules that every
// consumer shares. The hardcodedsecret analyzer scans Go string literals
// with it; the CLI's `brexlint secrets` scan of non-Go files uses
// [ScanFiles].
//
// It is also the gate of brexlint's output: [RedactText] hides every secret,
// and the password of every URL's user information, in the texts brexlint
// prints or hashes (messages, package errors, context lines, diffs,
// baseline lines, facts), so that no output holds more than a
// secret's first four characters whatever check, if any, is about it.
//
// The gitleaks detector costs 0.1 to 0.2 s to build, so [Detector] builds it
// once per process, lazily, and only callers that have a candidate (see
// [CandidateLiteral]) should ask for it. The detector is immutable after it
// is built and safe for concurrent use.
//
// # Rule decisions
//
// Go string literals are scanned without gitleaks' generic-api-key rule: on a
// literal's value it fires on JSON bodies, header lines and protocol nonces
// ({"access_token":"…"}, "Sec-WebSocket-Key: dGhl…"), which in Go code are
// mostly examples and fixtures, and brexlint puts precision first; leaving
// it out also spares its costly pattern on every literal that mentions
// "key", "api" or "token". Every other default rule is kept: they are
// anchored on a vendor's prefix or shape (AKIA…, sk_live_…, -----BEGIN …
// PRIVATE KEY-----). Over the standard library and about 900 MB of module
// sources (one million string literals) they report nothing outside test
// files except the sample keys of secret scanners themselves. Non-Go files ([ScanFiles]) keep
// generic-api-key: in .env, YAML and TOML files a value assigned to a name
// containing "secret", "token" or "password" is a credential far more often
// than not, and gitleaks' allowlists and stopwords are tuned for exactly
// those files.
//
// Two kinds of gitleaks match are not reported, as noise (see noise in
// fixtures.go; [RedactText] still hides them, since redaction must never
// miss): generic-api-key on a UUID-shaped value (IDs named "token"
// or "key"), and a provider rule on an ordinary word inside prose (gitleaks'
// linkedin-client-secret matches "initializeUpload" in the error message
// "linkedin: initializeUpload response missing …"). Test fixtures in non-Go
// files follow the Go test policy ([FixturePath], [ScanFixtureFiles]).
//
// Two Brex rules are added: brex-user-token (`\bbxt_[A-Za-z0-9]{36}\b`, never
// a loose `bxt_\w+`, which would match Linux identifiers such as
// bxt_set_cdclk) and brex-webhook-secret (`whsec_` followed by at least 16
// base64 characters; Brex's schema example "whsec_123" is too short to be a
// secret).
package secrets

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/rs/zerolog"
	"github.com/spf13/viper"
	"github.com/zricethezav/gitleaks/v8/config"
	"github.com/zricethezav/gitleaks/v8/detect"
	"github.com/zricethezav/gitleaks/v8/logging"
	"github.com/zricethezav/gitleaks/v8/regexp"
	"github.com/zricethezav/gitleaks/v8/report"
)

// Kind classifies a [Match]: one of the Brex kinds, or "gitleaks:RULE-ID"
// for a gitleaks default rule.
type Kind string

// The Brex kinds.
const (
	KindBrexUserToken Kind = "brex-user-token"
	KindWebhookSecret Kind = "webhook-secret"
)

// GitleaksRule returns the gitleaks rule ID of a "gitleaks:RULE-ID" kind.
func (k Kind) GitleaksRule() (string, bool) {
	return strings.CutPrefix(string(k), gitleaksKindPrefix)
}

const gitleaksKindPrefix = "gitleaks:"

// Rule IDs of the Brex rules added to gitleaks' configuration.
const (
	RuleBrexUserToken     = "brex-user-token"
	RuleBrexWebhookSecret = "brex-webhook-secret"
	ruleGenericAPIKey     = "generic-api-key"
)

// The Brex rules' patterns. A user token is "bxt_" and 36 alphanumerics (the
// shape of Brex's documented example and of leaked tokens); the word
// boundaries keep identifiers such as bxt_set_cdclk out.
const (
	userTokenPattern     = `\bbxt_[A-Za-z0-9]{36}\b`
	webhookSecretPattern = `\bwhsec_[A-Za-z0-9+/]{16,}={0,2}`
	// The rules' keywords: gitleaks tries a rule only on text that holds
	// its keyword.
	userTokenKeyword     = "bxt_"
	webhookSecretKeyword = "whsec_"
)

// Descriptions of the Brex rules.
const (
	userTokenDescription     = "Brex user token (bxt_…), which acts on the company's Brex account with the scopes chosen at its creation."
	webhookSecretDescription = "Webhook signing secret (whsec_…), with which anyone can forge webhook deliveries."
)

// Match is one secret found in a text.
type Match struct {
	Kind        Kind
	RuleID      string // the gitleaks or Brex rule that matched
	Description string // the rule's description, one sentence
	Secret      string // the secret itself: never print it, see [Redact]
	Start, End  int    // byte offsets of Secret in the scanned text
}

// D is the secret detector. Its methods are safe for concurrent use.
type D struct {
	lit *detect.Detector // for Go literals: without generic-api-key
	// files, for files, has every rule. It is built on first use: each
	// detector holds a keyword trie of 6-7 MiB, and `brexlint ./...` scans
	// only Go literals.
	files func() *detect.Detector
}

var (
	once   sync.Once
	shared *D
	builds atomic.Int32 // how many times the detector was built (tests)
)

// Detector returns the process's detector, building it on first use.
func Detector() *D {
	once.Do(func() {
		d, err := build()
		if err != nil {
			// The configuration is compiled in: a failure is a bug that
			// the package's tests catch, not a user error.
			panic(fmt.Sprintf("secrets: building the gitleaks detector: %v", err))
		}
		shared = d
		builds.Add(1)
	})
	return shared
}

func build() (*D, error) {
	// gitleaks logs through its own global zerolog logger, to stderr; a
	// linter must not write there. The sync.Once that calls build orders
	// this write before every later read by the detector.
	logging.Logger = logging.Logger.Level(zerolog.Disabled)

	// A private viper instance: detect.NewDetectorDefaultConfig reads the
	// default configuration through the global one, which other code in
	// the process may use.
	v := viper.New()
	v.SetConfigType("toml")
	if err := v.ReadConfig(strings.NewReader(config.DefaultConfig)); err != nil {
		return nil, err
	}
	var vc config.ViperConfig
	if err := v.Unmarshal(&vc); err != nil {
		return nil, err
	}
	cfg, err := vc.Translate()
	if err != nil {
		return nil, err
	}
	for _, r := range brexRules() {
		if err := r.Validate(); err != nil {
			return nil, err
		}
		if _, dup := cfg.Rules[r.RuleID]; dup {
			return nil, fmt.Errorf("rule %s already defined", r.RuleID)
		}
		cfg.Rules[r.RuleID] = r
		cfg.OrderedRules = append(cfg.OrderedRules, r.RuleID)
		for _, k := range r.Keywords {
			cfg.Keywords[k] = struct{}{}
		}
	}
	// The two detectors share the compiled rules; leaving generic-api-key
	// out of the literal one also saves running its costly pattern on
	// every literal that mentions "key", "api" or "token".
	lit := cfg
	lit.Rules = maps.Clone(cfg.Rules)
	delete(lit.Rules, ruleGenericAPIKey)
	lit.OrderedRules = slices.DeleteFunc(slices.Clone(cfg.OrderedRules), func(id string) bool { return id == ruleGenericAPIKey })
	lit.Keywords = map[string]struct{}{}
	for _, r := range lit.Rules {
		for _, k := range r.Keywords {
			lit.Keywords[k] = struct{}{}
		}
	}
	return &D{lit: detect.NewDetector(lit), files: sync.OnceValue(func() *detect.Detector { return detect.NewDetector(cfg) })}, nil
}

func brexRules() []config.Rule {
	return []config.Rule{
		{
			RuleID:      RuleBrexUserToken,
			Description: userTokenDescription,
			Regex:       regexp.MustCompile(userTokenPattern),
			Keywords:    []string{userTokenKeyword},
			Tags:        []string{"brex"},
		},
		{
			RuleID:      RuleBrexWebhookSecret,
			Description: webhookSecretDescription,
			Regex:       regexp.MustCompile(webhookSecretPattern),
			Keywords:    []string{webhookSecretKeyword},
			Tags:        []string{"brex", "webhook"},
		},
	}
}

// Scan returns the secrets in text, one string literal's value or a small
// file, in order of position. Placeholders ([IsPlaceholder]) are dropped;
// obviously fake values ([ObviouslyFake]) are not: whether they count is the
// caller's decision. Noise (an ordinary word inside prose) is dropped. Scan
// does not apply gitleaks' generic-api-key rule (see the package
// documentation).
func (d *D) Scan(text string) []Match {
	return dropNoise(text, d.scan(text, "", false))
}

// scan runs the detector over text. path, if set, enables gitleaks' path
// allowlists (go.sum, lock files …) at about six times the cost; generic
// keeps the generic-api-key rule.
func (d *D) scan(text, path string, generic bool) []Match {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	det := d.lit
	if generic {
		det = d.files()
	}
	findings := det.DetectContext(context.Background(), detect.Fragment{Raw: text, FilePath: path})
	if len(findings) == 0 {
		return nil
	}
	lineStarts := lineOffsets(text)
	var out []Match
	for _, f := range findings {
		if f.Secret == "" || IsPlaceholder(f.Secret) {
			continue
		}
		start, end := locate(text, lineStarts, f)
		m := Match{
			Kind:        kindOf(f.RuleID),
			RuleID:      f.RuleID,
			Description: f.Description,
			Secret:      f.Secret,
			Start:       start,
			End:         end,
		}
		out = append(out, m)
	}
	// gitleaks iterates over its rules in map order: sort, then keep one
	// match per place, preferring the Brex rules, so that the result does
	// not depend on that order.
	slices.SortFunc(out, func(a, b Match) int {
		return cmp.Or(
			cmp.Compare(a.Start, b.Start),
			cmp.Compare(b.End, a.End),
			cmp.Compare(rank(a.Kind), rank(b.Kind)),
			cmp.Compare(a.RuleID, b.RuleID),
		)
	})
	return slices.CompactFunc(out, func(a, b Match) bool {
		return a.Start == b.Start && a.End == b.End
	})
}

// rank orders kinds for de-duplication: Brex rules first.
func rank(k Kind) int {
	switch k {
	case KindBrexUserToken:
		return 0
	case KindWebhookSecret:
		return 1
	}
	return 2
}

func kindOf(ruleID string) Kind {
	switch ruleID {
	case RuleBrexUserToken:
		return KindBrexUserToken
	case RuleBrexWebhookSecret:
		return KindWebhookSecret
	}
	return Kind(gitleaksKindPrefix + ruleID)
}

// lineOffsets returns the byte offset at which each line of text starts.
func lineOffsets(text string) []int {
	offs := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			offs = append(offs, i+1)
		}
	}
	return offs
}

// locate finds the byte offsets of f's secret in text. gitleaks reports
// 0-based lines relative to the fragment and columns that drift, but its
// Match is a substring of the text and its Secret a substring of the Match:
// search for the Match from the start of the reported line, then for the
// Secret inside it.
func locate(text string, lineStarts []int, f report.Finding) (int, int) {
	from := 0
	if f.StartLine >= 0 && f.StartLine < len(lineStarts) {
		from = lineStarts[f.StartLine]
	}
	at := -1
	if f.Match != "" {
		if i := strings.Index(text[from:], f.Match); i >= 0 {
			at = from + i
		} else if i := strings.Index(text, f.Match); i >= 0 {
			at = i
		}
	}
	if at >= 0 {
		if j := strings.Index(f.Match, f.Secret); j >= 0 {
			return at + j, at + j + len(f.Secret)
		}
	}
	if i := strings.Index(text[from:], f.Secret); i >= 0 {
		return from + i, from + i + len(f.Secret)
	}
	if i := strings.Index(text, f.Secret); i >= 0 {
		return i, i + len(f.Secret)
	}
	return 0, 0
}
