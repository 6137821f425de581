// Package oauthlib defines an Analyzer that reports hand-rolled OAuth token
// requests to Brex's authorization server.
//
// # Analyzer oauthlib
//
// oauthlib: report hand-rolled OAuth token requests to Brex's token endpoint instead of an OAuth 2.0 library
//
// Brex recommends that partners use an existing OAuth 2.0 library rather
// than write their own, and its launch checklist repeats it. Hand-written
// token code gets the details wrong: client authentication, the 3600-second
// access-token lifetime, and above all refresh-token rotation (Brex issues
// a new refresh token on every refresh, and the old one stops working).
//
// The check reports a POST to Brex's token endpoint
// (https://accounts-api.brex.com/oauth2/default/v1/token, its staging twin,
// or the legacy https://accounts.brex.com/oauth2/v1/token) made with
// net/http: http.PostForm, http.Post, the same methods of *http.Client, or
// http.NewRequest(WithContext) with method POST, whose URL folds to that
// endpoint (literals, named constants of any package, concatenations,
// fmt.Sprintf, url.JoinPath ...). The message names the grant_type when
// the body or the function shows it (authorization_code, refresh_token,
// client_credentials) and points to golang.org/x/oauth2's Config or
// clientcredentials.Config (oauthlib/hand-rolled-token-request).
//
// How to fix, by grant: for authorization_code, use golang.org/x/oauth2.Config
// with Brex's authorize and token URLs (Exchange, then TokenSource or
// Client); for client_credentials, use
// golang.org/x/oauth2/clientcredentials.Config with TokenURL set to Brex's
// token endpoint, and its TokenSource or Client; for refresh_token, use
// golang.org/x/oauth2's Config.TokenSource (it refreshes and returns the
// rotated refresh token) with Brex's endpoint URLs, and persist the tokens
// it returns.
//
// Bad:
//
//	form := url.Values{"grant_type": {"authorization_code"}, "code": {code}, ...}
//	resp, err := http.PostForm("https://accounts-api.brex.com/oauth2/default/v1/token", form)
//	var tok struct{ AccessToken string `json:"access_token"` }
//	json.NewDecoder(resp.Body).Decode(&tok)
//
// Good:
//
//	conf := &oauth2.Config{
//		ClientID:     os.Getenv("BREX_CLIENT_ID"),
//		ClientSecret: os.Getenv("BREX_CLIENT_SECRET"),
//		Endpoint: oauth2.Endpoint{
//			AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
//			TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
//		},
//		RedirectURL: redirectURL,
//		Scopes:      []string{"openid", "offline_access", ...},
//	}
//	tok, err := conf.Exchange(ctx, code)
//
// For the Onboarding API's client-credentials grant, use
// golang.org/x/oauth2/clientcredentials.Config with the same TokenURL.
//
// # Look-alikes left alone
//
// OAuth libraries themselves (golang.org/x/oauth2 posts grant_type too, and
// its packages get no findings), other providers' token endpoints, Brex's
// revocation endpoint (/v1/revoke) and discovery document, requests whose
// URL the package cannot see (from the environment or configuration), and
// _test.go files, generated files and Example functions.
//
// # What the check cannot see
//
// A token URL that reaches the request through a parameter of a helper
// (func post(url string, form url.Values)) or a struct field, requests sent
// through HTTP libraries other than net/http (resty, retryablehttp), and a
// library that is not golang.org/x/oauth2 but posts to Brex's token
// endpoint (its package would be reported: suppress with
// //brexlint:ignore oauthlib and the reason).
package oauthlib
