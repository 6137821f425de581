// Package snippets reads the code blocks of the repository's README.md that
// tests run, so that what users copy from the README is what the tests
// exercise. A snippet is the fenced code block right after a line
//
//	<!-- snippet: NAME -->
//
// (a comment Markdown renderers do not show).
package snippets

import (
	"fmt"
	"os"
	"strings"
)

// Get returns the body of snippet name in the Markdown file readme,
// without its fences.
func Get(readme, name string) (string, error) {
	data, err := os.ReadFile(readme)
	if err != nil {
		return "", err
	}
	return Find(string(data), name)
}

// Find returns the body of snippet name in the Markdown text md.
func Find(md, name string) (string, error) {
	marker := "<!-- snippet: " + name + " -->"
	lines := strings.Split(md, "\n")
	found := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == marker {
			if found >= 0 {
				return "", fmt.Errorf("README: two snippets named %q", name)
			}
			found = i
		}
	}
	if found < 0 {
		return "", fmt.Errorf("README: no snippet named %q (a line %q before a fenced code block)", name, marker)
	}
	i := found + 1
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i == len(lines) || !strings.HasPrefix(strings.TrimSpace(lines[i]), "```") {
		return "", fmt.Errorf("README: snippet %q is not followed by a fenced code block", name)
	}
	indent := lines[i][:len(lines[i])-len(strings.TrimLeft(lines[i], " "))]
	var body []string
	for _, l := range lines[i+1:] {
		if strings.TrimSpace(l) == "```" {
			return strings.Join(body, "\n") + "\n", nil
		}
		body = append(body, strings.TrimPrefix(l, indent))
	}
	return "", fmt.Errorf("README: snippet %q has no closing fence", name)
}
