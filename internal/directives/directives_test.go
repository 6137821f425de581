package directives_test

import (
	"go/ast"
	"go/types"
	"reflect"
	"sort"
	"testing"

	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// flagger stands in for a real check: it reports every string literal
// "FLAG" through a Reporter, so that the tests exercise suppression exactly
// as a check meets it. It borrows a real check's name because suppressions
// may only name known checks.
var flagger = &analysis.Analyzer{
	Name:     checks.IdempotencyKey,
	Doc:      "test analyzer: reports string literals \"FLAG\"",
	Requires: []*analysis.Analyzer{directives.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		r := directives.NewReporter(pass)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Value == `"FLAG"` {
					r.Reportf(lit.Pos(), "flag", "found FLAG")
				}
				return true
			})
		}
		r.Finish()
		return nil, nil
	},
}

func TestSuppression(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), flagger, "suppress")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Category != "idempotencykey/flag" && d.Category != "idempotencykey/unused-directive" {
				t.Errorf("category %q: want the check's name before the kind", d.Category)
			}
		}
	}
}

// teachingRecorder records the teaching directives the parser attached to
// each named declaration.
var teachingRecorder = &analysis.Analyzer{
	Name:     "teachingrecorder",
	Doc:      "test analyzer: exposes the teaching directives",
	Requires: []*analysis.Analyzer{directives.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		x := pass.ResultOf[directives.Analyzer].(*directives.Index)
		got := map[string]directives.Teaching{}
		for obj, t := range x.Teaching {
			got[types.ObjectString(obj, types.RelativeTo(pass.Pkg))] = t
		}
		return got, nil
	},
	ResultType: reflect.TypeFor[map[string]directives.Teaching](),
}

func TestTeaching(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), teachingRecorder, "teach")
	got := results[0].Result.(map[string]directives.Teaching)
	want := map[string]directives.Teaching{
		"type Client struct{}":               directives.Client | directives.Retries429,
		"func newKey() string":               directives.Random,
		"func (*Client).Do() error":          directives.Client,
		"type Transport struct{}":            directives.Retries429,
		"func helper(n int) (string, error)": directives.Random | directives.Client,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		keys := make([]string, 0, len(got))
		for k := range got {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		t.Errorf("teaching directives (-want +got):\n%s\ngot keys: %q", diff, keys)
	}
}

func TestCovers(t *testing.T) {
	s := &directives.Suppression{Checks: []string{"ratelimit", "statuscheck"}, Lines: [2]int{10, 11}}
	for _, tc := range []struct {
		check string
		line  int
		want  bool
	}{
		{"ratelimit", 10, true},
		{"statuscheck", 11, true},
		{"ratelimit", 12, false},
		{"ratelimit", 9, false},
		{"hardcodedsecret", 10, false},
	} {
		if got := s.Covers(tc.check, tc.line); got != tc.want {
			t.Errorf("Covers(%q, %d) = %v, want %v", tc.check, tc.line, got, tc.want)
		}
	}
	whole := &directives.Suppression{Checks: []string{"ratelimit"}, Whole: true}
	if !whole.Covers("ratelimit", 999) || whole.Covers("statuscheck", 1) {
		t.Error("file-ignore must cover every line for its checks and no other check")
	}
}
