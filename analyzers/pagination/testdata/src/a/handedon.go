package a

import (
	"context"
	"fmt"
)

// Pages handed on whole: whoever receives the page receives its cursor,
// so counting its items here is not stopping at the first page (doc.go:
// "a page handed on whole ... when its type carries the cursor").

type cardSyncPage struct {
	Items      []map[string]any `json:"items"`
	NextCursor *string          `json:"next_cursor"`
}

// Passed to a function: a sync step that pages on its own.
func (c *Client) SyncCards(ctx context.Context, sink func(context.Context, *cardSyncPage) error) error {
	var page cardSyncPage
	if err := c.get(ctx, "/v2/cards?limit=100", &page); err != nil {
		return err
	}
	fmt.Println("syncing", len(page.Items), "cards")
	return sink(ctx, &page)
}

type vendorSyncPage struct {
	Items      []map[string]any `json:"items"`
	NextCursor *string          `json:"next_cursor"`
}

type vendorSync struct {
	last *vendorSyncPage
}

// Stored in a field: the next run resumes from it.
func (s *vendorSync) Fetch(ctx context.Context, c *Client) error {
	var page vendorSyncPage
	if err := c.get(ctx, "/v1/vendors", &page); err != nil {
		return err
	}
	for _, v := range page.Items {
		fmt.Println(v["company_name"])
	}
	s.last = &page
	return nil
}

type expenseStreamPage struct {
	Items      []map[string]any `json:"items"`
	NextCursor *string          `json:"next_cursor"`
}

// Sent on a channel to the consumer that asks for the next page.
func (c *Client) StreamExpenses(ctx context.Context, out chan<- expenseStreamPage) error {
	var page expenseStreamPage
	if err := c.get(ctx, "/v1/expenses", &page); err != nil {
		return err
	}
	fmt.Println(len(page.Items), "expenses")
	out <- page
	return nil
}

type transferBatchPage struct {
	Items      []map[string]any `json:"items"`
	NextCursor *string          `json:"next_cursor"`
}

type batch struct {
	Page   *transferBatchPage
	Source string
}

// Wrapped in a struct for a queue.
func (c *Client) TransferBatch(ctx context.Context) (batch, error) {
	var page transferBatchPage
	if err := c.get(ctx, "/v1/transfers", &page); err != nil {
		return batch{}, err
	}
	fmt.Println(len(page.Items), "transfers")
	return batch{Page: &page, Source: "brex"}, nil
}

// Handed on without its cursor: the receiver cannot ask for the next page,
// so the items counted here are the first page's.
type titlesOnlyPage struct {
	Items []map[string]any `json:"items"`
}

func (c *Client) ReportTitles(ctx context.Context, report func(*titlesOnlyPage)) error {
	var page titlesOnlyPage
	if err := c.get(ctx, "/v2/titles", &page); err != nil {
		return err
	}
	fmt.Println(len(page.Items), "titles") // want `only the first page of GET /v2/titles is used: page.Items is counted, and titlesOnlyPage has no next_cursor`
	report(&page)
	return nil
}
