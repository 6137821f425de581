// Package genscopes calls Brex through clients generated from Brex's
// OpenAPI specs, oapi-codegen's (brexsdk) and openapi-generator's
// (brexopenapi), with the partner's OAuth configuration's client: the
// operations are judged against its scopes where the program calls them.
package genscopes

import (
	"context"
	"net/http"
	"os"

	"brexauth"

	brex "github.com/acmepay/brexopenapi"
	"github.com/acmepay/brexsdk"
	ledger "github.com/acmepay/ledgeropenapi"
	"github.com/acmepay/ledgersdk"
	"golang.org/x/oauth2"
)

const brexURL = "https://platform.brexapis.com"

// Sync keeps an oapi-codegen client over the configuration's client.
type Sync struct {
	client *brexsdk.ClientWithResponses
}

func NewSync(ctx context.Context, tok *oauth2.Token) (*Sync, error) {
	c, err := brexsdk.NewClientWithResponses(brexURL, brexsdk.WithHTTPClient(brexauth.Config.Client(ctx, tok)))
	if err != nil {
		return nil, err
	}
	return &Sync{client: c}, nil
}

// Expenses lists card expenses, which needs expenses.card(.readonly).
func (s *Sync) Expenses(ctx context.Context) error {
	_, err := s.client.ListExpenses1WithResponse(ctx, &brexsdk.ListExpenses1Params{}) // want `GET /v1/expenses/card needs scope expenses.card.readonly \(or expenses.card\), not requested by brexauth.Config`
	return err
}

// Pay creates a transfer: the configuration requests transfers. Quiet.
func (s *Sync) Pay(ctx context.Context, key string) error {
	_, err := s.client.CreateTransferWithResponse(ctx, &brexsdk.CreateTransferParams{IdempotencyKey: key}, brexsdk.CreateTransferJSONRequestBody{})
	return err
}

// Cards keeps an openapi-generator client over the configuration's
// client.
type Cards struct {
	api *brex.APIClient
}

func NewCards(ctx context.Context, tok *oauth2.Token) *Cards {
	cfg := brex.NewConfiguration()
	cfg.HTTPClient = brexauth.Config.Client(ctx, tok)
	return &Cards{api: brex.NewAPIClient(cfg)}
}

// Number reads a card's number, which needs cards.pan.
func (c *Cards) Number(ctx context.Context, id string) (string, error) {
	pan, _, err := c.api.CardsAPI.GetCardNumber(ctx, id).Execute() // want `GET /v2/cards/\{id\}/pan needs scope cards.pan, not requested by brexauth.Config`
	if err != nil {
		return "", err
	}
	return pan.Number, nil
}

// Transfers lists transfers: requested. Quiet.
func (c *Cards) Transfers(ctx context.Context) error {
	_, _, err := c.api.TransfersAPI.ListTransfers(ctx).Execute()
	return err
}

// --- Look-alikes: quiet.

// Ledger calls a ledger API through clients generated from its own spec,
// with Brex's paths (GET /v1/expenses/card among them), over the same
// OAuth client: not Brex's endpoints.
type Ledger struct {
	client *ledgersdk.ClientWithResponses
	api    *ledger.APIClient
}

func NewLedger(ctx context.Context, tok *oauth2.Token) (*Ledger, error) {
	hc := brexauth.Config.Client(ctx, tok)
	c, err := ledgersdk.NewClientWithResponses("https://api.ledger.example.com", ledgersdk.WithHTTPClient(hc))
	if err != nil {
		return nil, err
	}
	cfg := ledger.NewConfiguration()
	cfg.HTTPClient = hc
	return &Ledger{client: c, api: ledger.NewAPIClient(cfg)}, nil
}

func (l *Ledger) Expenses(ctx context.Context) error {
	if _, err := l.client.ListExpenses1WithResponse(ctx, &ledgersdk.ListExpenses1Params{}); err != nil {
		return err
	}
	_, _, err := l.api.CardExpensesAPI.ListExpenses1(ctx).Execute()
	return err
}

