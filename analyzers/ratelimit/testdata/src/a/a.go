// Package a calls Brex directly, and through other packages' clients.
package a

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"

	"brexwrap"
	"injclient"
	"sendhelper"
	"transport"

	"github.com/avast/retry-go/v4"
	"github.com/cenkalti/backoff/v4"
	"github.com/hashicorp/go-retryablehttp"
	"github.com/hibiken/asynq"
	sretry "github.com/sethvargo/go-retry"
	"go.temporal.io/sdk/activity"
	"golang.org/x/oauth2"
	"golang.org/x/time/rate"
)

const brex = "https://api.brex.com"

func newReq(ctx context.Context, path string) *http.Request {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, brex+path, nil)
	return req
}

// --- No 429 handling at all.

func DefaultClient(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, brex+"/v2/users/me", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `429 from GET /v2/users/me is not retried \(client: http.DefaultClient\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Shorthand() error {
	resp, err := http.Get(brex + "/v2/departments") // want `429 from GET /v2/departments is not retried \(client: http.Get, which uses http.DefaultClient\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A rate limiter keeps under the limit but does not handle a 429.
var limiter = rate.NewLimiter(rate.Every(100*time.Millisecond), 1)

func Limited(ctx context.Context) error {
	if err := limiter.Wait(ctx); err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/locations")) // want `429 from GET /v2/locations is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A loop that retries transport errors only: a 429 ends it.
func TransportErrorsOnly(ctx context.Context) (*http.Response, error) {
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/titles")) // want `429 from GET /v2/titles is not retried`
		if err == nil {
			defer resp.Body.Close()
			_, err = io.ReadAll(resp.Body)
			return nil, err
		}
		lastErr = err
		time.Sleep(time.Duration(attempt+1) * time.Second)
	}
	return nil, lastErr
}

// --- Transports and clients that retry 429.

var retrying = &http.Client{Transport: &transport.Retrying{Base: http.DefaultTransport}}

func OtherPackageTransport(ctx context.Context) error {
	resp, err := retrying.Do(newReq(ctx, "/v2/cards"))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Retryablehttp(ctx context.Context) error {
	hc := retryablehttp.NewClient().StandardClient()
	resp, err := hc.Do(newReq(ctx, "/v2/users"))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Taught(ctx context.Context) error {
	hc := &http.Client{Transport: &transport.Taught{Base: http.DefaultTransport}}
	resp, err := hc.Do(newReq(ctx, "/v1/vendors"))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A transport that only logs delegates to the default one.
func Logging(ctx context.Context) error {
	hc := &http.Client{Transport: &transport.Logging{Base: http.DefaultTransport}}
	resp, err := hc.Do(newReq(ctx, "/v1/vendors")) // want `429 from GET /v1/vendors is not retried \(client: http.DefaultTransport\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func FixedTransport(ctx context.Context) error {
	hc := &http.Client{Transport: &transport.Fixed{Base: http.DefaultTransport}}
	resp, err := hc.Do(newReq(ctx, "/v1/vendors")) // want `the transport Fixed retries 429 from GET /v1/vendors with a constant wait`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// --- Retry libraries.

func Backoff(ctx context.Context) error {
	return backoff.Retry(func() error {
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/spend_limits"))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode == http.StatusTooManyRequests {
			return errors.New("rate limited")
		}
		return nil
	}, backoff.WithContext(backoff.NewExponentialBackOff(), ctx))
}

func BackoffConstant(ctx context.Context) error {
	return backoff.Retry(func() error { // want `this retry of GET /v2/budget_programs \(github.com/cenkalti/backoff/v4\) has neither an attempt limit nor a context or deadline`
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/budget_programs"))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode >= 400 {
			return fmt.Errorf("brex: %s", resp.Status)
		}
		return nil
	}, backoff.NewConstantBackOff(time.Second)) // want `waits a constant time between attempts`
}

// The operation turns a 429 into a permanent error: the library does not
// retry it.
func BackoffPermanent(ctx context.Context) error {
	return backoff.Retry(func() error {
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/legal_entities")) // want `429 from GET /v2/legal_entities is not retried`
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return backoff.Permanent(fmt.Errorf("brex: %s", resp.Status))
		}
		return nil
	}, backoff.WithMaxRetries(backoff.NewExponentialBackOff(), 5))
}

func RetryGo(ctx context.Context) error {
	return retry.Do(func() error {
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/users/me"))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode/100 != 2 {
			return fmt.Errorf("brex: %s", resp.Status)
		}
		return nil
	}, retry.Attempts(5), retry.DelayType(retry.BackOffDelay))
}

func RetryGoFixed(ctx context.Context) error {
	return retry.Do(func() error {
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/users/me"))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode/100 != 2 {
			return fmt.Errorf("brex: %s", resp.Status)
		}
		return nil
	}, retry.Attempts(5), retry.DelayType(retry.FixedDelay)) // want `this retry of GET /v2/users/me \(github.com/avast/retry-go/v4\) waits a constant time`
}

func Sethvargo(ctx context.Context) error {
	b := sretry.WithMaxRetries(4, sretry.NewExponential(200*time.Millisecond))
	return sretry.Do(ctx, b, func(ctx context.Context) error {
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/trips"))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode == http.StatusTooManyRequests {
			return sretry.RetryableError(errors.New("rate limited"))
		}
		return nil
	})
}

