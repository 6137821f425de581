package a

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
)

const apiBase = "https://api.brex.com"

type Client struct {
	hc    *http.Client
	token string
}

type ExpensePage struct {
	NextCursor *string          `json:"next_cursor"`
	Items      []map[string]any `json:"items"`
}

// The old maximum, 1000, is now a 400 on List Expenses.
func (c *Client) expenses(ctx context.Context) (*ExpensePage, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, apiBase+"/v1/expenses?limit=1000", nil) // want `limit=1000 on GET /v1/expenses exceeds its maximum of 100, so Brex answers 400 Bad Request; use at most 100 and follow next_cursor`
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var page ExpensePage
	return &page, json.NewDecoder(resp.Body).Decode(&page)
}

func (c *Client) cardExpenses(ctx context.Context, cursor string) (*http.Response, error) {
	u := fmt.Sprintf("%s/v1/expenses/card?limit=%d&cursor=%s", apiBase, 500, cursor) // folded by fmt's rules
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)              // want `limit=500 on GET /v1/expenses/card exceeds its maximum of 100`
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// url.Values encoded into the request's query.
func (c *Client) users(ctx context.Context, cursor string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, apiBase+"/v2/users", nil)
	if err != nil {
		return nil, err
	}
	q := req.URL.Query()
	q.Set("limit", strconv.Itoa(5000)) // want `limit=5000 on GET /v2/users exceeds its maximum of 1000`
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	req.URL.RawQuery = q.Encode()
	return c.hc.Do(req)
}

func (c *Client) vendors(ctx context.Context) (*http.Response, error) {
	q := url.Values{"limit": {"2000"}} // want `limit=2000 on GET /v1/vendors`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, apiBase+"/v1/vendors?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// A base URL from the environment, a url.URL built in place.
func (c *Client) cards(ctx context.Context) (*http.Response, error) {
	u, err := url.Parse(os.Getenv("BREX_API_URL"))
	if err != nil {
		return nil, err
	}
	u.Path = "/v2/cards"
	q := url.Values{}
	q.Add("limit", "1001") // want `limit=1001 on GET /v2/cards`
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, apiBase+"/v2/cards?"+u.RawQuery, nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// A wrapper: the caller's path, limit included, is judged at the call.
func (c *Client) get(ctx context.Context, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, apiBase+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("brex: %s", resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func (c *Client) listTransfers(ctx context.Context) error {
	var page struct {
		Items []json.RawMessage `json:"items"`
	}
	return c.get(ctx, "/v1/transfers?limit=10000", &page) // want `limit=10000 on GET /v1/transfers`
}

// Look-alikes: within the maximum, not a limit, not a list, not Brex.

func (c *Client) withinLimits(ctx context.Context) {
	var page ExpensePage
	c.get(ctx, "/v1/expenses?limit=100", &page)
	c.get(ctx, "/v2/users?limit=1000", &page)
	c.get(ctx, "/v2/users?limit=50&cursor=abc", &page)
	c.get(ctx, "/v2/users?page_limit=5000", &page)
	c.get(ctx, "/v2/users/me?limit=5000", &page)                           // not a list endpoint
	c.get(ctx, "/v1/expenses/card/123?limit=5000", &page)                  // not a list endpoint
	c.get(ctx, "/v2/accounts/cash?limit=5000", &page)                      // a list that documents no limit
	http.Get("https://api.stripe.com/v1/charges?limit=5000")               // not Brex
	http.Get("https://example.com/v1/expenses?limit=5000")                 // not Brex
	c.get(ctx, "/v2/users?cursor=x#limit=5000", &page)                     // a fragment
	c.get(ctx, fmt.Sprintf("/v1/expenses?limit=%d", pageSize(ctx)), &page) // unknown value
}

func pageSize(ctx context.Context) int { return 100 }

// A limit after a hole in its parameter: the hole may end inside the
// value of another parameter (name=<hole>limit=5000 names no limit), or
// hold the parameter's name itself, so the check stays quiet.
func (c *Client) afterHole(ctx context.Context) {
	var page ExpensePage
	c.get(ctx, "/v1/vendors?name="+searchTerm(ctx)+"limit=5000", &page)
	c.get(ctx, "/v1/expenses?"+searchTerm(ctx)+"limit=5000", &page)
	c.get(ctx, fmt.Sprintf("/v2/users?email=%slimit=%d", searchTerm(ctx), 5000), &page)
}

func searchTerm(ctx context.Context) string {
	s, _ := ctx.Value(searchKey{}).(string)
	return s
}

type searchKey struct{}

// A literal "&" after a hole starts a parameter of its own: its limit is
// the request's whatever the hole holds.
func (c *Client) afterFilter(ctx context.Context) {
	var page ExpensePage
	c.get(ctx, fmt.Sprintf("/v2/users?%s&limit=%d", searchTerm(ctx), 5000), &page) // want `limit=5000 on GET /v2/users exceeds its maximum of 1000`
	u := "/v2/cards?" + searchTerm(ctx)
	u += "&limit=2000"
	c.get(ctx, u, &page) // want `limit=2000 on GET /v2/cards exceeds its maximum of 1000`
}

// A caller-chosen limit inside a wrapper: judged at the caller's call.
func (c *Client) expensesPage(ctx context.Context, limit int) error {
	var page ExpensePage
	return c.get(ctx, "/v1/expenses?limit="+strconv.Itoa(limit), &page)
}

// url.Values that never reach the request.
func (c *Client) unrelatedValues(ctx context.Context) (*http.Response, error) {
	form := url.Values{}
	form.Set("limit", "5000")
	_ = form.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, apiBase+"/v2/users", nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}
