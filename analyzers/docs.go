package analyzers

import (
	"embed"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"path"
	"strings"
)

// docFiles holds the doc.go of every check: the documentation that
// `brexlint help CHECK` prints is the same text pkg.go.dev shows, so it
// cannot drift from it. Embedding them here rather than in each analyzer's
// package keeps the analyzers free of anything a driver does not need.
//
//go:embed */doc.go
var docFiles embed.FS

// Documentation returns the documentation of the check named name (its
// package's doc comment, as plain text wrapped for a terminal), and whether
// there is such a check.
func Documentation(name string) (string, bool) {
	d, ok := parseDoc(name)
	if !ok {
		return "", false
	}
	pr := comment.Printer{TextWidth: 80}
	return strings.TrimSpace(string(pr.Text(d))) + "\n", true
}

// DocumentationMarkdown returns the same documentation as Markdown, for
// the help of the check's rules in SARIF, which code scanning renders.
func DocumentationMarkdown(name string) (string, bool) {
	d, ok := parseDoc(name)
	if !ok {
		return "", false
	}
	// No heading IDs: "{#hdr-…}" is pkg.go.dev's extension, shown as
	// text by other renderers.
	pr := comment.Printer{HeadingID: func(*comment.Heading) string { return "" }}
	return strings.TrimSpace(string(pr.Markdown(d))) + "\n", true
}

// parseDoc parses the doc comment of the check named name.
func parseDoc(name string) (*comment.Doc, bool) {
	found := false
	for _, a := range All() {
		found = found || a.Name == name
	}
	if !found {
		return nil, false
	}
	src, err := docFiles.ReadFile(path.Join(name, "doc.go"))
	if err != nil {
		return nil, false
	}
	f, err := parser.ParseFile(token.NewFileSet(), name+"/doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		return nil, false
	}
	var p comment.Parser
	return p.Parse(f.Doc.Text()), true
}
