package a

import (
	"context"
	"crypto/rand"
	"fmt"
	mrand "math/rand"
	"net/http"
	"strconv"
	"time"

	"github.com/cenkalti/backoff/v4"
	"github.com/google/uuid"
)

const api = "https://api.brex.com"

func missing(ctx context.Context, hc *http.Client) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, api+"/v1/transfers", nil) // want `POST /v1/transfers is sent without an Idempotency-Key, so a retried timeout creates a second transfer; set one from crypto/rand.Text\(\) and reuse it on retries$`
	if err != nil {
		return err
	}
	_, err = hc.Do(req)
	return err
}

func shorthand() {
	http.Post(api+"/v2/cards", "application/json", nil) // want `POST /v2/cards needs an Idempotency-Key, which http.Post cannot send`
	var hc http.Client
	hc.PostForm(api+"/v1/vendors", nil) // want `POST /v1/vendors needs an Idempotency-Key, which \(\*http.Client\).PostForm cannot send`
}

const fixedKey = "transfer-key"

var pkgKey = "static-key"

func constant(hc *http.Client) {
	req, _ := http.NewRequest("POST", api+"/v1/transfers", nil)
	req.Header.Set("Idempotency-Key", fixedKey) // want `the Idempotency-Key of POST /v1/transfers is a constant: every transfer then shares one key`
	hc.Do(req)

	req2, _ := http.NewRequest("POST", api+"/v2/cards", nil)
	req2.Header["Idempotency-Key"] = []string{pkgKey} // want `the Idempotency-Key of POST /v2/cards is a constant`
	hc.Do(req2)

	req3, _ := http.NewRequest("POST", api+"/v1/transfers", nil)
	req3.Header.Set("Idempotency-Key", uuid.NewMD5(uuid.NameSpaceURL, []byte("transfers")).String()) // want `is a constant`
	hc.Do(req3)
}

func colliding(hc *http.Client) {
	req, _ := http.NewRequest("POST", api+"/v1/transfers", nil)
	req.Header.Set("Idempotency-Key", strconv.FormatInt(time.Now().UnixNano(), 10)) // want `the Idempotency-Key of POST /v1/transfers is made from the clock`
	hc.Do(req)

	req2, _ := http.NewRequest("POST", api+"/v1/transfers", nil)
	req2.Header.Add("idempotency-key", strconv.Itoa(mrand.Intn(1000))) // want `made from a small random range`
	hc.Do(req2)

	r := mrand.New(mrand.NewSource(42))
	req3, _ := http.NewRequest("POST", api+"/v1/transfers", nil)
	req3.Header.Set("Idempotency-Key", fmt.Sprint(r.Int63())) // want `made from a math/rand source with a fixed or clock seed`
	hc.Do(req3)
}

func retryLoop(ctx context.Context, hc *http.Client) error {
	for attempt := 0; attempt < 3; attempt++ {
		key := uuid.NewString() // want `the Idempotency-Key of POST /v1/transfers is made inside a retry loop`
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, api+"/v1/transfers", nil)
		if err != nil {
			return err
		}
		req.Header.Set("Idempotency-Key", key)
		resp, err := hc.Do(req)
		if err != nil {
			time.Sleep(time.Second << attempt)
			continue
		}
		resp.Body.Close()
		return nil
	}
	return fmt.Errorf("gave up")
}

func retryHelper(ctx context.Context, hc *http.Client) error {
	return backoff.Retry(func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, api+"/v2/cards", nil)
		if err != nil {
			return err
		}
		req.Header.Set("Idempotency-Key", rand.Text()) // want `made inside a retry loop`
		_, err = hc.Do(req)
		return err
	}, backoff.NewExponentialBackOff())
}

// Look-alikes that must stay quiet.

type invoice struct{ ID string }

//brexlint:random
func newKey() string { return "" }

func good(ctx context.Context, hc *http.Client, inv invoice, callerKey string) {
	keys := []string{
		rand.Text(),
		uuid.NewString(),
		uuid.New().String(),
		uuid.Must(uuid.NewRandom()).String(),
		"payout-" + inv.ID,
		strconv.FormatInt(mrand.Int63(), 36),
		newKey(),
		callerKey,
	}
	for _, k := range keys {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, api+"/v1/transfers", nil)
		req.Header.Set("Idempotency-Key", k)
		hc.Do(req)
	}
	// A fresh key per item of a collection is right.
	for _, in := range []invoice{inv} {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, api+"/v1/transfers", nil)
		req.Header.Set("Idempotency-Key", uuid.NewString())
		resp, err := hc.Do(req)
		if err != nil {
			continue
		}
		_ = in
		resp.Body.Close()
	}
	// A scheduled loop runs whatever the outcome: not a retry loop.
	tick := time.NewTicker(time.Minute)
	for range tick.C {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, api+"/v1/transfers", nil)
		req.Header.Set("Idempotency-Key", uuid.NewString())
		if _, err := hc.Do(req); err != nil {
			continue
		}
	}
	// The key made once, before the retry loop.
	key := uuid.NewString()
	for attempt := 0; attempt < 3; attempt++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, api+"/v1/transfers", nil)
		req.Header.Set("Idempotency-Key", key)
		if _, err := hc.Do(req); err != nil {
			continue
		}
		break
	}
	// GET and DELETE need no key; a key there is harmless.
	req, _ := http.NewRequest(http.MethodGet, api+"/v1/transfers", nil)
	hc.Do(req)
	req, _ = http.NewRequest(http.MethodGet, api+"/v2/cards/c_1", nil)
	req.Header.Set("Idempotency-Key", "x")
	hc.Do(req)
	// An optional key (PUT /v2/cards/{id}) is not reported by default.
	req, _ = http.NewRequest(http.MethodPut, api+"/v2/cards/c_1", nil)
	hc.Do(req)
	// A request that leaves unsent may get its header elsewhere.
	pending, _ := http.NewRequest(http.MethodPost, api+"/v1/transfers", nil)
	queue = append(queue, pending)
	// Another API's transfers.
	other, _ := http.NewRequest(http.MethodPost, "https://api.stripe.com/v1/transfers", nil)
	hc.Do(other)
}

var queue []*http.Request

// An endpoint whose key is optional is quiet without -idempotencykey.optional.
func optionalQuiet(ctx context.Context, hc *http.Client) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPut, api+"/v2/cards/card_1", nil)
	hc.Do(req)
}

// Loops that work through items are not retries: a fresh key per item is
// right.
func workers(ctx context.Context, hc *http.Client, ids <-chan string, sc interface{ Scan() bool }) {
	for {
		id := <-ids
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, api+"/v1/transfers?ref="+id, nil)
		req.Header.Set("Idempotency-Key", uuid.NewString())
		if _, err := hc.Do(req); err != nil {
			continue
		}
	}
}

func scanned(ctx context.Context, hc *http.Client, sc interface{ Scan() bool }) {
	for sc.Scan() {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, api+"/v2/cards", nil)
		req.Header.Set("Idempotency-Key", uuid.NewString())
		if _, err := hc.Do(req); err != nil {
			continue
		}
	}
}
