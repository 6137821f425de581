// Package brexclient is a small Brex client; its types are decoded from
// Brex here, and its callers in other packages compute with them.
package brexclient

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

type Money struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

type Expense struct {
	ID             string `json:"id"`
	Memo           string `json:"memo"`
	BillingAmount  Money  `json:"billing_amount"`
	OriginalAmount Money  `json:"original_amount"`
}

type Client struct {
	HC    *http.Client
	Token string
}

func (c *Client) get(ctx context.Context, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com"+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.Token)
	resp, err := c.HC.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("brex: %s", resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func (c *Client) Expense(ctx context.Context, id string) (*Expense, error) {
	var e Expense
	return &e, c.get(ctx, "/v1/expenses/"+id, &e)
}
