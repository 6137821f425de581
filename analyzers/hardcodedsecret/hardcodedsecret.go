package hardcodedsecret

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/token"
	"slices"
	"strconv"
	"strings"

	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/secrets"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer reports credentials hardcoded in Go source.
var Analyzer = &analysis.Analyzer{
	Name:             checks.HardcodedSecret,
	Doc:              "report credentials (Brex tokens, OAuth client secrets, webhook secrets, keys) hardcoded in Go source",
	URL:              checks.DocURL(checks.HardcodedSecret),
	Requires:         []*analysis.Analyzer{directives.Analyzer, inspect.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
}

// detector returns the secret detector; tests replace it to count builds.
var detector = secrets.Detector

// The kinds of finding (categories "hardcodedsecret/KIND").
const (
	kindUserToken     = "brex-user-token"
	kindWebhookSecret = "webhook-secret"
	kindClientSecret  = "oauth-client-secret"
	kindClientID      = "oauth-client-id"
	kindFormSecret    = "client-secret"
	kindAuthHeader    = "authorization-header"
	kindCredential    = "credential"
)

// finding is one hardcoded secret, at the literal (or constant
// declaration) that holds it.
type finding struct {
	pos, end token.Pos
	kind     string
	secret   string // never printed: see secrets.Redact
	rank     int    // lower wins when several rules see one literal
	message  string // without the value, which report adds redacted
	related  string // what the gitleaks rule detects, if the message names one
}

type checker struct {
	pass     *analysis.Pass
	fixture  bool // the package's import path has a testdata element
	findings map[token.Pos]*finding

	insp *inspector.Inspector
	// Built on demand by context.go.
	decls *declIndex
}

func run(pass *analysis.Pass) (any, error) {
	r := directives.NewReporter(pass)
	defer r.Finish()
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)

	// The prefilter runs before anything else: most packages hold no
	// literal that could be a secret, and then neither the context rules
	// nor the detector run.
	var cands []candidate
	insp.Preorder([]ast.Node{(*ast.BasicLit)(nil)}, func(n ast.Node) {
		lit := n.(*ast.BasicLit)
		if lit.Kind != token.STRING {
			return
		}
		s, ok := stringValue(pass, lit)
		if ok && secrets.CandidateLiteral(s) {
			cands = append(cands, candidate{lit, s})
		}
	})
	if len(cands) == 0 {
		return nil, nil
	}

	c := &checker{
		pass:     pass,
		fixture:  secrets.FixturePackage(pass.Pkg.Path(), modulePath(pass)),
		findings: map[token.Pos]*finding{},
		insp:     insp,
	}
	c.contextRules()
	c.literalRules(cands)
	c.report(r)
	return nil, nil
}

type candidate struct {
	lit   *ast.BasicLit
	value string
}

func stringValue(pass *analysis.Pass, lit *ast.BasicLit) (string, bool) {
	if tv, ok := pass.TypesInfo.Types[lit]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// modulePath returns the path of the package's module, "" when the driver
// does not say (GOPATH mode, some drivers).
func modulePath(pass *analysis.Pass) string {
	if pass.Module == nil {
		return ""
	}
	return pass.Module.Path
}

// inFixture reports whether pos is in test code: a _test.go file or a
// fixture package.
func (c *checker) inFixture(pos token.Pos) bool {
	if c.fixture {
		return true
	}
	f := c.pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// add records f unless a finding of better rank holds its position.
func (c *checker) add(f *finding) {
	if old, ok := c.findings[f.pos]; ok && old.rank <= f.rank {
		return
	}
	c.findings[f.pos] = f
}

// literalRules scans each candidate literal with the detector: Brex user
// tokens, whsec_ webhook secrets and gitleaks' rules. In test code only Brex
// user tokens count, and they are found without the detector, so that a
// test-only package never pays for building it.
func (c *checker) literalRules(cands []candidate) {
	var d *secrets.D
	scanned := map[string][]secrets.Match{} // a value repeated is scanned once
	for _, cand := range cands {
		// Placeholders are judged match by match, not on the whole
		// literal: "curl -H 'Authorization: Bearer bxt_…' …?q=%s" holds
		// a real token next to a format verb.
		var ms []secrets.Match
		if c.inFixture(cand.lit.Pos()) {
			ms = secrets.ScanUserTokens(cand.value)
		} else {
			var ok bool
			if ms, ok = scanned[cand.value]; !ok {
				if d == nil {
					d = detector()
				}
				ms = d.Scan(cand.value)
				scanned[cand.value] = ms
			}
		}
		if len(ms) == 0 {
			continue
		}
		// One finding per literal: the best-ranked match.
		m := slices.MinFunc(ms, func(a, b secrets.Match) int {
			return cmp.Compare(rankOf(a.Kind), rankOf(b.Kind))
		})
		c.add(c.literalFinding(cand.lit, m))
	}
}

func rankOf(k secrets.Kind) int {
	switch k {
	case secrets.KindBrexUserToken:
		return 0
	case secrets.KindWebhookSecret:
		return 1
	}
	return 10
}

func (c *checker) literalFinding(lit *ast.BasicLit, m secrets.Match) *finding {
	f := &finding{pos: lit.Pos(), end: lit.End(), secret: m.Secret, rank: rankOf(m.Kind)}
	switch m.Kind {
	case secrets.KindBrexUserToken:
		f.kind = kindUserToken
		f.message = "Brex user token %s is hardcoded"
	case secrets.KindWebhookSecret:
		f.kind = kindWebhookSecret
		f.message = webhookMessage
	default:
		f.kind = kindCredential
		rule, _ := m.Kind.GitleaksRule()
		f.message = "hardcoded credential %s (gitleaks rule " + rule + ")"
		f.related = strings.TrimSuffix(m.Description, ".")
	}
	return f
}

const webhookMessage = "webhook signing secret %s is hardcoded"

// report reports the findings in position order. In test code only Brex
// user tokens that are not obviously fake are reported: keys, private keys
// and HMAC secrets there are fixtures that sign their own data.
func (c *checker) report(r *directives.Reporter) {
	fs := make([]*finding, 0, len(c.findings))
	for _, f := range c.findings {
		fs = append(fs, f)
	}
	slices.SortFunc(fs, func(a, b *finding) int { return cmp.Compare(a.pos, b.pos) })
	for _, f := range fs {
		if c.inFixture(f.pos) && (f.kind != kindUserToken || secrets.ObviouslyFake(f.secret)) {
			continue
		}
		r.Report(analysis.Diagnostic{
			Pos:      f.pos,
			End:      f.end,
			Category: f.kind,
			Message:  checks.Message(strings.Replace(f.message, "%s", strconv.Quote(secrets.Redact(f.secret)), 1), why(f.kind), fixSecret),
			Related:  f.relatedInformation(),
		})
	}
}

// fixSecret is what to do with any hardcoded credential.
const fixSecret = "read it from the environment or a secret store"

// why says why a hardcoded credential of the kind matters.
func why(kind string) string {
	if kind == kindClientID {
		// Public by design (RFC 6749 §2.2), but the checklist asks
		// partners to keep it out of code with the secret.
		return "it fails Brex's launch checklist, which keeps OAuth credentials out of code"
	}
	return "anyone who can read the code can use it"
}

// relatedInformation describes, at the finding, what the gitleaks rule its
// message names detects: its description is too long for the message.
func (f *finding) relatedInformation() []analysis.RelatedInformation {
	if f.related == "" {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: f.pos, End: f.end, Message: f.related}}
}
