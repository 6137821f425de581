// Package flow decodes Brex responses of requests whose URL is assigned
// more than once or built from a base URL field.
package flow

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
)

type Client struct {
	baseURL string
	hc      *http.Client
}

func NewClient(baseURL string) *Client {
	if baseURL == "" {
		baseURL = "https://api.brex.com"
	}
	return &Client{baseURL: baseURL, hc: http.DefaultClient}
}

type page struct {
	Items      []json.RawMessage `json:"items"`
	NextCursor string            `json:"next_cursor"`
}

func (c *Client) Departments(ctx context.Context) ([]json.RawMessage, error) {
	var all []json.RawMessage
	u := c.baseURL + "/v2/departments?limit=50"
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return nil, err
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			return nil, err
		}
		var p page
		err = json.NewDecoder(resp.Body).Decode(&p) // want `the body of GET /v2/departments is decoded before any check`
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		all = append(all, p.Items...)
		if p.NextCursor == "" {
			return all, nil
		}
		u = c.baseURL + "/v2/departments?limit=50&cursor=" + p.NextCursor
	}
}

// Another service's departments, with the same shape, stay quiet.
func LedgerDepartments(ctx context.Context) (*page, error) {
	u := os.Getenv("LEDGER_URL")
	if u == "" {
		u = "https://ledger.internal.example"
	}
	u += "/v2/departments"
	resp, err := http.Get(u + "?limit=50")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var p page
	return &p, json.NewDecoder(resp.Body).Decode(&p)
}
