// Package analyzers lists brexlint's analyzers: the one place that says which
// checks exist. Drivers (cmd/brexlint, the golangci-lint plugin, tests) take
// their analyzers from here.
package analyzers

import (
	"github.com/brexlint/brexlint/analyzers/brexendpoint"
	"github.com/brexlint/brexlint/analyzers/directive"
	"github.com/brexlint/brexlint/analyzers/embeddedwebview"
	"github.com/brexlint/brexlint/analyzers/enumdefault"
	"github.com/brexlint/brexlint/analyzers/hardcodedsecret"
	"github.com/brexlint/brexlint/analyzers/idempotencykey"
	"github.com/brexlint/brexlint/analyzers/moneyfloat"
	"github.com/brexlint/brexlint/analyzers/oauthcallback"
	"github.com/brexlint/brexlint/analyzers/oauthlib"
	"github.com/brexlint/brexlint/analyzers/oauthscopes"
	"github.com/brexlint/brexlint/analyzers/oauthstate"
	"github.com/brexlint/brexlint/analyzers/pagelimit"
	"github.com/brexlint/brexlint/analyzers/pagination"
	"github.com/brexlint/brexlint/analyzers/ratelimit"
	"github.com/brexlint/brexlint/analyzers/statuscheck"
	"github.com/brexlint/brexlint/analyzers/strictdecode"
	"github.com/brexlint/brexlint/analyzers/tokenrefresh"
	"github.com/brexlint/brexlint/analyzers/webhooksignature"
	"golang.org/x/tools/go/analysis"
)

// All returns every brexlint analyzer, in the order of the product
// specification. The slice is new on each call; the analyzers are shared.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		hardcodedsecret.Analyzer,
		idempotencykey.Analyzer,
		brexendpoint.Analyzer,
		enumdefault.Analyzer,
		strictdecode.Analyzer,
		ratelimit.Analyzer,
		statuscheck.Analyzer,
		oauthstate.Analyzer,
		oauthcallback.Analyzer,
		embeddedwebview.Analyzer,
		tokenrefresh.Analyzer,
		oauthlib.Analyzer,
		oauthscopes.Analyzer,
		webhooksignature.Analyzer,
		pagination.Analyzer,
		pagelimit.Analyzer,
		moneyfloat.Analyzer,
		directive.Analyzer,
	}
}
