package resptargets

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
)

const base = "https://api.brex.com"

type Page struct {
	NextCursor *string  `json:"next_cursor"`
	Items      []string `json:"items"`
}

type Client struct{ hc *http.Client }

func (c *Client) direct(ctx context.Context) (*Page, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v2/users", nil)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var p Page
	err = json.NewDecoder(resp.Body).Decode(&p) // want `decodes &p into Page from \[GET /v2/users\]`
	return &p, err
}

// get decodes into its caller's destination: listed at the callers.
func (c *Client) get(ctx context.Context, path string, out any) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

func (c *Client) viaWrapper(ctx context.Context) ([]string, error) {
	var p Page
	err := c.get(ctx, "/v2/cards", &p) // want `decodes &p into Page from \[GET /v2/cards\]`
	return p.Items, err
}

func decodeBody(r io.Reader, out any) error { return json.NewDecoder(r).Decode(out) }

func (c *Client) viaHelper(ctx context.Context) (map[string]any, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v1/vendors", nil)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var m map[string]any
	err = decodeBody(resp.Body, &m) // want `decodes &m into map\[string\]any from \[GET /v1/vendors\]`
	return m, err
}

func notBrex(ctx context.Context) {
	resp, _ := http.Get("https://example.com/v2/users")
	var p Page
	json.NewDecoder(resp.Body).Decode(&p)
}
