// Package whsig verifies Standard Webhooks signatures: a helper package of
// the integration, with no Brex code of its own. Its defects are reported
// where a Brex receiver calls it.
package whsig

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Verify is right: every secret, every entry, constant time, tolerance.
func Verify(secrets []string, h http.Header, body []byte) error {
	ts := h.Get("Webhook-Timestamp")
	n, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || time.Since(time.Unix(n, 0)).Abs() > 5*time.Minute {
		return errors.New("timestamp")
	}
	for _, s := range secrets {
		key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(s, "whsec_"))
		if err != nil {
			continue
		}
		want := Sign(key, h.Get("Webhook-Id"), ts, body)
		for _, e := range strings.Fields(h.Get("Webhook-Signature")) {
			if hmac.Equal([]byte(e), []byte(want)) {
				return nil
			}
		}
	}
	return errors.New("signature")
}

// Sign returns the v1 signature of a delivery.
func Sign(key []byte, id, ts string, body []byte) string {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "."))
	mac.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// Check compares in variable time, and only the whole header.
func Check(secret string, id, ts string, body []byte, header string) bool {
	key, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	return Sign(key, id, ts, body) == header
}

// Equal compares two signatures, in variable time.
func Equal(a, b string) bool { return a == b }