// --- Retry loops.

// Backoff with jitter, bounded: the loop Brex asks for.
func Loop(ctx context.Context) (*http.Response, error) {
	for attempt := 0; attempt < 6; attempt++ {
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/cards/abc"))
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusTooManyRequests {
			return resp, nil
		}
		resp.Body.Close()
		d := 250 * time.Millisecond << attempt
		d += rand.N(d / 2)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(d):
		}
	}
	return nil, errors.New("brex: still rate limited")
}

// A helper decides which statuses to retry.
func retryable(code int) bool {
	return code == http.StatusTooManyRequests || code >= 500
}

func LoopHelper(ctx context.Context) error {
	wait := time.Second
	for i := 0; i < 5; i++ {
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/departments"))
		if err != nil {
			return err
		}
		resp.Body.Close()
		if !retryable(resp.StatusCode) {
			return nil
		}
		time.Sleep(wait)
		wait *= 2
	}
	return nil
}

func LoopConstant(ctx context.Context) error {
	for i := 0; i < 5; i++ {
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/locations"))
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusTooManyRequests {
			time.Sleep(2 * time.Second) // want `this retry of GET /v2/locations waits a constant time between attempts, so retries hit Brex.s rate limit in lockstep; back off exponentially with jitter$`
			continue
		}
		return nil
	}
	return nil
}

func LoopNoWait(ctx context.Context) error {
	for i := 0; i < 3; i++ { // want `this retry of GET /v2/titles does not wait between attempts`
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/titles"))
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode < 300 {
			return nil
		}
	}
	return errors.New("failed")
}

func LoopUnbounded() error {
	delay := 100 * time.Millisecond
	for { // want `this retry of GET /v2/users has neither an attempt limit nor a context or deadline, so an outage retries forever; cap attempts or use a deadline$`
		req, _ := http.NewRequest(http.MethodGet, brex+"/v2/users", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusTooManyRequests {
			return nil
		}
		time.Sleep(delay)
		delay *= 2
	}
}

func LoopRetryAfter(ctx context.Context) error {
	for i := 0; i < 5; i++ {
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/cards"))
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusTooManyRequests {
			secs, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
			time.Sleep(time.Duration(secs) * time.Second) // want `waits only for the Retry-After header, which Brex does not document`
			continue
		}
		return nil
	}
	return nil
}

// Retry-After when present, exponential backoff otherwise: quiet.
func LoopRetryAfterAndBackoff(ctx context.Context) error {
	for i := 0; i < 5; i++ {
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/cards"))
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusTooManyRequests {
			return nil
		}
		wait := time.Duration(1<<i) * time.Second
		if secs, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && time.Duration(secs)*time.Second > wait {
			wait = time.Duration(secs) * time.Second
		}
		time.Sleep(wait)
	}
	return nil
}

// A pagination loop goes on whatever the status: not a retry.
func Pages(ctx context.Context) error {
	cursor := ""
	for {
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/users?cursor="+cursor)) // want `429 from GET /v2/users is not retried`
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("brex: %s", resp.Status)
		}
		next, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if len(next) == 0 {
			return nil
		}
		cursor = string(next)
	}
}

// --- Jobs handed back to a queue.

// An Asynq handler returns the error: Asynq retries the task later, with
// exponential backoff.
func HandleSync(ctx context.Context, t *asynq.Task) error {
	resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/transactions/card/primary"))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("brex: %s", resp.Status)
	}
	return nil
}

// A Temporal activity returns the error: Temporal retries it.
func SyncActivity(ctx context.Context) error {
	activity.GetLogger(ctx).Info("sync")
	resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/accounts/card"))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return fmt.Errorf("brex: %s", resp.Status)
	}
	return nil
}

var queue = &asynq.Client{}

