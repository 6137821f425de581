// Package brexhttp is a Brex client whose wrappers take their extra
// headers in a map or in an options struct, as real clients do.
package brexhttp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/google/uuid"
)

const DefaultBaseURL = "https://api.brex.com"

type Client struct {
	base string
	hc   *http.Client
}

func New() *Client { return &Client{base: DefaultBaseURL, hc: http.DefaultClient} }

// DoJSON sends method path with in as its JSON body and the extra headers.
func (c *Client) DoJSON(ctx context.Context, method, path string, in, out any, headers map[string]string) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	return c.send(req, out)
}

// Do sends with a whole http.Header of extras.
func (c *Client) Do(ctx context.Context, method, path string, hdr http.Header) error {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, nil)
	if err != nil {
		return err
	}
	req.Header = hdr.Clone()
	return c.send(req, nil)
}

// RequestOptions are the per-request options of Post.
type RequestOptions struct {
	IdempotencyKey string
	UserAgent      string
}

// Post sends a POST; the options carry the Idempotency-Key.
func (c *Client) Post(ctx context.Context, path string, in any, opts *RequestOptions) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, bytes.NewReader(b))
	if err != nil {
		return err
	}
	if opts != nil && opts.IdempotencyKey != "" {
		req.Header.Set("Idempotency-Key", opts.IdempotencyKey)
	}
	return c.send(req, nil)
}

func (c *Client) send(req *http.Request, out any) error {
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("brex: %s %s: %s", req.Method, req.URL.Path, resp.Status)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// Transfer is a Brex transfer.
type Transfer struct {
	Amount int64  `json:"amount"`
	Vendor string `json:"vendor_id"`
}

// CreateTransfer makes a new Idempotency-Key on every call: right when
// it is called once per transfer, wrong when a caller retries it.
func (c *Client) CreateTransfer(ctx context.Context, t Transfer) error {
	return c.Post(ctx, "/v1/transfers", t, &RequestOptions{IdempotencyKey: newKey()})
}

// CreateTransferWithKey takes the key from its caller.
func (c *Client) CreateTransferWithKey(ctx context.Context, t Transfer, key string) error {
	return c.Post(ctx, "/v1/transfers", t, &RequestOptions{IdempotencyKey: key})
}

func newKey() string { return uuid.NewString() }
