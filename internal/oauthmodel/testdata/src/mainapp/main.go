// Package mainapp imports the config package: it has a Brex configuration
// through facts.
package mainapp // want `brex=true`

import (
	"net/http"

	"config"
	"github.com/go-chi/chi/v5"
)

func Routes() {
	r := chi.NewRouter()
	r.Get("/cb", func(w http.ResponseWriter, req *http.Request) { // want `handler verifies=false error=true exchanges=1 brex=true`
		code := req.FormValue("code")
		if code == "" {
			http.Error(w, "denied", http.StatusForbidden)
			return
		}
		tok, _ := config.Exchange(req.Context(), code) // want `exchange brex grant=authorization_code via config.Exchange token=tok`
		_ = tok
	})
	http.Redirect(nil, nil, config.New().AuthCodeURL("abc"), http.StatusFound) // want `authurl brex state=constant`
}
