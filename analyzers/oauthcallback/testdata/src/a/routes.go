package a

import (
	"context"
	"net/http"

	"github.com/go-chi/chi/v5"
	"golang.org/x/oauth2"
)

// connector is how real partner apps split the flow: the routes are
// registered in one place, and a method given the request does the
// exchange. The finding lands at the Exchange, in the method, where the
// check of the error parameter belongs.
type connector struct {
	conf  *oauth2.Config
	store map[string]*oauth2.Token
}

func (c *connector) routes(r *chi.Mux) {
	r.Get("/oauth/brex/callback", func(w http.ResponseWriter, r *http.Request) {
		if err := c.complete(w, r); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
		}
	})
	r.Get("/oauth/brex/callback2", func(w http.ResponseWriter, r *http.Request) {
		if err := c.completeHandled(r.Context(), r); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
		}
	})
}

func (c *connector) complete(w http.ResponseWriter, r *http.Request) error {
	if r.FormValue("state") != c.state(r) {
		return http.ErrNoCookie
	}
	tok, err := conf.Exchange(r.Context(), r.FormValue("code")) // want `this Brex OAuth callback exchanges the code without looking at the error parameter`
	if err != nil {
		return err
	}
	c.store["brex"] = tok
	return nil
}

// The look-alike: the helper reads the error parameter before the
// exchange.
func (c *connector) completeHandled(ctx context.Context, r *http.Request) error {
	if r.FormValue("state") != c.state(r) {
		return http.ErrNoCookie
	}
	if e := r.FormValue("error"); e != "" {
		return &deniedError{reason: e}
	}
	tok, err := conf.Exchange(ctx, r.FormValue("code"))
	if err != nil {
		return err
	}
	c.store["brex"] = tok
	return nil
}

type deniedError struct{ reason string }

func (e *deniedError) Error() string { return "Brex access was not granted: " + e.reason }

func (c *connector) state(r *http.Request) string {
	ck, err := r.Cookie("oauth_state")
	if err != nil {
		return ""
	}
	return ck.Value
}
