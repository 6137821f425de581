package webhooksignature_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/brexlint/brexlint/analyzers/webhooksignature"
	"github.com/brexlint/brexlint/internal/teststubs"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis/analysistest"
)

// libraries are the stubs of the verifying libraries the check accepts.
var libraries = []string{
	"github.com/standard-webhooks/standard-webhooks/libraries/go",
	"github.com/svix/svix-webhooks/go",
}

// frameworks are the stubs of the web frameworks whose handlers are
// receivers too.
var frameworks = []string{"github.com/gin-gonic/gin", "github.com/labstack/echo/v4"}

func TestWebhookSignature(t *testing.T) {
	dir := teststubs.GOPATH(t, analysistest.TestData(), append(libraries, frameworks...)...)
	results := analysistest.Run(t, dir, webhooksignature.Analyzer, "brexhooks", "whsig", "usehelper", "libhooks", "otherhooks", "secretsonly",
		"ginhooks", "ginmiddleware", "echohooks", "echomiddleware", "echowrap", "frameworkother",
		"ginforeign", "ginforeignlog", "echoforeign", "ginlib", "ginlibverify", "gininline", "ginbindmw", "ginquery", "gincors", "ginchain", "unusedignore")

	// The receivers each package has, for the checklist's coverage:
	// other providers' handlers, the program's own endpoints, helper
	// packages and tests are none. A package and its test variant are
	// analyzed both: each receiver is listed once.
	got := map[string][]string{}
	seen := map[string]bool{}
	for _, r := range results {
		if r.Err != nil {
			continue
		}
		for _, pos := range r.Result.(*webhooksignature.Result).Receivers {
			p := r.Pass.Fset.Position(pos)
			at := fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
			if key := r.Pass.Pkg.Path() + " " + at; !seen[key] {
				seen[key] = true
				got[r.Pass.Pkg.Path()] = append(got[r.Pass.Pkg.Path()], at)
			}
		}
	}
	want := map[string][]string{
		"brexhooks": {"brexhooks.go:43", "brexhooks.go:88", "brexhooks.go:100", "brexhooks.go:116", "brexhooks.go:132",
			"brexhooks.go:157", "brexhooks.go:178", "brexhooks.go:202", "brexhooks.go:217", "brexhooks.go:233",
			"brexhooks.go:257", "brexhooks.go:266"},
		"libhooks":  {"libhooks.go:26", "libhooks.go:39", "libhooks.go:58", "libhooks.go:70", "libhooks.go:83"},
		"usehelper": {"usehelper.go:25", "usehelper.go:40", "usehelper.go:52"},
		// gin and echo handlers and middlewares, of Brex or not.
		"ginhooks":       {"ginhooks.go:55", "ginhooks.go:75", "ginhooks.go:90", "ginhooks.go:102", "ginhooks.go:149", "ginhooks.go:173"},
		"ginmiddleware":  {"ginmiddleware.go:30", "ginmiddleware.go:67"},
		"echohooks":      {"echohooks.go:44", "echohooks.go:54", "echohooks.go:64"},
		"echomiddleware": {"echomiddleware.go:24", "echomiddleware.go:38"},
		"echowrap":       {"echowrap.go:24", "echowrap.go:36"},
		// Verified by middlewares of another package (brexauth), or not.
		"ginforeign":    {"ginforeign.go:23"},
		"echoforeign":   {"echoforeign.go:21"},
		"ginforeignlog": {"ginforeignlog.go:20"},
		// Behind a CORS middleware of another module (no fact): reported;
		// behind a middleware given through an interface: quiet.
		"gincors":  {"gincors.go:19"},
		"ginchain": {"ginchain.go:19"},
		// Handlers the package never registers: the one that verifies by
		// hand is judged and counted, those that take no step are not.
		"ginlibverify": {"ginlibverify.go:33", "ginlibverify.go:99"},
		// Verified by a gin.HandlerFunc value it calls inline.
		"gininline": {"gininline.go:23"},
		// Verified by middlewares that bind too.
		"ginbindmw": {"ginbindmw.go:24", "ginbindmw.go:40", "ginbindmw.go:53", "ginbindmw.go:67"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("receivers (-want +got):\n%s", diff)
	}
}