// Own calls Brex for the partner's own company with its user token from
// the environment, set by a request editor (oapi-codegen) or given as the
// context's access token (openapi-generator): the token's scopes, chosen
// in the dashboard, not the configuration's. Quiet.
type Own struct {
	client *brexsdk.ClientWithResponses
	raw    *brexsdk.Client
	api    *brex.APIClient
}

func bearer(token string) brexsdk.ClientOption {
	return brexsdk.WithRequestEditorFn(func(ctx context.Context, req *http.Request) error {
		req.Header.Set("Authorization", "Bearer "+token)
		return nil
	})
}

func NewOwn() (*Own, error) {
	c, err := brexsdk.NewClientWithResponses(brexURL, brexsdk.WithRequestEditorFn(func(ctx context.Context, req *http.Request) error {
		req.Header.Set("Authorization", "Bearer "+os.Getenv("BREX_API_TOKEN"))
		return nil
	}))
	if err != nil {
		return nil, err
	}
	raw, err := brexsdk.NewClient(brexURL, bearer(os.Getenv("BREX_API_TOKEN")))
	if err != nil {
		return nil, err
	}
	return &Own{client: c, raw: raw, api: brex.NewAPIClient(brex.NewConfiguration())}, nil
}

func (o *Own) Expenses(ctx context.Context) error {
	_, err := o.client.ListExpenses1WithResponse(ctx, &brexsdk.ListExpenses1Params{})
	return err
}

// PerCall gives the partner's own user token to the operation's call
// itself, as a request editor that the generated code applies after the
// client's: the token's scopes. Quiet.
func (p *Partner) PerCall(ctx context.Context) error {
	_, err := p.client.ListExpenses1WithResponse(ctx, &brexsdk.ListExpenses1Params{}, func(ctx context.Context, req *http.Request) error {
		req.Header.Set("Authorization", "Bearer "+os.Getenv("BREX_API_TOKEN"))
		return nil
	})
	return err
}

