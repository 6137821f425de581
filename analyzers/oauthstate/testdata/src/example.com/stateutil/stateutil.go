// Package stateutil holds helpers an app's callbacks call with the
// request's state (a path with a dot: a module, not the standard library).
package stateutil

// pending holds the states of the logins in flight.
var pending = map[string]bool{}

// Issue records a state this app sent.
func Issue(state string) { pending[state] = true }

// Valid reports whether state is one this app issued: given the state
// value, it looks it up in what it stored.
func Valid(state string) bool {
	ok := pending[state]
	delete(pending, state)
	return ok
}

// Mode tells the sandbox from production by a constant: it compares its
// argument with constants only, so it verifies nothing (stripe-go's
// GetBackend(backendType) has this shape).
func Mode(env string) string {
	switch env {
	case "sandbox", "staging":
		return "sandbox"
	case "live":
		return "live"
	}
	if env == "prod" {
		return "live"
	}
	return ""
}
