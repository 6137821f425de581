// Package halvesgate reaches no net/http and sees no fact of another
// package: only its own value fact, which the value half exports on its
// own goroutine, lets the rest of the model run, and so export the
// teaching of its client. The model must wait for it, every time.
package halvesgate

import (
	"crypto/rand"
	"encoding/hex"
)

func NewKey() string { // want NewKey:`value\(CryptoRandom\)`
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Client is Brex code that the model cannot see as such.
//
//brexlint:client
type Client struct{ BaseURL string } // want Client:`teaching\(client=true retries429=false\)`
