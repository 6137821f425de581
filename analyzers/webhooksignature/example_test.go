package webhooksignature_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// This file is the good example of doc.go, word for word from the line
// after the imports (TestGoodExampleIsDocumented), run against deliveries
// signed by the Standard Webhooks library (TestGoodExampleVerifies) and
// judged quiet by the check (TestGoodExampleIsQuiet).

// brexEvent is the part of a Brex webhook payload the receiver reads.
type brexEvent struct {
	EventType  string `json:"event_type"`
	TransferID string `json:"transfer_id"`
}

// tolerance is how far Webhook-Timestamp may be from the clock.
const tolerance = 5 * time.Minute

// verifyBrexWebhook checks a delivery against every secret that
// GET /v1/webhooks/secrets returned (two during a rotation).
func verifyBrexWebhook(secrets []string, h http.Header, body []byte, now time.Time) error {
	id, ts := h.Get("Webhook-Id"), h.Get("Webhook-Timestamp")
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return errors.New("bad Webhook-Timestamp")
	}
	if d := now.Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
		return errors.New("stale Webhook-Timestamp")
	}
	for _, secret := range secrets {
		key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
		if err != nil {
			continue
		}
		mac := hmac.New(sha256.New, key)
		mac.Write([]byte(id + "." + ts + "."))
		mac.Write(body) // the raw bytes, as received
		want := mac.Sum(nil)
		for _, entry := range strings.Fields(h.Get("Webhook-Signature")) {
			version, sig, _ := strings.Cut(entry, ",")
			got, err := base64.StdEncoding.DecodeString(sig)
			if err == nil && version == "v1" && hmac.Equal(got, want) {
				return nil
			}
		}
	}
	return errors.New("no valid Webhook-Signature")
}

// brexWebhookHandler verifies each delivery before acting on it.
func brexWebhookHandler(secrets func() []string, handle func(brexEvent)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err != nil {
			http.Error(w, "unreadable body", http.StatusBadRequest)
			return
		}
		if err := verifyBrexWebhook(secrets(), r.Header, body, time.Now()); err != nil {
			http.Error(w, err.Error(), http.StatusUnauthorized)
			return
		}
		var ev brexEvent
		if err := json.Unmarshal(body, &ev); err != nil {
			http.Error(w, "bad payload", http.StatusBadRequest)
			return
		}
		switch ev.EventType {
		case "TRANSFER_PROCESSED", "TRANSFER_FAILED":
			handle(ev)
		}
		w.WriteHeader(http.StatusNoContent)
	}
}
