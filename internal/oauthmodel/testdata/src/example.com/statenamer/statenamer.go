// Package statenamer calls a helper of stateutil that carries an OAuth
// fact: the model runs here, and its own helper carries the fact on.
package statenamer

import (
	"net/http"

	"example.com/stateutil"
)

func Check(r *http.Request) bool { // want Check:`callbackhelper\(req=\$0 verifies-state\)`
	return stateutil.Valid(r.FormValue("state"))
}

var stored string

func Same(got string) bool { // want Same:`callbackhelper\(state=\$0\)`
	return got == stored
}
