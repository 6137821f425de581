package brexmodel

import "golang.org/x/tools/go/analysis"

// OAuth is the OAuth half of the Brex model; see internal/oauthmodel.
type OAuth struct{}

func oauthFactTypes() []analysis.Fact { return nil }

func (m *Model) analyzeOAuth(pass *analysis.Pass) error { return nil }
