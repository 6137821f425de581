// Package svix is a stub of Svix's Go library
// (github.com/svix/svix-webhooks v1.44.0, package go): its webhook API,
// without the cryptography.
package svix

import (
	"net/http"
	"time"
)

type Webhook struct{ key []byte }

func NewWebhook(secret string) (*Webhook, error) { return &Webhook{key: []byte(secret)}, nil }

func NewWebhookRaw(secret []byte) (*Webhook, error) { return &Webhook{key: secret}, nil }

func (wh *Webhook) Verify(payload []byte, headers http.Header) error { return nil }

func (wh *Webhook) VerifyIgnoringTimestamp(payload []byte, headers http.Header) error { return nil }

func (wh *Webhook) Sign(msgId string, timestamp time.Time, payload []byte) (string, error) {
	return "", nil
}
