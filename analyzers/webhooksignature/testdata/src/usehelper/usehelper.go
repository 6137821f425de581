// Package usehelper receives Brex webhooks and verifies them through
// package whsig.
package usehelper

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"whsig"
)

type Event struct {
	EventType string `json:"event_type"`
}

func (e Event) processed() bool { return e.EventType == "TRANSFER_PROCESSED" }

type Handler struct{ Secrets []string }

// Verified by a helper of another package: quiet.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	if err := whsig.Verify(h.Secrets, r.Header, body); err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	var ev Event
	_ = json.Unmarshal(body, &ev)
}

// A helper of another package that compares in variable time and takes the
// whole header; the receiver reads no clock.
func handleCheck(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	ok := whsig.Check(os.Getenv("BREX_WEBHOOK_SECRET"), r.Header.Get("Webhook-Id"), r.Header.Get("Webhook-Timestamp"), body, r.Header.Get("Webhook-Signature")) // want `signature compared with ==, in variable time \(in whsig.Check\), so its timing leaks the expected signature; compare with hmac.Equal` `compared as one entry.*\(in whsig.Check\)` `Webhook-Timestamp of a Brex webhook never compared with the clock`
	if !ok {
		return
	}
	var ev Event
	_ = json.Unmarshal(body, &ev)
}

// The helper of another package signs; this package compares through
// another helper, in variable time, and signs the body alone.
func handleSign(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if time.Since(time.Now()) > time.Hour {
		return
	}
	want := whsig.Sign(key(), "", "", body) // want `MAC computed without Webhook-Id and Webhook-Timestamp`
	for _, e := range splitEntries(r.Header.Get("Webhook-Signature")) {
		if whsig.Equal(e, want) { // want `in variable time \(in whsig.Equal\), so its timing leaks the expected signature; compare with hmac.Equal`
			var ev Event
			_ = json.Unmarshal(body, &ev)
		}
	}
}

func key() []byte { return nil }

func splitEntries(h string) []string { return strings.Split(h, " ") }