// A re-queue: the 429 puts the job back on the queue to run later.
func Requeue(ctx context.Context, t *asynq.Task) {
	resp, err := http.DefaultClient.Do(newReq(ctx, "/v1/vendors"))
	if err != nil {
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests {
		queue.Enqueue(t, asynq.ProcessIn(time.Minute))
	}
}

// --- Wrappers of other packages.

func WrapperReturnsResponse(ctx context.Context, c *brexwrap.Client, id string) error {
	resp, err := c.Get(ctx, "/v2/cards/"+id) // want `brexwrap.Client.Get returns the response of GET /v2/cards/\{id\} and nothing retries its 429`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func WrapperReturnsResponseRetried(ctx context.Context, c *brexwrap.Client, id string) error {
	op := func() error {
		resp, err := c.Get(ctx, "/v2/cards/"+id)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode == http.StatusTooManyRequests {
			return errors.New("rate limited")
		}
		return nil
	}
	return backoff.Retry(op, backoff.WithMaxRetries(backoff.NewExponentialBackOff(), 4))
}

// brexwrap does not know that Call reaches Brex: its callers are judged.
func WrapperOfAnotherPackage(ctx context.Context, c *brexwrap.Client) error {
	var out struct{}
	return c.Call(ctx, http.MethodGet, "/v2/spend_limits", &out) // want `429 from GET /v2/spend_limits is not retried, by brexwrap.Client.Call or around it`
}

// --- Injected clients.

func Inject(ctx context.Context) {
	injclient.NewClient(http.DefaultClient)                                                                               // want `http.DefaultClient, given to injclient.NewClient, does not retry 429 from GET /v2/cards`
	injclient.NewClient(&http.Client{Timeout: time.Second})                                                               // want `an http.Client with the default transport, given to injclient.NewClient,`
	injclient.NewClient(retryablehttp.NewClient().StandardClient())                                                       // quiet
	injclient.NewClient(&http.Client{Transport: &transport.Retrying{Base: http.DefaultTransport}})                        // quiet
	injclient.NewClient(&http.Client{Transport: &transport.Fixed{Base: http.DefaultTransport}})                           // want `the transport Fixed, given to injclient.NewClient, retries 429 from GET /v2/cards with a constant wait`
	_ = &injclient.Service{HTTP: http.DefaultClient}                                                                      // want `http.DefaultClient, given to injclient.Service.HTTP, does not retry 429 from GET /v2/users`
	_ = &injclient.Service{HTTP: &http.Client{Transport: &retryablehttp.RoundTripper{Client: retryablehttp.NewClient()}}} // quiet
}

// A sender helper of another package, given the client: judged at each
// Brex call.
func Helper(ctx context.Context) error {
	var out struct{}
	if err := sendhelper.Do(retrying, newReq(ctx, "/v2/cards"), &out); err != nil {
		return err
	}
	return sendhelper.Do(http.DefaultClient, newReq(ctx, "/v2/users/me"), &out) // want `http.DefaultClient, given to sendhelper.Do, does not retry 429 from GET /v2/users/me`
}

// The same helper for another API: quiet.
func HelperOtherAPI() error {
	req, _ := http.NewRequest(http.MethodGet, "https://api.github.com/users/octocat", nil)
	var out struct{}
	return sendhelper.Do(http.DefaultClient, req, &out)
}

// --- OAuth clients.

// A partner's client from the incoming request's context: an oauth2
// transport over http.DefaultClient.
func Partner(w http.ResponseWriter, r *http.Request, conf *oauth2.Config, tok *oauth2.Token) {
	hc := conf.Client(r.Context(), tok)
	resp, err := hc.Get(brex + "/v2/users/me") // want `429 from GET /v2/users/me is not retried \(client: an oauth2 client over http.DefaultClient\)`
	if err != nil {
		return
	}
	resp.Body.Close()
}

// A base client with retries in the context.
func PartnerRetrying(ctx context.Context, conf *oauth2.Config, tok *oauth2.Token) error {
	ctx = context.WithValue(ctx, oauth2.HTTPClient, retryablehttp.NewClient().StandardClient())
	resp, err := conf.Client(ctx, tok).Get(brex + "/v2/users/me")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A context a helper of the package makes: what the helper returns, here
// one that carries no base client.
func PartnerHelperContext(conf *oauth2.Config, tok *oauth2.Token) error {
	resp, err := conf.Client(partnerContext(), tok).Get(brex + "/v2/users/me") // want `429 from GET /v2/users/me is not retried \(client: an oauth2 client over http.DefaultClient\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func partnerContext() context.Context { return context.Background() }

// A helper that puts a base client with retries in the context: quiet.
func PartnerHelperRetrying(ctx context.Context, conf *oauth2.Config, tok *oauth2.Token) error {
	resp, err := conf.Client(withRetryingBase(ctx), tok).Get(brex + "/v2/users/me")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func withRetryingBase(ctx context.Context) context.Context {
	return context.WithValue(ctx, oauth2.HTTPClient, retryablehttp.NewClient().StandardClient())
}

// A helper that defaults a nil context returns its caller's context too,
// here one with a base client that retries: quiet.
func PartnerEnsuredContext(conf *oauth2.Config, tok *oauth2.Token) error {
	ctx := context.WithValue(context.Background(), oauth2.HTTPClient, retryablehttp.NewClient().StandardClient())
	resp, err := conf.Client(ensure(ctx), tok).Get(brex + "/v2/users/me")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func ensure(ctx context.Context) context.Context {
	if ctx == nil {
		ctx = context.Background()
	}
	return ctx
}

// --- Look-alikes.

// Another API: quiet.
func Stripe() error {
	resp, err := http.Get("https://api.stripe.com/v1/transfers")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A suppression with a reason.
func Suppressed(ctx context.Context) error {
	//brexlint:ignore ratelimit a one-off admin call, retried by hand
	resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/company"))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A batch that logs a failed item and goes on with the next one drops
// its 429s.
func Batch(ctx context.Context, ids []string) {
	for _, id := range ids {
		resp, err := http.DefaultClient.Do(newReq(ctx, "/v2/users/"+id)) // want `429 from GET /v2/users/\{id\} is not retried`
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			fmt.Println("failed", id, resp.Status)
		}
	}
}
