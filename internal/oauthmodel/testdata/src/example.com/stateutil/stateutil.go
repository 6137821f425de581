// Package stateutil holds helpers that callbacks call with the request's
// state. Only a helper that compares a plain string with what it stored
// carries a callback-helper fact (a path with a dot: a module, not the
// standard library).
package stateutil

import "net/http"

// Callback reads the state and hands it to Valid.
func Callback(w http.ResponseWriter, r *http.Request) { // want Callback:`callbackhelper\(req=\$1 verifies-state\)`
	if !Valid(r.FormValue("state")) {
		http.Error(w, "invalid state", http.StatusBadRequest)
	}
}

// callbackPath names the OAuth callback: the model looks at this package.
const callbackPath = "/oauth/callback"

var pending = map[string]bool{}

func Issue(state string) { pending[state] = true }

func Valid(state string) bool { // want Valid:`callbackhelper\(state=\$0\)`
	ok := pending[state]
	delete(pending, state)
	return ok
}

var stored string

func Same(got string) bool { // want Same:`callbackhelper\(state=\$0\)`
	return got == stored
}

// Mode compares its argument with constants only: a mode, not a state.
func Mode(env string) string {
	switch env {
	case "sandbox", "staging":
		return "sandbox"
	}
	if env == "prod" {
		return "live"
	}
	return ""
}

// Backend is a kind: a parameter of a named string type is looked up,
// not verified (stripe-go's GetBackend(backendType SupportedBackend)).
type Backend string

var backends = map[Backend]string{"api": "https://api.example.com"}

func URL(b Backend) string { return backends[b] }
