package a

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"time"
)

// --- A 429 handed back to a scheduler that runs the job again later.

// ErrRateLimited tells the sync scheduler to run the job again later.
var ErrRateLimited = errors.New("brex: rate limited")

// RateLimitError carries how long the scheduler should wait.
type RateLimitError struct{ RetryAfter time.Duration }

func (e *RateLimitError) Error() string { return "brex: rate limited" }

var syncClient = &http.Client{Timeout: 30 * time.Second}

// SyncAccounts returns the sentinel on 429: the scheduler re-runs it.
func SyncAccounts(ctx context.Context) error {
	resp, err := syncClient.Do(newReq(ctx, "/v2/accounts/cash"))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests {
		return ErrRateLimited
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("brex: %s", resp.Status)
	}
	return nil
}

// SyncTransactions returns a typed error on 429.
func SyncTransactions(ctx context.Context) error {
	resp, err := syncClient.Do(newReq(ctx, "/v2/transactions/cash/primary"))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
		return nil
	case http.StatusTooManyRequests:
		return &RateLimitError{RetryAfter: time.Minute}
	default:
		return fmt.Errorf("brex: sync transactions: %w (%s)", ErrRateLimited, resp.Status)
	}
}

// FetchPage returns a retryable flag that the job runner reads.
func FetchPage(ctx context.Context, cursor string) (retryable bool, err error) {
	resp, err := syncClient.Do(newReq(ctx, "/v2/transactions/card/primary?cursor="+cursor))
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests {
		return true, fmt.Errorf("brex: %s", resp.Status)
	}
	return false, nil
}

// Look-alike: the 429 is checked, but turned into an error like any other
// (a string the scheduler cannot tell apart).
func SyncVendors(ctx context.Context) error {
	resp, err := syncClient.Do(newReq(ctx, "/v1/vendors")) // want `429 from GET /v1/vendors is not retried`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests {
		return fmt.Errorf("brex: rate limited")
	}
	return nil
}

// Look-alike: the sentinel is returned for every failure, not for 429.
func SyncCards(ctx context.Context) error {
	resp, err := syncClient.Do(newReq(ctx, "/v2/cards")) // want `429 from GET /v2/cards is not retried`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return ErrRateLimited
	}
	return nil
}

// --- Loops ended by the context.

var pace = limiter

// A loop that waits on a limiter: the limiter's error ends the loop when
// the context is done.
func LimiterLoop(ctx context.Context) error {
	wait := 500 * time.Millisecond
	for {
		if err := pace.Wait(ctx); err != nil {
			return err
		}
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/users/me"))
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusTooManyRequests {
			return nil
		}
		time.Sleep(wait)
		wait *= 2
	}
}

// The request carries the context: Do fails when it is done, and the error
// leaves the loop.
func ContextRequestLoop(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, brex+"/v2/departments", nil)
	if err != nil {
		return err
	}
	for attempt := uint(0); ; attempt++ {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return fmt.Errorf("brex: %w", err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusTooManyRequests {
			return nil
		}
		time.Sleep(100 * time.Millisecond << attempt)
	}
}

// Look-alike: the limiter's error is ignored, and the request has no
// context: nothing ends the loop.
func LimiterIgnored() error {
	wait := time.Second
	for { // want `this retry of GET /v2/titles has neither an attempt limit nor a context or deadline`
		_ = pace.Wait(context.Background())
		req, _ := http.NewRequest(http.MethodGet, brex+"/v2/titles", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusTooManyRequests {
			return nil
		}
		time.Sleep(wait)
		wait *= 2
	}
}

// Look-alike: the request is built with a context that is never done.
func BackgroundLoop() error {
	ctx := context.Background()
	wait := time.Second
	for { // want `this retry of GET /v2/locations has neither an attempt limit nor a context or deadline`
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/locations"))
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusTooManyRequests {
			return nil
		}
		time.Sleep(wait)
		wait *= 2
	}
}

// --- Waits that grow, however they are written.

func ShiftWait(ctx context.Context) error {
	const base = 200 * time.Millisecond
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/users/u_1"))
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusTooManyRequests {
			return nil
		}
		time.Sleep(base << attempt)
	}
	return ErrRateLimited
}

func PowWait(ctx context.Context) error {
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/users/u_2"))
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusTooManyRequests {
			return nil
		}
		secs := math.Pow(2, float64(attempt))
		time.Sleep(time.Duration(secs*float64(time.Second)) + rand.N(time.Second))
	}
	return ErrRateLimited
}

func CappedWait(ctx context.Context) error {
	const maxWait = 30 * time.Second
	d := 250 * time.Millisecond
	for i := 0; i < 8; i++ {
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/users/u_3"))
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusTooManyRequests {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(d):
		}
		d = min(2*d, maxWait)
	}
	return ErrRateLimited
}

// poller sleeps through a field, so that tests can replace the clock.
type poller struct {
	hc    *http.Client
	sleep func(time.Duration)
}

func newPoller() *poller { return &poller{hc: http.DefaultClient, sleep: time.Sleep} }

func (p *poller) Poll(ctx context.Context) error {
	backoff := time.Second
	for i := 0; i < 6; i++ {
		resp, err := p.hc.Do(newReq(ctx, "/v2/users/u_4"))
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusTooManyRequests {
			return nil
		}
		p.sleep(backoff)
		backoff *= 2
	}
	return ErrRateLimited
}

// Look-alike: the field sleeps a constant time.
func (p *poller) PollConstant(ctx context.Context) error {
	for i := 0; i < 6; i++ {
		resp, err := p.hc.Do(newReq(ctx, "/v2/users/u_5"))
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusTooManyRequests {
			return nil
		}
		p.sleep(time.Second) // want `this retry of GET /v2/users/\{id\} waits a constant time between attempts`
	}
	return ErrRateLimited
}

// FetchVendors computes the retryable flag from the status.
func FetchVendors(ctx context.Context) (retry bool, err error) {
	resp, err := syncClient.Do(newReq(ctx, "/v1/vendors/v_1"))
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusTooManyRequests, nil
}

// Look-alike: the flag is true for every failure.
func FetchTitles(ctx context.Context) (retry bool, err error) {
	resp, err := syncClient.Do(newReq(ctx, "/v2/titles")) // want `429 from GET /v2/titles is not retried`
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	return resp.StatusCode >= 400, nil
}
