// Package halves gives each half of the model that runs on its own
// goroutine something to do at once: a key helper (the value half, which
// fills the entropy classifier), a webhook verifier (the webhook half) and
// a wrapper whose key the classifier judges (the HTTP half, which asks the
// classifier once the value half is done with it).
package halves

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
)

const base = "https://platform.brexapis.com"

func NewKey() string { // want NewKey:`value\(CryptoRandom\)`
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func Sign(key []byte, id, ts string, body []byte) string { // want Sign:`webhook\(verifies sites=2\)` Sign:`value\(Constant\|Identifier\)`
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "."))
	mac.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

func Create(ctx context.Context, path string) error { // want Create:`wrapper\(POST https://platform.brexapis.com\{\$1\} sends signal Idempotency-Key=CryptoRandom\)` Create:`response\(judged nil@429 nil@401\)`
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", NewKey())
	_, err = http.DefaultClient.Do(req)
	return err
}
