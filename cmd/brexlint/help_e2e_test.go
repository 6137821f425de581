package main_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/analyzers"
)

// TestHelp runs the help a new user reaches for first and checks that it is
// brexlint's own: every command, every check, a check's whole documentation,
// and none of the generic text of x/tools' driver (Printf examples, go fix).
func TestHelp(t *testing.T) {
	commands := []string{"brexlint [flags] [packages]", "brexlint checklist", "brexlint secrets", "brexlint help", "brexlint version", "go vet -vettool"}
	generic := []string{"Printf", "go fix", "-fixtool", "Registered analyzers"}

	t.Run("help", func(t *testing.T) {
		r := run(t, ".", brexlint, "help")
		if r.code != 0 {
			t.Fatalf("brexlint help: exit %d\n%s", r.code, r.stderr)
		}
		for _, want := range commands {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("brexlint help does not mention %q:\n%s", want, r.stdout)
			}
		}
		for _, a := range analyzers.All() {
			if !regexp.MustCompile(`(?m)^  ` + a.Name + ` `).MatchString(r.stdout) {
				t.Errorf("brexlint help does not list check %s", a.Name)
			}
		}
		for _, bad := range generic {
			if strings.Contains(r.stdout+r.stderr, bad) {
				t.Errorf("brexlint help prints x/tools' generic text %q", bad)
			}
		}
	})

	// -help on every command lists every command, so that no subcommand
	// is found only by reading the README.
	for _, args := range [][]string{{"-help"}, {"checklist", "-help"}, {"secrets", "-help"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := run(t, ".", brexlint, args...)
			if r.code != 0 {
				t.Errorf("brexlint %s: exit %d, want 0", strings.Join(args, " "), r.code)
			}
			for _, want := range commands {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("brexlint %s does not mention %q:\n%s", strings.Join(args, " "), want, r.stderr)
				}
			}
		})
	}

	for _, a := range analyzers.All() {
		t.Run("help "+a.Name, func(t *testing.T) {
			r := run(t, ".", brexlint, "help", a.Name)
			doc, _ := analyzers.Documentation(a.Name)
			if r.code != 0 || r.stdout != doc {
				t.Errorf("brexlint help %s: exit %d, printed %d lines, want its whole doc.go (%d lines)", a.Name, r.code, strings.Count(r.stdout, "\n"), strings.Count(doc, "\n"))
			}
		})
	}

	for topic, want := range map[string]string{"checklist": "-audience", "secrets": "-staged"} {
		t.Run("help "+topic, func(t *testing.T) {
			r := run(t, ".", brexlint, "help", topic)
			if r.code != 0 || !strings.Contains(r.stdout, "brexlint "+topic) || !strings.Contains(r.stdout, want) {
				t.Errorf("brexlint help %s: exit %d\nstdout:\n%s\nstderr:\n%s", topic, r.code, r.stdout, r.stderr)
			}
		})
	}

	t.Run("help unknown", func(t *testing.T) {
		r := run(t, ".", brexlint, "help", "printf")
		if r.code != 2 || !strings.Contains(r.stderr, `no check or command named "printf"`) {
			t.Errorf("brexlint help printf: exit %d\n%s", r.code, r.stderr)
		}
	})
}

// TestVersion checks that every spelling Go developers try prints one line
// and succeeds, where --version used to be an error and 65 lines of usage.
func TestVersion(t *testing.T) {
	re := regexp.MustCompile(`^brexlint \S+ \(Brex API catalogue \d{4}-\d{2}(-\d{2})?, go\S+\)\n$`)
	for _, args := range [][]string{{"version"}, {"-version"}, {"--version"}, {"checklist", "-version"}} {
		r := run(t, ".", brexlint, args...)
		if r.code != 0 || !re.MatchString(r.stdout) || r.stderr != "" {
			t.Errorf("brexlint %s: exit %d, stdout %q, stderr %q; want one line matching %s", strings.Join(args, " "), r.code, r.stdout, r.stderr, re)
		}
	}
}
