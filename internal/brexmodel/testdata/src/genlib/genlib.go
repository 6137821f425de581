// Package genlib makes the generated Brex client for the rest of the
// program: its constructor carries the server to importers.
package genlib

import (
	"context"
	"net/http"
	"os"

	"github.com/acmepay/brexsdk"
	"github.com/acmepay/ledgersdk"
	"github.com/hashicorp/go-retryablehttp"
)

const defaultBrexURL = "https://platform.brexapis.com"

// NewBrex returns a client for Brex, at BREX_API_URL or the production
// host.
func NewBrex(apiKey string) (*brexsdk.ClientWithResponses, error) { // want NewBrex:`server\(https://platform.brexapis.com doer=none\)`
	base := os.Getenv("BREX_API_URL")
	if base == "" {
		base = defaultBrexURL
	}
	return brexsdk.NewClientWithResponses(base, brexsdk.WithRequestEditorFn(func(ctx context.Context, req *http.Request) error {
		req.Header.Set("Authorization", "Bearer "+apiKey)
		return nil
	}))
}

// NewLedger returns a client for the ledger API, whose generated client
// has Brex's paths.
func NewLedger() (*ledgersdk.ClientWithResponses, error) { // want NewLedger:`server\(https://api.ledger.example.com doer=none\)`
	return ledgersdk.NewClientWithResponses("https://api.ledger.example.com")
}

// NewRetrying's Doer retries 429.
func NewRetrying(base string) (*brexsdk.ClientWithResponses, error) { // want NewRetrying:`server\(\{\$0\} doer=retries\)`
	rc := retryablehttp.NewClient()
	return brexsdk.NewClientWithResponses(base, brexsdk.WithHTTPClient(rc.StandardClient()))
}
