package directives

import (
	"fmt"
	"go/token"
	"slices"

	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/secrets"
	"golang.org/x/tools/go/analysis"
)

// Reporter reports one check's findings through the package's directives:
// it drops findings in generated files and Example functions, applies
// suppressions naming the check, prefixes each message with the check's name
// (golangci-lint shows one linter name for all of brexlint) and qualifies its
// category. Finish reports the check's suppressions that silenced nothing.
//
// Every check reports through a Reporter, never through pass.Report.
type Reporter struct {
	pass  *analysis.Pass
	index *Index
	check string
	used  map[*Suppression]bool
}

// NewReporter returns the Reporter of pass's analyzer. The analyzer must
// require [Analyzer].
func NewReporter(pass *analysis.Pass) *Reporter {
	return &Reporter{
		pass:  pass,
		index: pass.ResultOf[Analyzer].(*Index),
		check: pass.Analyzer.Name,
		used:  map[*Suppression]bool{},
	}
}

// Index returns the package's directives.
func (r *Reporter) Index() *Index { return r.index }

// Report reports d unless a directive silences it. d.Category is the kind of
// finding within the check ("constant-key"); it becomes "CHECK/KIND".
func (r *Reporter) Report(d analysis.Diagnostic) {
	fset := r.pass.Fset
	if r.index.Skipped(fset, d.Pos) {
		return
	}
	if s := r.suppression(fset.PositionFor(d.Pos, false)); s != nil {
		r.used[s] = true
		return
	}
	if d.Category != "" {
		d.Category = r.check + "/" + d.Category
	}
	d.Message = r.check + ": " + d.Message
	r.pass.Report(redacted(d))
}

// redacted returns d with every secret in its texts redacted: a message
// quotes what the code wrote (a URL path, a directive's words), which may
// be a secret whatever the check is about. Every output (text, JSON,
// SARIF, baselines, go vet, golangci-lint) starts from these texts.
func redacted(d analysis.Diagnostic) analysis.Diagnostic {
	d.Message = secrets.RedactText(d.Message)
	if len(d.Related) > 0 {
		d.Related = slices.Clone(d.Related)
		for i := range d.Related {
			d.Related[i].Message = secrets.RedactText(d.Related[i].Message)
		}
	}
	if len(d.SuggestedFixes) > 0 {
		d.SuggestedFixes = slices.Clone(d.SuggestedFixes)
		for i := range d.SuggestedFixes {
			d.SuggestedFixes[i].Message = secrets.RedactText(d.SuggestedFixes[i].Message)
		}
	}
	return d
}

// Silenced reports whether a finding of the check at pos would be dropped:
// pos is in a generated file or an Example function, or a suppression
// naming the check covers it (which then counts as used). It is for
// findings that another part of brexlint reports at pos, such as the
// checklist's whole-module view, so that their suppressions are honored
// and not called unused.
func (r *Reporter) Silenced(pos token.Pos) bool {
	fset := r.pass.Fset
	if r.index.Skipped(fset, pos) {
		return true
	}
	if s := r.suppression(fset.PositionFor(pos, false)); s != nil {
		r.used[s] = true
		return true
	}
	return false
}

// Reportf reports a finding of the given kind at pos.
func (r *Reporter) Reportf(pos token.Pos, kind, format string, args ...any) {
	r.Report(analysis.Diagnostic{Pos: pos, Category: kind, Message: fmt.Sprintf(format, args...)})
}

func (r *Reporter) suppression(p token.Position) *Suppression {
	for _, s := range r.index.Suppressions {
		if s.File == p.Filename && s.Covers(r.check, p.Line) {
			return s
		}
	}
	return nil
}

// Finish reports, at each //brexlint:ignore or file-ignore naming this check
// that silenced nothing, that it is unused: a stale suppression hides the
// next real finding. A check that does not run never reports its
// suppressions as unused.
func (r *Reporter) Finish() {
	for _, s := range r.index.Suppressions {
		if r.used[s] || !slices.Contains(s.Checks, r.check) || r.index.Skipped(r.pass.Fset, s.Pos) {
			continue
		}
		verb := VerbIgnore
		if s.Whole {
			verb = VerbFileIgnore
		}
		r.pass.Report(redacted(analysis.Diagnostic{
			Pos:      s.Pos,
			Category: r.check + "/unused-directive",
			Message: r.check + ": " + checks.Message(fmt.Sprintf("this //brexlint:%s directive silences no %s finding", verb, r.check),
				"it would hide the next real one", "remove it"),
		}))
	}
}
