package genapp

import (
	"context"
	"fmt"
	"net/http"

	brex "github.com/acmepay/brexopenapi"
	ledger "github.com/acmepay/ledgeropenapi"
	"golang.org/x/oauth2"
)

// Payer keeps an openapi-generator client (NewConfiguration's server is
// Brex's) and the oauth2 token whose access token it puts in the
// context.
type Payer struct {
	api *brex.APIClient
	ts  oauth2.TokenSource
	tok *oauth2.Token
}

func NewPayer(ts oauth2.TokenSource) *Payer {
	return &Payer{api: brex.NewAPIClient(brex.NewConfiguration()), ts: ts}
}

func (p *Payer) authed(ctx context.Context) context.Context {
	return context.WithValue(ctx, brex.ContextAccessToken, p.tok.AccessToken)
}

// Pay refreshes the token on a 401 of POST /v1/transfers, read on the
// *http.Response that Execute returns beside its error.
func (p *Payer) Pay(ctx context.Context, key string) error {
	_, httpResp, err := p.api.TransfersAPI.CreateTransfer(p.authed(ctx)).IdempotencyKey(key).
		CreateTransferRequest(brex.CreateTransferRequest{Description: "payout"}).Execute()
	if httpResp != nil && httpResp.StatusCode == http.StatusUnauthorized {
		if _, terr := p.ts.Token(); terr != nil { // want `401 from POST /v1/transfers \(a Brex Cash endpoint\) refreshes the token here`
			return terr
		}
		return p.Pay(ctx, key)
	}
	return err
}

// Status drops the stored token on a 401 of GET /v1/transfers/{id}.
func (p *Payer) Status(ctx context.Context, id string) (string, error) {
	t, httpResp, err := p.api.TransfersAPI.GetTransferById(p.authed(ctx), id).Execute()
	if err != nil {
		if httpResp != nil && httpResp.StatusCode == 401 {
			p.tok = nil // want `401 from GET /v1/transfers/\{id\} \(a Brex Cash endpoint\) clears or replaces the stored credential here`
		}
		return "", err
	}
	return t.Status, nil
}

// Forget drops the token on any error, which Execute returns at every
// status of 300 and above: a 401 leads there.
func (p *Payer) Forget(ctx context.Context, id string) error {
	_, _, err := p.api.TransfersAPI.GetTransferById(p.authed(ctx), id).Execute()
	if err != nil {
		p.tok = nil // want `401 from GET /v1/transfers/\{id\} \(a Brex Cash endpoint\) clears or replaces the stored credential here`
	}
	return err
}

// Keyed gives the generated client a string token through its
// ContextAccessToken, which the generated prepareRequest sends as the
// Authorization header: the field is the stored credential.
type Keyed struct {
	api   *brex.APIClient
	token string
}

func (k *Keyed) ctx(ctx context.Context) context.Context {
	return context.WithValue(ctx, brex.ContextAccessToken, k.token)
}

func (k *Keyed) Pay(ctx context.Context, key string) error {
	_, httpResp, err := k.api.TransfersAPI.CreateTransfer(k.ctx(ctx)).IdempotencyKey(key).Execute()
	if httpResp != nil && httpResp.StatusCode == http.StatusUnauthorized {
		k.token = "" // want `401 from POST /v1/transfers \(a Brex Cash endpoint\) clears or replaces the stored credential here`
	}
	return err
}

// tenantKey is the program's own context key, which its logging reads:
// no credential.
type tenantKey struct{}

// Tenants forgets the tenant on a 401: the value of a context key that
// nothing sends as the Authorization header. Quiet.
type Tenants struct {
	api    *brex.APIClient
	tenant string
}

func (t *Tenants) Pay(ctx context.Context, key string) error {
	ctx = context.WithValue(ctx, tenantKey{}, t.tenant)
	_, httpResp, err := t.api.TransfersAPI.CreateTransfer(ctx).IdempotencyKey(key).Execute()
	if httpResp != nil && httpResp.StatusCode == http.StatusUnauthorized {
		t.tenant = ""
	}
	return err
}

// Users updates a user's status, not a Brex Cash endpoint: quiet.
func (k *Keyed) Users(ctx context.Context, id string) error {
	_, httpResp, err := k.api.UsersAPI.UpdateUserStatus(k.ctx(ctx), id).Execute()
	if httpResp != nil && httpResp.StatusCode == http.StatusUnauthorized {
		k.token = ""
	}
	return err
}

// Reported reports the 401 as missing access: quiet.
func (k *Keyed) Reported(ctx context.Context, id string) error {
	_, httpResp, err := k.api.TransfersAPI.GetTransferById(k.ctx(ctx), id).Execute()
	if httpResp != nil && httpResp.StatusCode == http.StatusUnauthorized {
		return fmt.Errorf("%w (%v)", ErrNoCashAccess, err)
	}
	return err
}

// listWith is given the client and switches on the status.
func listWith(ctx context.Context, api *brex.APIClient, ts oauth2.TokenSource) error {
	_, r, err := api.TransfersAPI.ListTransfers(ctx).Execute()
	if r == nil {
		return err
	}
	switch r.StatusCode {
	case http.StatusUnauthorized:
		_, err := ts.Token() // want `401 from GET /v1/transfers \(a Brex Cash endpoint\) refreshes the token here`
		return err
	}
	return err
}

func listBrex(ctx context.Context, ts oauth2.TokenSource) error {
	return listWith(ctx, brex.NewAPIClient(brex.NewConfiguration()), ts)
}

// listAll makes its client on Brex's API host, and reads the status
// without a nil check.
func listAll(ctx context.Context, tokens *TokenStore) ([]brex.Transfer, error) {
	cfg := brex.NewConfiguration()
	cfg.Servers = brex.ServerConfigurations{{URL: "https://api.brex.com"}}
	client := brex.NewAPIClient(cfg)
	ctx = context.WithValue(ctx, brex.ContextAccessToken, tokens.access)
	res, httpResp, err := client.TransfersAPI.ListTransfers(ctx).Limit(100).Execute()
	if httpResp.StatusCode == 401 {
		tokens.access = "" // want `401 from GET /v1/transfers \(a Brex Cash endpoint\) clears or replaces the stored credential here`
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	return res.Items, nil
}

// TokenStore holds the access token.
type TokenStore struct {
	access string
}

// --- Look-alikes: quiet.

// LedgerKeyed is the same shape against a client generated from another
// API's spec (its NewConfiguration's server is that API's).
type LedgerKeyed struct {
	api   *ledger.APIClient
	token string
}

func (l *LedgerKeyed) Pay(ctx context.Context, key string) error {
	ctx = context.WithValue(ctx, ledger.ContextAccessToken, l.token)
	_, httpResp, err := l.api.TransfersAPI.CreateTransfer(ctx).IdempotencyKey(key).Execute()
	if httpResp != nil && httpResp.StatusCode == http.StatusUnauthorized {
		l.token = ""
	}
	return err
}

// mockPay points Brex's generated client at a local mock server.
func mockPay(ctx context.Context, ts oauth2.TokenSource) error {
	cfg := brex.NewConfiguration()
	cfg.Servers = brex.ServerConfigurations{{URL: "http://localhost:8089"}}
	api := brex.NewAPIClient(cfg)
	_, httpResp, err := api.TransfersAPI.ListTransfers(ctx).Execute()
	if httpResp != nil && httpResp.StatusCode == http.StatusUnauthorized {
		_, err := ts.Token()
		return err
	}
	return err
}
