package webhooksignature_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/analyzers/strictdecode"
	"github.com/brexlint/brexlint/analyzers/webhooksignature"
	"github.com/brexlint/brexlint/internal/teststubs"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestConcurrentWebhookModel runs webhooksignature and strictdecode, which
// both ask the webhook half of the Brex model questions it answers on
// demand (UnitOf; Units, Covered), on the same packages as the go/analysis
// checker does, in parallel, and then one after the other: the findings
// must be the same. Run with -race, it shows the model safe for concurrent
// use.
func TestConcurrentWebhookModel(t *testing.T) {
	dir := teststubs.GOPATH(t, analysistest.TestData(), append(libraries, frameworks...)...)
	// With the test files: webhooksignature's Covered builds every
	// function, those of tests on demand, while strictdecode asks UnitOf
	// about the package's handler (strictreceiver). The gin packages make
	// the model answer its package-wide questions, computed once (another
	// package's middlewares for Covered; the functions the package uses,
	// for WrappedElsewhere).
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   dir,
		Tests: true,
		Env:   append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "strictreceiver", "usehelper", "ginforeign", "ginlibverify")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the test packages do not load")
	}
	as := []*analysis.Analyzer{strictdecode.Analyzer, webhooksignature.Analyzer}
	findings := func(sequential bool) []string {
		g, err := checker.Analyze(as, pkgs, &checker.Options{Sequential: sequential})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for act := range g.All() {
			if act.Err != nil {
				t.Fatalf("%s: %v", act, act.Err)
			}
			for _, d := range act.Diagnostics {
				out = append(out, fmt.Sprintf("%s %s: %s", act.Analyzer.Name, act.Package.Fset.Position(d.Pos), d.Message))
			}
		}
		slices.Sort(out)
		return out
	}
	want := findings(true)
	for _, check := range []string{"strictdecode ", "webhooksignature "} {
		if !slices.ContainsFunc(want, func(f string) bool { return strings.HasPrefix(f, check) }) {
			t.Fatalf("no %sfinding: the packages do not exercise both checks' use of the model: %q", check, want)
		}
	}
	for range 5 {
		if diff := cmp.Diff(want, findings(false)); diff != "" {
			t.Fatalf("findings in parallel differ from one after the other (-sequential +parallel):\n%s", diff)
		}
	}
}
