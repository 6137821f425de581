package analyzers_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/analyzers"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/driver"
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
	without := func(names ...string) []*analysis.Analyzer {
		var keep []*analysis.Analyzer
		for _, a := range all {
			if !slices.Contains(names, a.Name) {
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
		// The checks beyond the launch checklist together: they read the
		// model's decodes and requests, and moneyfloat every expression.
		{"without-beyond", without(checks.Pagination, checks.PageLimit, checks.MoneyFloat)},
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

// factFloor is an analyzer that does nothing but declare a fact: under the
// standard driver that alone makes every dependency load from source and be
// analyzed, so it measures the honest loading floor of any fact-bearing
// suite (design.md: the suite must stay within 1.5x of it).
var factFloor = &analysis.Analyzer{
	Name:      "factfloor",
	Doc:       "declares a fact and does nothing (benchmark baseline)",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(floorFact)},
}

type floorFact struct{}

func (*floorFact) AFact() {}

// BenchmarkLoadingFloor compares, end to end (load, type-check, analyze),
// the whole suite with the loading floor on a large real module that does
// not talk to Brex: stripe-go, pinned in testdata/foreign. The ratio
// all/floor is the claim; absolute times depend on the machine.
//
//	go test -run '^$' -bench LoadingFloor -benchtime 3x ./analyzers/
func BenchmarkLoadingFloor(b *testing.B) {
	patterns := []string{"github.com/stripe/stripe-go/v82/..."}
	for _, v := range []struct {
		name string
		as   []*analysis.Analyzer
	}{
		{"floor", []*analysis.Analyzer{factFloor}},
		{"all", analyzers.All()},
	} {
		b.Run(v.name, func(b *testing.B) {
			for b.Loop() {
				res, err := driver.Run(v.as, patterns, driver.Options{Dir: "testdata/foreign"})
				if err != nil {
					b.Fatal(err)
				}
				if n := len(res.Diagnostics()); n != 0 {
					b.Fatalf("%d findings on stripe-go", n)
				}
			}
		})
	}
}

// BenchmarkOneFile measures how the suite scales with the size of one file:
// a generated Brex client with n functions in a single file, each sending
// one request (the shape of openapi-generator output and of hand-written
// SDKs that keep every operation in client.go). Work per file must grow
// linearly: the ns/op of calls=16000 within about 16x of calls=1000.
//
//	go test -run '^$' -bench OneFile -benchtime 1x ./analyzers/
func BenchmarkOneFile(b *testing.B) {
	for _, n := range []int{1000, 2000, 4000, 8000, 16000} {
		dir := b.TempDir()
		writeGeneratedClient(b, dir, n)
		b.Run(fmt.Sprintf("calls=%d", n), func(b *testing.B) {
			for b.Loop() {
				res, err := driver.Run(analyzers.All(), []string{"./..."}, driver.Options{Dir: dir})
				if err != nil {
					b.Fatal(err)
				}
				// Every operation retries nothing on 429: one ratelimit
				// finding per call proves the calls were all seen.
				if got := len(res.Diagnostics()); got < n {
					b.Fatalf("%d findings for %d calls (broken: %v)", got, n, res.Broken)
				}
			}
		})
	}
}

// writeGeneratedClient writes a module whose one file holds n operations,
// each a POST to a Brex endpoint through http.DefaultClient.
func writeGeneratedClient(tb testing.TB, dir string, n int) {
	tb.Helper()
	var src strings.Builder
	src.WriteString(`package gen

import (
	"bytes"
	"context"
	"net/http"
)

const baseURL = "https://platform.brexapis.com"

`)
	for i := range n {
		fmt.Fprintf(&src, `// Op%[1]d creates a budget.
func Op%[1]d(ctx context.Context, body []byte) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, baseURL+"/v2/budgets", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return http.DefaultClient.Do(req)
}

`, i)
	}
	files := map[string]string{
		"go.mod":    "module example.com/gen\n\ngo 1.22\n",
		"client.go": src.String(),
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}
