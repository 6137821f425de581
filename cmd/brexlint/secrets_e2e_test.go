package main_test

import (
	"os/exec"
	"strings"
	"testing"
)

// Planted secrets: random-looking, so that no placeholder or fixture rule
// excuses them. Built by concatenation so that this file holds no secret.
var (
	plantedToken = "bxt_" + "Q7mZ2kLp9XvR4tWc8NbJ3hYd6FsGa1Ue5KoT"
	plantedAWS   = "AKIA" + "Z7QK4M2XW5RT6PLB"
	plantedHook  = "whsec_" + "MfKLSxN6ZpQ2d8vR4tWy7hBc3JgUo5Ae"
)

// TestSecretsNeverPrinted plants secrets in Go and non-Go files of a git
// repository and runs every output format: each must find them, and none may
// print more than 4 of their characters.
func TestSecretsNeverPrinted(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/leaky\n\ngo 1.26\n",
		"leaky.go": "package leaky\n\nconst token = \"" + plantedToken + "\"\n\nconst awsKey = \"" + plantedAWS + "\"\n\n" +
			"func Keys() []string { return []string{token, awsKey} }\n",
		".env":        "BREX_API_TOKEN=" + plantedToken + "\n",
		"config.yaml": "webhook:\n  signing_secret: " + plantedHook + "\n",
	})
	for _, args := range [][]string{{"init", "-q"}, {"add", "go.mod", "leaky.go", ".env"}} {
		if out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	runs := map[string][]string{
		"text":               {"./..."},
		"json":               {"-json", "./..."},
		"checklist text":     {"checklist"},
		"checklist json":     {"checklist", "-format", "json"},
		"checklist markdown": {"checklist", "-format", "markdown"},
		"secrets":            {"secrets"},
	}
	for name, args := range runs {
		r := run(t, dir, brexlint, args...)
		out := r.stdout + r.stderr
		for _, secret := range []string{plantedToken, plantedAWS, plantedHook} {
			// Rule descriptions may name a public prefix ("whsec_…");
			// every window that reaches past it is secret material.
			prefix := len(secret) - len(strings.TrimLeft(secret, "bxtwhsec_AKI"))
			for i := max(0, prefix-4); i+5 <= len(secret); i++ {
				if strings.Contains(out, secret[i:i+5]) {
					t.Errorf("%s: output holds %q, 5 characters of a planted secret:\n%s", name, secret[i:i+5], out)
					break
				}
			}
		}
		wantSeen := []string{"leaky.go:3", "leaky.go:5"}
		switch name {
		case "secrets":
			wantSeen = []string{".env:1", "config.yaml:2", ".env is committed"}
		case "checklist json":
			wantSeen = []string{`"file": "leaky.go"`, `"line": 5`, `"file": ".env"`, `"file": "config.yaml"`}
		case "checklist text", "checklist markdown":
			wantSeen = append(wantSeen, ".env", "config.yaml")
		}
		for _, s := range wantSeen {
			if !strings.Contains(out, s) {
				t.Errorf("%s: output does not mention %q: the secrets were not found\n%s", name, s, out)
			}
		}
		if name != "json" && r.code != 3 {
			t.Errorf("%s: exit status %d, want 3", name, r.code)
		}
	}
}
