// Package brexauth holds the partner app's Brex OAuth configuration; the
// calls are in other packages.
package brexauth

import (
	"os"

	"golang.org/x/oauth2"
)

var Config = &oauth2.Config{
	ClientID:     os.Getenv("BREX_CLIENT_ID"),
	ClientSecret: os.Getenv("BREX_CLIENT_SECRET"),
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
		TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
	},
	Scopes: []string{"openid", "offline_access", "users.readonly", "transfers"},
}
