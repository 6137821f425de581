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
