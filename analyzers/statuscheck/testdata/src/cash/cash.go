// Package cash reacts to 401s from Brex.
package cash

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/oauth2"
)

const base = "https://api.brex.com"

type Client struct {
	hc    *http.Client
	token string
	conf  *oauth2.Config
	ts    oauth2.TokenSource
	tok   *oauth2.Token
}

// APIError carries the status of a non-2xx response.
type APIError struct {
	StatusCode int
	Message    string
}

func (e *APIError) Error() string { return fmt.Sprintf("brex %d: %s", e.StatusCode, e.Message) }

func (c *Client) newRequest(ctx context.Context, method, path string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, base+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	return req, nil
}

// A 401 from POST /v1/transfers clears the token.
func (c *Client) CreateTransfer(ctx context.Context) error {
	req, err := c.newRequest(ctx, http.MethodPost, "/v1/transfers")
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", "payout-1")
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized {
		c.token = "" // want `401 from POST /v1/transfers \(a Brex Cash endpoint\) clears or replaces the stored credential here, so a working token is lost \(a Cash 401 usually means no Cash access\); keep it, tell the user$`
		return errors.New("unauthorized")
	}
	return nil
}

// A 401 from a cash account read refreshes the token and retries.
func (c *Client) CashAccounts(ctx context.Context) error {
	req, err := c.newRequest(ctx, http.MethodGet, "/v2/accounts/cash")
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
		return nil
	case http.StatusUnauthorized:
		if _, err := c.ts.Token(); err != nil { // want `401 from GET /v2/accounts/cash \(a Brex Cash endpoint\) refreshes the token here`
			return err
		}
		return c.CashAccounts(ctx)
	}
	return fmt.Errorf("brex: %s", resp.Status)
}

func (c *Client) logout() {
	c.tok = nil
}

// A helper that drops the stored token.
func (c *Client) Vendors(ctx context.Context) error {
	req, err := c.newRequest(ctx, http.MethodGet, "/v1/vendors")
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden {
		c.logout() // want `401 from GET /v1/vendors \(a Brex Cash endpoint\) calls logout, which clears or replaces the stored credential here`
		return errors.New("signed out")
	}
	return nil
}

// Redirecting the user to authorize again on a 401 of a cash transaction
// read.
func (c *Client) CashTransactions(w http.ResponseWriter, r *http.Request) {
	req, err := c.newRequest(r.Context(), http.MethodGet, "/v2/transactions/cash/acc_1")
	if err != nil {
		return
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized {
		http.Redirect(w, r, c.conf.AuthCodeURL("state-from-session"), http.StatusFound) // want `401 from GET /v2/transactions/cash/\{id\} \(a Brex Cash endpoint\) sends the user to authorize again here`
	}
}

// The 401 arrives as an error from a sender helper.
func (c *Client) send(req *http.Request) error {
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return &APIError{StatusCode: resp.StatusCode, Message: resp.Status}
	}
	return nil
}

func (c *Client) Transfer(ctx context.Context, id string) error {
	req, err := c.newRequest(ctx, http.MethodGet, "/v1/transfers/"+id)
	if err != nil {
		return err
	}
	err = c.send(req)
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusUnauthorized {
		c.token = strings.TrimSpace(c.token + " ") // want `401 from GET /v1/transfers/\{id\} \(a Brex Cash endpoint\) clears or replaces the stored credential here`
	}
	return err
}

// A 401 from a Cash vendor update revokes the refresh token.
func (c *Client) UpdateVendor(ctx context.Context, id string) error {
	req, err := c.newRequest(ctx, http.MethodPut, "/v1/vendors/"+id)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized {
		http.PostForm("https://accounts-api.brex.com/oauth2/default/v1/revoke", url.Values{"token": {c.tok.RefreshToken}}) // want `401 from PUT /v1/vendors/\{id\} \(a Brex Cash endpoint\) revokes the token here`
	}
	return nil
}

// --- Quiet.

// A 401 from a non-Cash endpoint may mean a bad token.
func (c *Client) Me(ctx context.Context) error {
	req, err := c.newRequest(ctx, http.MethodGet, "/v2/users/me")
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized {
		c.token = ""
	}
	return nil
}

// A 401 from a Cash endpoint reported as missing access.
func (c *Client) CashReported(ctx context.Context) error {
	req, err := c.newRequest(ctx, http.MethodGet, "/v2/accounts/cash/primary")
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized {
		return errors.New("brex: Brex Cash is not enabled for this account, or your role lacks access")
	}
	return nil
}

// A token refreshed whatever the status is not caused by the 401.
func (c *Client) Refreshing(ctx context.Context) error {
	req, err := c.newRequest(ctx, http.MethodGet, "/v1/vendors/v_1")
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	tok, err := c.ts.Token()
	if err != nil {
		return err
	}
	c.tok = tok
	return nil
}
