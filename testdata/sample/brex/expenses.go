package brex

import (
	"context"
	"encoding/json"
	"net/http"
)

// Expense is a card expense.
type Expense struct {
	ID             string `json:"id"`
	Memo           string `json:"memo"`
	Status         string `json:"status"`
	OriginalAmount Money  `json:"original_amount"`
}

// ListCardExpenses returns the first page of card expenses.
func (c *Client) ListCardExpenses(ctx context.Context) ([]Expense, error) {
	// launch problem: brexendpoint: GET /v1/expenses/card is deprecated (May 2025); use GET /v1/expenses.
	req, err := c.newRequest(ctx, http.MethodGet, "/v1/expenses/card", nil)
	if err != nil {
		return nil, err
	}
	// launch problem: ratelimit: this request is sent directly, with no 429 handling either.
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var page struct {
		Items []Expense `json:"items"`
	}
	// launch problem: statuscheck: the body is decoded without looking at resp.StatusCode, so an error body reads as an empty page.
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
		return nil, err
	}
	return page.Items, nil
}

// ListExpenses returns the first page of expenses of every type.
func (c *Client) ListExpenses(ctx context.Context) ([]Expense, error) {
	var page struct {
		Items []Expense `json:"items"`
	}
	err := c.do(ctx, http.MethodGet, "/v1/expenses", nil, &page)
	return page.Items, err
}
