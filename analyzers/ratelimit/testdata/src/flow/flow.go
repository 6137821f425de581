// Package flow sends Brex requests whose URLs are assigned more than once
// or built from a base URL field: the sends must be seen as Brex sends.
package flow

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
)

type Client struct {
	base string
	hc   *http.Client
}

type Option func(*Client)

func WithBase(u string) Option { return func(c *Client) { c.base = u } }

func New(opts ...Option) *Client {
	c := &Client{base: "https://api.brex.com", hc: http.DefaultClient}
	for _, o := range opts {
		o(c)
	}
	return c
}

type page struct {
	Items      []json.RawMessage `json:"items"`
	NextCursor string            `json:"next_cursor"`
}

// One page of a listing: the cursor is appended to the URL behind an if.
// (The loop over the pages is the caller's: a loop around the send that
// goes on whatever the status is given the benefit of the doubt.)
func (c *Client) usersPage(ctx context.Context, cursor string) (*page, error) {
	u := c.base + "/v2/users?limit=100"
	if cursor != "" {
		u += "&cursor=" + cursor
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req) // want `429 from GET /v2/users is not retried \(client: http.DefaultClient\)`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var p page
	return &p, json.NewDecoder(resp.Body).Decode(&p)
}

func (c *Client) Users(ctx context.Context) ([]json.RawMessage, error) {
	var all []json.RawMessage
	cursor := ""
	for {
		p, err := c.usersPage(ctx, cursor)
		if err != nil {
			return nil, err
		}
		all = append(all, p.Items...)
		if p.NextCursor == "" {
			return all, nil
		}
		cursor = p.NextCursor
	}
}

// The base URL from the environment, with the Brex host as default.
func Departments(ctx context.Context) error {
	base := os.Getenv("API_URL")
	if base == "" {
		base = "https://api.brex.com"
	}
	resp, err := http.Get(base + "/v2/departments") // want `429 from GET /v2/departments is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same shapes against another API stay quiet.

type Ledger struct {
	base string
	hc   *http.Client
}

func NewLedger() *Ledger {
	return &Ledger{base: "https://ledger.internal.example", hc: http.DefaultClient}
}

func (l *Ledger) Users(ctx context.Context, cursor string) error {
	u := l.base + "/v2/users?limit=100"
	if cursor != "" {
		u += "&cursor=" + cursor
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := l.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func LedgerDepartments() error {
	base := os.Getenv("LEDGER_URL")
	if base == "" {
		base = "https://ledger.internal.example"
	}
	resp, err := http.Get(base + "/v2/departments")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
