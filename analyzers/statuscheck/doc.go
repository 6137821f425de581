// Package statuscheck defines an Analyzer that reports Brex response bodies
// decoded before (or without) a look at the status code, and 401s from Brex
// Cash endpoints that the code treats as a bad credential.
//
// # Analyzer statuscheck
//
// statuscheck: report Brex response bodies decoded before or without a StatusCode check, and 401s from Brex Cash endpoints that lead to re-authentication
//
// Brex's error bodies ({"type", "message", "code"}) look nothing like the
// objects they stand in for. Decoded as data, an error becomes an empty
// page, a zero transfer, a card with no id; the failure surfaces far from
// its cause, and Brex's message and trace id are lost. Brex's launch
// checklist asks integrations to review error codes, and to anticipate
// insufficient scopes and permissions.
//
// The check reports:
//
//   - a Brex response body decoded into data (json.Decoder.Decode,
//     json.Unmarshal of the bytes read from it, or a helper that decodes
//     the body it is given) before any look at resp.StatusCode, or without
//     one (statuscheck/unchecked-decode). A look is a comparison or switch
//     on StatusCode (or Status), a status helper of the package given the
//     code, or a helper (of this package or, through the Brex model's
//     facts, another) that checks the response, such as a checkResponse
//     that returns an error for a non-2xx status. A wrapper that checks the
//     status before it returns the response counts too. Reading the raw
//     bytes first and checking the status before unmarshalling is fine;
//   - a 401 from a Brex Cash endpoint (/v2/accounts/cash*,
//     /v2/transactions/cash*, /v1/transfers*, /v1/vendors*) that leads to a
//     credential effect (statuscheck/cash-401-credential): the stored token
//     cleared or replaced (a variable or field read into the Authorization
//     header, an oauth2 token or token source), a refresh
//     (TokenSource.Token, Config.TokenSource), a revocation, a redirect to
//     authorize again, or a helper that does one of these. On these
//     endpoints 401 means Brex Cash is not enabled for the account or the
//     user's role lacks access, not that the token is bad: re-authenticating
//     cannot fix it, and a refresh-and-retry loops. The finding lands at the
//     effect; the effect must follow from the 401 (it is reached when the
//     status is 401 and not when it is 200), in the function that sends, or
//     after an error that carries the status (errors.As to an error type
//     whose status field the package fills from resp.StatusCode).
//     Operations of clients generated from Brex's specs count where the
//     program calls them (their files are skipped as generated): with
//     oapi-codegen, resp.StatusCode() or resp.HTTPResponse.StatusCode of
//     c.CreateTransferWithResponse(ctx, ...), or the *http.Response of
//     c.CreateTransfer(ctx, ...); with openapi-generator, the httpResp of
//     _, httpResp, err := api.TransfersAPI.CreateTransfer(ctx).Execute(),
//     and its error, which Execute returns at any status of 300 and up. A
//     token given to openapi-generator's client as
//     context.WithValue(ctx, brex.ContextAccessToken, c.token) is a stored
//     credential: the generated code sends that context value as the
//     Authorization header (the model's CredentialKeyFact).
//
// Each message says what is wrong and where, why in one clause, and what
// to do; the long form of each is here:
//
//   - "the body of ENDPOINTS is decoded before any check of
//     resp.StatusCode", "F decodes the body of ENDPOINTS before ..."
//     (unchecked-decode): a Brex error body ({type, message, code}) then
//     reads as data (an empty page, a zero value). Check StatusCode first
//     and decode a non-2xx body into an error that keeps Brex's type,
//     message, code and the X-Brex-Trace-Id header.
//   - "401 from ENDPOINTS (a Brex Cash endpoint) E here", where E is the
//     credential effect (cash-401-credential): on Brex Cash endpoints 401
//     means Brex Cash is not enabled for the account or the user's role
//     lacks access, not a bad token. Report the missing access (Brex's
//     error message) instead of re-authenticating.
//
// A message names at most two endpoints; the finding's related
// information then names every one, as "endpoint: GET /v1/expenses".
//
// Bad:
//
//	resp, err := c.hc.Do(req)
//	if err != nil {
//		return nil, err
//	}
//	defer resp.Body.Close()
//	var page ExpensesPage
//	err = json.NewDecoder(resp.Body).Decode(&page) // an error body reads as an empty page
//
// Good: check the status first, and keep what Brex says about an error.
//
//	// APIError is a non-2xx response from Brex: its error body, and the
//	// trace id that Brex support asks for.
//	type APIError struct {
//		StatusCode int
//		Type       string `json:"type"`
//		Message    string `json:"message"`
//		Code       string `json:"code"`
//		TraceID    string `json:"-"` // the X-Brex-Trace-Id header
//	}
//
//	func (e *APIError) Error() string {
//		return fmt.Sprintf("brex: %d %s: %s (code %s, trace %s)", e.StatusCode, e.Type, e.Message, e.Code, e.TraceID)
//	}
//
//	func checkResponse(resp *http.Response) error {
//		if resp.StatusCode/100 == 2 {
//			return nil
//		}
//		e := &APIError{StatusCode: resp.StatusCode, TraceID: resp.Header.Get("X-Brex-Trace-Id")}
//		_ = json.NewDecoder(io.LimitReader(resp.Body, 1<<16)).Decode(e) // best effort
//		return e
//	}
//
//	if err := checkResponse(resp); err != nil {
//		return nil, err
//	}
//	var page ExpensesPage
//	err = json.NewDecoder(resp.Body).Decode(&page)
//
// and on a Brex Cash endpoint, report a 401 as missing access:
//
//	if apiErr.StatusCode == http.StatusUnauthorized {
//		return fmt.Errorf("Brex Cash is not enabled for this account, or your role cannot use it: %w", apiErr)
//	}
//
// Not reported: decodes in _test.go files; responses of other APIs (the
// Brex model decides which calls reach Brex, following base URL fields,
// env fallbacks and pagination URLs: see internal/urlfold; a client
// generated from another API's spec with Brex's paths, or Brex's generated
// client pointed at a mock server, is that server's); decodes of files and of
// requests the program receives; a 401 from an endpoint that is not Brex
// Cash's, where a bad or expired token is a possible cause.
//
// Out of reach (the check stays quiet): a response, body or error stored in
// a struct field, map or channel and decoded elsewhere; a wrapper of
// another package whose base URL only its callers know to be Brex's
// decodes inside (it is judged at its callers' calls only when it does
// not check the status, per its facts); a 401 that reaches the credential
// effect through more than one function returning errors; for generated
// clients, what the model's doc.go lists as out of reach (a server it
// cannot fold, with a path Brex shares with other APIs; the
// *http.Response of Execute returned by a helper as a second result), a
// token held only by a securityprovider or another package's request
// editor; the body of the *http.Response that openapi-generator's
// Execute returns, decoded again by the program (Execute has decoded it
// into its result, and returns an error at every status of 300 and up).
// With resty,
// resp.StatusCode(), IsError() and IsSuccess() are status checks and
// resp.Body() is the body; SetResult is no finding (resty decodes only a
// 2xx body into it); a resty client configured in another package is
// judged only when the URL says Brex.
package statuscheck
