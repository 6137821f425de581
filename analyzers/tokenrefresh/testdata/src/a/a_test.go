package a

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

// Tests keep tokens any way they like.
func testClient(ctx context.Context, s *server) *http.Client {
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(s.tokens["test"]))
}
