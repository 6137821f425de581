// Package libhooks receives Brex webhooks and verifies them with the
// Standard Webhooks or Svix library.
package libhooks

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"os"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"
	svix "github.com/svix/svix-webhooks/go"
)

type Event struct {
	EventType string `json:"event_type"`
}

func (e Event) failed() bool { return e.EventType == "TRANSFER_FAILED" }

// The library verifies, with its timestamp tolerance: quiet.
func handleStandard(wh *standardwebhooks.Webhook) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if err := wh.Verify(body, r.Header); err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		var ev Event
		_ = json.Unmarshal(body, &ev)
	}
}

// Every secret, each with its own verifier: quiet.
func handleSvix(secrets []string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		ok := false
		for _, s := range secrets {
			wh, err := svix.NewWebhook(s)
			if err == nil && wh.Verify(body, r.Header) == nil {
				ok = true
			}
		}
		if !ok {
			return
		}
		var ev Event
		_ = json.Unmarshal(body, &ev)
	}
}

// Without the timestamp check, and only the first secret.
func handleIgnoringTimestamp(secrets []string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { // want `Webhook-Timestamp of a Brex webhook never compared with the clock`
		wh, _ := svix.NewWebhook(secrets[0]) // want `only the first Brex webhook secret is tried`
		body, _ := io.ReadAll(r.Body)
		if wh.VerifyIgnoringTimestamp(body, r.Header) != nil {
			return
		}
		var ev Event
		_ = json.Unmarshal(body, &ev)
	}
}

// A raw key, and a re-serialised payload.
func handleRaw(w http.ResponseWriter, r *http.Request) {
	wh, _ := standardwebhooks.NewWebhookRaw([]byte(os.Getenv("BREX_WEBHOOK_SECRET"))) // want `secret used as the HMAC key without base64-decoding`
	var ev Event
	_ = json.NewDecoder(r.Body).Decode(&ev)
	raw, _ := json.Marshal(ev)
	if err := wh.Verify(raw, r.Header); err != nil { // want `MAC computed over re-serialised JSON`
		return
	}
}

// The library verifies; an HMAC for another purpose, with a raw key, is
// not the webhook's: quiet.
func handleAudited(wh *standardwebhooks.Webhook, audit func(string)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if err := wh.Verify(body, r.Header); err != nil {
			return
		}
		mac := hmac.New(sha256.New, []byte(os.Getenv("AUDIT_KEY")))
		mac.Write(body)
		audit(hex.EncodeToString(mac.Sum(nil)))
		var ev Event
		_ = json.Unmarshal(body, &ev)
	}
}
