package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSecretsStagedReadsTheIndex checks that "brexlint secrets -staged"
// scans what the next commit holds, the staged blob, and not the work-tree
// copy of a staged file.
func TestSecretsStagedReadsTheIndex(t *testing.T) {
	const clean = "brex:\n  token_env: BREX_API_TOKEN\n"
	dirty := "brex:\n  token: " + plantedToken + "\n"
	for _, tc := range []struct {
		name             string
		staged, worktree string // "" in worktree: the file is deleted after git add
		want             bool
	}{
		{"secret staged, clean work tree", dirty, clean, true},
		{"secret staged, file deleted from work tree", dirty, "", true},
		{"clean staged, secret in work tree", clean, dirty, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := writeModule(t, map[string]string{"config.yaml": tc.staged})
			git(t, dir, "init", "-q")
			git(t, dir, "add", "config.yaml")
			name := filepath.Join(dir, "config.yaml")
			if tc.worktree == "" {
				if err := os.Remove(name); err != nil {
					t.Fatal(err)
				}
			} else if err := os.WriteFile(name, []byte(tc.worktree), 0o644); err != nil {
				t.Fatal(err)
			}
			r := run(t, dir, brexlint, "secrets", "-staged")
			out := withheldIfLeaking(t, r.stdout+r.stderr, plantedToken)
			if !tc.want {
				if r.code != 0 || out != "" {
					t.Errorf("exit %d, output:\n%s\nwant exit 0 and no output: the staged content is clean", r.code, out)
				}
				return
			}
			if r.code != 3 {
				t.Errorf("exit %d, want 3\n%s", r.code, out)
			}
			// The token starts on line 2, column 10; the message shows
			// its first 4 characters at most.
			for _, s := range []string{"config.yaml:2:10: hardcodedsecret: ", `"bxt_…"`} {
				if !strings.Contains(out, s) {
					t.Errorf("output does not hold %q: the staged secret was not reported\n%s", s, out)
				}
			}
		})
	}
}

// withheldIfLeaking returns out, or a placeholder if out holds 5 characters
// in a row of secret beyond its public 4-character prefix (an error then),
// so that a failing test never prints the secret.
func withheldIfLeaking(t *testing.T, out, secret string) string {
	t.Helper()
	for i := 0; i+5 <= len(secret); i++ {
		if strings.Contains(out, secret[i:i+5]) {
			t.Errorf("output holds 5 characters of a planted secret (offset %d); output withheld", i)
			return "<output withheld: it holds secret material>"
		}
	}
	return out
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}
