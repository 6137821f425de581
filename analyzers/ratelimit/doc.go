// Package ratelimit defines an Analyzer that reports Brex calls whose
// HTTP 429 (rate limit) responses are not handled: not retried, retried
// without a growing wait, or retried without end.
//
// # Analyzer ratelimit
//
// ratelimit: report Brex calls whose HTTP 429 (rate limit) responses are not retried with a growing, bounded backoff
//
// Brex answers 429 when an integration goes over 1,000 requests a minute,
// or over its daily transfer and card limits. Brex's launch checklist asks
// for graceful rate-limit handling even when you think you will never hit
// it: an integration that fails on the first 429, or that retries in a
// tight loop, breaks (and keeps Brex answering 429) on its busiest day.
//
// Which calls are Brex calls, and where their responses go, is decided by
// the Brex model (internal/brexmodel), which follows URLs the way clients
// write them: a base URL field set from a Brex host (overridable by an
// option), os.Getenv with a Brex fallback, a cursor appended to the URL in
// a pagination loop (see internal/urlfold). A 429 counts as handled when
//
//   - the call is retried with a wait that grows (exponential or other
//     backoff; jitter is recommended, not required) by a retry whose
//     condition includes 429 (== 429, http.StatusTooManyRequests, >= 400,
//     != 2xx, or any error when the error carries the status), in the same
//     function, in a wrapper or helper it goes through, or around every
//     call of the wrapper in the package;
//   - a retry library of the closed list retries it: cenkalti/backoff (v4,
//     v5), avast/retry-go, sethvargo/go-retry (the error must be wrapped in
//     retry.RetryableError);
//   - the client's transport retries 429: hashicorp/go-retryablehttp (its
//     Client.Do, its shorthands, or StandardClient), a RoundTripper (in
//     this package or another) whose RoundTrip retries 429, or a type,
//     function or method taught //brexlint:retries429. A Doer interface is
//     judged by the clients the package assigns to it outside its tests;
//   - a go-resty/resty v2 client retries 429: SetRetryCount above zero and
//     a retry condition (AddRetryCondition) that names 429 or calls
//     IsError (resty retries only failed connections by default, and
//     nothing without SetRetryCount);
//   - the job is handed back to a queue or scheduler to run later: an
//     Asynq handler or a Temporal activity that returns the error, an
//     Asynq Enqueue on the 429 path, or an explicit 429 check (a branch
//     taken at 429 and at no other status: == 429,
//     http.StatusTooManyRequests, a case of a switch on the status) that
//     returns a signal the caller can tell apart from other failures: a
//     true retryable flag (or a bool true at 429 and at no other status:
//     return resp.StatusCode == http.StatusTooManyRequests, nil), a
//     sentinel error (return ErrRateLimited, or
//     fmt.Errorf wrapping it), or an error of its own type
//     (&RateLimitError{RetryAfter: d}). The job runner that reads the
//     signal is not followed: an explicit, distinct 429 signal is taken
//     as the hand-back it is written for.
//
// The check reports:
//
//   - a Brex call handled in none of these ways (ratelimit/unhandled). It
//     lands once: at the send inside a wrapper or helper that turns the 429
//     into an error or swallows it (so one finding covers every endpoint
//     sent through it), or at the callers' calls of a wrapper that hands
//     the *http.Response back. Where the client is injected (a parameter of
//     a constructor, an exported field), the finding lands where a client
//     without 429 handling is passed in, in this package or an importer;
//   - a retry on 429 with no wait, a constant wait, or a wait taken only
//     from the Retry-After header (ratelimit/no-backoff): every client then
//     retries in lockstep and Brex keeps answering 429. Brex does not
//     document Retry-After, so relying on it alone means no wait when it is
//     absent; honoring it when present is good;
//   - a retry loop with neither an attempt limit nor a context or deadline
//     (ratelimit/unbounded), and a retry library configured never to stop
//     (a cenkalti/backoff ConstantBackOff, an ExponentialBackOff without
//     MaxElapsedTime).
//
// Each message says what is wrong and where; the why and the fix are here:
//
//   - "429 from ENDPOINTS is not retried (client: C)", "W returns the
//     response of ENDPOINTS and nothing retries its 429", "429 from
//     ENDPOINTS is not retried, by W or around it" (unhandled): Brex
//     answers 429 above 1,000 requests a minute or past a daily limit, and
//     the call then fails. Retry 429 with exponential backoff and jitter, a
//     bounded number of times: a loop, a retry library such as
//     cenkalti/backoff, or a transport such as hashicorp/go-retryablehttp.
//   - "C is passed to F, which sends ENDPOINTS through it with no other 429
//     handling" (unhandled): the client fails every 429. Pass a client
//     whose transport retries 429 with exponential backoff and jitter,
//     bounded (e.g. retryablehttp.NewClient().StandardClient()).
//   - "this retry of ENDPOINTS does not wait between attempts", "... waits a
//     constant time between attempts", "C retries 429 from ENDPOINTS with a
//     constant wait" (no-backoff): every client retries at once, or in
//     lockstep, and Brex keeps answering 429. Make the wait grow
//     exponentially, with jitter (e.g. base<<attempt plus a random
//     fraction).
//   - "... waits only for the Retry-After header, which Brex does not
//     document" (no-backoff): without the header the retry does not wait.
//     Honor Retry-After when present, otherwise wait exponentially longer,
//     with jitter.
//   - "... has neither an attempt limit nor a context or deadline"
//     (unbounded): during a long rate limit it never stops. Stop after a few
//     attempts or when the context is done.
//
// A message names at most two endpoints ("GET /v1/expenses, GET
// /v1/vendors and 2 more"); the finding's related information (the
// "related" of -json, the relatedLocations of the checklist's SARIF) then
// names every one, as "endpoint: GET /v1/expenses".
//
// Bad:
//
//	resp, err := http.DefaultClient.Do(req) // a 429 is an error like any other
//	if err != nil {
//		return err
//	}
//	if resp.StatusCode/100 != 2 {
//		return fmt.Errorf("brex: %s", resp.Status)
//	}
//
// Good: a bounded retry with exponential backoff and jitter, that gives up
// when the context is done.
//
//	func (c *Client) send(ctx context.Context, req *http.Request) (*http.Response, error) {
//		const attempts = 6
//		for attempt := 0; ; attempt++ {
//			resp, err := c.hc.Do(req.Clone(ctx)) // a body needs req.GetBody
//			if err != nil {
//				return nil, err
//			}
//			if resp.StatusCode != http.StatusTooManyRequests || attempt == attempts-1 {
//				return resp, nil
//			}
//			resp.Body.Close()
//			wait := 250 * time.Millisecond << attempt // 0.25s, 0.5s, 1s ...
//			wait += rand.N(wait / 2)                   // jitter: clients do not retry in lockstep
//			select {
//			case <-ctx.Done():
//				return nil, ctx.Err()
//			case <-time.After(wait):
//			}
//		}
//	}
//
// or a client whose transport does it:
//
//	rc := retryablehttp.NewClient() // retries 429 and 5xx with exponential backoff
//	rc.RetryMax = 5
//	hc := rc.StandardClient()
//
// or, with resty, a retry condition that includes 429:
//
//	rc := resty.New().SetBaseURL("https://platform.brexapis.com").
//		SetRetryCount(5).
//		AddRetryCondition(func(r *resty.Response, err error) bool {
//			return err != nil || r.StatusCode() == http.StatusTooManyRequests
//		})
//
// A wait grows when it reads what changes from one attempt to the next:
// base << attempt, math.Pow(2, float64(attempt)), d *= 2,
// d = min(2*d, maxWait), a backoff library's NextBackOff, or a helper given
// the attempt. The wait may be time.Sleep, time.After, a timer, a clock of
// another package given a duration, or a function value kept in a field or
// variable and given a duration (p.sleep(d), so that tests can replace the
// clock). A loop is bounded by an attempt limit, a deadline, ctx.Done() or
// ctx.Err(), or a call that takes a context that can be done and whose
// error an if statement returns: limiter.Wait(ctx), or the send of a
// request built with the caller's context (http.NewRequestWithContext,
// req.WithContext, req.Clone, a helper given ctx) whose error is returned.
// A context.Background() or TODO() context never ends a loop.
//
// Not reported: calls in _test.go files; calls to other APIs (the model
// decides which calls reach Brex); a golang.org/x/time/rate limiter is not
// taken for 429 handling, but is no finding by itself.
//
// Out of reach (the check stays quiet): the job runner behind a 429
// signal (a scheduler that ignores ErrRateLimited is not seen); a 429
// signal returned from a helper the send's function calls (only the
// function's own returns are read); a context error that leaves the loop by
// break rather than return; a context kept in a package-level variable
// (taken as live); retries the model cannot follow (a
// loop that goes on whatever the status, such as a pagination loop, is not
// a retry; a condition the model cannot evaluate is given the benefit of
// the doubt); errors handed to code the model does not follow (a goroutine,
// an errgroup, a function literal not given to a retry library); clients
// built by functions of other packages without facts; a resty client that
// arrives as a parameter or is configured by another package, and a retry
// condition that reads the status without naming 429 (r.StatusCode() >=
// 500 is taken on trust); a retryablehttp client whose CheckRetry or
// RetryMax the program changes (any retryablehttp client is taken to retry
// 429); wrappers of another package whose base URL only their callers know
// to be Brex's are judged at the callers' calls; clients generated by
// oapi-codegen, whose operations send and hand the response to their
// Parse*Response inside the generated file: the Doer given to
// WithHTTPClient is not judged where it is passed in; clients generated by
// openapi-generator, whose Execute turns every status of 300 and above
// into an error after the send inside the generated file: neither the
// caller's handling of that error nor the configuration's HTTPClient is
// judged. A
// //brexlint:retries429 directive on a client, transport or helper teaches
// what analysis cannot see.
package ratelimit
