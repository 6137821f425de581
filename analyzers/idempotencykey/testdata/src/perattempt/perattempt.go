// Package perattempt makes Idempotency-Keys inside the function literals
// that retry helpers of other packages call once per attempt.
package perattempt

import (
	"context"
	"crypto/rand"
	"net/http"

	"brexhttp"
	"retryutil"

	retry "github.com/avast/retry-go/v4"
	backoff "github.com/cenkalti/backoff/v5"
	"github.com/google/uuid"
)

type transfer struct {
	ID     string
	Amount int64
}

// The integration's own retry helper calls the literal once per attempt.
func payOwnHelper(ctx context.Context, bc *brexhttp.Client, t transfer) error {
	return retryutil.Do(ctx, 5, func(ctx context.Context) error {
		key := uuid.NewString() // want `the Idempotency-Key of POST /v1/transfers is made inside a retry loop`
		return bc.Post(ctx, "/v1/transfers", t, &brexhttp.RequestOptions{IdempotencyKey: key})
	})
}

// avast/retry-go, with the key in a header map.
func payRetryGo(ctx context.Context, bc *brexhttp.Client, t transfer) error {
	return retry.Do(func() error {
		return bc.DoJSON(ctx, http.MethodPost, "/v1/transfers", t, nil,
			map[string]string{"Idempotency-Key": rand.Text()}) // want `the Idempotency-Key of POST /v1/transfers is made inside a retry loop`
	}, retry.Attempts(4))
}

// cenkalti/backoff v5, with the operation in a variable.
func issueCard(ctx context.Context, bc *brexhttp.Client, owner string) error {
	op := func() (string, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, brexhttp.DefaultBaseURL+"/v2/cards", nil)
		if err != nil {
			return "", err
		}
		req.Header.Set("Idempotency-Key", uuid.NewString()) // want `the Idempotency-Key of POST /v2/cards is made inside a retry loop`
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		return resp.Status, nil
	}
	_, err := backoff.Retry(ctx, op, backoff.WithBackOff(backoff.NewExponentialBackOff()), backoff.WithMaxTries(5))
	return err
}

// Look-alikes that stay quiet.

// The key is made once, outside the literal that is retried.
func payOnce(ctx context.Context, bc *brexhttp.Client, t transfer) error {
	key := uuid.NewString()
	return retryutil.Do(ctx, 5, func(ctx context.Context) error {
		return bc.Post(ctx, "/v1/transfers", t, &brexhttp.RequestOptions{IdempotencyKey: key})
	})
}

// A helper that calls the literal once per item is not a retry: a fresh key
// per transfer is right.
func payAll(ctx context.Context, bc *brexhttp.Client, ids []string) error {
	return retryutil.ForEach(ctx, ids, func(ctx context.Context, id string) error {
		return bc.Post(ctx, "/v1/transfers", nil, &brexhttp.RequestOptions{IdempotencyKey: uuid.NewString()})
	})
}

// payer takes its key generator as a field, so that tests can make keys
// they know.
type payer struct {
	bc     *brexhttp.Client
	newKey func() string
}

func newPayer(bc *brexhttp.Client) *payer { return &payer{bc: bc, newKey: uuid.NewString} }

// The generator is called once per transfer, before the retry.
func (p *payer) pay(ctx context.Context, t transfer) error {
	key := p.newKey()
	return retryutil.Do(ctx, 5, func(ctx context.Context) error {
		return p.bc.Post(ctx, "/v1/transfers", t, &brexhttp.RequestOptions{IdempotencyKey: key})
	})
}

// A retry helper of another package takes the generator and calls it once,
// before its loop: a closure that calls uuid.NewString is handed over, not
// called per attempt.
func payKeyed(ctx context.Context, bc *brexhttp.Client, t transfer) error {
	return retryutil.DoKeyed(ctx, 5, func() string { return "transfer-" + uuid.NewString() }, func(ctx context.Context, key string) error {
		return bc.Post(ctx, "/v1/transfers", t, &brexhttp.RequestOptions{IdempotencyKey: key})
	})
}

// The same with the generator given by name.
func payKeyedByName(ctx context.Context, bc *brexhttp.Client, t transfer) error {
	return retryutil.DoKeyed(ctx, 5, uuid.NewString, func(ctx context.Context, key string) error {
		return bc.DoJSON(ctx, http.MethodPost, "/v1/transfers", t, nil, map[string]string{"Idempotency-Key": key})
	})
}

// The generator field called inside the retried literal: a new key per
// attempt, but the field's value is not followed (see doc.go, Out of
// reach), so it stays quiet rather than guess.
func (p *payer) payPerAttempt(ctx context.Context, t transfer) error {
	return retryutil.Do(ctx, 5, func(ctx context.Context) error {
		return p.bc.Post(ctx, "/v1/transfers", t, &brexhttp.RequestOptions{IdempotencyKey: p.newKey()})
	})
}
