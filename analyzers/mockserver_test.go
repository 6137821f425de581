package analyzers_test

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	stdcmp "cmp"

	"github.com/brexlint/brexlint/analyzers"
	"github.com/brexlint/brexlint/internal/teststubs"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestQuietOnMockServers runs every check over programs that point Brex's
// generated clients (openapi-generator's and oapi-codegen's) and requests
// of their own at a mock of Brex: an httptest server started outside a
// _test.go file (fakebrex, a helper package for other packages' tests) and
// a mock on the loopback interface (prismdev, a development mode). Nothing
// they send reaches Brex: checks.md has Brex-call checks stay quiet on
// requests to httptest servers, and a request whose host is not Brex's
// does not reach Brex. Their calls have every problem package live has,
// which is prismdev pointed at Brex, and the test requires live's findings
// too, one of every Brex-call check that the twins' calls trip (enumdefault
// and strictdecode included): the quiet result comes from the server, not
// from calls the checks cannot see. devflag picks a fake server only under
// a -dev flag and Brex by default: the default reaches Brex, so it is
// reported.
func TestQuietOnMockServers(t *testing.T) {
	dir := teststubs.GOPATH(t, analysistest.TestData(), "github.com/acmepay/brexopenapi", "github.com/acmepay/brexsdk", "github.com/oapi-codegen/runtime")
	got := findings(t, dir, "fakebrex", "prismdev", "live", "devflag")
	want := []string{
		"devflag/devflag.go:43 idempotencykey/missing-key",
		"devflag/devflag.go:48 ratelimit/unhandled",
		"devflag/devflag.go:71 ratelimit/unhandled",
		"live/live.go:44 idempotencykey/missing-key",
		"live/live.go:44 ratelimit/unhandled",
		"live/live.go:47 idempotencykey/missing-key",
		"live/live.go:47 ratelimit/unhandled",
		"live/live.go:59 idempotencykey/constant-key",
		"live/live.go:59 ratelimit/unhandled",
		"live/live.go:66 ratelimit/no-backoff",
		"live/live.go:67 idempotencykey/key-per-attempt",
		"live/live.go:79 ratelimit/no-backoff",
		"live/live.go:79 ratelimit/unbounded",
		"live/live.go:94 brexendpoint/deprecated",
		"live/live.go:94 ratelimit/unhandled",
		"live/live.go:103 brexendpoint/undocumented",
		"live/live.go:103 ratelimit/unhandled",
		"live/live.go:110 idempotencykey/missing-key",
		"live/live.go:114 ratelimit/unhandled",
		"live/live.go:123 strictdecode/response-unknown-fields",
		"live/live.go:124 statuscheck/unchecked-decode",
		"live/live.go:128 enumdefault/no-default",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

// findings loads the packages from the GOPATH root dir, test files
// included, runs every check over them at once and returns each finding
// as "dir/file.go:line category", in the order of the files and lines.
func findings(t *testing.T, dir string, patterns ...string) []string {
	t.Helper()
	_, g := analyzeGOPATH(t, dir, dir, patterns...)
	type finding struct {
		file     string
		line     int
		category string
	}
	seen := map[finding]bool{}
	var all []finding
	for act := range g.All() {
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			f := finding{filepath.Join(filepath.Base(filepath.Dir(pos.Filename)), filepath.Base(pos.Filename)), pos.Line, d.Category}
			if !seen[f] { // a package with tests is analyzed twice
				seen[f] = true
				all = append(all, f)
			}
		}
	}
	slices.SortFunc(all, func(a, b finding) int {
		if a.file != b.file {
			return stdcmp.Compare(a.file, b.file)
		}
		if a.line != b.line {
			return a.line - b.line
		}
		return stdcmp.Compare(a.category, b.category)
	})
	out := make([]string, len(all))
	for i, f := range all {
		out[i] = f.file + ":" + strconv.Itoa(f.line) + " " + f.category
	}
	return out
}

// TestForeignTwinLive runs every check over ledgerlive, the twin of the
// foreign ledgeropenapp (analyzers/testdata/foreign, which
// TestQuietOnForeignCode requires to be quiet) pointed at Brex: the same
// calls are reported there, by every check the ledger's calls would trip
// at Brex, so the quiet result comes from the ledger's host.
func TestForeignTwinLive(t *testing.T) {
	dir := teststubs.GOPATH(t, analysistest.TestData(), "github.com/acmepay/brexopenapi")
	got := findings(t, dir, "ledgerlive")
	want := []string{
		"ledgerlive/ledgerlive.go:45 idempotencykey/constant-key",
		"ledgerlive/ledgerlive.go:45 ratelimit/unhandled",
		"ledgerlive/ledgerlive.go:57 idempotencykey/key-per-attempt",
		"ledgerlive/ledgerlive.go:71 idempotencykey/missing-key",
		"ledgerlive/ledgerlive.go:71 ratelimit/unhandled",
		"ledgerlive/ledgerlive.go:83 ratelimit/no-backoff",
		"ledgerlive/ledgerlive.go:83 ratelimit/unbounded",
		"ledgerlive/ledgerlive.go:102 ratelimit/unhandled",
		"ledgerlive/ledgerlive.go:106 enumdefault/no-default",
		"ledgerlive/ledgerlive.go:120 brexendpoint/deprecated",
		"ledgerlive/ledgerlive.go:120 ratelimit/unhandled",
		"ledgerlive/ledgerlive.go:130 brexendpoint/undocumented",
		"ledgerlive/ledgerlive.go:130 ratelimit/unhandled",
		"ledgerlive/ledgerlive.go:141 strictdecode/response-unknown-fields",
		"ledgerlive/ledgerlive.go:150 ratelimit/unhandled",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

// analyzeGOPATH loads the packages of the GOPATH root, from dir, with
// their tests, fails the test if they do not build, and runs every check
// over them under x/tools' checker (as go vet does).
func analyzeGOPATH(t *testing.T, root, dir string, patterns ...string) ([]*packages.Package, *checker.Graph) {
	t.Helper()
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Dir:   dir,
		Tests: true,
		Env:   append(os.Environ(), "GOPATH="+root, "GO111MODULE=off", "GOWORK=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the packages do not build")
	}
	g, err := checker.Analyze(analyzers.All(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkgs, g
}
