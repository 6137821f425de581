// Package otherapis calls HTTP APIs that are not Brex's, the way many
// integrations do: no 429 handling, bodies decoded before any status check,
// a 401 that clears the token. None of it is a Brex finding: ratelimit and
// statuscheck must stay quiet here, whatever the paths look like.
package otherapis

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"
)

// Stripe's transfers and payouts share Brex's paths.
type Transfer struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

func StripeTransfer(ctx context.Context, key, id string) (*Transfer, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.stripe.com/v1/transfers/"+id, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var t Transfer
	return &t, json.NewDecoder(resp.Body).Decode(&t)
}

// An internal payments service whose base URL is configured.
type Payments struct {
	base  string
	token string
	hc    *http.Client
}

func NewPayments() *Payments {
	return &Payments{base: os.Getenv("PAYMENTS_API_URL"), token: os.Getenv("PAYMENTS_TOKEN"), hc: &http.Client{Timeout: 10 * time.Second}}
}

func (p *Payments) do(ctx context.Context, method, path string, body io.Reader, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, p.base+path, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+p.token)
	resp, err := p.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized {
		p.token = ""
		return fmt.Errorf("payments: unauthorized")
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}

func (p *Payments) CreateTransfer(ctx context.Context, amount int64) (*Transfer, error) {
	var t Transfer
	err := p.do(ctx, http.MethodPost, "/v1/transfers", strings.NewReader(fmt.Sprintf(`{"amount":%d}`, amount)), &t)
	return &t, err
}

func (p *Payments) ListVendors(ctx context.Context) ([]string, error) {
	var out struct {
		Items []string `json:"items"`
	}
	err := p.do(ctx, http.MethodGet, "/v1/vendors", nil, &out)
	return out.Items, err
}

// GitHub's users, polled in a loop with a constant wait.
func GitHubUser(ctx context.Context, login string) (map[string]any, error) {
	for i := 0; i < 3; i++ {
		resp, err := http.Get("https://api.github.com/users/" + login)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			resp.Body.Close()
			time.Sleep(time.Second)
			continue
		}
		defer resp.Body.Close()
		var u map[string]any
		return u, json.NewDecoder(resp.Body).Decode(&u)
	}
	return nil, fmt.Errorf("github: rate limited")
}

// Another provider's money is decimal: a float amount with a currency,
// scaled to cents, on paths shaped like Brex's (moneyfloat stays quiet).
type Price struct {
	Amount   float64 `json:"amount"`
	Currency string  `json:"currency"`
}

type Account struct {
	ID             string `json:"id"`
	CurrentBalance Price  `json:"current_balance"`
}

func (p *Payments) Accounts(ctx context.Context) ([]int64, error) {
	var page struct {
		Items      []Account `json:"items"`
		NextCursor string    `json:"next_cursor"`
	}
	// One page of another API's list, with a limit above Brex's maximum
	// (pagination and pagelimit stay quiet).
	if err := p.do(ctx, http.MethodGet, "/v2/cards?limit=5000", nil, &page); err != nil {
		return nil, err
	}
	var cents []int64
	for _, a := range page.Items {
		cents = append(cents, int64(a.CurrentBalance.Amount*100))
	}
	return cents, nil
}

func (p *Payments) Expenses(ctx context.Context) (int, error) {
	var page struct {
		Items []json.RawMessage `json:"items"`
	}
	err := p.do(ctx, http.MethodGet, "/v1/expenses?limit=1000", nil, &page)
	return len(page.Items), err
}
