// Package other is another provider's flow: not a Brex configuration.
package other // want `brex=false`

import (
	"net/http"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/google"
)

var conf = oauth2.Config{Endpoint: google.Endpoint} // want `config authcode other`

func cb(w http.ResponseWriter, r *http.Request) { // want `handler verifies=true error=false exchanges=1 brex=false`
	if r.FormValue("state") != "x" {
		return
	}
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code")) // want `exchange other grant=authorization_code token=tok`
	_ = tok
}
