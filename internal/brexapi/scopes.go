package brexapi

import (
	"net/url"
	"strings"
)

// OAuth scopes: what the catalogue's per-endpoint Scopes mean for a
// partner's requested scopes.

// OfflineAccess is the scope without which Brex's authorization server
// issues no refresh token (facts.md §3.5).
const OfflineAccess = "offline_access"

// IdentityScope reports whether s is an OpenID Connect scope rather than an
// API scope: openid, offline_access, profile, email. No endpoint lists
// them, and a request needs them for reasons of its own (an ID token, a
// refresh token).
func IdentityScope(s string) bool {
	switch s {
	case "openid", OfflineAccess, "profile", "email":
		return true
	}
	return false
}

// PermittedBy reports whether a token granted the given scopes may call e:
// whether one of e.Scopes is among them (the specs' rule: any one listed
// scope suffices). A scope also permits the endpoints that list only its
// read-only twin ("transfers" for an endpoint listing "transfers.readonly"):
// the specs list the write scope beside the read-only one on most read
// endpoints, and where they do not, the omission is more likely a gap in
// the spec than a rule, so brexlint does not report it. An endpoint whose
// scopes no source states is permitted by anything: the catalogue does not
// know, and what it does not know produces no finding.
func (e *Endpoint) PermittedBy(granted []string) bool {
	if e == nil || len(e.Scopes) == 0 {
		return true
	}
	for _, need := range e.Scopes {
		for _, g := range granted {
			if g == need || g+".readonly" == need {
				return true
			}
		}
	}
	return false
}

// ScopeUsed reports whether the scope s is one that permits e (see
// PermittedBy): requesting it serves a call of e.
func (e *Endpoint) ScopeUsed(s string) bool {
	if e == nil {
		return false
	}
	for _, need := range e.Scopes {
		if s == need || s+".readonly" == need {
			return true
		}
	}
	return false
}

// ParseScopes splits a scope parameter, space-separated as OAuth sends it
// ("openid offline_access users.readonly"), into scopes. The value may be
// query-encoded ("openid+offline_access", "openid%20offline_access").
func ParseScopes(s string) []string {
	if u, err := url.QueryUnescape(s); err == nil {
		s = u
	}
	if f := strings.Fields(s); len(f) > 0 {
		return f
	}
	return nil
}
