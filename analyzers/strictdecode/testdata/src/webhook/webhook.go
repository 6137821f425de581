// Package webhook receives Brex webhooks, signed with the Standard
// Webhooks headers.
package webhook

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"
)

type EventType string

const (
	TransferProcessed EventType = "TRANSFER_PROCESSED"
	TransferFailed    EventType = "TRANSFER_FAILED"
)

type Event struct {
	EventType  EventType `json:"event_type"`
	TransferID string    `json:"transfer_id"`
}

func verify(id, ts, sig string, body []byte) bool {
	return id != "" && ts != "" && sig != "" && len(body) > 0
}

// The headers read here, a field whose type's constants are Brex events.
func handle(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "read", http.StatusBadRequest)
		return
	}
	if !verify(r.Header.Get("Webhook-Id"), r.Header.Get("Webhook-Timestamp"), r.Header.Get("Webhook-Signature"), body) {
		http.Error(w, "signature", http.StatusUnauthorized)
		return
	}
	var ev Event
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields() // want `strictdecode: DisallowUnknownFields on the decoder of a Brex webhook payload \(Standard Webhooks headers and Brex event types\)`
	if err := dec.Decode(&ev); err != nil {
		http.Error(w, "payload", http.StatusBadRequest)
		return
	}
}

// A string field that the package compares with a Brex event value, and
// headers read by a helper of the package, in any spelling.
type rawEvent struct {
	Type string `json:"event_type"`
}

func checkSignature(r *http.Request) bool {
	return r.Header.Get("webhook-signature") != ""
}

func handleRaw(w http.ResponseWriter, r *http.Request) {
	if !checkSignature(r) {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	var ev rawEvent
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields() // want `Brex webhook payload`
	if err := dec.Decode(&ev); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	if ev.Type == "USER_UPDATED" {
		w.WriteHeader(http.StatusNoContent)
	}
}

// The body behind a wrapper that only adds a Close (typesutil.ReaderOver).
func handleWrapped(w http.ResponseWriter, r *http.Request) {
	if !checkSignature(r) {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	body := io.NopCloser(io.LimitReader(r.Body, 1<<20))
	defer body.Close()
	var ev Event
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields() // want `Brex webhook payload`
	if err := dec.Decode(&ev); err != nil {
		w.WriteHeader(http.StatusBadRequest)
	}
}

// A Standard Webhooks verifier given the headers.
type envelope struct {
	Event Event `json:"event"`
}

func handleLib(wh *standardwebhooks.Webhook) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err := wh.Verify(body, r.Header); err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		var env envelope
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields() // want `Brex webhook payload`
		_ = dec.Decode(&env)
	}
}

// Brex event types, but no webhook headers: a request from the program's
// own users (an admin replaying an event), decoded strictly: quiet.
func replay(w http.ResponseWriter, r *http.Request) {
	var ev Event
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	_ = dec.Decode(&ev)
}
