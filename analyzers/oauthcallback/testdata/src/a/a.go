// Package a holds Brex callbacks in every handler style, and other
// providers' callbacks, which are out of scope.
package a

import (
	"net/http"
	"net/url"
	"os"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/google"
)

var conf = &oauth2.Config{
	ClientID: os.Getenv("BREX_CLIENT_ID"),
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
		TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
	},
}

var legacyConf = oauth2.Config{
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://accounts.brex.com/oauth2/v1/auth",
		TokenURL: "https://accounts.brex.com/oauth2/v1/token",
	},
}

var googleConf = &oauth2.Config{Endpoint: google.Endpoint}

// The endpoint comes from the environment: the provider is unknown.
var envConf = &oauth2.Config{Endpoint: oauth2.Endpoint{TokenURL: os.Getenv("OAUTH_TOKEN_URL")}}

func checkState(r *http.Request) bool {
	c, err := r.Cookie("state")
	return err == nil && c.Value == r.FormValue("state")
}

// A handler function that never looks at the error.
func callback(w http.ResponseWriter, r *http.Request) {
	if !checkState(r) {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	tok, err := conf.Exchange(r.Context(), r.URL.Query().Get("code")) // want `^oauthcallback: this Brex OAuth callback exchanges the code without looking at the error parameter, so a customer who denies access gets a confusing token-exchange failure; handle error=access_denied first$`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_ = tok
}

type server struct{ conf *oauth2.Config }

// A method that reads the error parameter.
func (s *server) callback(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("error") == "access_denied" {
		http.Redirect(w, r, "/connect?denied=1", http.StatusFound)
		return
	}
	if !checkState(r) {
		return
	}
	tok, err := s.conf.Exchange(r.Context(), q.Get("code"))
	if err != nil {
		return
	}
	_ = tok
}

func (s *server) routes() {
	s.conf = conf
	// A closure that returns early on an empty code.
	http.HandleFunc("/cb", func(w http.ResponseWriter, r *http.Request) {
		code := r.FormValue("code")
		if code == "" {
			http.Error(w, "Brex access was not granted", http.StatusForbidden)
			return
		}
		if !checkState(r) {
			return
		}
		tok, _ := conf.Exchange(r.Context(), code)
		_ = tok
	})
}

func router() {
	m := mux.NewRouter()
	m.HandleFunc("/oauth/callback", func(w http.ResponseWriter, r *http.Request) {
		if !checkState(r) {
			return
		}
		tok, _ := legacyConf.Exchange(r.Context(), r.FormValue("code")) // want `this Brex OAuth callback exchanges the code without looking at the error parameter`
		_ = tok
	})
	c := chi.NewRouter()
	c.Get("/oauth/callback", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Has("error") {
			handleDenied(w, r)
			return
		}
		if !checkState(r) {
			return
		}
		tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
		_ = tok
	})
}

func handleDenied(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "access was not granted: "+r.FormValue("error_description"), http.StatusForbidden)
}

// A helper of the package that reads the error.
func oauthError(r *http.Request) string { return r.FormValue("error") }

func callbackHelper(w http.ResponseWriter, r *http.Request) {
	if e := oauthError(r); e != "" {
		return
	}
	if !checkState(r) {
		return
	}
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
}

// A hand-rolled exchange with Brex's token endpoint.
func handRolled(w http.ResponseWriter, r *http.Request) {
	if !checkState(r) {
		return
	}
	resp, err := http.PostForm("https://accounts-api.brex.com/oauth2/default/v1/token", url.Values{ // want `this Brex OAuth callback exchanges the code without looking at the error parameter`
		"grant_type": {"authorization_code"},
		"code":       {r.FormValue("code")},
	})
	if err != nil {
		return
	}
	resp.Body.Close()
}

// Other providers: out of scope.
func googleCallback(w http.ResponseWriter, r *http.Request) {
	if !checkState(r) {
		return
	}
	tok, _ := googleConf.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
}

// An endpoint from the environment: not known to be Brex.
func envCallback(w http.ResponseWriter, r *http.Request) {
	if !checkState(r) {
		return
	}
	tok, _ := envConf.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
}
