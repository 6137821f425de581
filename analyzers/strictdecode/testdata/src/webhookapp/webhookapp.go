// Package webhookapp decodes Brex webhooks into a type declared in another
// package.
package webhookapp

import (
	"encoding/json"
	"net/http"

	"brexevents"
)

func handle(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Webhook-Id") == "" {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	var ev brexevents.Event
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields() // want `Brex webhook payload \(Standard Webhooks headers and Brex event types\)`
	_ = dec.Decode(&ev)
}
