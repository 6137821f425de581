// Package flow is a Brex client written the way integrations write them:
// a base URL in a struct field with an option to override it, URLs
// assigned more than once, queries appended to paths.
package flow

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
)

const defaultBaseURL = "https://api.brex.com"

type Client struct {
	baseURL string
	hc      *http.Client
}

type Option func(*Client)

// WithBaseURL points the client at a sandbox or a test server.
func WithBaseURL(u string) Option { return func(c *Client) { c.baseURL = u } }

func NewClient(opts ...Option) *Client {
	c := &Client{baseURL: defaultBaseURL, hc: http.DefaultClient}
	for _, o := range opts {
		o(c)
	}
	return c
}

func (c *Client) do(ctx context.Context, method, path string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, body)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// get makes sure of the slash between the base URL and the path: it is
// still a wrapper whose callers name the endpoint.
func (c *Client) get(ctx context.Context, path string) (*http.Response, error) {
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+path, nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

func (c *Client) Limits(ctx context.Context, id string) {
	c.get(ctx, "/v1/budgets/"+id) // want `GET /v1/budgets/\{id\} is deprecated since Oct 2024`
	c.get(ctx, "/v2/spend_limits/"+id)
}

// Base URL in a field: the wrapper's callers name the endpoints.
func (c *Client) SetStatus(ctx context.Context, id string, body io.Reader) {
	c.do(ctx, http.MethodPut, "/v2/users/"+id+"/status", body) // want `PUT /v2/users/\{\}/status is not a documented Brex endpoint, beside /v2/users`
	c.do(ctx, http.MethodPut, "/v2/users/"+id, body)
}

// A query string concatenated to the path: matched on the path.
func (c *Client) CardsOf(ctx context.Context, userID string) {
	c.do(ctx, http.MethodGet, "/v1/cards?user_id="+userID, nil) // want `GET /v1/cards is not a documented Brex endpoint, where Brex documents cards only at v2`
	c.do(ctx, http.MethodGet, "/v2/cards?user_id="+userID, nil)
}

type page struct {
	NextCursor *string `json:"next_cursor"`
}

// A pagination loop that appends the cursor to the URL variable.
func (c *Client) CardExpenses(ctx context.Context) error {
	u := c.baseURL + "/v1/expenses/card?limit=100"
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil) // want `GET /v1/expenses/card is deprecated since May 2025 \(catalogue of Feb 2026\), so Brex may remove it; use GET /v1/expenses instead`
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			return err
		}
		var p page
		err = json.NewDecoder(resp.Body).Decode(&p)
		resp.Body.Close()
		if err != nil || p.NextCursor == nil {
			return err
		}
		u = fmt.Sprintf("%s&cursor=%s", u, url.QueryEscape(*p.NextCursor))
	}
}

// The base URL from the environment with a Brex default.
func StatusFromEnv(ctx context.Context, id string) (*http.Response, error) {
	base := os.Getenv("API_BASE_URL")
	if base == "" {
		base = "https://api.brex.com"
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, base+"/v2/users/"+id+"/status", nil) // want `PUT /v2/users/\{\}/status is not a documented Brex endpoint`
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// var base set in both branches of an if: production and staging.
func Budgets(ctx context.Context, prod bool, q url.Values) (*http.Response, error) {
	var base string
	if prod {
		base = "https://api.brex.com"
	} else {
		base = "https://api-staging.brex.com"
	}
	full := base + "/v1/budgets"
	if len(q) > 0 {
		full += "?" + q.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, full, nil) // want `GET /v1/budgets is deprecated since Oct 2024`
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// A url.URL parsed from the base URL, its Path set.
func (c *Client) Budget(ctx context.Context, id string) (*http.Response, error) {
	u, err := url.Parse(c.baseURL)
	if err != nil {
		return nil, err
	}
	u.Path = "/v1/budgets/" + id
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil) // want `GET /v1/budgets/\{id\} is deprecated since Oct 2024`
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// Look-alikes that stay quiet: the same shapes against another API.

type Payments struct {
	baseURL string
	hc      *http.Client
}

func NewPayments() *Payments {
	return &Payments{baseURL: "https://api.stripe.com", hc: http.DefaultClient}
}

func (p *Payments) do(ctx context.Context, method, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, p.baseURL+path, nil)
	if err != nil {
		return nil, err
	}
	return p.hc.Do(req)
}

func (p *Payments) Cards(ctx context.Context, customer string) {
	p.do(ctx, http.MethodGet, "/v1/cards?customer="+customer)
	p.do(ctx, http.MethodPost, "/v1/customers/"+customer+"/status")
}

// The undocumented-at-Brex sub-resource, on the look-alike host the
// constructor put in the field.
func (p *Payments) SetStatus(ctx context.Context, id string) {
	p.do(ctx, http.MethodPut, "/v2/users/"+id+"/status")
}

func (p *Payments) Card(ctx context.Context, id string) (*http.Response, error) {
	u, err := url.Parse(p.baseURL)
	if err != nil {
		return nil, err
	}
	u.Path = "/v1/cards/" + id
	return p.hc.Get(u.String())
}

func OtherFromEnv(ctx context.Context, id string) (*http.Response, error) {
	base := os.Getenv("PAYMENTS_URL")
	if base == "" {
		base = "https://api.stripe.com"
	}
	u := base + "/v1/cards?limit=10"
	for i := 0; i < 3; i++ {
		u += "&starting_after=" + id
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// The same as StatusFromEnv with another API's default host.
func OtherStatusFromEnv(ctx context.Context, id string) (*http.Response, error) {
	base := os.Getenv("API_BASE_URL")
	if base == "" {
		base = "https://api.directory.example.com"
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, base+"/v2/users/"+id+"/status", nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// The path differs between the branches: the endpoint is unknown, so
// nothing is said about it.
func Either(ctx context.Context, id string) (*http.Response, error) {
	p := defaultBaseURL + "/v2/users"
	if id != "" {
		p += "/" + id + "/status"
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, p, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}
