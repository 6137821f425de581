package checklist

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/brexlint/brexlint/internal/checks"
)

// Audience is a section of the launch checklist.
type Audience string

// The audiences of the checklist.
const (
	Customer Audience = "customer" // integrations that call the API with a user token
	Partner  Audience = "partner"  // OAuth 2.0 applications
)

// ParseAudience parses a flag value: "customer" or "partner", in any case,
// surrounding space ignored. Choosing an audience automatically ("auto") is
// the caller's business.
func ParseAudience(s string) (Audience, error) {
	switch a := Audience(strings.ToLower(strings.TrimSpace(s))); a {
	case Customer, Partner:
		return a, nil
	}
	return "", fmt.Errorf("unknown audience %q: want %s or %s", s, Customer, Partner)
}

// Status is the verdict on one item.
type Status string

// The statuses of an item.
const (
	Pass          Status = "pass"        // a check of the item ran, examined something and found nothing
	Fail          Status = "fail"        // a check of the item found something
	NotApplicable Status = "n/a"         // the checks ran, but the module has nothing they examine
	Manual        Status = "manual"      // no check can decide the item
	NotChecked    Status = "not-checked" // none of the item's checks ran (not built yet, or disabled)
)

// Finding is one diagnostic of one check, as the CLI hands it over.
type Finding struct {
	Check    string `json:"check"`
	Category string `json:"category,omitempty"` // e.g. "idempotencykey/constant-key"
	Message  string `json:"message"`
	File     string `json:"file"` // relative to the module root, slash-separated
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Function string `json:"function,omitempty"` // enclosing function, for baselines
	// Related is what the one-line message leaves out, each with its
	// place: every endpoint of a message that names two and counts the
	// rest ("endpoint: GET /v1/vendors"), what a gitleaks rule detects,
	// what an OAuth configuration requests. It is the diagnostic's
	// related information, as -json prints it.
	Related []Related `json:"related,omitempty"`
	// Code is the text of the finding's line, which the CLI reads for
	// Key. It is never printed or stored: it may hold a secret.
	Code string `json:"-"`
}

// Related is one piece of a finding's related information.
type Related struct {
	Message string `json:"message"`
	File    string `json:"file"` // relative to the module root, slash-separated
	Line    int    `json:"line"`
	Column  int    `json:"column"`
}

// ItemResult is the verdict on one item.
type ItemResult struct {
	Item     Item      `json:"item"`
	Status   Status    `json:"status"`
	Findings []Finding `json:"findings"` // the findings of the item's checks
	Checks   []string  `json:"checks"`   // the item's checks that ran
	// Examined says how many of each of the item's subjects the module
	// has, for the subjects counted and found (see [Subject]).
	Examined []Examined `json:"examined"`
	// Reason says why an item is n/a: "no Brex call recognised".
	Reason string `json:"reason,omitempty"`
}

