// Package stdwebhooks is another provider's client and Standard Webhooks
// receiver, shaped like a Brex integration: upper-case enums whose values
// are also Brex's (PROCESSING, FAILED, CREDIT, DEBIT ...), exhaustive
// switches without default, strict enum unmarshallers, a secrets endpoint
// at /v1/webhooks/secrets, and payloads decoded with DisallowUnknownFields.
// None of it talks to Brex: brexlint must stay quiet.
package stdwebhooks

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
)

// BaseURL is the provider's API.
const BaseURL = "https://api.payments.example.com"

// TransferStatus is the provider's transfer status.
type TransferStatus string

const (
	TransferProcessing TransferStatus = "PROCESSING"
	TransferProcessed  TransferStatus = "PROCESSED"
	TransferFailed     TransferStatus = "FAILED"
)

// UnmarshalText rejects statuses the provider does not document.
func (s *TransferStatus) UnmarshalText(b []byte) error {
	switch v := TransferStatus(b); v {
	case TransferProcessing, TransferProcessed, TransferFailed:
		*s = v
		return nil
	}
	return fmt.Errorf("unknown transfer status %q", b)
}

// Direction is a ledger direction.
type Direction string

const (
	Credit Direction = "CREDIT"
	Debit  Direction = "DEBIT"
)

// Transfer is the provider's transfer.
type Transfer struct {
	ID        string         `json:"id"`
	Status    TransferStatus `json:"status"`
	Direction Direction      `json:"direction"`
}

// Event is the provider's webhook payload.
type Event struct {
	Type string   `json:"type"`
	Data Transfer `json:"data"`
}

// Client calls the provider.
type Client struct {
	HTTP  *http.Client
	Token string
}

func (c *Client) get(ctx context.Context, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, BaseURL+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.Token)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	dec := json.NewDecoder(resp.Body)
	dec.DisallowUnknownFields()
	return dec.Decode(out)
}

// Transfer fetches a transfer.
func (c *Client) Transfer(ctx context.Context, id string) (*Transfer, error) {
	var t Transfer
	if err := c.get(ctx, "/v1/transfers/"+id, &t); err != nil {
		return nil, err
	}
	return &t, nil
}

// Secrets fetches the webhook signing secrets.
func (c *Client) Secrets(ctx context.Context) ([]string, error) {
	var out struct {
		Secrets []string `json:"secrets"`
	}
	if err := c.get(ctx, "/v1/webhooks/secrets", &out); err != nil {
		return nil, err
	}
	return out.Secrets, nil
}

// Sign returns the amount's sign for a direction.
func Sign(d Direction) int {
	s := 0
	switch d {
	case Credit:
		s = 1
	case Debit:
		s = -1
	}
	return s
}

// Summary counts transfers.
func Summary(ts []Transfer) (pending, done int) {
	for _, t := range ts {
		switch t.Status {
		case TransferProcessing:
			pending++
		case TransferProcessed, TransferFailed:
			done++
		}
	}
	return pending, done
}

// Handler receives the provider's webhooks, signed with the Standard
// Webhooks scheme.
func Handler(secrets []string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err != nil {
			http.Error(w, "read", http.StatusBadRequest)
			return
		}
		id, ts := r.Header.Get("Webhook-Id"), r.Header.Get("Webhook-Timestamp")
		if !verify(secrets, id, ts, r.Header.Get("Webhook-Signature"), body) {
			http.Error(w, "signature", http.StatusUnauthorized)
			return
		}
		var ev Event
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&ev); err != nil {
			http.Error(w, "payload", http.StatusBadRequest)
			return
		}
		switch ev.Type {
		case "TRANSFER_CREATED", "TRANSFER_UPDATED", "PAYOUT_PAID":
			w.WriteHeader(http.StatusNoContent)
		default:
			fmt.Fprintf(os.Stderr, "unknown event %s\n", ev.Type)
			os.Exit(2)
		}
	}
}

func verify(secrets []string, id, ts, header string, body []byte) bool {
	signed := id + "." + ts + "." + string(body)
	for _, s := range secrets {
		mac := hmac.New(sha256.New, []byte(s))
		mac.Write([]byte(signed))
		want := base64.StdEncoding.EncodeToString(mac.Sum(nil))
		for _, sig := range strings.Fields(header) {
			if v, ok := strings.CutPrefix(sig, "v1,"); ok && hmac.Equal([]byte(v), []byte(want)) {
				return true
			}
		}
	}
	return false
}
