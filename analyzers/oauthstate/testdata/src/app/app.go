// Package app uses package brexauth: findings land at its calls.
package app

import (
	"net/http"

	"brexauth"
	"example.com/stateutil"
)

func login(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, brexauth.LoginURL("static-state"), http.StatusFound) // want `^oauthstate: the state given to brexauth.LoginURL is a constant \(Brex requires 9\+ random characters\), so an attacker can forge the callback \(CSRF\); use crypto/rand.Text\(\)$`
}

func loginWeak(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, brexauth.LoginURL(brexauth.WeakState()), http.StatusFound) // want `is made from math/rand, which is predictable`
}

func loginGood(w http.ResponseWriter, r *http.Request) {
	state := brexauth.NewState()
	http.SetCookie(w, &http.Cookie{Name: "oauth_state", Value: state, HttpOnly: true, Secure: true})
	http.Redirect(w, r, brexauth.LoginURL(state), http.StatusFound)
}

func callback(w http.ResponseWriter, r *http.Request) {
	code := r.URL.Query().Get("code")
	tok, err := brexauth.Finish(r.Context(), code) // want `^oauthstate: this OAuth callback exchanges the code but never reads the request.s state, so an attacker can connect their Brex account to your user \(CSRF\); compare it with the state stored at login$`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_ = tok
}

func callbackChecked(w http.ResponseWriter, r *http.Request) {
	if err := brexauth.CheckState(r); err != nil {
		http.Error(w, "invalid state", http.StatusBadRequest)
		return
	}
	tok, err := brexauth.Finish(r.Context(), r.FormValue("code"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_ = tok
}

// A helper of another package that looks the state up in what it stored
// verifies it.
func callbackLookedUp(w http.ResponseWriter, r *http.Request) {
	if !stateutil.Valid(r.FormValue("state")) {
		http.Error(w, "invalid state", http.StatusBadRequest)
		return
	}
	tok, err := brexauth.Finish(r.Context(), r.FormValue("code"))
	if err != nil {
		return
	}
	_ = tok
}

// A helper that compares its argument with constants only (a mode
// switch) does not verify the state handed to it, and carries no
// verifier fact; but a callback that hands its state to a function it
// cannot judge is given the benefit of the doubt (precision first).
func callbackModeOnly(w http.ResponseWriter, r *http.Request) {
	if stateutil.Mode(r.FormValue("state")) == "" {
		http.Error(w, "invalid state", http.StatusBadRequest)
		return
	}
	tok, err := brexauth.Finish(r.Context(), r.FormValue("code"))
	if err != nil {
		return
	}
	_ = tok
}
