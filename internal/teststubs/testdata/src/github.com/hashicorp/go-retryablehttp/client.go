// Package retryablehttp is a stub of github.com/hashicorp/go-retryablehttp
// v0.7.8: the same exported names and signatures, minimal bodies.
package retryablehttp

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Request wraps an *http.Request, which it embeds.
type Request struct {
	*http.Request
}

// WithContext returns the request with its context changed to ctx.
func (r *Request) WithContext(ctx context.Context) *Request {
	return &Request{Request: r.Request.WithContext(ctx)}
}

// FromRequest wraps an http.Request in a retryablehttp.Request.
func FromRequest(r *http.Request) (*Request, error) {
	return &Request{Request: r}, nil
}

// NewRequest creates a new wrapped request.
func NewRequest(method, url string, rawBody interface{}) (*Request, error) {
	return NewRequestWithContext(context.Background(), method, url, rawBody)
}

// NewRequestWithContext creates a new wrapped request with ctx.
func NewRequestWithContext(ctx context.Context, method, url string, rawBody interface{}) (*Request, error) {
	httpReq, err := http.NewRequestWithContext(ctx, method, url, nil)
	if err != nil {
		return nil, err
	}
	return &Request{Request: httpReq}, nil
}

// CheckRetry decides whether a response is retried.
type CheckRetry func(ctx context.Context, resp *http.Response, err error) (bool, error)

// Backoff returns how long to wait before attempt attemptNum.
type Backoff func(min, max time.Duration, attemptNum int, resp *http.Response) time.Duration

// Client is an HTTP client that retries.
type Client struct {
	HTTPClient   *http.Client
	RetryWaitMin time.Duration
	RetryWaitMax time.Duration
	RetryMax     int
	CheckRetry   CheckRetry
	Backoff      Backoff
}

// NewClient creates a new Client with default settings.
func NewClient() *Client {
	return &Client{HTTPClient: &http.Client{}, RetryWaitMin: time.Second, RetryWaitMax: 30 * time.Second, RetryMax: 4,
		CheckRetry: DefaultRetryPolicy, Backoff: DefaultBackoff}
}

// DefaultRetryPolicy retries connection errors, 429 and 5xx.
func DefaultRetryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if err != nil {
		return true, nil
	}
	return resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500, nil
}

// DefaultBackoff waits exponentially longer, or as Retry-After says.
func DefaultBackoff(min, max time.Duration, attemptNum int, resp *http.Response) time.Duration {
	d := min << attemptNum
	if d > max {
		d = max
	}
	return d
}

// Do wraps calling an HTTP method with retries.
func (c *Client) Do(req *Request) (*http.Response, error) {
	return c.HTTPClient.Do(req.Request)
}

// Get is a shortcut for doing a GET request without making a new client.
func Get(url string) (*http.Response, error) { return NewClient().Get(url) }

// Get is a convenience helper for doing simple GET requests.
func (c *Client) Get(url string) (*http.Response, error) {
	req, err := NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// Head is a shortcut for doing a HEAD request without making a new client.
func Head(url string) (*http.Response, error) { return NewClient().Head(url) }

// Head is a convenience method for doing simple HEAD requests.
func (c *Client) Head(url string) (*http.Response, error) {
	req, err := NewRequest("HEAD", url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// Post is a shortcut for doing a POST request without making a new client.
func Post(url, bodyType string, body interface{}) (*http.Response, error) {
	return NewClient().Post(url, bodyType, body)
}

// Post is a convenience method for doing simple POST requests.
func (c *Client) Post(url, bodyType string, body interface{}) (*http.Response, error) {
	req, err := NewRequest("POST", url, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", bodyType)
	return c.Do(req)
}

// PostForm is a shortcut to perform a POST with form data without creating
// a new client.
func PostForm(url string, data url.Values) (*http.Response, error) {
	return NewClient().PostForm(url, data)
}

// PostForm is a convenience method for doing simple POST operations using
// pre-filled url.Values form data.
func (c *Client) PostForm(url string, data url.Values) (*http.Response, error) {
	return c.Post(url, "application/x-www-form-urlencoded", strings.NewReader(data.Encode()))
}

// StandardClient returns a stdlib *http.Client with a custom Transport,
// which shims in a *retryablehttp.Client for added retries.
func (c *Client) StandardClient() *http.Client {
	return &http.Client{Transport: &RoundTripper{Client: c}}
}

// RoundTripper implements http.RoundTripper with retries.
type RoundTripper struct {
	Client *Client
}

// RoundTrip satisfies the http.RoundTripper interface.
func (rt *RoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	retryableReq, err := FromRequest(req)
	if err != nil {
		return nil, err
	}
	return rt.Client.Do(retryableReq)
}
