// Package webhooksignature defines an Analyzer that reports Brex webhook
// receivers that do not verify what Brex signs.
//
// # Analyzer webhooksignature
//
// webhooksignature: report Brex webhook receivers that skip or botch the verification of the Webhook-Signature HMAC
//
// Brex webhooks move money and people: TRANSFER_PROCESSED and
// TRANSFER_FAILED, USER_UPDATED, expense payments, referrals. A receiver
// that does not verify the signature lets anyone who finds its URL mark a
// payout failed or a user offboarded. Brex signs every delivery with the
// Standard Webhooks scheme: the headers Webhook-Id, Webhook-Timestamp and
// Webhook-Signature (a space-separated list of "v1,<base64>" entries; more
// than one during a key rotation); HMAC-SHA256 over
// "{Webhook-Id}.{Webhook-Timestamp}.{raw body}", keyed by the
// base64-decoded signing secret (a whsec_ prefix stripped); any entry
// under any of the secrets that GET /v1/webhooks/secrets returns (two
// during a rotation) is valid; the timestamp is checked against the clock
// to refuse replays. This is a check beyond Brex's launch checklist: the
// checklist report shows it as webhook-signatures, in its own group.
//
// A Brex webhook receiver is a function that takes an *http.Request (a
// handler of net/http, chi, gorilla/mux), a *gin.Context (gin) or an
// echo.Context (echo v4), in a package that receives Brex webhooks (it
// decodes a request body into a
// type with a field that takes Brex event values, as strictdecode
// recognises them, or fetches GET /v1/webhooks/secrets from Brex), and
// that reads a Standard Webhooks header or decodes a Brex payload. What
// it does includes what the functions it calls do, in its package or,
// through facts, in others (a verification helper package), with their
// parameters replaced by its arguments (see internal/webhookmodel). For gin
// and echo the context stands for the request: gin's c.Request and
// echo's c.Request() are the request, gin's c.GetRawData() the raw body,
// gin's c.GetHeader(name) a header, and the binds (gin's ShouldBindJSON,
// ShouldBind, BindJSON, Bind, the *With binds given binding.JSON ...;
// echo's c.Bind) decode the body like json.Unmarshal does (a bind of the
// query, c.ShouldBindQuery or c.ShouldBindWith(&f, binding.Query), reads
// no body).
//
// The check reports:
//
//   - a receiver that decodes the payload and verifies no HMAC, neither
//     itself nor through what it calls, nor through a middleware of the
//     package it is handed to (requireSignature(handle)) or a caller that
//     verifies, nor, for a gin or echo handler, through a verifying
//     middleware of the package (of the same framework, or a net/http
//     middleware adapted with echo.WrapMiddleware)
//     (webhooksignature/unverified);
//   - a MAC compared with the signature header, or a part of it, with
//     ==, !=, bytes.Equal, bytes.Compare,
//     strings.EqualFold, strings.Compare, reflect.DeepEqual or
//     slices.Equal instead of hmac.Equal or subtle.ConstantTimeCompare
//     (webhooksignature/variable-time-compare);
//   - a MAC computed over the output of json.Marshal instead of the raw
//     body (webhooksignature/reserialised-body), or over the raw body
//     without Webhook-Id and Webhook-Timestamp (webhooksignature/body-only);
//   - a receiver that verifies but never reads the clock (time.Now,
//     time.Since, time.Until, or a clock of its own that returns a
//     time.Time), itself, through what it calls or in the middleware
//     that wraps it (webhooksignature/no-timestamp-check);
//   - a MAC compared with the Webhook-Signature header taken as one
//     entry: the whole header, its "v1," prefix trimmed, or element 0 of
//     its split, instead of each entry of strings.Fields or a split on
//     spaces (webhooksignature/first-signature-only);
//   - a key made from element 0 of a list (secrets[0], Items[0].Secret):
//     only one secret is tried (webhooksignature/one-secret);
//   - a key converted from a string without base64-decoding
//     ([]byte(secret)) (webhooksignature/raw-secret), or base64-decoded
//     without removing a whsec_ prefix (webhooksignature/whsec-prefix;
//     the prefix is the convention of Svix, whose scheme Brex's matches,
//     and appears in Brex's 2026 schema example).
//
// The steps of a verification (key, signed content, comparisons) are
// judged in a receiver that compares a MAC with the Webhook-Signature
// header, and, in a receiver verified by a library, those of the library
// calls. A finding in a helper of another package is reported at the
// receiver's call, naming the helper.
//
// Accepted verifying libraries: the Standard Webhooks Go library
// (github.com/standard-webhooks/standard-webhooks/libraries/go, v1.3.0)
// and Svix's (package github.com/svix/svix-webhooks/go of the module
// github.com/svix/svix-webhooks, v1.44.0), which share one API:
// (*Webhook).Verify(payload, headers) verifies the signature over id,
// timestamp and payload, every v1 entry, in constant time, with a
// five-minute timestamp tolerance; VerifyIgnoringTimestamp does the same
// without the tolerance (reported as no-timestamp-check unless the
// receiver reads the clock); NewWebhook(secret) strips whsec_ and
// base64-decodes the secret; NewWebhookRaw(key) takes the key as given
// (reported as raw-secret when it is []byte of a string). Each verifier
// holds one key: build one per secret and accept a delivery that any
// verifies. The payload given to Verify must be the raw body.
//
// Bad:
//
//	func (s *server) brexWebhook(c *gin.Context) {
//		var ev brexEvent
//		if err := c.ShouldBindJSON(&ev); err != nil { // anyone can post this
//			c.AbortWithStatus(http.StatusBadRequest)
//			return
//		}
//		s.dispatch(c, ev)
//	}
//
//	func handle(w http.ResponseWriter, r *http.Request) {
//		body, _ := io.ReadAll(r.Body)
//		mac := hmac.New(sha256.New, []byte(os.Getenv("BREX_WEBHOOK_SECRET"))) // not decoded
//		mac.Write(body)                                                         // no id, no timestamp
//		want := "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
//		if r.Header.Get("Webhook-Signature") != want { // variable time, one entry
//			w.WriteHeader(http.StatusUnauthorized)
//			return
//		}
//		var ev Event
//		json.Unmarshal(body, &ev) // no timestamp check: replays accepted
//	}
//
// Good: verify by hand as below (this example is tested against the
// Standard Webhooks library's signatures), or with one of the libraries
// above.
//
//	// brexEvent is the part of a Brex webhook payload the receiver reads.
//	type brexEvent struct {
//		EventType  string `json:"event_type"`
//		TransferID string `json:"transfer_id"`
//	}
//
//	// tolerance is how far Webhook-Timestamp may be from the clock.
//	const tolerance = 5 * time.Minute
//
//	// verifyBrexWebhook checks a delivery against every secret that
//	// GET /v1/webhooks/secrets returned (two during a rotation).
//	func verifyBrexWebhook(secrets []string, h http.Header, body []byte, now time.Time) error {
//		id, ts := h.Get("Webhook-Id"), h.Get("Webhook-Timestamp")
//		sec, err := strconv.ParseInt(ts, 10, 64)
//		if err != nil {
//			return errors.New("bad Webhook-Timestamp")
//		}
//		if d := now.Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
//			return errors.New("stale Webhook-Timestamp")
//		}
//		for _, secret := range secrets {
//			key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
//			if err != nil {
//				continue
//			}
//			mac := hmac.New(sha256.New, key)
//			mac.Write([]byte(id + "." + ts + "."))
//			mac.Write(body) // the raw bytes, as received
//			want := mac.Sum(nil)
//			for _, entry := range strings.Fields(h.Get("Webhook-Signature")) {
//				version, sig, _ := strings.Cut(entry, ",")
//				got, err := base64.StdEncoding.DecodeString(sig)
//				if err == nil && version == "v1" && hmac.Equal(got, want) {
//					return nil
//				}
//			}
//		}
//		return errors.New("no valid Webhook-Signature")
//	}
//
//	// brexWebhookHandler verifies each delivery before acting on it.
//	func brexWebhookHandler(secrets func() []string, handle func(brexEvent)) http.HandlerFunc {
//		return func(w http.ResponseWriter, r *http.Request) {
//			body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
//			if err != nil {
//				http.Error(w, "unreadable body", http.StatusBadRequest)
//				return
//			}
//			if err := verifyBrexWebhook(secrets(), r.Header, body, time.Now()); err != nil {
//				http.Error(w, err.Error(), http.StatusUnauthorized)
//				return
//			}
//			var ev brexEvent
//			if err := json.Unmarshal(body, &ev); err != nil {
//				http.Error(w, "bad payload", http.StatusBadRequest)
//				return
//			}
//			switch ev.EventType {
//			case "TRANSFER_PROCESSED", "TRANSFER_FAILED":
//				handle(ev)
//			}
//			w.WriteHeader(http.StatusNoContent)
//		}
//	}
//
// With gin, verify in a middleware of the webhook routes that reads the
// raw body with c.GetRawData(), checks it as verifyBrexWebhook does (with
// c.Request.Header), puts it back (c.Request.Body =
// io.NopCloser(bytes.NewReader(body))) and calls c.Next(), or aborts with
// 401; with echo, in a MiddlewareFunc given to the route or group that
// does the same with c.Request().
//
// Not reported: receivers of other providers (GitHub's X-Hub-Signature-256,
// Stripe's Stripe-Signature, another provider's Standard Webhooks
// deliveries in a package that shows no Brex event type and fetches no
// Brex secrets); requests from the program's own users (no webhook
// header, no Brex event type); a handler exported by a package other than
// main that reads no webhook header (an importer may wrap it in a
// verifying middleware), which is not required to verify, as the gin and
// echo handlers below; a receiver that hands the request, its headers,
// its body or its signature to an interface method of the program or a
// function value (an injected verifier the check cannot see: it is taken
// to verify, and to check the clock); a gin or echo handler the package
// never registers (a package of handlers whose main registers them: it
// may put a verifying middleware before them), which is not required to
// verify, though the steps it does take are judged (a signature it
// compares with ==, a raw secret; not the clock, which the code wrapping
// it may check); a gin or echo handler of
// a package that calls a function of another package returning a
// middleware of that framework (brexauth.Verify(secret) returning a
// gin.HandlerFunc, an echo.MiddlewareFunc, a func(http.Handler)
// http.Handler given to echo.WrapMiddleware), unless that function's
// facts show it verifies nothing (a logging middleware that reads
// Webhook-Id); _test.go files and generated files.
//
// Out of reach (the check stays quiet): a net/http middleware of another
// package, or one registered in another function than the handler's (the
// check looks for the handler handed to a verifying function, or called
// by one); for gin and echo, which routes a verifying middleware is
// registered for (a middleware of the package, or one that a function of
// another package returns, is taken to cover every handler of its
// framework in the package when it verifies; one returned by an
// interface's method may verify and covers them too; a third-party
// middleware that reads no webhook header and computes no MAC, like
// gin-contrib's cors.Default(), has no fact and covers nothing); a gin middleware that binds the
// body and never calls c.Next() is taken for a handler and covers
// nothing (a middleware that binds is known by c.Next() or echo's
// next(c), since every handler refuses bad requests with c.Abort*());
// frameworks whose handlers take neither an
// *http.Request nor a gin or echo v4 context (fiber, fasthttp, echo v5),
// and handlers that take a type of the program embedding one (gorilla/mux,
// httprouter's HandlerFunc and chi take an *http.Request and are
// covered); the order of verification and use (a receiver that acts on the
// payload before it verifies passes); a MAC, key or signature held in a
// struct field, a package variable or a bytes.Buffer, or given to a
// function of another package that has no facts (an interface, a
// function value); secrets read from a single environment variable or a
// configuration (how many there are is not visible); a package that
// receives both Brex webhooks and another provider's Standard Webhooks
// deliveries treats them all as Brex's; in a receiver that verifies by
// hand, an HMAC computed for another purpose is judged as the webhook's,
// and a receiver that computes an HMAC for another purpose and verifies
// nothing counts as verifying.
package webhooksignature
