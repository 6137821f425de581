// Package stateblind imports stateutil, whose helpers carry OAuth facts,
// but names none of them (only a type), holds no OAuth word and calls no
// Brex endpoint: the OAuth model does not run here (stripe-go's resource
// packages reach its backend's facts only through an interface), so Same
// carries no fact, unlike statenamer.Same.
package stateblind

import "example.com/stateutil"

var backend stateutil.Backend

var stored string

func Same(got string) bool {
	return got == stored && backend != ""
}
