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
	found := false
	for _, a := range All() {
		found = found || a.Name == name
	}
	if !found {
		return "", false
	}
	src, err := docFiles.ReadFile(path.Join(name, "doc.go"))
	if err != nil {
		return "", false
	}
	f, err := parser.ParseFile(token.NewFileSet(), name+"/doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		return "", false
	}
	var p comment.Parser
	d := p.Parse(f.Doc.Text())
	pr := comment.Printer{TextWidth: 80}
	return strings.TrimSpace(string(pr.Text(d))) + "\n", true
}
