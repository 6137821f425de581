package payouts

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Event is a Brex webhook delivery about a transfer.
type Event struct {
	EventType  string `json:"event_type"`
	TransferID string `json:"transfer_id"`
}

// WebhookHandler receives Brex's transfer webhooks and reports failed
// payouts.
type WebhookHandler struct {
	// Secrets are the signing secrets from GET /v1/webhooks/secrets.
	Secrets []string
	Failed  func(transferID string)
}

func (h *WebhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		http.Error(w, "unreadable body", http.StatusBadRequest)
		return
	}
	if !h.verify(r.Header, body, time.Now()) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	var ev Event
	if err := json.Unmarshal(body, &ev); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	if ev.EventType == "TRANSFER_FAILED" {
		h.Failed(ev.TransferID)
	}
	w.WriteHeader(http.StatusNoContent)
}

// verify checks the delivery's signature under every secret, within five
// minutes of its timestamp.
func (h *WebhookHandler) verify(hdr http.Header, body []byte, now time.Time) bool {
	id, ts := hdr.Get("Webhook-Id"), hdr.Get("Webhook-Timestamp")
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || now.Sub(time.Unix(sec, 0)).Abs() > 5*time.Minute {
		return false
	}
	for _, secret := range h.Secrets {
		key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
		if err != nil {
			continue
		}
		mac := hmac.New(sha256.New, key)
		mac.Write([]byte(id + "." + ts + "."))
		mac.Write(body)
		want := "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
		for _, entry := range strings.Fields(hdr.Get("Webhook-Signature")) {
			// launch problem: webhooksignature: the signature is compared with ==, in variable time: compare with hmac.Equal
			if entry == want {
				return true
			}
		}
	}
	return false
}
