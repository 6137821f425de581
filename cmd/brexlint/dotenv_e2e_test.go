package main_test

import (
	"encoding/json"
	"maps"
	"testing"

	"github.com/brexlint/brexlint/checklist"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// dotenvStubs are tiny stand-ins for github.com/joho/godotenv and
// github.com/subosito/gotenv, wired in with replace directives so that the
// tests need no network. Only the signatures matter.
var dotenvStubs = map[string]string{
	"stubs/godotenv/go.mod": "module github.com/joho/godotenv\n\ngo 1.21\n",
	"stubs/godotenv/godotenv.go": `package godotenv

func Load(filenames ...string) error { return nil }

func Read(filenames ...string) (map[string]string, error) { return nil, nil }
`,
	"stubs/godotenv/autoload/autoload.go": `package autoload

import "github.com/joho/godotenv"

func init() { godotenv.Load() }
`,
	"stubs/gotenv/go.mod": "module github.com/subosito/gotenv\n\ngo 1.21\n",
	"stubs/gotenv/gotenv.go": `package gotenv

func Load(filenames ...string) error { return nil }

func OverLoad(filenames ...string) error { return nil }

func Must(fn func(filenames ...string) error, filenames ...string) {}
`,
	"go.mod": `module example.com/app

go 1.26

require (
	github.com/joho/godotenv v1.5.1
	github.com/subosito/gotenv v1.6.0
)

replace github.com/joho/godotenv => ./stubs/godotenv

replace github.com/subosito/gotenv => ./stubs/gotenv
`,
}

const loadMain = `package main

import "github.com/joho/godotenv"

func main() {
	_ = godotenv.Load()
}
`

// TestChecklistLoadedEnvNotIgnored checks the rule that the non-Go scan
// cannot apply alone: the code loads a .env that does not exist yet, and
// .gitignore would not ignore it once someone creates it.
func TestChecklistLoadedEnvNotIgnored(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []checklist.Finding // of the secrets item
	}{
		{
			name: "godotenv.Load, .gitignore without .env",
			files: map[string]string{
				".gitignore": "/bin/\n*.log\n",
				"main.go":    loadMain,
			},
			want: []checklist.Finding{{
				Check:    "hardcodedsecret",
				Category: "hardcodedsecret/loaded-env-not-ignored",
				Message:  "hardcodedsecret: the code loads .env (godotenv.Load at main.go:6), but .gitignore does not ignore it, so the next git add can commit its secrets; add it to .gitignore",
				File:     "main.go", Line: 6, Column: 6, Function: "main",
			}},
		},
		{
			name: "godotenv.Load, .gitignore lists .env",
			files: map[string]string{
				".gitignore": "/bin/\n.env\n",
				"main.go":    loadMain,
			},
		},
		{
			name: "autoload import, no .gitignore",
			files: map[string]string{
				"main.go": "package main\n\nimport _ \"github.com/joho/godotenv/autoload\"\n\nfunc main() {}\n",
			},
			want: []checklist.Finding{{
				Check:    "hardcodedsecret",
				Category: "hardcodedsecret/loaded-env-not-ignored",
				Message:  "hardcodedsecret: the code loads .env (import of github.com/joho/godotenv/autoload at main.go:3), but .gitignore does not ignore it, so the next git add can commit its secrets; add it to .gitignore",
				File:     "main.go", Line: 3, Column: 8,
			}},
		},
		{
			// Only constant names of .env files inside the module count;
			// functions are known by their package, not their spelling;
			// an existing .env is the file rules' finding, reported once.
			name: "precision",
			files: map[string]string{
				".env":                      "DEBUG=1\n",
				"internal/godotenv/fake.go": "package godotenv\n\nfunc Load(filenames ...string) error { return nil }\n",
				"main.go": `package main

import (
	"os"

	fake "example.com/app/internal/godotenv"
	"github.com/joho/godotenv"
	"github.com/subosito/gotenv"
)

func main() {
	_ = fake.Load()
	_, _ = godotenv.Read(os.Getenv("ENV_FILE"))
	_ = godotenv.Load("/etc/app/.env", "../.env", "config.env", ".env.example")
	_ = gotenv.Load()
	gotenv.Must(gotenv.OverLoad, "./.env.local")
	gotenv.Must(func(...string) error { return nil }, ".env.other")
}

func reload() { gotenv.Must(gotenv.Load, ".env.local") }
`,
			},
			want: []checklist.Finding{
				{
					Check:    "hardcodedsecret",
					Category: "hardcodedsecret/env-not-ignored",
					Message:  "hardcodedsecret: .env is not ignored by .gitignore, so the next git add commits its secrets; add it to .gitignore",
					File:     ".env", Line: 1, Column: 1,
				},
				{
					Check:    "hardcodedsecret",
					Category: "hardcodedsecret/loaded-env-not-ignored",
					Message:  "hardcodedsecret: the code loads .env.local (gotenv.Must(gotenv.OverLoad) at main.go:16 (and 1 other place)), but .gitignore does not ignore it, so the next git add can commit its secrets; add it to .gitignore",
					File:     "main.go", Line: 16, Column: 2, Function: "main",
				},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			files := maps.Clone(dotenvStubs)
			maps.Copy(files, tc.files)
			dir := writeModule(t, files)
			git(t, dir, "init", "-q")
			r := run(t, dir, brexlint, "checklist", "-format", "json")
			var report checklist.Report
			if err := json.Unmarshal([]byte(r.stdout), &report); err != nil {
				t.Fatalf("checklist -format json: %v\n%s\n%s", err, r.stdout, r.stderr)
			}
			var got []checklist.Finding
			found := false
			for _, item := range report.Items {
				if item.Item.ID == "secrets" {
					found = true
					got = item.Findings
				}
			}
			if !found {
				t.Fatalf("the report has no secrets item:\n%s", r.stdout)
			}
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("secrets findings (-want +got):\n%s", diff)
			}
			wantCode := 0
			if report.Failed() {
				wantCode = 3
			}
			if len(tc.want) > 0 && wantCode != 3 || r.code != wantCode {
				t.Errorf("exit status %d (report failed: %v), want %d\n%s", r.code, report.Failed(), wantCode, r.stderr)
			}
		})
	}
}
