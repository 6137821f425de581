// Package restyclient is a Brex client built on resty and retryablehttp:
// its wrappers' callers, in another package, name the endpoints.
package restyclient

import (
	"context"
	"net/http"

	"github.com/go-resty/resty/v2"
	"github.com/hashicorp/go-retryablehttp"
)

const DefaultBaseURL = "https://platform.brexapis.com"

type Client struct {
	rc    *resty.Client
	retry *retryablehttp.Client
	base  string
}

func New(token string) *Client {
	return &Client{
		rc:    resty.New().SetBaseURL(DefaultBaseURL).SetAuthToken(token),
		retry: retryablehttp.NewClient(),
		base:  DefaultBaseURL,
	}
}

// Do sends a resty request with the caller's method and path.
func (c *Client) Do(ctx context.Context, method, path, key string, in any) (*resty.Response, error) { // want Do:`wrapper\(\$1 https://platform.brexapis.com\{\$2\} sends signal Idempotency-Key=\$3\)` Do:`response\(returns=resp judged nil@429 nil@401\)`
	return c.rc.R().SetContext(ctx).SetHeader("Idempotency-Key", key).SetBody(in).Execute(method, path)
}

// Get sends a retryablehttp GET of the caller's path.
func (c *Client) Get(ctx context.Context, path string) (*http.Response, error) { // want Get:`wrapper\(GET https://platform.brexapis.com\{\$1\} sends signal\)` Get:`response\(returns=resp handles429 judged nil@429 nil@401\)`
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, DefaultBaseURL+path, nil)
	if err != nil {
		return nil, err
	}
	return c.retry.Do(req.WithContext(ctx))
}
