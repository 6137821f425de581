package checklist

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/brexlint/brexlint/internal/checks"
)

// SARIF 2.1.0, as GitHub code scanning and other SARIF consumers read it.
const (
	SARIFVersion = "2.1.0"
	SARIFSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// SARIFFingerprint names brexlint's entry in partialFingerprints: the
	// [Key] of the finding, stable when lines move.
	SARIFFingerprint = "brexlintKey/v1"
	// SARIFSourceRoot is the uriBaseId of every location: the root of the
	// repository (the module root outside git).
	SARIFSourceRoot = "%SRCROOT%"
)

const informationURI = "https://pkg.go.dev/github.com/brexlint/brexlint"

// SARIFTool describes brexlint for [Report.WriteSARIF].
type SARIFTool struct {
	// Version is brexlint's version ("v0.3.0", or "(devel)" for a build
	// from a checkout).
	Version string
	// Checks are the checks of this build, with their documentation, in
	// order. Each becomes a rule; so does each category of a finding.
	Checks []CheckDoc
}

// CheckDoc is a check's documentation as its analyzer states it.
type CheckDoc struct {
	Name string // the check's name (internal/checks)
	Doc  string // the analyzer's Doc: a summary line, then paragraphs
	// Help is the check's whole documentation (its doc.go, as brexlint
	// help CHECK prints it): what each finding means, why Brex cares and
	// how to fix it, which the one-line messages leave out. HelpMarkdown
	// is the same as Markdown. Either may be empty; Doc then stands in.
	Help, HelpMarkdown string
}

