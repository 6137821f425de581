// Package whverify verifies Standard Webhooks deliveries for its callers,
// without importing net/http: the webhook half of the model runs on it
// because it imports crypto/hmac.
package whverify

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"time"
)

// Sign returns the v1 signature of a delivery: a MAC made of its
// parameters, which callers replace with their arguments.
func Sign(key []byte, id, ts string, body []byte) string { // want Sign:`webhook\(verifies sites=2\)` Sign:`value\(Constant\|Identifier\)`
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "."))
	mac.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// Valid compares every entry of the header with Sign's, in constant time,
// and checks the clock.
func Valid(key []byte, id, ts string, body []byte, header string, at time.Time) bool { // want Valid:`webhook\(verifies clock sites=3\)`
	if time.Since(at) > 5*time.Minute {
		return false
	}
	want := Sign(key, id, ts, body)
	for _, e := range strings.Fields(header) {
		if hmac.Equal([]byte(e), []byte(want)) {
			return true
		}
	}
	return false
}

// Trim passes its parameter through: no fact.
func Trim(s string) string { return strings.TrimSpace(s) }
