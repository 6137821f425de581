// Package travel hands its Idempotency-Keys to wrappers in header maps and
// options structs, and keeps one made at start-up.
package travel

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"maps"
	"net/http"

	"brexhttp"
	"github.com/google/uuid"
)

type budget struct {
	Name   string `json:"name"`
	Amount int64  `json:"amount"`
}

// doJSON is the package's own wrapper: the extra headers come in a map.
func doJSON(ctx context.Context, c *http.Client, method, path string, body any, headers map[string]string) error {
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, method, brexhttp.DefaultBaseURL+path, bytes.NewReader(b))
	if err != nil {
		return err
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func createBudgets(ctx context.Context, c *http.Client, b budget, orderID string) {
	// Keyed through the map, with a fresh random key per operation.
	doJSON(ctx, c, "POST", "/v1/budgets", b, map[string]string{"Idempotency-Key": uuid.NewString()})
	doJSON(ctx, c, "POST", "/v1/budgets", b, map[string]string{"Idempotency-Key": "budget-" + orderID})

	// The map names other headers only.
	doJSON(ctx, c, "POST", "/v1/budgets", b, map[string]string{"X-Request-Source": "sync"}) // want `POST /v1/budgets is sent through doJSON without an Idempotency-Key`
	doJSON(ctx, c, "POST", "/v1/budgets", b, nil)                                           // want `POST /v1/budgets is sent through doJSON without an Idempotency-Key`

	// A constant key in the map.
	doJSON(ctx, c, "POST", "/v1/budgets", b, map[string]string{"Idempotency-Key": "create-budget"}) // want `the Idempotency-Key of POST /v1/budgets is a constant`

	// A map built up before the call.
	hdrs := map[string]string{"Accept": "application/json"}
	hdrs["Idempotency-Key"] = "budgets" // want `the Idempotency-Key of POST /v1/budgets is a constant`
	doJSON(ctx, c, "POST", "/v1/budgets", b, hdrs)

	// GET needs no key.
	doJSON(ctx, c, "GET", "/v1/budgets", nil, nil)
}

func viaOtherPackage(ctx context.Context, bc *brexhttp.Client, vendorID string, hdr http.Header) {
	bc.DoJSON(ctx, http.MethodPost, "/v1/transfers", nil, nil, map[string]string{"Idempotency-Key": rand.Text()})
	bc.DoJSON(ctx, http.MethodPost, "/v1/transfers", nil, nil, map[string]string{"Content-Type": "application/json"}) // want `POST /v1/transfers is sent through DoJSON without an Idempotency-Key`

	h := http.Header{}
	h.Set("Idempotency-Key", "vendor") // want `the Idempotency-Key of POST /v1/vendors is a constant`
	bc.Do(ctx, http.MethodPost, "/v1/vendors", h)
	bc.Do(ctx, http.MethodPost, "/v1/vendors", http.Header{"Idempotency-Key": {"vendor-" + vendorID}})
	// A header map the model cannot read may hold the key.
	bc.Do(ctx, http.MethodPost, "/v1/vendors", hdr)

	// Options structs.
	bc.Post(ctx, "/v2/cards", nil, &brexhttp.RequestOptions{IdempotencyKey: uuid.NewString()})
	bc.Post(ctx, "/v2/cards", nil, &brexhttp.RequestOptions{IdempotencyKey: "card"}) // want `the Idempotency-Key of POST /v2/cards is a constant`
	bc.Post(ctx, "/v2/cards", nil, &brexhttp.RequestOptions{UserAgent: "sync/1.0"})  // want `POST /v2/cards is sent through Post without an Idempotency-Key`
	bc.Post(ctx, "/v2/cards", nil, nil)                                              // want `POST /v2/cards is sent through Post without an Idempotency-Key`
}

// --- Keys made once, when the process starts.

// runKey is made once and shared by every request: a constant in effect.
var runKey = uuid.NewString()

var bootKey string

func init() { bootKey = rand.Text() }

// runPrefix is made once, but each key adds the operation's own ID.
var runPrefix = uuid.NewString()

func startupKeys(ctx context.Context, c *http.Client, transferID string) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, brexhttp.DefaultBaseURL+"/v1/transfers", nil)
	req.Header.Set("Idempotency-Key", runKey) // want `the Idempotency-Key of POST /v1/transfers is made once, when the process starts, and shared by every request`
	c.Do(req)

	doJSON(ctx, c, "POST", "/v2/cards", nil, map[string]string{"Idempotency-Key": bootKey}) // want `the Idempotency-Key of POST /v2/cards is made once, when the process starts`

	req2, _ := http.NewRequestWithContext(ctx, http.MethodPost, brexhttp.DefaultBaseURL+"/v1/transfers", nil)
	req2.Header.Set("Idempotency-Key", runPrefix+"-"+transferID)
	c.Do(req2)
}