// WriteSARIF writes the report as a SARIF 2.1.0 log with one run:
//
//   - one rule per check of the build and one per category of a finding
//     ("idempotencykey/missing"), each with a short and full description,
//     help text and Markdown naming the checklist items it decides with
//     their Brex documentation, a helpUri to the check's documentation, and
//     a default level: error when the check decides an item of the
//     audience, warning otherwise;
//   - one result per finding of an item (level error: it fails the gate) and
//     per unassigned finding (level warning: it fails nothing), with its
//     location relative to the repository root (uriBaseId %SRCROOT%),
//     columns in UTF-16 code units, the enclosing function as a logical
//     location, and partialFingerprints[SARIFFingerprint], the finding's
//     [Key] (so code scanning follows it when lines move), and the
//     finding's related information as relatedLocations, each with its
//     message (every endpoint of a message that names two and counts the
//     rest);
//   - the tool version with the date of the Brex API catalogue, and as run
//     properties the audience, module, catalogue date, baselined count,
//     coverage (subject ID → count), every item's status with what it
//     examined or why it is n/a ("items": [{"id", "status", "examined",
//     "reason"}]), the warnings and whether they fail the report
//     ("strict"), so that a SARIF consumer can tell n/a from pass.
//
// Findings accepted by a baseline are left out, as from every other format.
// Nothing of a finding's line of code is written.
func (r Report) WriteSARIF(w io.Writer, tool SARIFTool) error {
	audienceChecks := map[string][]string{} // check → IDs of the items it decides
	for _, res := range r.Items {
		for _, c := range res.Item.Checks {
			audienceChecks[c] = append(audienceChecks[c], res.Item.ID)
		}
	}
	docs := map[string]CheckDoc{}
	for _, c := range tool.Checks {
		docs[c.Name] = c
	}

	b := sarifBuilder{report: r, docs: docs, items: audienceChecks, index: map[string]int{}}
	for _, c := range tool.Checks {
		b.rule(c.Name, "")
	}
	var results []sarifResult
	for _, res := range r.Items {
		for _, f := range res.Findings {
			if !slices.Contains(res.Item.Checks, f.Check) || b.seen(f) {
				continue
			}
			results = append(results, b.result(f, "error"))
		}
	}
	for _, f := range r.Unassigned {
		results = append(results, b.result(f, "warning"))
	}
	if results == nil {
		results = []sarifResult{}
	}

	version := tool.Version
	if version == "" {
		version = "(devel)"
	}
	driver := sarifDriver{
		Name:           "brexlint",
		FullName:       "brexlint: Brex API launch-checklist checks for Go",
		InformationURI: informationURI,
		Version:        version,
		Rules:          b.rules,
	}
	if r.CatalogDate != "" {
		driver.Version += ", Brex API catalogue " + r.CatalogDate
	}
	if sv, ok := strings.CutPrefix(tool.Version, "v"); ok && !strings.ContainsAny(sv, " ()") {
		driver.SemanticVersion = sv
	}
	rootDesc := "The root of the repository that holds the module"
	if r.RepoDir == "" {
		rootDesc = "The root of the module (and of its repository, if any)"
	}
	log := sarifLog{
		Schema:  SARIFSchema,
		Version: SARIFVersion,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: driver},
			OriginalURIBaseIDs: map[string]sarifArtifactLocation{
				SARIFSourceRoot: {Description: &sarifMessage{Text: rootDesc}},
			},
			ColumnKind: "utf16CodeUnits",
			Results:    results,
			Properties: map[string]any{
				"audience":    r.Audience,
				"module":      r.Module,
				"catalogDate": r.CatalogDate,
				"baselined":   len(r.Baselined),
				"coverage":    r.Coverage,
				"items":       sarifItems(r.Items),
				"warnings":    r.Warnings,
				"strict":      r.Strict,
			},
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

type sarifBuilder struct {
	report Report
	docs   map[string]CheckDoc // check → its documentation
	items  map[string][]string // check → IDs of the audience's items it decides
	rules  []sarifRule
	index  map[string]int // rule ID → index in rules
	done   map[findingID]bool
}

type findingID struct {
	file, check, category, message string
	line, column                   int
}

// seen reports whether f was already written: a check that decides two
// items lists its findings under each.
func (b *sarifBuilder) seen(f Finding) bool {
	if b.done == nil {
		b.done = map[findingID]bool{}
	}
	id := findingID{f.File, f.Check, f.Category, f.Message, f.Line, f.Column}
	if b.done[id] {
		return true
	}
	b.done[id] = true
	return false
}

// rule returns the index of the rule of check (and category, if not ""),
// adding it if needed.
func (b *sarifBuilder) rule(check, category string) int {
	id := check
	if category != "" {
		id = category
	}
	if i, ok := b.index[id]; ok {
		return i
	}
	cd := b.docs[check]
	doc := sentence(cd.Doc)
	summary, _, _ := strings.Cut(doc, "\n")
	if summary == "" {
		summary = "brexlint check " + check
	}
	kind := ""
	if category != "" {
		kind = strings.TrimPrefix(category, check+"/")
		summary = fmt.Sprintf("%s (%s)", strings.TrimSuffix(summary, "."), kind)
	}
	level := "warning"
	var helpText, helpMD strings.Builder
	if kind != "" {
		fmt.Fprintf(&helpText, "Findings of kind %q of the %s check.\n\n", kind, check)
		fmt.Fprintf(&helpMD, "Findings of kind `%s` of the `%s` check.\n\n", kind, check)
	}
	full := cmp.Or(strings.TrimSpace(cd.Help), doc)
	if full != "" {
		helpText.WriteString(full + "\n\n")
		helpMD.WriteString(cmp.Or(strings.TrimSpace(cd.HelpMarkdown), full) + "\n\n")
	}
	ids := b.items[check]
	if len(ids) > 0 {
		level = "error"
		fmt.Fprintf(&helpText, "Brex launch checklist (%s):\n", b.report.Audience)
		fmt.Fprintf(&helpMD, "Brex launch checklist (%s):\n\n", b.report.Audience)
		for _, res := range b.report.Items {
			if !slices.Contains(ids, res.Item.ID) {
				continue
			}
			fmt.Fprintf(&helpText, "- %s: %s %s\n", res.Item.ID, res.Item.Text, res.Item.DocURL)
			fmt.Fprintf(&helpMD, "- `%s`: [%s](%s)\n", res.Item.ID, mdEscape(res.Item.Text), res.Item.DocURL)
		}
	} else {
		fmt.Fprintf(&helpText, "This check decides no item of the %s checklist: its findings do not fail the gate.\n", b.report.Audience)
		fmt.Fprintf(&helpMD, "This check decides no item of the %s checklist: its findings do not fail the gate.\n", b.report.Audience)
	}
	fmt.Fprintf(&helpText, "\nDocumentation: %s", checks.DocURL(check))
	fmt.Fprintf(&helpMD, "\n[Documentation of %s](%s).", check, checks.DocURL(check))
	if check != checks.Directive {
		fmt.Fprintf(&helpText, "\nSilence one finding with //brexlint:ignore %s <reason>.", check)
		fmt.Fprintf(&helpMD, " Silence one finding with `//brexlint:ignore %s <reason>`.", check)
	}

	if full == "" {
		full = summary
	}
	tags := []string{"brex", "launch-checklist", check}
	tags = append(tags, ids...)
	rule := sarifRule{
		ID:                   id,
		Name:                 id,
		ShortDescription:     sarifMessage{Text: summary},
		FullDescription:      sarifMessage{Text: full},
		Help:                 sarifMultiformat{Text: helpText.String(), Markdown: helpMD.String()},
		HelpURI:              checks.DocURL(check),
		DefaultConfiguration: sarifConfiguration{Level: level},
		Properties:           map[string]any{"tags": tags, "checklistItems": append([]string{}, ids...)},
	}
	b.rules = append(b.rules, rule)
	b.index[id] = len(b.rules) - 1
	return len(b.rules) - 1
}

func (b *sarifBuilder) result(f Finding, level string) sarifResult {
	i := b.rule(f.Check, f.Category)
	p := f.File
	if b.report.RepoDir != "" {
		p = path.Join(b.report.RepoDir, f.File)
	}
	uri := (&url.URL{Path: p}).String() // percent-encoded, relative
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLocation{URI: uri, URIBaseID: SARIFSourceRoot},
	}}
	if f.Line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: f.Line}
		if f.Column > 0 {
			loc.PhysicalLocation.Region.StartColumn = utf16Column(f.Code, f.Column)
		}
	}
	if f.Function != "" {
		loc.LogicalLocations = []sarifLogicalLocation{{Name: f.Function, Kind: "function"}}
	}
	var related []sarifRelatedLocation
	for j, rel := range f.Related {
		p := rel.File
		if b.report.RepoDir != "" {
			p = path.Join(b.report.RepoDir, rel.File)
		}
		rl := sarifRelatedLocation{ID: j + 1, Message: sarifMessage{Text: rel.Message}}
		rl.PhysicalLocation.ArtifactLocation = sarifArtifactLocation{URI: (&url.URL{Path: p}).String(), URIBaseID: SARIFSourceRoot}
		if rel.Line > 0 {
			rl.PhysicalLocation.Region = &sarifRegion{StartLine: rel.Line, StartColumn: rel.Column}
			if rel.File == f.File && rel.Line == f.Line {
				// On another line the column stays in bytes: the
				// finding carries only its own line's text.
				rl.PhysicalLocation.Region.StartColumn = utf16Column(f.Code, rel.Column)
			}
		}
		related = append(related, rl)
	}
	return sarifResult{
		RuleID:              b.rules[i].ID,
		RuleIndex:           i,
		Level:               level,
		Message:             sarifMessage{Text: f.Message},
		Locations:           []sarifLocation{loc},
		RelatedLocations:    related,
		PartialFingerprints: map[string]string{SARIFFingerprint: f.Key().Fingerprint()},
	}
}

