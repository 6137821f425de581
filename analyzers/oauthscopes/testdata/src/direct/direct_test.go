package direct

import (
	"context"
	"net/http"
)

// Tests call what they like.
func testCalls(ctx context.Context) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/accounts/card", nil)
	_ = req
}
