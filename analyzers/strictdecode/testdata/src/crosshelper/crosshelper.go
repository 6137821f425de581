// Package crosshelper receives Brex webhooks; the headers are read by a
// helper of another package, which the webhook model's facts describe.
package crosshelper

import (
	"encoding/json"
	"net/http"

	"whheaders"
)

type Event struct {
	EventType string `json:"event_type"`
}

func handle(w http.ResponseWriter, r *http.Request) {
	if whheaders.Signature(r) == "" {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	var ev Event
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields() // want `Brex webhook payload`
	_ = dec.Decode(&ev)
	if ev.EventType == "USER_UPDATED" {
		w.WriteHeader(http.StatusNoContent)
	}
}