// sentence trims an analyzer's Doc and capitalizes its first letter: Docs
// start lower-case ("report …"), as go vet lists them.
func sentence(doc string) string {
	doc = strings.TrimSpace(doc)
	r, n := utf8.DecodeRuneInString(doc)
	if n == 0 {
		return ""
	}
	return string(unicode.ToUpper(r)) + doc[n:]
}

// utf16Column converts a 1-based byte column of line to a 1-based column in
// UTF-16 code units, SARIF's default. Without the line it returns col.
func utf16Column(line string, col int) int {
	if line == "" || col-1 > len(line) {
		return col
	}
	n := 1
	for _, r := range line[:col-1] {
		if r == utf8.RuneError {
			n++
			continue
		}
		n += utf16.RuneLen(r)
	}
	return n
}

// The subset of the SARIF 2.1.0 object model that brexlint writes.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                        `json:"tool"`
		OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
		ColumnKind         string                           `json:"columnKind"`
		Results            []sarifResult                    `json:"results"`
		Properties         map[string]any                   `json:"properties,omitempty"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name            string      `json:"name"`
		FullName        string      `json:"fullName,omitempty"`
		InformationURI  string      `json:"informationUri"`
		Version         string      `json:"version"`
		SemanticVersion string      `json:"semanticVersion,omitempty"`
		Rules           []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string             `json:"id"`
		Name                 string             `json:"name,omitempty"`
		ShortDescription     sarifMessage       `json:"shortDescription"`
		FullDescription      sarifMessage       `json:"fullDescription"`
		Help                 sarifMultiformat   `json:"help"`
		HelpURI              string             `json:"helpUri"`
		DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
		Properties           map[string]any     `json:"properties,omitempty"`
	}
	sarifConfiguration struct {
		Level string `json:"level"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifMultiformat struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifResult struct {
		RuleID              string                 `json:"ruleId"`
		RuleIndex           int                    `json:"ruleIndex"`
		Level               string                 `json:"level"`
		Message             sarifMessage           `json:"message"`
		Locations           []sarifLocation        `json:"locations"`
		RelatedLocations    []sarifRelatedLocation `json:"relatedLocations,omitempty"`
		PartialFingerprints map[string]string      `json:"partialFingerprints"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysicalLocation  `json:"physicalLocation"`
		LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
	}
	sarifRelatedLocation struct {
		ID               int                   `json:"id"`
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
		Message          sarifMessage          `json:"message"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           *sarifRegion          `json:"region,omitempty"`
	}
	sarifArtifactLocation struct {
		URI         string        `json:"uri,omitempty"`
		URIBaseID   string        `json:"uriBaseId,omitempty"`
		Description *sarifMessage `json:"description,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
	sarifLogicalLocation struct {
		Name string `json:"name"`
		Kind string `json:"kind"`
	}
)

// sarifItem is an item's verdict in the run properties.
type sarifItem struct {
	ID       string     `json:"id"`
	Status   Status     `json:"status"`
	Examined []Examined `json:"examined"`
	Reason   string     `json:"reason,omitempty"`
}

func sarifItems(items []ItemResult) []sarifItem {
	out := []sarifItem{}
	for _, res := range items {
		ex := res.Examined
		if ex == nil {
			ex = []Examined{}
		}
		out = append(out, sarifItem{ID: res.Item.ID, Status: res.Status, Examined: ex, Reason: res.Reason})
	}
	return out
}
