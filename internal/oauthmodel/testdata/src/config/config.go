// Package config holds the Brex OAuth configuration of an app: a package
// that imports it knows, through facts, that the module is a Brex partner.
package config // want `brex=true`

import (
	"context"
	"os"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

var scopes = []string{"openid", "offline_access", "cards.readonly"}

var Brex = &oauth2.Config{ // want `config authcode brex scopes=\[openid offline_access cards.readonly\]`
	ClientID: os.Getenv("BREX_CLIENT_ID"),
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
		TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
	},
	Scopes: scopes,
}

// New returns a configuration whose endpoint is assigned after the literal.
func New() *oauth2.Config {
	c := &oauth2.Config{ClientID: os.Getenv("ID")} // want `config authcode brex`
	c.Endpoint = oauth2.Endpoint{TokenURL: "https://accounts.brex.com/oauth2/v1/token"}
	return c
}

var Onboarding = clientcredentials.Config{TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token", Scopes: []string{"onboarding"}} // want `config clientcredentials brex scopes=\[onboarding\]`

func Exchange(ctx context.Context, code string) (*oauth2.Token, error) {
	return Brex.Exchange(ctx, code) // want `exchange brex grant=authorization_code`
}
