// Package callerretry retries functions that make a new Idempotency-Key
// on every call.
package callerretry

import (
	"context"
	"log"
	"net/http"
	"time"

	"brexclient"
	"brexhttp"
	"retryutil"

	"github.com/google/uuid"
)

type service struct {
	hc *http.Client
	bc *brexhttp.Client
}

// createCard makes a fresh key on every call.
func (s *service) createCard(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, brexhttp.DefaultBaseURL+"/v2/cards", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", uuid.NewString())
	resp, err := s.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A caller's retry loop around it: every attempt carries a new key.
func (s *service) createCardRetrying(ctx context.Context) error {
	var err error
	for attempt := 0; attempt < 4; attempt++ {
		if err = s.createCard(ctx); err == nil { // want `service.createCard makes a new Idempotency-Key for POST /v2/cards on every call, and this retry calls it again`
			return nil
		}
		time.Sleep(time.Second << attempt)
	}
	return err
}

// The same through another package's client and a retry helper.
func (s *service) pay(ctx context.Context, t brexhttp.Transfer) error {
	return retryutil.Do(ctx, 3, func(ctx context.Context) error {
		return s.bc.CreateTransfer(ctx, t) // want `brexhttp.Client.CreateTransfer makes a new Idempotency-Key for POST /v1/transfers on every call`
	})
}

// payout calls CreateTransfer once: it makes a fresh key per call too.
func (s *service) payout(ctx context.Context, t brexhttp.Transfer) error {
	log.Printf("paying %d", t.Amount)
	return s.bc.CreateTransfer(ctx, t)
}

func (s *service) payoutRetrying(ctx context.Context, t brexhttp.Transfer) {
	for i := 0; i < 3; i++ {
		err := s.payout(ctx, t) // want `service.payout makes a new Idempotency-Key for POST /v1/transfers on every call`
		if err == nil {
			break
		}
	}
}

// A wrapper that makes its own key, retried by its caller.
func createOnceRetrying(ctx context.Context, c *brexclient.Client) {
	for i := 0; i < 3; i++ {
		if err := c.CreateOnce(ctx, "/v1/transfers"); err != nil { // want `CreateOnce makes a new Idempotency-Key for POST /v1/transfers on every call`
			continue
		}
		return
	}
}

// Look-alikes that stay quiet.

// The key is made once and passed in on every attempt.
func (s *service) payWithKey(ctx context.Context, t brexhttp.Transfer) error {
	key := uuid.NewString()
	return retryutil.Do(ctx, 3, func(ctx context.Context) error {
		return s.bc.CreateTransferWithKey(ctx, t, key)
	})
}

// One call per transfer: a fresh key each is right.
func (s *service) payAll(ctx context.Context, ts []brexhttp.Transfer) {
	for _, t := range ts {
		if err := s.bc.CreateTransfer(ctx, t); err != nil {
			log.Print(err)
		}
	}
}

type job struct{ Transfer brexhttp.Transfer }

// A worker loop takes a new job on each iteration: each call is another
// transfer, and a fresh key each is right.
func (s *service) work(ctx context.Context, jobs <-chan job) {
	for {
		j := <-jobs
		if err := s.bc.CreateTransfer(ctx, j.Transfer); err != nil {
			log.Print(err)
			continue
		}
	}
}
