package analyzers_test

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/analyzers"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/driver"
	"github.com/brexlint/brexlint/internal/teststubs"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// MaxMessage is the longest a finding's message may be, check name
// included. A message says what is wrong, why it matters for a Brex
// launch and what to do (see [checks.MessageForm]); 150 characters held
// the first alone, and the endpoint lists and expressions that messages
// quote leave the three about 220. That is still one line of a review bot's comment; the
// check's documentation (brexlint help CHECK, the analyzer's URL, SARIF
// help) says the rest at length.
const MaxMessage = 220

// TestMessageLength runs every check over all of its analysistest data,
// with every flag its tests set, and requires each message to have the
// [checks.MessageForm] and each message and each related message to be
// within [MaxMessage].
func TestMessageLength(t *testing.T) {
	for _, a := range analyzers.All() {
		t.Run(a.Name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(a.Name, "testdata")
			pkgs := testdataPackages(t, filepath.Join(dir, "src"))
			if len(pkgs) == 0 {
				t.Fatalf("no analysistest packages under %s", dir)
			}
			// Every stub, since some tests add the generated-client,
			// resty or retryablehttp stubs to their GOPATH; the stubs
			// are harmless to the others.
			gopath := teststubs.GOPATH(t, dir, teststubs.All(t)...)
			n := 0
			for _, flags := range flagSets(a) {
				setFlags(t, a, flags)
				// The test data's // want comments are checked by the
				// check's own tests; here only lengths matter.
				for _, res := range analysistest.Run(ignoreErrors{}, gopath, a, pkgs...) {
					for _, d := range res.Diagnostics {
						n++
						posn := res.Pass.Fset.Position(d.Pos).String()
						checkLength(t, posn, d)
						checkCategory(t, posn, a.Name, d)
					}
				}
			}
			if n == 0 {
				t.Errorf("%s reports nothing on its test data: the test would prove nothing", a.Name)
			}
		})
	}
}

// TestMessageLengthSample does the same on the sample integration the
// README runs.
func TestMessageLengthSample(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the sample module and its dependencies; run without -short")
	}
	res, err := driver.Run(analyzers.All(), []string{"./..."}, driver.Options{Dir: "../testdata/sample"})
	if err != nil {
		t.Fatal(err)
	}
	diags := res.Diagnostics()
	if len(diags) == 0 {
		t.Fatal("no findings on the sample: the test would prove nothing")
	}
	for _, d := range diags {
		checkLength(t, d.Position.String(), d.Diagnostic)
		checkCategory(t, d.Position.String(), d.Check, d.Diagnostic)
	}
}

var moreEndpoints = regexp.MustCompile(` and (\d+) more\b`)

// checkCategory requires the stable "CHECK/kind" category that checks.md
// asks of every kind of finding: SARIF rule IDs, baselines and exclusions
// key on it.
func checkCategory(t *testing.T, posn, check string, d analysis.Diagnostic) {
	t.Helper()
	kind, ok := strings.CutPrefix(d.Category, check+"/")
	if !ok || kind == "" || strings.ContainsAny(kind, " /") {
		t.Errorf("%s: category %q is not %q followed by a kind:\n%s", posn, d.Category, check+"/", d.Message)
	}
}

func checkLength(t *testing.T, posn string, d analysis.Diagnostic) {
	t.Helper()
	if !checks.MessageForm.MatchString(d.Message) {
		t.Errorf("%s: message is not \"CHECK: WHAT, so WHY; FIX\" (checks.Message):\n%s", posn, d.Message)
	}
	if len(d.Message) > MaxMessage {
		t.Errorf("%s: message of %d characters (max %d):\n%s", posn, len(d.Message), MaxMessage, d.Message)
	}
	// A message that counts endpoints it does not name ("GET /v1/expenses,
	// GET /v1/vendors and 2 more") names them all in its related
	// information, for -json and SARIF.
	if m := moreEndpoints.FindStringSubmatch(d.Message); m != nil {
		n, _ := strconv.Atoi(m[1])
		var eps []string
		for _, r := range d.Related {
			if ep, ok := strings.CutPrefix(r.Message, "endpoint: "); ok {
				eps = append(eps, ep)
			}
		}
		if len(eps) != n+2 {
			t.Errorf("%s: message counts %d endpoints but its related information names %d %q:\n%s", posn, n+2, len(eps), eps, d.Message)
		}
	}
	for _, r := range d.Related {
		if len(r.Message) > MaxMessage {
			t.Errorf("%s: related message of %d characters (max %d):\n%s", posn, len(r.Message), MaxMessage, r.Message)
		}
	}
}

// testdataPackages lists the import paths of the packages under src.
func testdataPackages(t *testing.T, src string) []string {
	t.Helper()
	var pkgs []string
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, err := filepath.Rel(src, filepath.Dir(path))
		if err != nil {
			return err
		}
		if p := filepath.ToSlash(rel); !slices.Contains(pkgs, p) {
			pkgs = append(pkgs, p)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return pkgs
}

// flagSets lists the flag settings under which a's tests run it: the
// defaults, and each boolean flag set to true (idempotencykey -optional).
func flagSets(a *analysis.Analyzer) []map[string]string {
	sets := []map[string]string{nil}
	a.Flags.VisitAll(func(f *flag.Flag) {
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			sets = append(sets, map[string]string{f.Name: "true"})
		}
	})
	return sets
}

// setFlags sets a's flags for one run and restores them after the test.
func setFlags(t *testing.T, a *analysis.Analyzer, flags map[string]string) {
	t.Helper()
	for name, v := range flags {
		old := a.Flags.Lookup(name).Value.String()
		if err := a.Flags.Set(name, v); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { a.Flags.Set(name, old) })
	}
}

// ignoreErrors drops analysistest's complaints about // want comments.
type ignoreErrors struct{}

func (ignoreErrors) Errorf(string, ...any) {}

// TestMessageForm pins [checks.MessageForm] down: a message that says
// only what is wrong, or that has no what-to-do, fails it.
func TestMessageForm(t *testing.T) {
	for msg, want := range map[string]bool{
		"ratelimit: 429 from POST /v1/transfers is not retried, so bursts fail under Brex's rate limit; retry with backoff and jitter": true,
		"ratelimit: 429 from POST /v1/transfers is not retried":                                                                        false, // what only
		"ratelimit: 429 from POST /v1/transfers is not retried; retry with backoff and jitter":                                         false, // no why
		"ratelimit: 429 from POST /v1/transfers is not retried, so bursts fail under Brex's rate limit":                                false, // no what-to-do
		"ratelimit: 429 from POST /v1/transfers is not retried, so bursts fail; ":                                                      false, // empty what-to-do
		"ratelimit: 429 from POST /v1/transfers is not retried, so bursts fail; retry with backoff.":                                   false, // trailing period
		"429 from POST /v1/transfers is not retried, so bursts fail; retry with backoff":                                               false, // no check name
		"ratelimit: a; b, so c; d": false, // the why comes before the what-to-do
	} {
		if got := checks.MessageForm.MatchString(msg); got != want {
			t.Errorf("checks.MessageForm.MatchString(%q) = %v, want %v", msg, got, want)
		}
	}
}
