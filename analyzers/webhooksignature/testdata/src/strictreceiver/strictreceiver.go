// Package strictreceiver receives Brex webhooks without verifying them
// and decodes them strictly: webhooksignature (Covered) and strictdecode
// (UnitOf) both ask the webhook model about it. Only
// TestConcurrentWebhookModel loads it.
package strictreceiver

import (
	"encoding/json"
	"net/http"

	"brexhooks"
)

func handle(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Webhook-Id") == "" {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	var ev brexhooks.Event
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ev); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	if ev.EventType == brexhooks.TransferProcessed {
		w.WriteHeader(http.StatusOK)
	}
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/webhooks/brex", handle)
}
