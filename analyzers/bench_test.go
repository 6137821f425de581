package analyzers_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers"
	"github.com/brexlint/brexlint/internal/checks"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// BenchmarkSuite measures the analysis of a real module (x/oauth2 with its
// tests, pinned in testdata/foreign) by the whole suite and by the suite
// without each check, so that the cost of a check is a ratio on real code.
// Packages are loaded and type-checked once, outside the timing: loading is
// the same for every variant. The gitleaks detector is built once per
// process (at the first package with candidate literals), so after the first
// iteration the figures are the steady state of a long-lived driver
// (gopls, golangci-lint); a one-shot brexlint run pays about 0.2 s more.
//
//	go test -run '^$' -bench Suite -benchmem ./analyzers/
func BenchmarkSuite(b *testing.B) {
	cfg := &packages.Config{Mode: packages.LoadSyntax, Dir: "testdata/foreign", Tests: true}
	pkgs, err := packages.Load(cfg, "golang.org/x/oauth2/...")
	if err != nil || len(pkgs) == 0 {
		b.Fatalf("loading: %v (%d packages)", err, len(pkgs))
	}
	all := analyzers.All()
	without := func(name string) []*analysis.Analyzer {
		var keep []*analysis.Analyzer
		for _, a := range all {
			if a.Name != name {
				keep = append(keep, a)
			}
		}
		return keep
	}
	for _, v := range []struct {
		name string
		as   []*analysis.Analyzer
	}{
		{"all", all},
		{"without-" + checks.HardcodedSecret, without(checks.HardcodedSecret)},
	} {
		b.Run(v.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := checker.Analyze(v.as, pkgs, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
