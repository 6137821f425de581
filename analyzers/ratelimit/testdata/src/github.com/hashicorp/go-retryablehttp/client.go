// Package retryablehttp is a stub of github.com/hashicorp/go-retryablehttp.
package retryablehttp

import "net/http"

type Client struct {
	HTTPClient *http.Client
	RetryMax   int
}

func NewClient() *Client { return &Client{HTTPClient: &http.Client{}, RetryMax: 4} }

func (c *Client) StandardClient() *http.Client {
	return &http.Client{Transport: &RoundTripper{Client: c}}
}

type RoundTripper struct{ Client *Client }

func (rt *RoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	return rt.Client.HTTPClient.Do(req)
}
