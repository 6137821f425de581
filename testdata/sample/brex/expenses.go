package brex

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
)

// Expense is a card expense.
type Expense struct {
	ID             string `json:"id"`
	Memo           string `json:"memo"`
	Status         string `json:"status"`
	OriginalAmount Money  `json:"original_amount"`
}

// ListCardExpenses returns one page of card expenses, and the cursor of the
// next page ("" after the last one).
func (c *Client) ListCardExpenses(ctx context.Context, cursor string) ([]Expense, string, error) {
	q := url.Values{}
	// launch problem: pagelimit: Brex lowered the maximum limit of the List Expenses endpoints to 100 in February 2026; 1000 is a 400.
	q.Set("limit", "1000")
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	// launch problem: brexendpoint: GET /v1/expenses/card is deprecated (May 2025); use GET /v1/expenses.
	req, err := c.newRequest(ctx, http.MethodGet, "/v1/expenses/card?"+q.Encode(), nil)
	if err != nil {
		return nil, "", err
	}
	// launch problem: ratelimit: this request is sent directly, with no 429 handling either.
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	var page struct {
		Items      []Expense `json:"items"`
		NextCursor *string   `json:"next_cursor"`
	}
	// launch problem: statuscheck: the body is decoded without looking at resp.StatusCode, so an error body reads as an empty page.
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
		return nil, "", err
	}
	next := ""
	if page.NextCursor != nil {
		next = *page.NextCursor
	}
	return page.Items, next, nil
}

// ListExpenses returns every expense, of every type, page by page.
func (c *Client) ListExpenses(ctx context.Context) ([]Expense, error) {
	var all []Expense
	cursor := ""
	for {
		q := url.Values{"limit": {"100"}}
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		var page struct {
			Items      []Expense `json:"items"`
			NextCursor *string   `json:"next_cursor"`
		}
		if err := c.do(ctx, http.MethodGet, "/v1/expenses?"+q.Encode(), nil, &page); err != nil {
			return nil, err
		}
		all = append(all, page.Items...)
		if page.NextCursor == nil || *page.NextCursor == "" {
			return all, nil
		}
		cursor = *page.NextCursor
	}
}
