// Package app uses package brexauth's exchange helper: the Brex flow is
// known through facts.
package app

import (
	"net/http"

	"brexauth"
)

func callback(w http.ResponseWriter, r *http.Request) {
	if err := brexauth.CheckState(r); err != nil {
		http.Error(w, "invalid state", http.StatusBadRequest)
		return
	}
	tok, err := brexauth.Finish(r.Context(), r.FormValue("code")) // want `^oauthcallback: this Brex OAuth callback exchanges the code without looking at the error parameter, so a customer who denies access gets a confusing token-exchange failure; handle error=access_denied first$`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_ = tok
}

func callbackHandled(w http.ResponseWriter, r *http.Request) {
	if e := r.FormValue("error"); e != "" {
		http.Error(w, "Brex access was not granted: "+e, http.StatusForbidden)
		return
	}
	tok, err := brexauth.Finish(r.Context(), r.FormValue("code"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_ = tok
}
