// Package resty is a stub of github.com/go-resty/resty/v2 v2.17.2: the same
// exported names and signatures as the parts integrations use, minimal
// bodies.
package resty

import (
	"context"
	"net/http"
	"strings"
	"time"
)

// RetryConditionFunc decides whether a request is retried.
type RetryConditionFunc func(*Response, error) bool

// Client is resty's client.
type Client struct {
	BaseURL          string
	HostURL          string
	Header           http.Header
	RetryCount       int
	RetryWaitTime    time.Duration
	RetryMaxWaitTime time.Duration
	RetryConditions  []RetryConditionFunc

	httpClient *http.Client
}

// New creates a client.
func New() *Client { return NewWithClient(&http.Client{}) }

// NewWithClient creates a client over hc.
func NewWithClient(hc *http.Client) *Client {
	return &Client{Header: http.Header{}, RetryWaitTime: 100 * time.Millisecond, RetryMaxWaitTime: 2 * time.Second, httpClient: hc}
}

// SetBaseURL sets the base URL of relative request URLs.
func (c *Client) SetBaseURL(url string) *Client {
	c.BaseURL = strings.TrimRight(url, "/")
	c.HostURL = c.BaseURL
	return c
}

// SetHostURL is the deprecated name of SetBaseURL.
func (c *Client) SetHostURL(url string) *Client { return c.SetBaseURL(url) }

// SetHeader sets a header on every request of the client.
func (c *Client) SetHeader(header, value string) *Client {
	c.Header.Set(header, value)
	return c
}

// SetHeaders sets headers on every request of the client.
func (c *Client) SetHeaders(headers map[string]string) *Client {
	for h, v := range headers {
		c.Header.Set(h, v)
	}
	return c
}

// SetAuthToken sets the bearer token of every request.
func (c *Client) SetAuthToken(token string) *Client { return c }

// SetTimeout sets the timeout of the underlying http.Client.
func (c *Client) SetTimeout(timeout time.Duration) *Client {
	c.httpClient.Timeout = timeout
	return c
}

// SetTransport sets the transport of the underlying http.Client.
func (c *Client) SetTransport(transport http.RoundTripper) *Client {
	c.httpClient.Transport = transport
	return c
}

// SetRetryCount enables retries (none by default).
func (c *Client) SetRetryCount(count int) *Client {
	c.RetryCount = count
	return c
}

// SetRetryWaitTime sets the first wait between retries.
func (c *Client) SetRetryWaitTime(waitTime time.Duration) *Client {
	c.RetryWaitTime = waitTime
	return c
}

// SetRetryMaxWaitTime sets the longest wait between retries.
func (c *Client) SetRetryMaxWaitTime(maxWaitTime time.Duration) *Client {
	c.RetryMaxWaitTime = maxWaitTime
	return c
}

// AddRetryCondition adds a condition under which requests are retried
// (by default only errors are).
func (c *Client) AddRetryCondition(condition RetryConditionFunc) *Client {
	c.RetryConditions = append(c.RetryConditions, condition)
	return c
}

// GetClient returns the underlying http.Client.
func (c *Client) GetClient() *http.Client { return c.httpClient }

// R creates a request.
func (c *Client) R() *Request {
	return &Request{client: c, Header: http.Header{}, ctx: context.Background()}
}

// NewRequest is an alias of R.
func (c *Client) NewRequest() *Request { return c.R() }

// Request is a resty request.
type Request struct {
	URL    string
	Method string
	Header http.Header
	Body   interface{}
	Result interface{}

	client          *Client
	ctx             context.Context
	retryConditions []RetryConditionFunc
}

// SetContext sets the request's context.
func (r *Request) SetContext(ctx context.Context) *Request {
	r.ctx = ctx
	return r
}

// SetHeader sets a header.
func (r *Request) SetHeader(header, value string) *Request {
	r.Header.Set(header, value)
	return r
}

// SetHeaders sets headers.
func (r *Request) SetHeaders(headers map[string]string) *Request {
	for h, v := range headers {
		r.Header.Set(h, v)
	}
	return r
}

// SetBody sets the body.
func (r *Request) SetBody(body interface{}) *Request {
	r.Body = body
	return r
}

// SetResult sets what a successful response is decoded into.
func (r *Request) SetResult(res interface{}) *Request {
	r.Result = res
	return r
}

// SetError sets what an error response is decoded into.
func (r *Request) SetError(err interface{}) *Request { return r }

// SetQueryParam sets a query parameter.
func (r *Request) SetQueryParam(param, value string) *Request { return r }

// SetQueryParams sets query parameters.
func (r *Request) SetQueryParams(params map[string]string) *Request { return r }

// SetPathParam sets a {param} of the URL.
func (r *Request) SetPathParam(param, value string) *Request { return r }

// SetPathParams sets {params} of the URL.
func (r *Request) SetPathParams(params map[string]string) *Request { return r }

// SetAuthToken sets the bearer token.
func (r *Request) SetAuthToken(token string) *Request { return r }

// AddRetryCondition adds a retry condition for this request.
func (r *Request) AddRetryCondition(condition RetryConditionFunc) *Request {
	r.retryConditions = append(r.retryConditions, condition)
	return r
}

// Get sends a GET request.
func (r *Request) Get(url string) (*Response, error) { return r.Execute(http.MethodGet, url) }

// Head sends a HEAD request.
func (r *Request) Head(url string) (*Response, error) { return r.Execute(http.MethodHead, url) }

// Post sends a POST request.
func (r *Request) Post(url string) (*Response, error) { return r.Execute(http.MethodPost, url) }

// Put sends a PUT request.
func (r *Request) Put(url string) (*Response, error) { return r.Execute(http.MethodPut, url) }

// Delete sends a DELETE request.
func (r *Request) Delete(url string) (*Response, error) { return r.Execute(http.MethodDelete, url) }

// Options sends an OPTIONS request.
func (r *Request) Options(url string) (*Response, error) { return r.Execute(http.MethodOptions, url) }

// Patch sends a PATCH request.
func (r *Request) Patch(url string) (*Response, error) { return r.Execute(http.MethodPatch, url) }

// Send sends the request with its Method and URL.
func (r *Request) Send() (*Response, error) { return r.Execute(r.Method, r.URL) }

// Execute sends the request with method to url.
func (r *Request) Execute(method, url string) (*Response, error) {
	r.Method, r.URL = method, url
	return &Response{Request: r}, nil
}

// Response is a resty response.
type Response struct {
	Request     *Request
	RawResponse *http.Response
	body        []byte
}

// Body returns the body read.
func (r *Response) Body() []byte { return r.body }

// Status returns the status text.
func (r *Response) Status() string { return r.RawResponse.Status }

// StatusCode returns the status code.
func (r *Response) StatusCode() int { return r.RawResponse.StatusCode }

// Header returns the response headers.
func (r *Response) Header() http.Header { return r.RawResponse.Header }

// IsSuccess reports a 2xx status.
func (r *Response) IsSuccess() bool { return r.StatusCode() > 199 && r.StatusCode() < 300 }

// IsError reports a status of 400 or more.
func (r *Response) IsError() bool { return r.StatusCode() > 399 }

// Result returns what SetResult decoded into.
func (r *Response) Result() interface{} { return r.Request.Result }

// String returns the body as a string.
func (r *Response) String() string { return string(r.body) }
