// Command app wires package brexauth (configuration, callback, store) and
// package brexsync (the calls).
package main

import (
	"context"
	"net/http"

	"brexauth"
	"brexsync"

	"golang.org/x/oauth2"
)

var store = &brexauth.Store{}

func main() {
	http.HandleFunc("/oauth/callback", func(w http.ResponseWriter, r *http.Request) {
		if err := store.Connect(r.Context(), r.FormValue("company"), r.FormValue("code")); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
		}
	})
	http.HandleFunc("/users", func(w http.ResponseWriter, r *http.Request) {
		resp, err := brexsync.Users(r.Context(), store, r.FormValue("company"))
		if err == nil {
			resp.Body.Close()
		}
	})
	http.ListenAndServe(":8080", nil)
}

// clientFor uses the stored token with the configuration of the other
// package: refreshed inside the client and lost.
func clientFor(ctx context.Context, company string) *http.Client {
	return brexauth.Config.Client(ctx, store.Token(company)) // want `Config.Client over a stored Brex token`
}

// fresh exchanges and uses the token once: fine.
func fresh(ctx context.Context, code string) error {
	tok, err := brexauth.Config.Exchange(ctx, code)
	if err != nil {
		return err
	}
	resp, err := oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)).Get("https://api.brex.com/v2/company")
	if err == nil {
		resp.Body.Close()
	}
	return err
}
