// Package pagelimit defines an Analyzer that reports a limit query
// parameter above the maximum a Brex list endpoint accepts.
//
// # Analyzer pagelimit
//
// pagelimit: report a limit query parameter above the maximum a Brex list endpoint accepts (100 on List Expenses, 1000 elsewhere)
//
// Brex's list endpoints take cursor and limit and answer a limit above
// their maximum with 400 Bad Request (developer.brex.com/docs/pagination).
// The maximum is 1000, except on the List Expenses endpoints (GET
// /v1/expenses and the deprecated GET /v1/expenses/card), where Brex
// lowered it from 1000 to 100 in February 2026 (the API changelog): code
// that asked for 1000 expenses a page worked for years and now fails on
// every call. The maxima and their sources live in the endpoint catalogue
// (internal/brexapi, Endpoint.Page).
//
// The check reports a Brex request to a catalogued list endpoint whose
// limit is a constant above the endpoint's maximum: in the folded URL
// ("?limit=1000", fmt.Sprintf("?limit=%d", 1000), a wrapper's path
// argument at its caller), or set on a url.Values of the same function
// (Set, Add, a url.Values{"limit": {...}} literal; a string constant or
// strconv.Itoa, strconv.FormatInt, fmt.Sprint of a constant) whose Encode()
// goes into the request: inside the call that names the endpoint, or into
// a variable or field that call uses or that holds the request
// (req.URL.RawQuery = q.Encode()). Its category is pagelimit/over-maximum.
//
// Bad:
//
//	q := req.URL.Query()
//	q.Set("limit", "1000") // GET /v1/expenses: 400 since February 2026
//	req.URL.RawQuery = q.Encode()
//
// Good: ask for at most the maximum and follow next_cursor.
//
//	const expensesPageSize = 100 // Brex's maximum on List Expenses
//	q.Set("limit", strconv.Itoa(expensesPageSize))
//	if cursor != "" {
//		q.Set("cursor", cursor)
//	}
//
// There is no suggested fix: lowering the limit of code that does not
// follow next_cursor would turn a loud 400 into silently missing items (the
// pagination check reports that code).
//
// Not reported: limits within the maximum; endpoints that are not lists
// or document no limit (GET /v2/accounts/cash); other APIs; a limit in a
// fragment, or after a hole in its own parameter ("?name="+s+"limit=5000",
// "?"+s+"limit=5000": the hole may end inside another parameter's value;
// a literal "&" after a hole starts a parameter that is judged); requests
// in _test.go files.
//
// Out of reach (the check stays quiet): a limit whose value is not a
// constant here (a variable, a configuration field, a function result, or
// a parameter of a function that calls a wrapper, when its own caller
// passes the constant: only one level of wrapper is resolved); a
// url.Values built in another function or held in a struct field; a limit
// set by a generated client's options; endpoints the catalogue does not
// know (a future list endpoint is judged only once the catalogue has it).
package pagelimit
