// Package oauth2 is a stub of golang.org/x/oauth2.
package oauth2

import (
	"context"
	"net/http"
)

type Token struct{ AccessToken string }

type TokenSource interface {
	Token() (*Token, error)
}

type Config struct {
	ClientID string
	Scopes   []string
}

// HTTPClient is the context key of the base client.
var HTTPClient struct{}

func (c *Config) Client(ctx context.Context, t *Token) *http.Client {
	return NewClient(ctx, nil)
}

func NewClient(ctx context.Context, src TokenSource) *http.Client {
	if hc, ok := ctx.Value(HTTPClient).(*http.Client); ok {
		return hc
	}
	return &http.Client{}
}