// Report is the launch-readiness report of one module for one audience.
//
// Its JSON form ([Report.WriteJSON]) is stable; fields may be added, never
// renamed or removed. Arrays are always present (possibly empty), never null:
//
//	{
//	  "audience": "customer" | "partner",
//	  "catalog_date": string,     // date of the endpoint catalogue; may be ""
//	  "module": string,           // module path; may be ""
//	  "items": [{                 // every item of the audience, in checklist order
//	    "item": {
//	      "id": string,           // stable kebab-case ID
//	      "text": string,
//	      "doc_url": string,
//	      "audiences": [string],  // "customer", "partner"
//	      "checks": [string],     // checks that decide it; [] for a manual item
//	      "examines": [string]    // subject IDs ("brex-calls", "brex-oauth-configs", "go-files", "other-files")
//	    },
//	    "status": "pass" | "fail" | "n/a" | "manual" | "not-checked",
//	    "findings": [Finding],    // sorted by file, line, column, check
//	    "checks": [string],       // the item's checks that ran
//	    "examined": [{            // the subjects counted and found, in the item's order
//	      "subject": string, "count": int, "text": string   // "brex-calls", 14, "14 Brex calls"
//	    }],
//	    "reason": string          // why the item is n/a (omitted otherwise)
//	  }],
//	  "unassigned": [Finding],    // findings of checks that decide no item
//	  "baselined": [Finding],     // findings the baseline accepts (-baseline); not in items
//	  "repo_dir": string,         // the module root relative to the git repository root; "" there or outside git
//	  "coverage": {string: int},  // subject ID → how many the module has; {} when not counted
//	  "warnings": [{              // about the module as a whole; fail only with "strict"
//	    "kind": "blind-spot", "message": string, "files": [string]
//	  }],
//	  "strict": bool              // warnings fail the report (-strict)
//	}
//
// where a Finding is
//
//	{
//	  "check": string, "category": string (omitted if empty),
//	  "message": string,
//	  "file": string,             // relative to the module root, slash-separated
//	  "line": int, "column": int, // 1-based
//	  "function": string,         // enclosing function (omitted if empty)
//	  "related": [{               // what the message leaves out (omitted if none),
//	    "message": string,        // e.g. "endpoint: GET /v1/vendors" for each endpoint
//	    "file": string, "line": int, "column": int  // of a message that counts them
//	  }]
//	}
type Report struct {
	Audience    Audience     `json:"audience"`
	CatalogDate string       `json:"catalog_date"`
	Module      string       `json:"module"`
	Items       []ItemResult `json:"items"`
	// Unassigned holds the findings of checks that decide no item for this
	// audience, e.g. the directive check. They do not fail the report.
	Unassigned []Finding `json:"unassigned"`
	// Baselined holds the findings that a baseline accepts (see
	// [Baseline.Filter]): the caller evaluates the report without them,
	// so they fail nothing, and sets them here so that reports can say
	// how many there are.
	Baselined []Finding `json:"baselined"`
	// RepoDir is the module root relative to the root of its git
	// repository, slash-separated, "" at the root or outside git. SARIF
	// locations are relative to the repository root, as code scanning
	// wants them.
	RepoDir string `json:"repo_dir"`
	// Coverage is what the caller counted in the module (see
	// [EvaluateCovered]); empty when it counted nothing.
	Coverage Coverage `json:"coverage"`
	// Warnings are about the module as a whole (a blind spot of the Brex
	// model); they fail the report only when Strict is set.
	Warnings []Warning `json:"warnings"`
	Strict   bool      `json:"strict"`
}

// Evaluate judges every item of aud's section. ran reports whether a check
// ran in this run (false for a check whose analyzer does not exist yet or
// that the user disabled); nil means that every check ran. A check with
// findings counts as run whatever ran says. An item fails when any finding
// belongs to one of its checks, passes when at least one of its checks ran
// and none found anything, is not checked when none of its checks ran, and is
// manual when it has no checks. Findings are sorted by file, line, column and
// check. The caller fills in CatalogDate and Module. Evaluate counts
// nothing, so no item is n/a: see [EvaluateCovered].
func Evaluate(aud Audience, ran func(check string) bool, findings []Finding) Report {
	return EvaluateCovered(aud, ran, findings, nil)
}

// EvaluateCovered is [Evaluate] with what the caller counted in the module:
// each item says how many of its subjects it examined, and an item that
// would pass is [NotApplicable] when every one of its subjects was counted
// and none was found (see [Subject]).
func EvaluateCovered(aud Audience, ran func(check string) bool, findings []Finding, cov Coverage) Report {
	sorted := slices.Clone(findings)
	slices.SortStableFunc(sorted, compareFindings)

	found := make(map[string]bool)
	for _, f := range sorted {
		found[f.Check] = true
	}
	hasRun := func(check string) bool {
		return found[check] || ran == nil || ran(check)
	}

	r := Report{Audience: aud, Items: []ItemResult{}, Unassigned: []Finding{}, Baselined: []Finding{},
		Coverage: Coverage{}, Warnings: []Warning{}}
	for id, n := range cov {
		r.Coverage[id] = n
	}
	decides := make(map[string]bool) // checks that decide an item of aud
	for _, it := range Items(aud) {
		res := ItemResult{Item: it, Findings: []Finding{}, Checks: []string{}, Examined: []Examined{}}
		for _, c := range it.Checks {
			decides[c] = true
			if hasRun(c) {
				res.Checks = append(res.Checks, c)
			}
		}
		for _, f := range sorted {
			if slices.Contains(it.Checks, f.Check) {
				res.Findings = append(res.Findings, f)
			}
		}
		switch {
		case it.Manual():
			res.Status = Manual
		case len(res.Findings) > 0:
			res.Status = Fail
		case len(res.Checks) > 0:
			res.Status = Pass
		default:
			res.Status = NotChecked
		}
		res.cover(cov)
		r.Items = append(r.Items, res)
	}
	for _, f := range sorted {
		if !decides[f.Check] {
			r.Unassigned = append(r.Unassigned, f)
		}
	}
	return r
}

