// Package secrets verifies Brex webhooks with the secrets it fetches from
// GET /v1/webhooks/secrets, and decodes them into a generic map.
package secrets

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

type Secret struct {
	ID     string `json:"id"`
	Secret string `json:"secret"`
}

func fetchSecrets(ctx context.Context, token string) ([]Secret, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v1/webhooks/secrets", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	var out []Secret
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

func handle(w http.ResponseWriter, r *http.Request) {
	if r.Header.Values("Webhook-Signature") == nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	var payload map[string]any
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields() // want `Brex webhook payload \(Standard Webhooks headers and secrets from GET /v1/webhooks/secrets\)`
	_ = dec.Decode(&payload)
}
