package main

import (
	"errors"
	"testing"

	"github.com/brexlint/brexlint/internal/driver"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// TestJSONExit checks the exit status of -json on what an end-to-end run
// cannot easily produce: an analyzer that fails on a package that builds.
// x/tools' checker puts its error in the JSON and exits 0; a package that
// does not build exits 1.
func TestJSONExit(t *testing.T) {
	pkg := &packages.Package{ID: "example.com/m/good"}
	failed := &driver.Action{Analyzer: &analysis.Analyzer{Name: "ratelimit"}, Package: pkg, IsRoot: true, Err: errors.New("internal error")}
	for _, tc := range []struct {
		name string
		res  *driver.Result
		want int
	}{
		{"clean", &driver.Result{}, 0},
		{"analyzer error", &driver.Result{Actions: []*driver.Action{failed}}, 0},
		{"package that does not build", &driver.Result{Broken: []driver.Broken{{ID: "example.com/m/broken"}}}, 1},
	} {
		if len(tc.res.Errors()) == 0 && tc.name == "analyzer error" {
			t.Fatalf("%s: the result has no error: the case would prove nothing", tc.name)
		}
		if got := jsonExit(tc.res); got != tc.want {
			t.Errorf("%s: jsonExit = %d, want %d", tc.name, got, tc.want)
		}
	}
}