func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Check, b.Check),
		cmp.Compare(a.Category, b.Category),
		cmp.Compare(a.Message, b.Message),
	)
}

// Failed reports whether any item failed, or, with Strict, whether there
// is a warning: the CI gate. An n/a item fails nothing.
func (r Report) Failed() bool {
	for _, res := range r.Items {
		if res.Status == Fail {
			return true
		}
	}
	return r.Strict && len(r.Warnings) > 0
}

// summary is the "N pass, N fail, N manual, N not checked" line.
func (r Report) summary() string {
	n := make(map[Status]int)
	for _, res := range r.Items {
		n[res.Status]++
	}
	s := fmt.Sprintf("%d pass, %d fail, %d n/a, %d manual, %d not checked",
		n[Pass], n[Fail], n[NotApplicable], n[Manual], n[NotChecked])
	if k := len(r.Warnings); k > 0 {
		s += "; " + Plural(k, "1 warning", fmt.Sprintf("%d warnings", k))
		if r.Strict {
			s += " (strict: they fail the report)"
		}
	}
	if len(r.Baselined) > 0 {
		s += fmt.Sprintf("; %d accepted by the baseline, not shown", len(r.Baselined))
	}
	return s
}

// baselinedOf counts the baselined findings of the item's checks.
func (r Report) baselinedOf(it Item) int {
	n := 0
	for _, f := range r.Baselined {
		if slices.Contains(it.Checks, f.Check) {
			n++
		}
	}
	return n
}

// notRun lists the item's checks that did not run.
func (res ItemResult) notRun() []string {
	var out []string
	for _, c := range res.Item.Checks {
		if !slices.Contains(res.Checks, c) {
			out = append(out, c)
		}
	}
	return out
}

// textMark is the status column of the text report.
func textMark(s Status) string {
	switch s {
	case Fail:
		return "FAIL"
	case NotChecked:
		return "not checked"
	}
	return string(s)
}

// detail is what an item examined ("14 Brex calls"), or why it is n/a.
func (res ItemResult) detail() string {
	if res.Status == NotApplicable {
		return res.Reason
	}
	return res.examinedText()
}

// WriteText writes the report for a terminal: a header, one line per item
// (status, ID, text), the findings of a failing item indented under it as
// file:line:col: message, the findings that belong to no item, and a
// summary line.
func (r Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Brex launch checklist: %s integration\n", r.Audience)
	if r.CatalogDate != "" {
		fmt.Fprintf(bw, "Catalogue: %s\n", r.CatalogDate)
	}
	if r.Module != "" {
		fmt.Fprintf(bw, "Module: %s\n", r.Module)
	}
	fmt.Fprintln(bw)

	markWidth, idWidth := 0, 0
	for _, res := range r.Items {
		markWidth = max(markWidth, len(textMark(res.Status)))
		idWidth = max(idWidth, len(res.Item.ID))
	}
	var group Group
	for _, res := range r.Items {
		if g := res.Item.Group; g != group {
			group = g
			fmt.Fprintf(bw, "\n%s:\n", g.Title())
		}
		fmt.Fprintf(bw, "%-*s  %-*s  %s\n", markWidth, textMark(res.Status), idWidth, res.Item.ID, res.Item.Text)
		indent := strings.Repeat(" ", markWidth+2)
		if d := res.detail(); d != "" {
			fmt.Fprintf(bw, "%s  (%s)\n", indent, d)
		}
		if nr := res.notRun(); len(nr) > 0 && (res.Status == Pass || res.Status == Fail) {
			fmt.Fprintf(bw, "%s  (not run: %s)\n", indent, strings.Join(nr, ", "))
		}
		if n := r.baselinedOf(res.Item); n > 0 {
			fmt.Fprintf(bw, "%s  (%d accepted by the baseline)\n", indent, n)
		}
		for _, f := range res.Findings {
			fmt.Fprintf(bw, "%s  %s:%d:%d: %s\n", indent, f.File, f.Line, f.Column, oneLine(f.Message))
		}
	}
	if len(r.Unassigned) > 0 {
		fmt.Fprintf(bw, "\nOther findings (no checklist item):\n")
		for _, f := range r.Unassigned {
			fmt.Fprintf(bw, "  %s:%d:%d: %s [%s]\n", f.File, f.Line, f.Column, oneLine(f.Message), f.Check)
		}
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(bw, "\nwarning: %s\n", oneLine(w.text(false)))
	}
	fmt.Fprintf(bw, "\n%s\n", r.summary())
	return bw.Flush()
}

