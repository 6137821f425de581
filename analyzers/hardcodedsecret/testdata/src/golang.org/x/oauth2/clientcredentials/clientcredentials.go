// Package clientcredentials is a stub of golang.org/x/oauth2/clientcredentials.
package clientcredentials

import (
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
