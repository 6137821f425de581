// Package genapp talks to Brex Cash through clients generated from Brex's
// OpenAPI specs: oapi-codegen's (brexsdk, this file) and
// openapi-generator's (brexopenapi, openapigen.go). Their files are
// skipped as generated; a 401 of their operations is judged where the
// program reads the status of the response the operation returns.
package genapp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"

	"github.com/acmepay/brexsdk"
	"github.com/acmepay/ledgersdk"
	"golang.org/x/oauth2"
)

const baseURL = "https://platform.brexapis.com"

// ErrNoCashAccess is what a 401 of a Brex Cash endpoint means.
var ErrNoCashAccess = errors.New("brex: Brex Cash is not enabled for this account, or your role cannot use it")

// Service keeps an oapi-codegen client whose request editor reads the
// token field into the Authorization header.
type Service struct {
	client *brexsdk.ClientWithResponses
	token  string
	ts     oauth2.TokenSource
}

func New(ts oauth2.TokenSource) (*Service, error) {
	s := &Service{token: os.Getenv("BREX_TOKEN"), ts: ts}
	var err error
	s.client, err = brexsdk.NewClientWithResponses(baseURL, brexsdk.WithRequestEditorFn(func(ctx context.Context, req *http.Request) error {
		req.Header.Set("Authorization", "Bearer "+s.token)
		return nil
	}))
	if err != nil {
		return nil, fmt.Errorf("brex client: %w", err)
	}
	return s, nil
}

// Pay clears the token on a 401 of POST /v1/transfers, read with the
// parsed response's StatusCode().
func (s *Service) Pay(ctx context.Context, key string) error {
	resp, err := s.client.CreateTransferWithResponse(ctx, &brexsdk.CreateTransferParams{IdempotencyKey: key}, brexsdk.CreateTransferJSONRequestBody{Description: "payout"})
	if err != nil {
		return err
	}
	if resp.StatusCode() == http.StatusUnauthorized {
		s.token = "" // want `401 from POST /v1/transfers \(a Brex Cash endpoint\) clears or replaces the stored credential here, so a working token is lost \(a Cash 401 usually means no Cash access\); keep it, tell the user$`
		return errors.New("brex: signed out")
	}
	if resp.JSON200 == nil {
		return fmt.Errorf("brex: create transfer: %s", resp.Status())
	}
	return nil
}

// Transfers refreshes the token on a 401 read on the raw response the
// parsed one holds, and tries again.
func (s *Service) Transfers(ctx context.Context) ([]brexsdk.Transfer, error) {
	resp, err := s.client.ListTransfersWithResponse(ctx, &brexsdk.ListTransfersParams{})
	if err != nil {
		return nil, err
	}
	if resp.HTTPResponse.StatusCode == http.StatusUnauthorized {
		if _, err := s.ts.Token(); err != nil { // want `401 from GET /v1/transfers \(a Brex Cash endpoint\) refreshes the token here`
			return nil, err
		}
		return s.Transfers(ctx)
	}
	if resp.JSON200 == nil {
		return nil, fmt.Errorf("brex: list transfers: %s", resp.Status())
	}
	return resp.JSON200.Items, nil
}

// list returns the parsed response: its callers' calls are the sends.
func (s *Service) list(ctx context.Context, cursor *string) (*brexsdk.ListTransfersResponse, error) {
	return s.client.ListTransfersWithResponse(ctx, &brexsdk.ListTransfersParams{Cursor: cursor})
}

func (s *Service) Page(ctx context.Context, cursor string) (*brexsdk.PageTransfer, error) {
	resp, err := s.list(ctx, &cursor)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode() == 401 {
		s.token = os.Getenv("BREX_TOKEN") // want `401 from GET /v1/transfers \(a Brex Cash endpoint\) clears or replaces the stored credential here`
		return nil, errors.New("brex: token reloaded")
	}
	return resp.JSON200, nil
}

// Me lists card expenses, not a Brex Cash endpoint: a 401 there may mean
// a bad token. Quiet.
func (s *Service) Expenses(ctx context.Context) error {
	resp, err := s.client.ListExpenses1WithResponse(ctx, &brexsdk.ListExpenses1Params{})
	if err != nil {
		return err
	}
	if resp.StatusCode() == http.StatusUnauthorized {
		s.token = ""
	}
	return nil
}

// PayReported reports a 401 as missing access: quiet.
func (s *Service) PayReported(ctx context.Context, key string) error {
	resp, err := s.client.CreateTransferWithResponse(ctx, &brexsdk.CreateTransferParams{IdempotencyKey: key}, brexsdk.CreateTransferJSONRequestBody{})
	if err != nil {
		return err
	}
	switch resp.StatusCode() {
	case http.StatusOK:
		return nil
	case http.StatusUnauthorized:
		return fmt.Errorf("%w: %s", ErrNoCashAccess, resp.Body)
	}
	return fmt.Errorf("brex: create transfer: %s", resp.Status())
}

