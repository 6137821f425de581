// Package whheaders reads the Standard Webhooks headers for its callers.
package whheaders

import "net/http"

// Signature returns the Webhook-Signature header.
func Signature(r *http.Request) string { return r.Header.Get("Webhook-Signature") }
