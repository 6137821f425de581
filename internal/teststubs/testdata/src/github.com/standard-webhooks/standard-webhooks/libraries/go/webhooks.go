// Package standardwebhooks is a stub of the Standard Webhooks Go library
// (github.com/standard-webhooks/standard-webhooks/libraries v1.3.0): its
// API, without the cryptography.
package standardwebhooks

import (
	"net/http"
	"time"
)

const (
	HeaderWebhookID        string = "webhook-id"
	HeaderWebhookSignature string = "webhook-signature"
	HeaderWebhookTimestamp string = "webhook-timestamp"
)

type Webhook struct{ key []byte }

func NewWebhook(secret string) (*Webhook, error) { return &Webhook{key: []byte(secret)}, nil }

func NewWebhookRaw(secret []byte) (*Webhook, error) { return &Webhook{key: secret}, nil }

// Verify checks the webhook-id, webhook-timestamp and webhook-signature
// headers against payload.
func (wh *Webhook) Verify(payload []byte, headers http.Header) error { return nil }

func (wh *Webhook) VerifyIgnoringTimestamp(payload []byte, headers http.Header) error { return nil }

func (wh *Webhook) Sign(msgId string, timestamp time.Time, payload []byte) (string, error) {
	return "", nil
}
