// Package clientcredentials is a stub of golang.org/x/oauth2/clientcredentials.
package clientcredentials

import (
	"context"
	"net/http"
	"net/url"

	"golang.org/x/oauth2"
)

type Config struct {
	ClientID       string
	ClientSecret   string
	TokenURL       string
	Scopes         []string
	EndpointParams url.Values
	AuthStyle      oauth2.AuthStyle
}

func (c *Config) Token(ctx context.Context) (*oauth2.Token, error) {
	v := url.Values{"grant_type": {"client_credentials"}}
	resp, err := http.PostForm(c.TokenURL, v)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return &oauth2.Token{}, nil
}

func (c *Config) Client(ctx context.Context) *http.Client { return http.DefaultClient }