// WriteJSON writes the report as indented JSON, in the schema documented on
// [Report], followed by a newline. HTML characters are not escaped.
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// mdStatus is the status word of the Markdown report.
func mdStatus(s Status) string {
	switch s {
	case Fail:
		return "**fail**"
	case NotChecked:
		return "not checked"
	}
	return string(s)
}

// WriteMarkdown writes the report as GitHub-flavoured Markdown, fit for a
// pull-request comment or $GITHUB_STEP_SUMMARY: a heading, a table
// | Item | Status | Findings | with status words (no emoji), a summary
// line, then a Findings section grouped by item, each finding as plain-text
// file:line, message and (check or category), linked to the check's
// documentation (why Brex cares, how to fix). Text from findings and items
// is escaped, so a | in a message cannot break the table.
func (r Report) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "## Brex launch checklist: %s integration\n\n", mdEscape(string(r.Audience)))
	var meta []string
	if r.Module != "" {
		meta = append(meta, "Module: "+mdEscape(r.Module))
	}
	if r.CatalogDate != "" {
		meta = append(meta, "Catalogue: "+mdEscape(r.CatalogDate))
	}
	if len(meta) > 0 {
		fmt.Fprintf(bw, "%s\n\n", strings.Join(meta, ", "))
	}

	fmt.Fprintf(bw, "| Item | Status | Findings |\n|---|---|---|\n")
	var group Group
	for _, res := range r.Items {
		if g := res.Item.Group; g != group {
			group = g
			fmt.Fprintf(bw, "\n### %s\n\n| Item | Status | Findings |\n|---|---|---|\n", mdEscape(g.Title()))
		}
		count := ""
		if res.Status == Pass || res.Status == Fail {
			count = fmt.Sprint(len(res.Findings))
		}
		status := mdStatus(res.Status)
		if d := res.detail(); d != "" {
			status += " (" + mdEscape(d) + ")"
		}
		if nr := res.notRun(); len(nr) > 0 && (res.Status == Pass || res.Status == Fail) {
			status += " (not run: " + mdEscape(strings.Join(nr, ", ")) + ")"
		}
		if n := r.baselinedOf(res.Item); n > 0 {
			status += fmt.Sprintf(" (%d accepted by the baseline)", n)
		}
		fmt.Fprintf(bw, "| `%s` %s | %s | %s |\n", res.Item.ID, mdItemText(res.Item), status, count)
	}
	fmt.Fprintf(bw, "\n%s\n", r.summary())
	for _, w := range r.Warnings {
		fmt.Fprintf(bw, "\n> **Warning:** %s\n", w.text(true))
	}

	anyFindings := false
	for _, res := range r.Items {
		if len(res.Findings) > 0 {
			if !anyFindings {
				fmt.Fprintf(bw, "\n### Findings\n")
				anyFindings = true
			}
			fmt.Fprintf(bw, "\n#### `%s` %s\n\n", res.Item.ID, mdItemText(res.Item))
			for _, f := range res.Findings {
				mdFinding(bw, f)
			}
		}
	}
	if len(r.Unassigned) > 0 {
		fmt.Fprintf(bw, "\n### Other findings\n\nThese checks decide no item of the %s checklist.\n\n", mdEscape(string(r.Audience)))
		for _, f := range r.Unassigned {
			mdFinding(bw, f)
		}
	}
	return bw.Flush()
}

func mdItemText(it Item) string {
	if it.DocURL == "" {
		return mdEscape(it.Text)
	}
	return "[" + mdEscape(it.Text) + "](" + it.DocURL + ")"
}

func mdFinding(w io.Writer, f Finding) {
	rule := f.Check
	if f.Category != "" {
		rule = f.Category
	}
	// The message is one clause; the rule links to the check's
	// documentation, which says why Brex cares and how to fix it.
	fmt.Fprintf(w, "- %s:%d: %s ([%s](%s))\n", mdEscape(f.File), f.Line, mdEscape(f.Message), mdEscape(rule), checks.DocURL(f.Check))
}

// mdEscaper backslash-escapes the Markdown characters that could break a
// table cell (|), start emphasis or code, a link, or raw HTML.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`",
	"[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
	"\r\n", " ", "\n", " ", "\r", " ",
)

func mdEscape(s string) string { return mdEscaper.Replace(s) }

// oneLine keeps a multi-line message on its line of the text report.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
