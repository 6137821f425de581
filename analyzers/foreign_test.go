package analyzers_test

import (
	"fmt"
	"testing"

	"github.com/brexlint/brexlint/analyzers"
	"github.com/brexlint/brexlint/internal/driver"
)

// TestQuietOnForeignCode runs every check over code that does not talk to
// Brex, test files included: standard packages that build HTTP requests,
// parse URLs and hold cryptographic test vectors, and real modules pinned in
// testdata/foreign. brexlint must report nothing there and fail nowhere: a
// false positive on someone else's code costs more trust than a miss.
//
// Every new check is covered by this test automatically (it runs
// analyzers.All()); a check that needs a particular kind of foreign code
// adds that module to testdata/foreign/go.mod and its packages here.
func TestQuietOnForeignCode(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and type-checks several real modules; run without -short")
	}
	patterns := []string{
		"net/http", "net/http/httputil", "net/url", "encoding/json", "crypto/hmac", "crypto/tls",
		"golang.org/x/oauth2/...",
		// Stripe's client: /v1/transfers, /v1/payouts and webhooks
		// shaped like Brex's, with its own enums and switches (its
		// event-type switch in the thin-event webhook example, and the
		// deserialization tests of its enum-typed fields).
		"github.com/stripe/stripe-go/v82", "github.com/stripe/stripe-go/v82/transfer",
		"github.com/stripe/stripe-go/v82/payout", "github.com/stripe/stripe-go/v82/webhook",
		"github.com/stripe/stripe-go/v82/form",
		"github.com/stripe/stripe-go/v82/example",
		"github.com/stripe/stripe-go/v82/example/v2/thinevent_webhook_handler",
		// The Standard Webhooks reference library, which signs and
		// verifies Brex's scheme (its tests and example included): the
		// scheme itself is not a Brex receiver.
		"github.com/standard-webhooks/standard-webhooks/libraries/go",
		// Another provider's client and Standard Webhooks receiver, with
		// upper-case enums whose values are also Brex's, strict enum
		// unmarshallers and DisallowUnknownFields.
		"example.com/foreign/stdwebhooks",
		// The HTTP libraries whose requests the model follows, with
		// their tests and examples.
		"github.com/go-resty/resty/v2", "github.com/go-resty/resty/v2/shellescape",
		"github.com/hashicorp/go-retryablehttp",
		// HTTP code for other APIs without 429 handling or status
		// checks, on paths shaped like Brex's.
		"example.com/foreign/otherapis",
		// The retry libraries of the closed list, with their tests and
		// examples: functions that call a function parameter once per
		// attempt, and closures that make values inside them.
		"github.com/cenkalti/backoff/v5", "github.com/avast/retry-go/v4", "github.com/sethvargo/go-retry",
	}
	res, err := driver.Run(analyzers.All(), patterns, driver.Options{Dir: "testdata/foreign", Tests: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range res.Broken {
		t.Errorf("package %s does not build: %v", b.ID, b.Errors)
	}
	for _, err := range res.Errors() {
		t.Errorf("analysis error: %v", err)
	}
	for _, d := range res.Diagnostics() {
		t.Errorf("%s: %s (%s)", d.Position, d.Message, d.Category)
	}
	if len(res.Packages) < len(patterns) {
		t.Errorf("loaded %d packages for %d patterns: the test would prove nothing", len(res.Packages), len(patterns))
	}
	t.Log(fmt.Sprintf("analyzed %d packages", len(res.Packages)))
}
