package main

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/brexlint/brexlint/internal/atomicfile"
	"github.com/brexlint/brexlint/internal/driver"
	"github.com/brexlint/brexlint/internal/secrets"
	"github.com/pmezard/go-difflib/difflib"
)

// edit is one text edit of a suggested fix, in byte offsets of a file.
type edit struct {
	file       string
	start, end int
	text       string
}

// applyFixes applies the first suggested fix of each diagnostic to the
// files (with diffOnly, prints their unified diffs, redacted, to w
// instead), and returns the diagnostics that remain: those without a fix,
// and those whose fix conflicts with one applied before it or is in a file
// that cannot be fixed. Files are rewritten atomically, with only the
// edited lines changed: a file that gofmt would leave as it is is
// gofmt'ed after the edits (fixes rely on it for layout); any other file
// (CRLF line endings, a byte order mark, hand formatting) gets the edits
// alone, with CRLF line endings in their text when the file has them. An
// error names the files that could not be written; the others are
// written.
func applyFixes(diags []driver.Diagnostic, diffOnly bool, w io.Writer) ([]driver.Diagnostic, error) {
	slices.SortStableFunc(diags, func(a, b driver.Diagnostic) int {
		return cmp.Or(strings.Compare(a.Source.Filename, b.Source.Filename), cmp.Compare(a.Source.Offset, b.Source.Offset))
	})
	var remaining []driver.Diagnostic
	byFile := map[string][]edit{}
	sizes := map[string]int{}
	for _, d := range diags {
		if len(d.SuggestedFixes) == 0 {
			remaining = append(remaining, d)
			continue
		}
		edits, ok := fixEdits(d, sizes)
		if !ok || slices.ContainsFunc(edits, func(e edit) bool { return conflicts(e, byFile[e.file]) }) {
			remaining = append(remaining, d)
			continue
		}
		for _, e := range edits {
			if !slices.Contains(byFile[e.file], e) {
				byFile[e.file] = append(byFile[e.file], e)
			}
		}
	}
	var failed []string
	for _, name := range slices.Sorted(maps.Keys(byFile)) {
		if err := fixFile(name, sizes[name], byFile[name], diffOnly, w); err != nil {
			fmt.Fprintf(os.Stderr, "brexlint: %v\n", err)
			failed = append(failed, relPath(name))
		}
	}
	if len(failed) > 0 {
		return remaining, fmt.Errorf("fixes not applied to %s", strings.Join(failed, ", "))
	}
	return remaining, nil
}

// fixEdits returns the edits of d's first fix, in files of d's package that
// are its own Go files (not cgo output), recording each file's size when
// loaded in sizes.
func fixEdits(d driver.Diagnostic, sizes map[string]int) ([]edit, bool) {
	fset := d.Package.Fset
	var out []edit
	for _, te := range d.SuggestedFixes[0].TextEdits {
		tf := fset.File(te.Pos)
		if tf == nil || !slices.Contains(d.Package.GoFiles, tf.Name()) {
			return nil, false
		}
		end := te.End
		if !end.IsValid() {
			end = te.Pos
		}
		if fset.File(end) != tf {
			return nil, false
		}
		out = append(out, edit{file: tf.Name(), start: tf.Offset(te.Pos), end: tf.Offset(end), text: string(te.NewText)})
		sizes[tf.Name()] = tf.Size()
	}
	return out, len(out) > 0
}

// conflicts reports whether e overlaps one of edits (an identical edit is
// the same edit, made by two fixes, and does not conflict).
func conflicts(e edit, edits []edit) bool {
	for _, o := range edits {
		switch {
		case o == e:
		case e.start < o.end && o.start < e.end:
			return true
		case e.start == e.end && o.start == o.end && e.start == o.start:
			return true // two insertions at one place: their order is unknown
		case e.start == e.end && o.start < e.start && e.start < o.end, o.start == o.end && e.start < o.start && o.start < e.end:
			return true
		}
	}
	return false
}

// fixFile applies edits to the file name, which had size bytes when it
// was loaded.
func fixFile(name string, size int, edits []edit, diffOnly bool, w io.Writer) error {
	src, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if len(src) != size {
		return fmt.Errorf("%s changed since it was analyzed: run brexlint again", relPath(name))
	}
	crlf := bytes.Contains(src, []byte("\r\n"))
	slices.SortFunc(edits, func(a, b edit) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
	var buf bytes.Buffer
	last := 0
	for _, e := range edits {
		buf.Write(src[last:e.start])
		text := e.text
		if crlf {
			text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "\r\n")
		}
		buf.WriteString(text)
		last = e.end
	}
	buf.Write(src[last:])
	out := buf.Bytes()
	if formatted, err := format.Source(src); err == nil && bytes.Equal(formatted, src) {
		// gofmt'ed before: gofmt the result, which changes only what the
		// edits disturbed.
		if f, err := format.Source(out); err == nil {
			out = f
		}
	}
	if _, err := parser.ParseFile(token.NewFileSet(), name, out, parser.SkipObjectResolution); err != nil {
		return fmt.Errorf("%s: the fixes would not compile (%v): not applied", relPath(name), secrets.RedactText(err.Error()))
	}
	if diffOnly {
		d, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
			A: difflib.SplitLines(string(src)), B: difflib.SplitLines(string(out)),
			FromFile: "a/" + relPath(name), ToFile: "b/" + relPath(name), Context: 3,
		})
		if err != nil {
			return err
		}
		_, err = io.WriteString(w, secrets.RedactText(d))
		return err
	}
	return atomicfile.Write(name, out, 0o644)
}
