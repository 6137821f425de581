package driver

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"

	"github.com/brexlint/brexlint/internal/secrets"
)

// PrintJSON writes the run's diagnostics and errors in the JSON form of
// go vet -json and the x/tools drivers ({package ID: {analyzer:
// [diagnostic] or {"error": message}}}), which editors and CI scripts
// already read.
func (r *Result) PrintJSON(w io.Writer) error {
	tree := map[string]map[string]any{}
	for _, act := range r.Actions {
		var v any
		switch {
		case act.Err != nil:
			// An analyzer's error may quote the code it failed on, as
			// Errors() knows.
			v = jsonError{secrets.RedactText(act.Err.Error())}
		case act.IsRoot && len(act.Diagnostics) > 0:
			v = jsonDiagnostics(act)
		default:
			continue
		}
		m := tree[act.Package.ID]
		if m == nil {
			m = map[string]any{}
			tree[act.Package.ID] = m
		}
		m[act.Analyzer.Name] = v
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

type jsonError struct {
	Err string `json:"error"`
}

type jsonDiagnostic struct {
	Category       string            `json:"category,omitempty"`
	Posn           string            `json:"posn"`
	End            string            `json:"end"`
	Message        string            `json:"message"`
	SuggestedFixes []jsonFix         `json:"suggested_fixes,omitempty"`
	Related        []jsonRelatedInfo `json:"related,omitempty"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonRelatedInfo struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

func jsonDiagnostics(act *Action) []jsonDiagnostic {
	fset := act.Package.Fset
	var out []jsonDiagnostic
	for _, d := range act.Diagnostics {
		jd := jsonDiagnostic{
			Category: d.Category,
			Posn:     fset.Position(d.Pos).String(),
			End:      fset.Position(cmp.Or(d.End, d.Pos)).String(),
			Message:  d.Message,
		}
		for _, fix := range d.SuggestedFixes {
			jf := jsonFix{Message: fix.Message}
			for _, e := range fix.TextEdits {
				start, end := fset.Position(e.Pos), fset.Position(e.End)
				jf.Edits = append(jf.Edits, jsonEdit{Filename: start.Filename, Start: start.Offset, End: end.Offset, New: secrets.RedactText(string(e.NewText))}) // as -diff prints it
			}
			jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
		}
		for _, rel := range d.Related {
			jd.Related = append(jd.Related, jsonRelatedInfo{
				Posn:    fset.Position(rel.Pos).String(),
				End:     fset.Position(cmp.Or(rel.End, rel.Pos)).String(),
				Message: rel.Message,
			})
		}
		out = append(out, jd)
	}
	return out
}
