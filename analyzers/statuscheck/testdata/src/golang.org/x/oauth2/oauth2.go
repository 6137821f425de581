// Package oauth2 is a stub of golang.org/x/oauth2.
package oauth2

import (
	"context"
	"net/http"
)

type Token struct {
	AccessToken  string
	RefreshToken string
}

type TokenSource interface {
	Token() (*Token, error)
}

type Endpoint struct{ AuthURL, TokenURL string }

type Config struct {
	ClientID     string
	ClientSecret string
	Endpoint     Endpoint
	Scopes       []string
}

func (c *Config) TokenSource(ctx context.Context, t *Token) TokenSource { return nil }

func (c *Config) AuthCodeURL(state string) string { return c.Endpoint.AuthURL + "?state=" + state }

func (c *Config) Client(ctx context.Context, t *Token) *http.Client { return http.DefaultClient }
