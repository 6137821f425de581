// Package idempotencykey defines an Analyzer that reports Brex calls to
// endpoints that require an Idempotency-Key when the key is missing, shared,
// collision-prone, or made anew on each retry.
//
// # Analyzer idempotencykey
//
// idempotencykey: report Brex calls to endpoints that require an Idempotency-Key sent without one, with a constant or colliding key, or with a fresh key per retry
//
// Brex's launch checklist asks for a random Idempotency-Key on Create
// transfer and Create card. A request that times out may still have been
// executed: the client cannot know, so it retries, and without a key (or with
// a new one) Brex executes it twice: a vendor is paid twice, a second card is
// issued. With one key per operation, reused on every retry, Brex executes
// the first request and answers the retries with its result.
//
// The endpoints are those the Brex API catalogue (internal/brexapi) marks as
// requiring the key: POST /v1/transfers, POST /v2/cards, POST /v1/vendors,
// POST /v1/incoming_transfers, spend-limit and budget writes, webhook
// subscriptions, custom fields, and more. For each Brex request to one of
// them (see internal/brexmodel for how a request is known to reach Brex,
// including through wrappers in other packages, base URLs in struct fields
// and URL variables assigned more than once), the check reports:
//
//   - no Idempotency-Key set on a request that is sent
//     (idempotencykey/missing-key). The header counts in any spelling that
//     http.CanonicalHeaderKey maps to Idempotency-Key, set with Header.Set
//     or Add, by assigning req.Header[...], by a helper the model knows sets
//     it, or inside a wrapper from the caller's argument. Keys travel the
//     way real clients carry them: a header map handed to a wrapper that
//     copies it onto the request (doJSON(ctx, c, "POST", "/v1/budgets",
//     body, map[string]string{"Idempotency-Key": uuid.NewString()}), with
//     for k, v := range headers { req.Header.Set(k, v) } or
//     req.Header = hdr), as a literal or a local map or http.Header filled
//     before the call; or a field of an options struct
//     (&RequestOptions{IdempotencyKey: key}, or a local variable built
//     from one literal whose field is set before the call) that the
//     wrapper puts in the header. A map the model cannot read (a
//     parameter, one built elsewhere) may hold the key, and the request is
//     not reported; an options literal that leaves the field out, or nil,
//     sends none;
//   - http.Post, http.PostForm or the (*http.Client) methods of those names
//     to such an endpoint: they cannot carry the header
//     (idempotencykey/no-header-support);
//   - a constant key: a literal, a named constant, an unexported
//     package-level variable never reassigned, or uuid.NewMD5/NewSHA1 of
//     constants. Every request then shares one key, and Brex drops all but
//     the first (idempotencykey/constant-key). A random key made once when
//     the process starts (var runKey = uuid.NewString(), or set in init or
//     in main) and shared by every request is a constant in effect and is
//     reported the same way, unless each request adds a part of its own
//     (runKey + "-" + transfer.ID);
//   - a key made only from the clock (time.Now().UnixNano(), ...), from a
//     math/rand source seeded with a constant or the time, or from a small
//     random range (rand.Intn(1000)): concurrent requests collide
//     (idempotencykey/colliding-key). The top-level math/rand functions that
//     produce 63 or 64 bits are randomly seeded since Go 1.20 and are not
//     reported;
//   - a key made inside a retry loop that re-sends the request, or inside a
//     function literal given to a retry helper (cenkalti/backoff v4 and v5,
//     avast/retry-go, sethvargo/go-retry, or the integration's own helper
//     in any package: a function that calls its function parameter in a
//     loop that goes on after an error, such as retryutil.Do(ctx, 3,
//     func(ctx context.Context) error { ... })), directly or through a
//     local variable (op := func() ...; backoff.Retry(ctx, op)): each
//     attempt carries a new key, which defeats the key
//     (idempotencykey/key-per-attempt). A range over a collection (a fresh
//     key per item is right), a loop over a ticker's channel (it runs
//     whatever the outcome), a loop that takes its next item from a
//     channel (id := <-ids) or an iterator (for rows.Next(), for
//     sc.Scan()) and a helper that calls its function once per item and
//     stops at the first error (a for-each or pagination helper) are not
//     retries;
//   - a retry around a function that makes a new key on every call
//     (idempotencykey/key-per-attempt, at the call in the retry): a
//     function, of this package or another, that sets a random key it makes
//     itself on a request it sends (c.CreateTransfer(ctx, t) with
//     uuid.NewString() inside), or that calls such a function once, or a
//     wrapper that makes its own key, called again by a caller's retry loop
//     or retry helper after a failure, with the same arguments (a worker
//     loop that takes a new job each time, job := <-jobs, makes another
//     operation per call, not a retry). The function is right when it is
//     called once per operation; the fix is to make the key before the
//     retry and pass it in.
//
// With -idempotencykey.optional, a sent request without a key to an
// endpoint where the key is optional is reported too
// (idempotencykey/optional-key).
//
// Each message says what is wrong and where, why in one clause, and what
// to do; the long form of each is here:
//
//   - missing-key: set the header to a key made once per operation
//     (crypto/rand.Text(), or one stored with the operation). Through a
//     wrapper ("sent through F without an Idempotency-Key"), pass such a
//     key and set it in the wrapper.
//   - no-header-support: build the request with http.NewRequestWithContext
//     and set the header from crypto/rand.Text(); a retried request would
//     otherwise create a second object.
//   - constant-key: make a key per operation (crypto/rand.Text(), or
//     derived from the operation's own ID); Brex ignores all but the first
//     request with a key.
//   - colliding-key: use crypto/rand.Text() or the operation's own ID;
//     Brex drops one of two concurrent requests with the same key as a
//     repeat.
//   - key-per-attempt: make the key once, before the loop; with a new key
//     per attempt Brex executes every retry of a timed-out request.
//   - optional-key: set one from crypto/rand.Text() (or a stored business
//     key) so that a retry cannot apply the change twice.
//
// Bad:
//
//	req, _ := http.NewRequestWithContext(ctx, "POST", "https://api.brex.com/v1/transfers", body)
//	req.Header.Set("Idempotency-Key", strconv.FormatInt(time.Now().UnixNano(), 10))
//
// Good:
//
//	key := "payout-" + invoice.ID // or rand.Text(), stored with the payout
//	for attempt := 0; attempt < 5; attempt++ {
//		req, _ := http.NewRequestWithContext(ctx, "POST", "https://api.brex.com/v1/transfers", body())
//		req.Header.Set("Idempotency-Key", key)
//		...
//	}
//
// Keys from crypto/rand (rand.Text, rand.Read), random UUIDs (google/uuid
// New, NewString, NewRandom, NewV7; gofrs/uuid NewV4, NewV7), functions taught
// //brexlint:random, and keys derived from the operation's own identifier
// ("payout-" + invoice.ID: the stored key Brex recommends) are good. A key
// on GET or DELETE is useless but harmless.
//
// The suggested fix for a missing key sets it from crypto/rand.Text() right
// after the request is built (after its error check). It is offered only
// when the file's Go version is at least 1.24, the request is not built
// inside a retry loop, its function is not called inside a retry loop of
// the package (in both cases the fix would create the per-attempt bug),
// and a name for crypto/rand is free (rand, else crand when math/rand
// holds the name). A key made where the request is built is new on every
// call of the function: the fix is right for a function called once per
// operation, and creates the per-attempt bug when a caller in another
// package retries the function. The fix cannot see those callers; once
// applied, the function carries a fact that makes this check report their
// retries, and the fix's own description says so.
//
// Helpers of other packages are judged by what they return: the Brex model
// exports a value fact for each exported function whose result entropy can
// classify (ids.NewKey() built on crypto/rand is good, ids.TimeKey() built
// on the clock collides), and for a key a wrapper or header helper makes
// itself, whether it makes it inside its own retry loop; the finding then
// lands at the caller's call of the wrapper.
//
// Operations of clients generated by oapi-codegen are judged where the
// program calls them: the key travels in the params struct
// (c.CreateTransferWithResponse(ctx, &CreateTransferParams{IdempotencyKey:
// k}, body)), and a params struct without it is a missing key. The
// client's server travels with it (a local, a struct field set in the
// constructor, a constructor function of this package or another), so a
// generated client of another API with Brex's paths stays quiet. The
// operations of clients generated by openapi-generator's go generator are
// judged at the caller too: the key
// is what the request builder's IdempotencyKey setter is given along the
// chain (client.TransfersAPI.CreateTransfer(ctx).IdempotencyKey(k).
// CreateTransferRequest(b).Execute()), or along the definitions of a
// builder variable in the function (req = req.IdempotencyKey(k) behind an
// if); a chain without the setter is a missing key. A builder passed in as
// a parameter, kept in a field or made by a helper of the program has a
// key of unknown value, and a key put
// in the configuration's DefaultHeader (cfg.AddDefaultHeader) is not read.
//
// Out of reach: a generated client whose server the model cannot fold (a
// field set in another package or from a constructor's parameter), whose
// operations are checked only on a path that Brex alone serves; a request that leaves the function unsent (stored, put on a
// queue) may get its key elsewhere, so it is not reported; headers set by
// functional options (WithIdempotencyKey(k) returning a func(*http.Request))
// and options structs given to another call or method before the wrapper
// (fill(opts), opts.SetKey(k)) or assigned more than once are not read,
// and their keys are assumed good; a key made at start-up and kept in a
// struct field (a client built once with its key) is not seen as shared; a
// key generator the program passes around is not followed: a function-typed
// field or parameter (newKey func() string) called inside the retried
// function literal, and a retry helper that calls the generator it is given
// on every attempt rather than once before its loop, make a new key per
// attempt unseen (the same generator called once before the retry, or
// handed to a helper that calls it once, is right and stays quiet); a retry
// around a function of a package without facts, a retry by a job runner
// that re-runs a failed job, and a chain of more than eight calls between
// the retry and the function that makes the key are not seen; a key whose
// source the analysis cannot see (a parameter, a field, a call into code it
// does not model) is assumed good, and so is a helper in a package that
// imports no value generator (crypto/rand, math/rand, time, sync/atomic,
// the UUID packages), whose functions the model does not classify, or in a
// file of another module that brexlint's own driver loads without bodies
// (one that neither imports net/http nor mentions Brex; go vet -vettool
// still classifies it); requests in _test.go files are not
// checked. Requests made with retryablehttp and resty are checked like
// net/http's (a resty key set with SetHeader or SetHeaders along the
// chain, on the request or on the client counts); a key that resty
// middleware (OnBeforeRequest) sets is not seen, and a missing key on a
// resty request gets no suggested fix.
package idempotencykey
