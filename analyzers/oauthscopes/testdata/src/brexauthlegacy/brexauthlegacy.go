// Package brexauthlegacy holds a configuration without offline_access,
// used with refresh in another package.
package brexauthlegacy

import (
	"os"

	"golang.org/x/oauth2"
)

var Config = &oauth2.Config{
	ClientID: os.Getenv("BREX_CLIENT_ID"),
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
		TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
	},
	Scopes: []string{"openid", "users.readonly"},
}
