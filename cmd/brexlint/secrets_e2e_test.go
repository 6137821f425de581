package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Planted secrets: random-looking, so that no placeholder or fixture rule
// excuses them. Built by concatenation so that this file holds no secret.
var (
	plantedToken  = "bxt_" + "Q7mZ2kLp9XvR4tWc8NbJ3hYd6FsGa1Ue5KoT"
	plantedAWS    = "AKIA" + "Z7QK4M2XW5RT6PLB"
	plantedHook   = "whsec_" + "MfKLSxN6ZpQ2d8vR4tWy7hBc3JgUo5Ae"
	plantedGitHub = "ghp_" + "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d"
)

// TestSecretsNeverPrinted plants a Brex token, a GitHub token, an AWS key
// and a webhook secret in code, a directive, URL paths, a type error and
// non-Go files of a git repository, and runs every output mode: each must
// find them, and none may print five consecutive characters of a secret
// after its first four, on stdout, on stderr or in the files it writes.
func TestSecretsNeverPrinted(t *testing.T) {
	all := []string{plantedToken, plantedGitHub, plantedAWS, plantedHook}
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/leaky\n\ngo 1.26\n",
		"leaky.go": "package leaky\n\nconst token = \"" + plantedToken + "\"\n\nconst awsKey = \"" + plantedAWS + "\"\n\n" +
			"func Keys() []string { return []string{token, awsKey} }\n",
		// A directive, URL paths and a multi-line raw string.
		"calls/calls.go": "package calls\n\nimport \"net/http\"\n\n" +
			"//brexlint:ignore " + plantedGitHub + " pasted by mistake\nvar X = 1\n\n" +
			"func Send() (*http.Response, error) {\n\treturn http.Post(\"https://api.brex.com/v2/transfers/" + plantedGitHub + "\", \"application/json\", nil)\n}\n\n" +
			"func Get() (*http.Response, error) {\n\treturn http.Get(\"https://api.brex.com/v2/transfers/" + plantedHook + "\")\n}\n\n" +
			"var keys = `\n" + plantedAWS + "\n" + plantedToken + "\n`\n",
		// A fix next to a secret: -fix -diff shows its line as context.
		"fix/fix.go": "package fix\n\nimport (\n\t\"encoding/json\"\n\t\"net/http\"\n)\n\n" +
			"func List() error {\n\tresp, err := http.Get(\"https://api.brex.com/v1/vendors\")\n\tif err != nil {\n\t\treturn err\n\t}\n" +
			"\tdefer resp.Body.Close()\n\tdec := json.NewDecoder(resp.Body)\n\tconst k = \"" + plantedGitHub + "\"\n" +
			"\tdec.DisallowUnknownFields()\n\tvar v struct{ K string }\n\tv.K = k\n\treturn dec.Decode(&v)\n}\n",
		// Type errors quote the constants they cannot use.
		"broken/broken.go": "package broken\n\nvar X int = \"" + plantedAWS + "\"\n\nvar Y int = \"" + plantedGitHub + "\"\n",
		".env":             "BREX_API_TOKEN=" + plantedToken + "\n",
		"config.yaml":      "webhook:\n  signing_secret: " + plantedHook + "\ngithub: " + plantedGitHub + "\n",
	})
	for _, args := range [][]string{{"init", "-q"}, {"add", "go.mod", "leaky.go", ".env"}} {
		if out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	sarif := filepath.Join(t.TempDir(), "report.sarif")
	runs := map[string][]string{
		"text":               {"./..."},
		"json":               {"-json", "./..."},
		"context":            {"-c", "3", "./..."},
		"checklist text":     {"checklist"},
		"checklist json":     {"checklist", "-format", "json"},
		"checklist markdown": {"checklist", "-format", "markdown"},
		"checklist sarif":    {"checklist", "-format", "sarif", "-sarif", sarif},
		"baseline":           {"checklist", "-write-baseline", baseline},
		"secrets":            {"secrets"},
		"fix diff":           {"-fix", "-diff", "./..."},
		"go vet":             {"vet", "-vettool=" + brexlint, "-c=2", "./..."},
		"go vet -json":       {"vet", "-vettool=" + brexlint, "-json", "./..."},
	}
	for name, args := range runs {
		tool := brexlint
		if args[0] == "vet" {
			tool = goTool()
		}
		r := run(t, dir, tool, args...)
		out := r.stdout + r.stderr
		for _, f := range []string{baseline, sarif} {
			if data, err := os.ReadFile(f); err == nil {
				out += string(data)
			}
		}
		assertNoSecrets(t, name, out, all)
		wantSeen := []string{"leaky.go:3", "leaky.go:5", "ghp_…", "broken"}
		switch name {
		case "secrets":
			wantSeen = []string{".env:1", "config.yaml:2", "config.yaml:3", ".env is committed"}
		case "checklist json", "checklist sarif", "baseline":
			wantSeen = []string{"leaky.go", "ghp_…", "calls.go", "config.yaml"}
		case "checklist text", "checklist markdown":
			wantSeen = append(wantSeen, ".env", "config.yaml")
		}
		for _, s := range wantSeen {
			if !strings.Contains(out, s) {
				t.Errorf("%s: output does not mention %q: the secrets were not found\n%s", name, s, out)
			}
		}
		if name == "fix diff" && !strings.Contains(out, "-\tdec.DisallowUnknownFields()") {
			t.Errorf("fix diff: the fix is not shown:\n%s", out)
		}
		if name == "context" && !strings.Contains(out, "\treturn http.Get(\"https://api.brex.com/v2/transfers/whse…\")") {
			t.Errorf("context: the offending line is not shown, redacted:\n%s", out)
		}
	}
}

// assertNoSecrets fails if out holds five consecutive characters of a
// secret after its first four: the most brexlint may print of one.
func assertNoSecrets(t *testing.T, name, out string, secrets []string) {
	t.Helper()
	for _, secret := range secrets {
		for i := 4; i+5 <= len(secret); i++ {
			if strings.Contains(out, secret[i:i+5]) {
				t.Errorf("%s: output holds %q, 5 characters of a planted secret:\n%s", name, secret[i:i+5], out)
				break
			}
		}
	}
}
