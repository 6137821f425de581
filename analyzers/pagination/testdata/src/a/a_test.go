package a

import (
	"context"
	"testing"
)

// A test that looks at the cursor of a page the code never follows.
func TestChartAccounts(t *testing.T) {
	var page AccountsResponse
	if page.NextCursor != "" {
		t.Fatal("want the zero page")
	}
	c := &Client{}
	_, _ = c.chartAccounts(context.Background())
}

// Tests read first pages on purpose: quiet.
func TestUserCount(t *testing.T) {
	c := &Client{}
	var page usersResponse
	if err := c.get(context.Background(), "/v2/users?limit=100", &page); err != nil {
		t.Fatal(err)
	}
	for range page.Items {
	}
	t.Log(len(page.Items))
}
