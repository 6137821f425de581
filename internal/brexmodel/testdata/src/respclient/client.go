// Package respclient is a Brex client whose responses flow through
// wrappers and helpers into the caller's types.
package respclient

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
)

const baseURL = "https://api.brex.com"

type Client struct{ hc *http.Client }

type APIError struct { // want APIError:`decoded` `decoded APIError`
	Status  int    `json:"-"` // want Status:`statusfield`
	Type    string `json:"type"`
	Message string `json:"message"`
}

func (e *APIError) Error() string { return fmt.Sprintf("%d %s", e.Status, e.Message) }

type Money struct { // want Money:`decoded` `decoded Money`
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

type TransferStatus string // want TransferStatus:`decoded` `decoded TransferStatus`

type Transfer struct { // want Transfer:`decoded` `decoded Transfer`
	ID     string         `json:"id"`
	Status TransferStatus `json:"status"`
	Amount Money          `json:"amount"`
	secret hidden
}

// hidden is reachable only through an unexported field, which encoding/json
// never fills.
type hidden struct{ X string }

type Expense struct { // want Expense:`decoded` `decoded Expense`
	ID string `json:"id"`
}

type Card struct { // want Card:`decoded` `decoded Card`
	ID string `json:"id"`
}

type Vendor struct { // want Vendor:`decoded` `decoded Vendor`
	ID string `json:"id"`
}

type User struct { // want User:`decoded` `decoded User`
	ID string `json:"id"`
}

// Config is decoded from a file: not from Brex.
type Config struct {
	Token string `json:"token"`
}

// Charge is decoded from another API's response.
type Charge struct {
	ID string `json:"id"`
}

func (c *Client) newRequest(ctx context.Context, method, path string, body any) (*http.Request, error) {
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		r = bytes.NewReader(b)
	}
	return http.NewRequestWithContext(ctx, method, baseURL+path, r)
}

// do is a wrapper that decodes into its caller's destination.
func (c *Client) do(ctx context.Context, method, path string, in, out any) error { // want do:`response\(decodes=\$4 checked handles429 judged err@429 err@401\)`
	req, err := c.newRequest(ctx, method, path, in)
	if err != nil {
		return err
	}
	return c.send(req, out)
}

// send checks the status, decodes the error body, then decodes into out.
func (c *Client) send(req *http.Request, out any) error { // want send:`response\(decodes=\$1 checked handles429 judged err@429 err@401\)`
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		apiErr := &APIError{Status: resp.StatusCode}
		_ = json.NewDecoder(io.LimitReader(resp.Body, 1<<16)).Decode(apiErr) // want `brex body`
		return apiErr
	}
	dec := json.NewDecoder(resp.Body) // want `brex body`
	return dec.Decode(out)
}

func (c *Client) CreateTransfer(ctx context.Context) (Transfer, error) { // want CreateTransfer:`response\(checked err@429 err@401\)`
	var t Transfer
	err := c.do(ctx, http.MethodPost, "/v1/transfers", nil, &t)
	return t, err
}

// ListExpenses decodes into a page whose items are reachable types.
func (c *Client) ListExpenses(ctx context.Context) ([]Expense, error) {
	req, err := c.newRequest(ctx, http.MethodGet, "/v1/expenses", nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var page struct {
		Items []*Expense `json:"items"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil { // want `brex body`
		return nil, err
	}
	var out []Expense
	for _, e := range page.Items {
		out = append(out, *e)
	}
	return out, nil
}

// readBody is a helper that returns the bytes of a response it is given.
func readBody(resp *http.Response) ([]byte, error) { // want readBody:`response\(\$0:returns=bytes\)`
	defer resp.Body.Close()
	return io.ReadAll(resp.Body) // want `brex body`
}

// decodeJSON decodes a reader into its destination.
func decodeJSON(r io.Reader, out any) error { // want decodeJSON:`response\(\$0:decodes=\$1,unchecked\)`
	return json.NewDecoder(r).Decode(out) // want `brex body`
}

func (c *Client) GetCard(ctx context.Context, id string) (*Card, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+"/v2/cards/"+id, nil)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	b, err := readBody(resp)
	if err != nil {
		return nil, err
	}
	var card Card
	if err := json.Unmarshal(b, &card); err != nil { // want `brex body`
		return nil, err
	}
	return &card, nil
}

func (c *Client) GetVendor(ctx context.Context, id string) (*Vendor, error) {
	resp, err := http.Get(baseURL + "/v1/vendors/" + id)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return nil, err
	}
	v := new(Vendor)
	return v, decodeJSON(bytes.NewReader(buf.Bytes()), v) // want `brex body`
}

func (c *Client) GetUser(ctx context.Context, id string) (map[string]User, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+"/v2/users/"+id, nil)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body) // want `brex body`
	s := string(data)
	users := map[string]User{}
	return users, json.Unmarshal([]byte(s), &users) // want `brex body`
}

// LoadConfig decodes a file: quiet.
func LoadConfig(name string) (*Config, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cfg Config
	return &cfg, json.NewDecoder(f).Decode(&cfg)
}

// Charge decodes another API's response: quiet.
func (c *Client) Charge(ctx context.Context, id string) (*Charge, error) {
	resp, err := http.Get("https://api.stripe.com/v1/charges/" + id)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var ch Charge
	return &ch, json.NewDecoder(resp.Body).Decode(&ch)
}
