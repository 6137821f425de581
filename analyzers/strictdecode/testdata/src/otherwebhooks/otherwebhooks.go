// Package otherwebhooks receives another provider's Standard Webhooks: the
// same headers, its own event types and its own secrets endpoint.
package otherwebhooks

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
)

type Event struct {
	Type string `json:"type"`
	Data struct {
		ID string `json:"id"`
	} `json:"data"`
}

func secrets(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.example.com/v1/webhooks/secrets", nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

func handle(w http.ResponseWriter, r *http.Request) {
	id, sig := r.Header.Get("Webhook-Id"), r.Header["Webhook-Signature"]
	if id == "" || len(sig) == 0 {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	body, _ := io.ReadAll(r.Body)
	var ev Event
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ev); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	switch ev.Type {
	case "invoice.paid", "invoice.failed", "customer.created":
	default:
		w.WriteHeader(http.StatusBadRequest)
	}
}
