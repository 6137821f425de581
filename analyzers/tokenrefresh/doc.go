// Package tokenrefresh defines an Analyzer that reports Brex OAuth tokens
// that are never refreshed, refreshes whose rotated refresh token is lost,
// and access tokens cached longer than they live.
//
// # Analyzer tokenrefresh
//
// tokenrefresh: report Brex OAuth tokens used without refresh, refreshed tokens that are never persisted, hand-written refreshes that drop the new refresh token, and access tokens cached longer than 3600 s
//
// A Brex partner's access token expires 3600 s after it is issued, and
// every refresh returns a new refresh token that replaces the old one:
// Brex rotates it, so the old one no longer works. An integration that
// keeps the first access token works for an hour; one that refreshes but
// does not persist the new refresh token works until its first restart,
// then loses every customer connection. Brex's partner launch checklist
// asks for both: refresh when the token expires, and always rotate the
// refresh token. Both failures surface only in production.
//
// The check applies to Brex flows: tokens from an exchange with an
// oauth2.Config on a Brex auth host (accounts-api.brex.com, its staging
// twin, or the legacy accounts.brex.com), from a helper that does one, or
// from a request to Brex's token endpoint; and Config.Client or
// Config.TokenSource calls on a Brex configuration. Configurations and
// helpers of other packages are known through the Brex model's facts.
// It reports:
//
//   - a Brex token kept beyond the request that obtained it and used
//     through oauth2.StaticTokenSource or a literal Authorization header
//     (Header.Set/Add, Header["Authorization"], Token.SetAuthHeader), with
//     no refresh on its path (tokenrefresh/static-token). Kept means read
//     from a struct field, package variable, map or sync.Map into which
//     the package stores tokens (or access tokens) from a Brex exchange,
//     or returned by a function that reads one; or, for a token fresh
//     from the exchange, a static source (or the client, transport or
//     struct built from it) that is stored in a field, package variable or
//     map, run by a goroutine that loops, or used in a polling loop (one
//     that sleeps or waits on a timer);
//   - Config.Client(ctx, tok) on a Brex configuration over a stored token:
//     a field, package variable, map element, a token decoded from JSON or
//     gob, a token rebuilt from parts (&oauth2.Token{AccessToken: row.A,
//     RefreshToken: row.R}), the result of a function that returns one, or
//     the result of a token store's loading method (a method that returns
//     a token without taking one, of an interface or type with another
//     method that takes a token: Load beside Save, whatever the names).
//     The client refreshes inside, where the new tokens cannot be read
//     back (tokenrefresh/unpersisted-refresh);
//   - Config.TokenSource(ctx, tok) over such a token when the source's
//     refreshed tokens are never read back and persisted: its only uses
//     are oauth2.NewClient, ReuseTokenSource, an oauth2.Transport, and
//     Token() calls whose result is used for its access token, type,
//     expiry or header (tokenrefresh/unpersisted-refresh);
//   - a hand-written refresh (grant_type=refresh_token to Brex's token
//     endpoint) whose response is decoded into a type with an
//     access_token that is read, and no refresh_token field, or one that
//     nothing reads, or a map whose "refresh_token" is never read
//     (tokenrefresh/dropped-refresh-token);
//   - a Brex access token kept with a lifetime longer than expires_in: an
//     expiry of time.Now().Add(d) with a constant d over 3600 s stored with
//     it (in the same struct literal, an oauth2.Token's Expiry, or another
//     field of the same value), or a go-cache or go-redis Set with such a
//     lifetime; or kept with no expiry at all: a go-cache NoExpiration or
//     go-redis 0 lifetime, a cache field tested only for emptiness
//     (if c.token != "" { return c.token }) in a function that fills it
//     from the token endpoint and never looks at an expiry, or a token
//     rebuilt from stored parts without Expiry for Config.Client or
//     TokenSource, which x/oauth2 takes for "never expires" and never
//     refreshes (tokenrefresh/cache-lifetime).
//
// Helpers count: a function whose token parameter reaches one of these
// uses (func ClientFor(ctx, tok) *http.Client { return conf.Client(ctx,
// tok) }), in this package or another, is judged at each call with the
// caller's token, and the finding lands at the call.
//
// How to fix each finding:
//
//   - static-token: a stored token fails every call an hour after the
//     customer connected, a kept token from the exchange an hour later. Use
//     the Brex oauth2.Config's TokenSource over the token (and persist the
//     refreshed token it returns).
//   - unpersisted-refresh, dropped-refresh-token: Brex rotates the refresh
//     token on every refresh, so the stored one is dead after the first
//     refresh and the customer's connection is lost at the next restart.
//     Use Config.TokenSource, wrap it in a TokenSource that saves each new
//     token (or call Token() and save the result when it changed), and
//     build the client with oauth2.NewClient; in a hand-written refresh,
//     decode refresh_token too and store it in place of the old one.
//   - cache-lifetime: every call fails between the token's expiry and the
//     cache's, or once it expires when it is kept with no expiry. Take the
//     lifetime from the token response's expires_in (oauth2.Token.Expiry),
//     or keep the cached value at most 3600 s, minus a margin, and refresh
//     when it has passed.
//
// Bad:
//
//	func (s *Server) client(ctx context.Context, company string) *http.Client {
//		tok := s.db.Token(company) // stored at the callback
//		return brexConf.Client(ctx, tok) // refreshes inside; the new refresh token is lost
//	}
//
// Good:
//
//	type savingSource struct {
//		base oauth2.TokenSource
//		save func(*oauth2.Token) error
//	}
//
//	func (s *savingSource) Token() (*oauth2.Token, error) {
//		t, err := s.base.Token()
//		if err == nil {
//			err = s.save(t) // the new access token and the new refresh token
//		}
//		return t, err
//	}
//
//	func (s *Server) client(ctx context.Context, company string) *http.Client {
//		tok := s.db.Token(company)
//		src := &savingSource{base: brexConf.TokenSource(ctx, tok), save: s.db.Saver(company)}
//		return oauth2.NewClient(ctx, oauth2.ReuseTokenSource(tok, src))
//	}
//
// # Look-alikes left alone
//
// A token used right after the exchange in the request that obtained it
// (oauth2.StaticTokenSource(tok) or Config.Client(ctx, tok) for a few
// calls); a token stored and used later through a source whose refreshed
// tokens are persisted (a wrapper type or function the source is handed
// to, a Token() result that is stored, returned or given to a function);
// a stored token whose function checks its expiry (Valid, Expiry) or
// refreshes; a slot into which the package also stores refreshed tokens.
// Customer user tokens (bxt_…) from the environment in a
// StaticTokenSource or a header: they are not OAuth tokens and do not
// expire while used. Other providers' flows (Google does not rotate
// refresh tokens) and flows whose endpoints the package cannot see.
// clientcredentials clients (they refresh by themselves). Lifetimes taken
// from expires_in, and constant ones of at most 3600 s. _test.go files,
// generated files and Example functions.
//
// # What the data flow does not follow
//
// Origins are followed through local variables defined once, the
// package's functions (their parameters and returns) and facts on
// functions and on the fields and package variables that hold tokens. Not
// followed: tokens stored by one package into a database and read back by
// another that does not import it (the reading side sees an unknown
// token, unless it loads it from a token store as above), loads through
// function values,
// variables assigned more than once, tokens passed through channels, a
// Token() result used in another function, a static client built over a
// fresh token and returned to a caller that keeps it (a helper whose token
// parameter becomes the static source is followed: its caller's token and
// what the caller does with the result decide), refreshes done by a
// middleware or another process, and
// responses of hand-written refreshes decoded in another function. A
// token whose origin is not known is not reported. A function that
// compares any times (time.Until, Before, After) counts as checking the
// expiry.
package tokenrefresh