// Refreshing refreshes the token whatever the status: not caused by the
// 401. Quiet.
func (s *Service) Refreshing(ctx context.Context) error {
	if _, err := s.client.ListTransfersWithResponse(ctx, nil); err != nil {
		return err
	}
	tok, err := s.ts.Token()
	if err != nil {
		return err
	}
	s.token = tok.AccessToken
	return nil
}

// Edited's request editor is a method that reads the token field.
type Edited struct {
	client *brexsdk.ClientWithResponses
	token  string
}

func (e *Edited) authorize(ctx context.Context, req *http.Request) error {
	req.Header.Set("Authorization", "Bearer "+e.token)
	return nil
}

func NewEdited(token string) (*Edited, error) {
	e := &Edited{token: token}
	var err error
	e.client, err = brexsdk.NewClientWithResponses(baseURL, brexsdk.WithRequestEditorFn(e.authorize))
	return e, err
}

func (e *Edited) Pay(ctx context.Context, key string) error {
	resp, err := e.client.CreateTransferWithResponse(ctx, &brexsdk.CreateTransferParams{IdempotencyKey: key}, brexsdk.CreateTransferJSONRequestBody{})
	if err != nil {
		return err
	}
	if resp.StatusCode() == 401 {
		e.token = "" // want `401 from POST /v1/transfers \(a Brex Cash endpoint\) clears or replaces the stored credential here`
	}
	return nil
}

// syncLocal makes the client where it uses it and switches on the
// status.
func syncLocal(ctx context.Context, ts oauth2.TokenSource) error {
	c, err := brexsdk.NewClientWithResponses(baseURL)
	if err != nil {
		return err
	}
	resp, err := c.ListTransfersWithResponse(ctx, nil)
	if err != nil {
		return err
	}
	switch resp.StatusCode() {
	case http.StatusOK:
		return nil
	case http.StatusUnauthorized:
		_, err := ts.Token() // want `401 from GET /v1/transfers \(a Brex Cash endpoint\) refreshes the token here`
		return err
	}
	return fmt.Errorf("brex: list transfers: %s", resp.Status())
}

// syncWith is given the client: its callers' clients say where it goes.
func syncWith(ctx context.Context, c *brexsdk.ClientWithResponses, ts oauth2.TokenSource) error {
	resp, err := c.ListTransfersWithResponse(ctx, nil)
	if err != nil {
		return err
	}
	if resp.StatusCode() == http.StatusUnauthorized {
		_, err := ts.Token() // want `401 from GET /v1/transfers \(a Brex Cash endpoint\) refreshes the token here`
		return err
	}
	return nil
}

func syncBrex(ctx context.Context, ts oauth2.TokenSource) error {
	c, err := brexsdk.NewClientWithResponses(baseURL)
	if err != nil {
		return err
	}
	return syncWith(ctx, c, ts)
}

// syncRaw uses the client without responses: its operations return the
// *http.Response.
func syncRaw(ctx context.Context, ts oauth2.TokenSource) error {
	c, err := brexsdk.NewClient(baseURL)
	if err != nil {
		return err
	}
	resp, err := c.ListTransfers(ctx, nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized {
		_, err := ts.Token() // want `401 from GET /v1/transfers \(a Brex Cash endpoint\) refreshes the token here`
		return err
	}
	return nil
}

// --- Look-alikes: quiet.

// Ledger is a client generated from another API's spec with Brex's
// paths: its 401 is that API's.
type Ledger struct {
	client *ledgersdk.ClientWithResponses
	token  string
}

func NewLedger(token string) (*Ledger, error) {
	l := &Ledger{token: token}
	var err error
	l.client, err = ledgersdk.NewClientWithResponses("https://api.ledger.example.com", ledgersdk.WithRequestEditorFn(func(ctx context.Context, req *http.Request) error {
		req.Header.Set("Authorization", "Bearer "+l.token)
		return nil
	}))
	return l, err
}

func (l *Ledger) Pay(ctx context.Context, key string) error {
	resp, err := l.client.CreateTransferWithResponse(ctx, &ledgersdk.CreateTransferParams{IdempotencyKey: key}, ledgersdk.CreateTransferJSONRequestBody{})
	if err != nil {
		return err
	}
	if resp.StatusCode() == http.StatusUnauthorized {
		l.token = ""
	}
	return nil
}

// mockSync points Brex's generated client at a local mock server: not
// Brex.
func mockSync(ctx context.Context, ts oauth2.TokenSource) error {
	c, err := brexsdk.NewClientWithResponses("http://localhost:8089")
	if err != nil {
		return err
	}
	resp, err := c.ListTransfersWithResponse(ctx, nil)
	if err != nil {
		return err
	}
	if resp.StatusCode() == http.StatusUnauthorized {
		_, err := ts.Token()
		return err
	}
	return nil
}
