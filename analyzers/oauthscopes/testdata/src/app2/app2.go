// Package app2 refreshes with another package's configuration, which
// lacks offline_access: the finding lands at the use.
package app2

import (
	"context"
	"net/http"

	"brexauthlegacy"

	"golang.org/x/oauth2"
)

type store struct{ tok *oauth2.Token }

func (s *store) client(ctx context.Context) *http.Client {
	return oauth2.NewClient(ctx, brexauthlegacy.Config.TokenSource(ctx, s.tok)) // want `oauthscopes: Brex OAuth configuration brexauthlegacy.Config is used with refresh here \(TokenSource\) but its scopes lack "offline_access"`
}

func (s *store) again(ctx context.Context) *http.Client {
	return oauth2.NewClient(ctx, brexauthlegacy.Config.TokenSource(ctx, s.tok))
}
