// Package wrappers has Brex clients whose requests go through wrappers and
// sender helpers of the same package.
package wrappers

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/cenkalti/backoff/v4"
)

const baseURL = "https://api.brex.com"

// Plain sends every request through send, which turns a 429 into an error,
// and nothing retries it: one finding, at send's Do.
type Plain struct{ hc *http.Client }

func NewPlain() *Plain { return &Plain{hc: &http.Client{Timeout: 10 * time.Second}} }

func (c *Plain) do(ctx context.Context, method, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, baseURL+path, nil)
	if err != nil {
		return err
	}
	return c.send(req, out)
}

func (c *Plain) send(req *http.Request, out any) error {
	resp, err := c.hc.Do(req) // want `429 from GET /v1/vendors and POST /v1/transfers is not retried \(client: an http.Client with the default transport\), so bursts fail under Brex.s rate limit; retry with backoff and jitter$`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("brex: %s", resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func (c *Plain) CreateTransfer(ctx context.Context) error {
	return c.do(ctx, http.MethodPost, "/v1/transfers", nil)
}

func (c *Plain) ListVendors(ctx context.Context) error {
	var page struct{}
	return c.do(ctx, http.MethodGet, "/v1/vendors", &page)
}

// get hands the response back: its callers' calls are judged.
func (c *Plain) get(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+path, nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

func (c *Plain) Card(ctx context.Context, id string) ([]byte, error) {
	resp, err := c.get(ctx, "/v2/cards/"+id) // want `get returns the response of GET /v2/cards/\{id\} and nothing retries its 429`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("brex: %s", resp.Status)
	}
	return io.ReadAll(resp.Body)
}

// User retries get's 429s with exponential backoff: quiet.
func (c *Plain) User(ctx context.Context, id string) ([]byte, error) {
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := c.get(ctx, "/v2/users/"+id)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			resp.Body.Close()
			time.Sleep(time.Duration(1<<attempt) * 200 * time.Millisecond)
			continue
		}
		defer resp.Body.Close()
		return io.ReadAll(resp.Body)
	}
	return nil, fmt.Errorf("brex: still rate limited")
}

// Retried's send turns a 429 into an error too, but every Brex call of the
// package retries around it: quiet.
type Retried struct{ hc *http.Client }

func NewRetried() *Retried { return &Retried{hc: http.DefaultClient} }

func (c *Retried) send(req *http.Request) error {
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return fmt.Errorf("brex: %s", resp.Status)
	}
	return nil
}

func (c *Retried) LockCard(ctx context.Context, id string) error {
	op := func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, baseURL+"/v2/cards/"+id+"/lock", nil)
		if err != nil {
			return backoff.Permanent(err)
		}
		return c.send(req)
	}
	return backoff.Retry(op, backoff.WithContext(backoff.NewExponentialBackOff(), ctx))
}

func (c *Retried) ListUsers(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+"/v2/users", nil)
	if err != nil {
		return err
	}
	delay := 250 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err = c.send(req)
		if err == nil || attempt == 5 {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay):
		}
		delay *= 2
	}
}
