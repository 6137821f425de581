package tokenrefresh

import (
	"fmt"
	"strings"
	"time"

	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/oauthmodel"
	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/analysis"
)

// Analyzer reports Brex OAuth tokens that are never refreshed, refreshes
// whose rotated refresh token is lost, and access tokens cached past their
// lifetime.
var Analyzer = &analysis.Analyzer{
	Name:     checks.TokenRefresh,
	Doc:      "report Brex OAuth tokens used without refresh, refreshed tokens that are never persisted, hand-written refreshes that drop the new refresh token, and access tokens cached longer than 3600 s",
	URL:      checks.DocURL(checks.TokenRefresh),
	Requires: []*analysis.Analyzer{brexmodel.Analyzer, directives.Analyzer},
	Run:      run,
}

// The kinds of finding (categories "tokenrefresh/KIND").
const (
	kindStaticToken    = "static-token"
	kindUnpersisted    = "unpersisted-refresh"
	kindDroppedRefresh = "dropped-refresh-token"
	kindCacheLifetime  = "cache-lifetime"
)

// accessTokenLifetime is the lifetime of a Brex access token
// (expires_in, facts.md §3.4).
const accessTokenLifetime = 3600 * time.Second

func run(pass *analysis.Pass) (any, error) {
	r := directives.NewReporter(pass)
	defer r.Finish()
	m := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model).OAuth
	for _, use := range m.TokenUses {
		if use.InTest || !use.Brex {
			continue
		}
		through := ""
		if use.Via != nil {
			through = " (through " + typesutil.FuncName(use.Via, pass.Pkg) + ")"
		}
		switch use.Kind {
		case oauthmodel.StaticSourceUse, oauthmodel.AuthHeaderUse:
			how := "oauth2.StaticTokenSource"
			if use.Kind == oauthmodel.AuthHeaderUse {
				how = "a literal Authorization header"
			}
			switch {
			case use.Origin == oauthmodel.OriginStored && !use.RefreshOnPath && !use.SlotRefreshed:
				r.Reportf(use.Node.Pos(), kindStaticToken, "%s", checks.Message(fmt.Sprintf("this stored Brex OAuth token is used through %s%s", how, through), whyNeverRefreshed, fixRefresh))
			case use.Origin == oauthmodel.OriginFresh && use.Kept && use.Kind == oauthmodel.StaticSourceUse:
				r.Reportf(use.Node.Pos(), kindStaticToken, "%s", checks.Message(fmt.Sprintf("this Brex OAuth token from the exchange is kept beyond the request in %s%s", how, through), whyNeverRefreshed, fixRefresh))
			}
		case oauthmodel.ConfigClientUse:
			if use.Origin != oauthmodel.OriginStored {
				continue
			}
			r.Reportf(use.Node.Pos(), kindUnpersisted, "%s", checks.Message(fmt.Sprintf("Config.Client%s over a stored Brex token never persists the tokens it refreshes", through), whyRotated, fixPersist))
		case oauthmodel.ConfigSourceUse:
			if use.Origin != oauthmodel.OriginStored || use.Persisted {
				continue
			}
			r.Reportf(use.Node.Pos(), kindUnpersisted, "%s", checks.Message(fmt.Sprintf("Config.TokenSource%s over a stored Brex token: the refreshed tokens it returns are never persisted", through), whyRotated, fixPersist))
		}
	}
	for _, hr := range m.HandRefreshes {
		if hr.InTest || !hr.DropsRefresh {
			continue
		}
		r.Reportf(hr.Decode.Pos(), kindDroppedRefresh, "%s", checks.Message(fmt.Sprintf("this hand-written Brex refresh drops refresh_token: its response type %s %s", hr.Type, hr.Why),
			"the next refresh fails (Brex rotates it)", "save the new one"))
	}
	for _, c := range m.TokenCaches {
		if c.InTest {
			continue
		}
		switch {
		case c.NoExpiry:
			r.Reportf(c.Node.Pos(), kindCacheLifetime, "%s", checks.Message(how(c)+": the Brex access token is kept with no expiry", whyExpired, "keep the expiry from expires_in"))
		case c.Lifetime > accessTokenLifetime:
			r.Reportf(c.Node.Pos(), kindCacheLifetime, "%s", checks.Message(fmt.Sprintf("%s is %s, longer than the 3600 s a Brex access token lives", how(c), lifetime(c.Lifetime)), whyExpired, "use the token's expires_in"))
		}
	}
	return nil, nil
}

// Why each kind of finding matters to Brex, and what to do, in the
// messages ([checks.Message]); doc.go says it at length.
const (
	whyNeverRefreshed = "it is never refreshed and expires within the hour"
	whyRotated        = "the stored refresh token dies: Brex rotates it on refresh"
	whyExpired        = "it is used after Brex has expired it"
	fixRefresh        = "use Config.TokenSource, save what it refreshes"
	fixPersist        = "save the tokens it refreshes"
)

func how(c *oauthmodel.TokenCache) string {
	if c.How == "" {
		return "this cached access token"
	}
	return c.How
}

// lifetime renders a duration: "24h", "90m", "2h30m".
func lifetime(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