func (o *Own) RawExpenses(ctx context.Context) error {
	resp, err := o.raw.ListExpenses1(ctx, &brexsdk.ListExpenses1Params{})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (o *Own) ctx(ctx context.Context) context.Context {
	return context.WithValue(ctx, brex.ContextAccessToken, os.Getenv("BREX_API_TOKEN"))
}

func (o *Own) CardNumber(ctx context.Context, id string) error {
	_, _, err := o.api.CardsAPI.GetCardNumber(o.ctx(ctx), id).Execute()
	return err
}

// Partner sets the OAuth token in a request editor, and in the context:
// the configuration's scopes decide.
type Partner struct {
	client *brexsdk.ClientWithResponses
	api    *brex.APIClient
	ts     oauth2.TokenSource
}

func NewPartner(ctx context.Context, tok *oauth2.Token) (*Partner, error) {
	p := &Partner{ts: brexauth.Config.TokenSource(ctx, tok), api: brex.NewAPIClient(brex.NewConfiguration())}
	var err error
	p.client, err = brexsdk.NewClientWithResponses(brexURL, brexsdk.WithRequestEditorFn(func(ctx context.Context, req *http.Request) error {
		t, err := p.ts.Token()
		if err != nil {
			return err
		}
		req.Header.Set("Authorization", "Bearer "+t.AccessToken)
		return nil
	}))
	return p, err
}

func (p *Partner) Expenses(ctx context.Context) error {
	_, err := p.client.ListExpenses1WithResponse(ctx, &brexsdk.ListExpenses1Params{}) // want `GET /v1/expenses/card needs scope expenses.card.readonly \(or expenses.card\), not requested by brexauth.Config`
	return err
}

func (p *Partner) CardNumber(ctx context.Context, id string) error {
	t, err := p.ts.Token()
	if err != nil {
		return err
	}
	ctx = context.WithValue(ctx, brex.ContextAccessToken, t.AccessToken)
	_, _, err = p.api.CardsAPI.GetCardNumber(ctx, id).Execute() // want `GET /v2/cards/\{id\}/pan needs scope cards.pan, not requested by brexauth.Config`
	return err
}

// Indexed sets the partner's own user token by writing the header map
// whole, in a request editor that is a method: the token's scopes. Quiet.
type Indexed struct {
	client *brexsdk.ClientWithResponses
}

type userAuth struct{}

func (a userAuth) edit(ctx context.Context, req *http.Request) error {
	req.Header["Authorization"] = []string{"Bearer " + os.Getenv("BREX_USER_TOKEN")}
	return nil
}

func NewIndexed() (*Indexed, error) {
	c, err := brexsdk.NewClientWithResponses(brexURL, brexsdk.WithRequestEditorFn(userAuth{}.edit))
	if err != nil {
		return nil, err
	}
	return &Indexed{client: c}, nil
}

func (x *Indexed) Expenses(ctx context.Context) error {
	_, err := x.client.ListExpenses1WithResponse(ctx, &brexsdk.ListExpenses1Params{})
	return err
}

// IndexedOAuth writes the configuration's token into the header map: the
// configuration's scopes decide.
func IndexedOAuth(ctx context.Context, ts oauth2.TokenSource) error {
	c, err := brexsdk.NewClientWithResponses(brexURL, brexsdk.WithRequestEditorFn(func(ctx context.Context, req *http.Request) error {
		t, err := ts.Token()
		if err != nil {
			return err
		}
		req.Header["Authorization"] = []string{"Bearer " + t.AccessToken}
		return nil
	}))
	if err != nil {
		return err
	}
	_, err = c.ListExpenses1WithResponse(ctx, &brexsdk.ListExpenses1Params{}) // want `GET /v1/expenses/card needs scope expenses.card.readonly \(or expenses.card\), not requested by brexauth.Config`
	return err
}

// Layered gives the constructor two request editors, which the generated
// client applies in order: the last that sets Authorization decides.
// NewLayered's default user token from the environment is replaced by
// the configuration's token: its scopes decide.
type Layered struct {
	client *brexsdk.ClientWithResponses
}

func NewLayered(ctx context.Context, tok *oauth2.Token) (*Layered, error) {
	ts := brexauth.Config.TokenSource(ctx, tok)
	c, err := brexsdk.NewClientWithResponses(brexURL,
		bearer(os.Getenv("BREX_API_TOKEN")),
		brexsdk.WithRequestEditorFn(func(ctx context.Context, req *http.Request) error {
			t, err := ts.Token()
			if err != nil {
				return err
			}
			req.Header.Set("Authorization", "Bearer "+t.AccessToken)
			return nil
		}))
	if err != nil {
		return nil, err
	}
	return &Layered{client: c}, nil
}

func (l *Layered) Expenses(ctx context.Context) error {
	_, err := l.client.ListExpenses1WithResponse(ctx, &brexsdk.ListExpenses1Params{}) // want `GET /v1/expenses/card needs scope expenses.card.readonly \(or expenses.card\), not requested by brexauth.Config`
	return err
}

// OverriddenExpenses's editors run the other way round: the user token
// from the environment, applied last, replaces the configuration's.
// Quiet.
func OverriddenExpenses(ctx context.Context, ts oauth2.TokenSource) error {
	c, err := brexsdk.NewClientWithResponses(brexURL,
		brexsdk.WithRequestEditorFn(func(ctx context.Context, req *http.Request) error {
			t, err := ts.Token()
			if err != nil {
				return err
			}
			req.Header.Set("Authorization", "Bearer "+t.AccessToken)
			return nil
		}),
		bearer(os.Getenv("BREX_API_TOKEN")))
	if err != nil {
		return err
	}
	_, err = c.ListExpenses1WithResponse(ctx, &brexsdk.ListExpenses1Params{})
	return err
}
