// Package standardwebhooks is a stub of the Standard Webhooks Go library.
package standardwebhooks

import "net/http"

type Webhook struct{ key []byte }

func NewWebhook(secret string) (*Webhook, error) { return &Webhook{key: []byte(secret)}, nil }

// Verify checks the webhook-id, webhook-timestamp and webhook-signature
// headers against payload.
func (wh *Webhook) Verify(payload []byte, headers http.Header) error { return nil }
