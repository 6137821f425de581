package main_test

// Tests of the GitHub Actions reusable workflow in .github/workflows: it and
// the README's calling workflow pass actionlint (with shellcheck on every
// run: script), and its gate step, run by bash as a runner would, writes the
// job summary, the SARIF log and the status the later steps read.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/brexlint/brexlint/internal/sariftest"
	"github.com/brexlint/brexlint/internal/snippets"
)

const (
	workflowFile = "../../.github/workflows/brexlint.yml"
	readmeFile   = "../../README.md"
	// actionlint is run from the module proxy at a pinned version, so it
	// stays out of brexlint's go.mod.
	actionlintPkg = "github.com/rhysd/actionlint/cmd/actionlint@v1.7.12"
)

// workflow is the part of a workflow file these tests read.
type workflow struct {
	On struct {
		WorkflowCall struct {
			Inputs map[string]struct {
				Type    string
				Default any
			}
		} `yaml:"workflow_call"`
	}
	Jobs map[string]struct {
		Steps []step
	}
}

type step struct {
	ID   string
	Name string
	Run  string
	Env  map[string]string
	If   string
}

func readWorkflow(t *testing.T) workflow {
	t.Helper()
	data, err := os.ReadFile(workflowFile)
	if err != nil {
		t.Fatal(err)
	}
	var w workflow
	if err := yaml.Unmarshal(data, &w); err != nil {
		t.Fatalf("%s: %v", workflowFile, err)
	}
	return w
}

func (w workflow) step(t *testing.T, id string) step {
	t.Helper()
	for _, j := range w.Jobs {
		for _, s := range j.Steps {
			if s.ID == id {
				return s
			}
		}
	}
	t.Fatalf("%s has no step with id %q", workflowFile, id)
	return step{}
}

var inputExpr = regexp.MustCompile(`^\$\{\{\s*inputs\.([\w-]+)\s*\}\}$`)

// stepEnv evaluates a step's env: values "${{ inputs.NAME }}" take the
// input's value (its default unless set), "${{ steps.... }}" values come
// from outputs.
func stepEnv(t *testing.T, w workflow, s step, inputs, outputs map[string]string) []string {
	t.Helper()
	var env []string
	for k, v := range s.Env {
		if m := inputExpr.FindStringSubmatch(v); m != nil {
			in, ok := w.On.WorkflowCall.Inputs[m[1]]
			if !ok {
				t.Fatalf("step %s: env %s reads the undeclared input %s", s.ID, k, m[1])
			}
			val, set := inputs[m[1]]
			if !set && in.Default != nil {
				val = fmt.Sprint(in.Default) // a string, or true/false
			}
			v = val
		} else if m := regexp.MustCompile(`^\$\{\{\s*steps\.gate\.outputs\.(\w+)\s*\}\}$`).FindStringSubmatch(v); m != nil {
			v = outputs[m[1]]
		} else if strings.Contains(v, "${{") {
			t.Fatalf("step %s: env %s = %q: an expression this test cannot evaluate", s.ID, k, v)
		}
		env = append(env, k+"="+v)
	}
	return env
}

// runStep runs a step's script with bash -e, as a runner does with
// "shell: bash", in dir.
func runStep(t *testing.T, s step, dir string, env []string) (int, string) {
	t.Helper()
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s.Run)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		return ee.ExitCode(), string(out)
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, string(out)
}

func readOutputs(t *testing.T, name string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for line := range strings.SplitSeq(strings.TrimSpace(string(data)), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			out[k] = v
		}
	}
	return out
}

