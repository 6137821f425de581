package main_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// readmeSetup returns the two commands the README opens with: the command
// lines of its first two ```sh blocks, comments dropped.
func readmeSetup(t *testing.T, readme string) (install, test string) {
	t.Helper()
	blocks := regexp.MustCompile("(?s)```sh\n(.*?)```").FindAllStringSubmatch(readme, 2)
	if len(blocks) < 2 {
		t.Fatalf("README.md has %d ```sh blocks before anything else, want the install and the test command", len(blocks))
	}
	var cmds []string
	for _, b := range blocks {
		var lines []string
		for _, l := range strings.Split(b[1], "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
				lines = append(lines, l)
			}
		}
		cmds = append(cmds, strings.Join(lines, "\n"))
	}
	return cmds[0], cmds[1]
}

// TestReadmeSetupCommands pastes the README's two set-up commands, as
// written, one after the other into one shell, in a clean copy of the
// repository (its tracked files), and checks that the first installs
// brexlint and reports the sample's planted problems, and that the second
// then runs this project's tests, not the sample's: a first command that
// leaves the shell in testdata/sample made the second print three
// "[no test files]" lines and pass.
//
// The copy gets a GOPATH of its own, so that go install does not replace
// the developer's brexlint, and the shared module and build caches. The
// second command is cut down by GOFLAGS=-run to one fast test of the
// checklist package (go install ignores -run); what is checked is that the
// command, where the first leaves the shell, reaches this module's tests.
func TestReadmeSetupCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests a copy of the repository")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	install, test := readmeSetup(t, string(readme))

	clone := filepath.Join(t.TempDir(), "brexlint")
	copyTracked(t, root, clone)

	gopath := t.TempDir()
	env := append(os.Environ(),
		"GOPATH="+gopath,
		"GOMODCACHE="+goEnv(t, "GOMODCACHE"),
		"GOCACHE="+goEnv(t, "GOCACHE"),
		"GOBIN=",
		"GOFLAGS="+strings.TrimSpace(goEnv(t, "GOFLAGS")+" -run=^TestSeedBullets$"),
		"PATH="+filepath.Dir(goTool())+string(os.PathListSeparator)+os.Getenv("PATH"),
	)
	// The marker tells the two commands' output apart.
	script := install + "\necho '--- second command ---'\n" + test + "\n"
	cmd := exec.Command("bash", "-c", script)
	cmd.Dir = clone
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	first, second, ok := strings.Cut(out.String(), "--- second command ---")
	if !ok {
		t.Fatalf("the commands did not get to the second one (%v):\n%s", err, out.String())
	}
	if err != nil {
		t.Errorf("the second command failed: %v\n%s", err, second)
	}
	if _, err := os.Stat(filepath.Join(gopath, "bin", "brexlint")); err != nil {
		t.Errorf("the first command did not install brexlint in GOPATH/bin: %v", err)
	}
	if !strings.Contains(first, "brex/client.go") || !strings.Contains(first, "hardcodedsecret") {
		t.Errorf("the first command did not report the sample's planted problems:\n%s", first)
	}
	// The output the README shows is what the first command prints.
	shown := regexp.MustCompile("(?s)<!-- output: the first command -->\n```text\n(.*?)```").FindStringSubmatch(string(readme))
	if shown == nil {
		t.Errorf("README.md does not show the first command's output in a ```text block after <!-- output: the first command -->")
	} else if got, want := findingLines(first), findingLines(shown[1]); !slices.Equal(got, want) {
		t.Errorf("the README shows other findings than the first command prints:\n%s", cmp.Diff(want, got))
	}
	ran := regexp.MustCompile(`(?m)^ok\s+github\.com/brexlint/brexlint/checklist\s+\S+s$`)
	if !ran.MatchString(second) {
		t.Errorf("the second command did not run brexlint's checklist tests:\n%s", second)
	}
	if strings.Contains(second, "[no test files]") && !strings.Contains(second, "github.com/brexlint/brexlint") {
		t.Errorf("the second command ran the sample's (absent) tests:\n%s", second)
	}
}

// findingLines returns the lines of out that are findings (file:line:col:
// message), in order.
func findingLines(out string) []string {
	return regexp.MustCompile(`(?m)^\S+\.go:\d+:\d+: .*$`).FindAllString(out, -1)
}

// copyTracked copies the files git tracks under root (as they are in the
// work tree) to dst, keeping the executable bit, so that the copy is what a
// clean clone of this change would hold.
func copyTracked(t *testing.T, root, dst string) {
	t.Helper()
	out, err := exec.Command("git", "-C", root, "ls-files", "-z").Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	for _, name := range strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		src := filepath.Join(root, name)
		fi, err := os.Lstat(src)
		if err != nil || !fi.Mode().IsRegular() {
			continue // deleted in the work tree, or a link
		}
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		to := filepath.Join(dst, name)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, data, fi.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
}

func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command(goTool(), "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}
