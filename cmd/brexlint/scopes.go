package main

import (
	"flag"

	"github.com/brexlint/brexlint/checklist"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/moduleview"
)

// scopeFlags select the checklist's whole-module view of scopes
// (moduleview.View.ScopeFindings).
type scopeFlags struct {
	unused bool
}

func registerScopeFlags(fs *flag.FlagSet) *scopeFlags {
	s := new(scopeFlags)
	fs.BoolVar(&s.unused, "unused-scopes", false, "also report Brex OAuth scopes that no Brex call of the module needs (oauthscopes)")
	return s
}

// findings returns the whole-module view's findings, when the oauthscopes
// check ran.
func (s *scopeFlags) findings(view *moduleview.View, ran map[string]bool) []checklist.Finding {
	if !ran[checks.OAuthScopes] {
		return nil
	}
	return view.ScopeFindings(s.unused)
}
