// Package otherclient is a look-alike: a client for another payments API
// whose base URL also comes from the environment and whose paths look like
// Brex's.
package otherclient

import (
	"context"
	"io"
	"net/http"
	"os"
)

type Client struct {
	base string
	hc   *http.Client
}

func New() *Client {
	return &Client{base: os.Getenv("PAYMENTS_API_URL"), hc: http.DefaultClient}
}

func (c *Client) Do(ctx context.Context, method, path string, body io.Reader) (*http.Response, error) { // want Do:`wrapper\(\$1 \{env PAYMENTS_API_URL\}\{\$2\} sends\)` Do:`response\(returns=resp nil@429 nil@401\)`
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}
