package analyzers

import (
	"strings"
	"testing"
)

// TestDocumentation checks that every check's documentation is its doc.go:
// the whole text, with the "# Analyzer NAME" section and the bad and good
// examples, not only the one-line Analyzer.Doc.
func TestDocumentation(t *testing.T) {
	for _, a := range All() {
		doc, ok := Documentation(a.Name)
		if !ok {
			t.Errorf("Documentation(%q): no documentation", a.Name)
			continue
		}
		if !strings.Contains(doc, "Analyzer "+a.Name) {
			t.Errorf("Documentation(%q) has no %q heading:\n%s", a.Name, "# Analyzer "+a.Name, doc)
		}
		if n := strings.Count(doc, "\n"); n < 10 {
			t.Errorf("Documentation(%q) has %d lines; want the whole doc.go", a.Name, n)
		}
		if strings.Contains(doc, "package "+a.Name+"\n") || strings.HasPrefix(doc, "// ") {
			t.Errorf("Documentation(%q) is the source file, not its text:\n%s", a.Name, doc)
		}
		md, ok := DocumentationMarkdown(a.Name)
		if !ok || !strings.Contains(md, "# Analyzer "+a.Name) || strings.Count(md, "\n") < 10 {
			t.Errorf("DocumentationMarkdown(%q) is not the whole doc.go as Markdown:\n%s", a.Name, md)
		}
	}
	if _, ok := Documentation("printf"); ok {
		t.Error(`Documentation("printf") found a check brexlint does not have`)
	}
	if _, ok := Documentation("../analyzers"); ok {
		t.Error(`Documentation("../analyzers") found something`)
	}
}
