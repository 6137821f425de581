// Package fx is a test fixture package: its import path has a testdata
// element, so only real-looking Brex user tokens are reported.
package fx

import (
	"crypto/hmac"
	"crypto/sha256"
	"net/http"
)

const realToken = "bxt_PES05NSR6f0ybdAckxJGtVZkGn713rAvISEm" // want `Brex user token "bxt_…" is hardcoded`

const fakeToken = "bxt_TestTokenForTheFixture0000000000abcd"

const awsKey = "AKIARSWRHJRYXIMWICQX"

const clientSecret = "TR4nUxZJvDSeJbp20KsD6095IqIdUtx1RYTIhIpf"

func Sign(req *http.Request, body []byte) []byte {
	req.Header.Set("Authorization", "Bearer "+clientSecret)
	m := hmac.New(sha256.New, []byte("1Lf/NuDjJLTpAFqMxK9Kb7Ktmq9cy5xUbTgXwaxtu9k="))
	m.Write(body)
	return m.Sum(nil)
}