// TestWorkflowGateStep runs the reusable workflow's gate step, then its
// verdict step, the way a runner would, on the sample: once with the
// inputs' defaults (the gate fails), once with a baseline of the
// sample's findings (it passes).
func TestWorkflowGateStep(t *testing.T) {
	w := readWorkflow(t)
	gate, verdict := w.step(t, "gate"), w.step(t, "verdict")
	dir := copyTree(t, sampleDir(t))
	planted := plantedProblems(t, dir)
	binDir := filepath.Dir(brexlint) // brexlint on PATH, as the install step leaves it

	for _, tc := range []struct {
		name       string
		inputs     map[string]string
		wantStatus string
	}{
		{"defaults", nil, strconv.Itoa(wantExit(planted))},
		{"baseline", map[string]string{"baseline": "brexlint-baseline.json"}, "0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.inputs["baseline"] != "" {
				if r := run(t, dir, brexlint, "checklist", "-write-baseline", tc.inputs["baseline"]); r.code != 0 {
					t.Fatalf("-write-baseline: exit %d\n%s", r.code, r.stderr)
				}
			}
			runner := t.TempDir()
			summary, output := filepath.Join(runner, "summary.md"), filepath.Join(runner, "output")
			for _, f := range []string{summary, output} {
				if err := os.WriteFile(f, nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			env := append(stepEnv(t, w, gate, tc.inputs, nil),
				"PATH="+binDir+string(os.PathListSeparator)+os.Getenv("PATH"),
				"RUNNER_TEMP="+runner, "GITHUB_STEP_SUMMARY="+summary, "GITHUB_OUTPUT="+output)
			code, log := runStep(t, gate, dir, env)
			if code != 0 {
				t.Fatalf("the gate step failed (exit %d); it must record the status and let the SARIF upload run:\n%s", code, log)
			}
			outputs := readOutputs(t, output)
			wantOutputs := map[string]string{"status": tc.wantStatus, "sarif": filepath.Join(runner, "brexlint.sarif")}
			if diff := cmp.Diff(wantOutputs, outputs); diff != "" {
				t.Errorf("step outputs (-want +got):\n%s\n%s", diff, log)
			}
			md, _ := os.ReadFile(summary)
			if !bytes.HasPrefix(md, []byte("## Brex launch checklist: customer integration\n")) || !bytes.Contains(md, []byte("| Item | Status | Findings |")) {
				t.Errorf("the job summary is not the Markdown report:\n%s", md)
			}
			data, err := os.ReadFile(outputs["sarif"])
			if err != nil {
				t.Fatal(err)
			}
			if err := sariftest.Validate(data); err != nil {
				t.Error(err)
			}

			// The verdict step runs when the status is not 0, and fails.
			if outputs["status"] != "0" {
				if !strings.Contains(verdict.If, "steps.gate.outputs.status != '0'") {
					t.Errorf("verdict step condition %q does not test the gate's status", verdict.If)
				}
				code, log := runStep(t, verdict, dir, stepEnv(t, w, verdict, tc.inputs, outputs))
				if code == 0 || !strings.Contains(log, "::error title=brexlint::A Brex launch checklist item fails") {
					t.Errorf("verdict step: exit %d, log %q; want a failure with an error annotation", code, log)
				}
			}
		})
	}
}

// actionlint runs actionlint, pinned, from the module proxy, with shellcheck.
func actionlint(t *testing.T, dir string, files ...string) {
	t.Helper()
	shellcheck, err := exec.LookPath("shellcheck")
	if err != nil {
		t.Fatalf("shellcheck is not installed: actionlint would skip the run: scripts (apt-get install shellcheck; .ci/run installs it)")
	}
	args := append([]string{"run", actionlintPkg, "-shellcheck", shellcheck, "-pyflakes="}, files...)
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("actionlint %s: %v\n%s", strings.Join(files, " "), err, out)
	}
}

// TestWorkflowActionlint lints the reusable workflow and the README's
// calling workflow, with the call pointed at the local copy so that
// actionlint checks its inputs against the reusable workflow's.
func TestWorkflowActionlint(t *testing.T) {
	repo := t.TempDir()
	git(t, repo, "init", "-q")
	wfDir := filepath.Join(repo, ".github", "workflows")
	if err := os.MkdirAll(wfDir, 0o755); err != nil {
		t.Fatal(err)
	}
	reusable, err := os.ReadFile(workflowFile)
	if err != nil {
		t.Fatal(err)
	}
	caller, err := snippets.Get(readmeFile, "github-workflow")
	if err != nil {
		t.Fatal(err)
	}
	const remote = "brexlint/brexlint/.github/workflows/brexlint.yml@"
	if !strings.Contains(caller, "uses: "+remote) {
		t.Fatalf("the README's workflow does not call %s...:\n%s", remote, caller)
	}
	caller = regexp.MustCompile(`uses: `+regexp.QuoteMeta(remote)+`\S+`).ReplaceAllString(caller, "uses: ./.github/workflows/brexlint.yml")
	for name, data := range map[string][]byte{"brexlint.yml": reusable, "ci.yml": []byte(caller)} {
		if err := os.WriteFile(filepath.Join(wfDir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	actionlint(t, repo, ".github/workflows/brexlint.yml", ".github/workflows/ci.yml")

	// actionlint must catch a mistake, or this test proves nothing: an
	// input the reusable workflow does not declare.
	bad := strings.Replace(caller, "    with:\n", "    with:\n      no-such-input: x\n", 1)
	if bad == caller {
		t.Fatalf("the README's workflow passes no inputs (with:) to the reusable workflow:\n%s", caller)
	}
	if err := os.WriteFile(filepath.Join(wfDir, "ci.yml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	shellcheck, _ := exec.LookPath("shellcheck")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "run", actionlintPkg, "-shellcheck", shellcheck, "-pyflakes=", ".github/workflows/ci.yml")
	cmd.Dir = repo
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "no-such-input") {
		t.Errorf("actionlint accepted a call with an undeclared input (err %v):\n%s\n%s", err, out, bad)
	}
}
