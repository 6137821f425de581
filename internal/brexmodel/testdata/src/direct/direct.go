// Package direct builds its requests itself.
package direct

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
)

const base = "https://platform.brexapis.com"

var apiURL = os.Getenv("BREX_API_URL")

type client struct{ hc *http.Client }

// newRequest is a builder: it returns the request for the caller to finish.
func (c *client) newRequest(ctx context.Context, method, path string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, base+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return req, nil
}

func (c *client) send(req *http.Request) error {
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *client) CreateTransfer(ctx context.Context, key string) error {
	req, err := c.newRequest(ctx, http.MethodPost, "/v1/transfers") // want `POST /v1/transfers \[Brex API host platform.brexapis.com\] sent via direct.newRequest headers=Accept,Idempotency-Key`
	if err != nil {
		return err
	}
	req.Header["Idempotency-Key"] = []string{key}
	return c.send(req)
}

func (c *client) Env(ctx context.Context, id string) {
	u, _ := url.JoinPath(apiURL, "v2", "cards", id)
	req, _ := http.NewRequest(http.MethodDelete, u, nil) // want `DELETE /v2/cards/\{\} \[catalogue path and a base URL from a BREX_\* variable\] sent`
	c.hc.Do(req)
	http.Post(fmt.Sprintf("%s/v1/vendors", os.Getenv("BREX_API_URL")), "application/json", strings.NewReader("{}")) // want `POST /v1/vendors \[catalogue path and a base URL from a BREX_\* variable\] sent noheaders`
	http.Get("https://api.stripe.com/v1/transfers")
}
