// Package legacy uses the legacy OAuth host in requests, and mentions it
// where no request goes.
package legacy

import (
	"log"
	"net/http"
	"net/url"
	"strings"

	"brexhosts"
	"golang.org/x/oauth2"
)

// A constant used in a configuration is reported where it is written.
const legacyToken = "https://accounts.brex.com/oauth2/default/v1/token" // want `legacy OAuth host`

var conf = &oauth2.Config{
	ClientID: "id",
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
		TokenURL: legacyToken,
	},
}

// A hand-rolled token request on the legacy host.
func refresh(rt string) (*http.Response, error) {
	tokenURL := "https://accounts.brex.com/oauth2/default/v1/token" // want `legacy OAuth host`
	return http.PostForm(tokenURL, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}})
}

// The host from another package's constant: reported at the use.
var imported = &oauth2.Config{ // want `legacy OAuth host`
	ClientID: "id",
	Endpoint: oauth2.Endpoint{AuthURL: brexhosts.LegacyAuth + "/oauth2/default/v1/authorize", TokenURL: brexhosts.LegacyAuth + "/oauth2/default/v1/token"},
}

// Compared, logged and documented: no request.
const migrationNote = "partners on https://accounts.brex.com move to accounts-api.brex.com when Brex says so"

func isLegacy(u *url.URL) bool {
	return u.Host == "accounts.brex.com" || strings.Contains(u.String(), "accounts.brex.com")
}

func warn(host string) {
	if strings.HasSuffix(host, "accounts.brex.com") {
		log.Printf("still on the legacy host https://accounts.brex.com: %s", migrationNote)
	}
}

func use() (*oauth2.Config, *oauth2.Config) { return conf, imported }