// sendWith copies the caller's headers onto the request with maps.Copy.
func sendWith(ctx context.Context, c *http.Client, path string, h http.Header) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, brexhttp.DefaultBaseURL+path, nil)
	if err != nil {
		return err
	}
	maps.Copy(req.Header, h)
	_, err = c.Do(req)
	return err
}

func copiedHeaders(ctx context.Context, c *http.Client) {
	sendWith(ctx, c, "/v1/transfers", http.Header{"Idempotency-Key": {uuid.NewString()}})
	sendWith(ctx, c, "/v1/transfers", make(http.Header)) // want `POST /v1/transfers is sent through sendWith without an Idempotency-Key`

	// A fresh, empty header map holds no key.
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, brexhttp.DefaultBaseURL+"/v2/cards", nil) // want `POST /v2/cards is sent without an Idempotency-Key`
	req.Header = make(http.Header)
	c.Do(req)
}

// Options kept in a variable and filled before the call.
func localOptions(ctx context.Context, bc *brexhttp.Client, cardID string) {
	opts := &brexhttp.RequestOptions{UserAgent: "sync/1.0"}
	opts.IdempotencyKey = "card-key" // want `the Idempotency-Key of POST /v2/cards is a constant`
	bc.Post(ctx, "/v2/cards", nil, opts)

	var keyed brexhttp.RequestOptions
	keyed.IdempotencyKey = "card-" + cardID
	bc.Post(ctx, "/v2/cards", nil, &keyed)

	unkeyed := brexhttp.RequestOptions{UserAgent: "sync/1.0"}
	bc.Post(ctx, "/v2/cards", nil, &unkeyed) // want `POST /v2/cards is sent through Post without an Idempotency-Key`

	// Another call may fill the options: not read.
	filled := &brexhttp.RequestOptions{}
	fill(filled)
	bc.Post(ctx, "/v2/cards", nil, filled)
}

func fill(o *brexhttp.RequestOptions) { o.IdempotencyKey = uuid.NewString() }

// --- Look-alikes: the same keys sent to another API stay quiet.

const ledgerBaseURL = "https://api.ledger.example.com"

// ledgerRunKey is made once at start-up, like runKey, but only the ledger
// service ever sees it.
var ledgerRunKey = uuid.NewString()

var ledgerBootKey string

func init() { ledgerBootKey = rand.Text() }

// ledgerClient keeps its base URL in a field set in the constructor, as
// brexhttp.Client does.
type ledgerClient struct {
	base string
	hc   *http.Client
}

func newLedgerClient() *ledgerClient {
	return &ledgerClient{base: ledgerBaseURL, hc: http.DefaultClient}
}

func (l *ledgerClient) post(ctx context.Context, path string, headers map[string]string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.base+path, nil)
	if err != nil {
		return err
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := l.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func startupKeysElsewhere(ctx context.Context, c *http.Client) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, ledgerBaseURL+"/v1/transfers", nil)
	req.Header.Set("Idempotency-Key", ledgerRunKey)
	c.Do(req)

	l := newLedgerClient()
	l.post(ctx, "/v2/cards", map[string]string{"Idempotency-Key": ledgerBootKey})
	l.post(ctx, "/v1/transfers", map[string]string{"Idempotency-Key": ledgerRunKey})
	l.post(ctx, "/v1/transfers", map[string]string{"Idempotency-Key": "ledger-sync"})
}
