// Package a is a partner app that keeps Brex tokens in every way the
// check knows: stored and reused, refreshed and lost, cached too long.
package a

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

var brexConf = &oauth2.Config{
	ClientID:     os.Getenv("BREX_CLIENT_ID"),
	ClientSecret: os.Getenv("BREX_CLIENT_SECRET"),
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
		TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
	},
	Scopes: []string{"openid", "offline_access", "users.readonly"},
}

type server struct {
	tokens map[string]*oauth2.Token
	access string
	client *http.Client
	last   *oauth2.Token
}

// callback exchanges the code and keeps the token for later calls.
func (s *server) callback(w http.ResponseWriter, r *http.Request) {
	tok, err := brexConf.Exchange(r.Context(), r.FormValue("code"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	s.tokens[r.FormValue("company")] = tok
	s.access = tok.AccessToken
}

// A stored token used through a static source never refreshes.
func (s *server) usersClient(ctx context.Context, company string) *http.Client {
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(s.tokens[company])) // want `^tokenrefresh: this stored Brex OAuth token is used through oauth2.StaticTokenSource, so it is never refreshed and expires within the hour; use Config.TokenSource, save what it refreshes$`
}

// The same through a local variable.
func (s *server) usersClientLocal(ctx context.Context, company string) *http.Client {
	tok := s.tokens[company]
	ts := oauth2.StaticTokenSource(tok) // want `used through oauth2.StaticTokenSource`
	return oauth2.NewClient(ctx, ts)
}

// A stored access token in a literal header.
func (s *server) me(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/users/me", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+s.access) // want `this stored Brex OAuth token is used through a literal Authorization header, so it is never refreshed and expires within the hour; use Config.TokenSource, save what it refreshes$`
	return http.DefaultClient.Do(req)
}

// A stored token setting its own header.
func (s *server) company(ctx context.Context, id string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/company", nil)
	if err != nil {
		return nil, err
	}
	s.tokens[id].SetAuthHeader(req) // want `used through a literal Authorization header`
	return http.DefaultClient.Do(req)
}

// A stored token whose expiry is checked first: refreshed on its path.
func (s *server) checked(ctx context.Context, id string) *http.Client {
	tok := s.tokens[id]
	if !tok.Valid() {
		return nil
	}
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok))
}

// A fresh token wrapped in a static source and kept in the server.
func (s *server) connect(w http.ResponseWriter, r *http.Request) {
	tok, err := brexConf.Exchange(r.Context(), r.FormValue("code"))
	if err != nil {
		return
	}
	s.client = oauth2.NewClient(r.Context(), oauth2.StaticTokenSource(tok)) // want `^tokenrefresh: this Brex OAuth token from the exchange is kept beyond the request in oauth2.StaticTokenSource, so it is never refreshed and expires within the hour; use Config.TokenSource, save what it refreshes$`
}

// A fresh token used once right after the exchange: fine.
func (s *server) connectOnce(w http.ResponseWriter, r *http.Request) {
	tok, err := brexConf.Exchange(r.Context(), r.FormValue("code"))
	if err != nil {
		return
	}
	client := oauth2.NewClient(r.Context(), oauth2.StaticTokenSource(tok))
	resp, err := client.Get("https://api.brex.com/v2/company")
	if err == nil {
		resp.Body.Close()
	}
	once := brexConf.Client(r.Context(), tok)
	resp, err = once.Get("https://api.brex.com/v2/users/me")
	if err == nil {
		resp.Body.Close()
	}
	s.last = tok // kept for later: judged where it is used
}

// A command-line sync that exchanges once and polls for hours.
func poll(ctx context.Context, code string) error {
	tok, err := brexConf.Exchange(ctx, code)
	if err != nil {
		return err
	}
	client := oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)) // want `is kept beyond the request`
	for {
		resp, err := client.Get("https://api.brex.com/v2/transactions/card/primary")
		if err == nil {
			resp.Body.Close()
		}
		time.Sleep(time.Minute)
	}
}

// A goroutine that loops over a ticker with a static source.
func background(ctx context.Context, code string) error {
	tok, err := brexConf.Exchange(ctx, code)
	if err != nil {
		return err
	}
	ts := oauth2.StaticTokenSource(tok) // want `is kept beyond the request`
	go func() {
		t := time.NewTicker(time.Minute)
		for range t.C {
			if _, err := ts.Token(); err != nil {
				return
			}
		}
	}()
	return nil
}

// Config.Client over a stored token: refreshed in the client, lost.
func (s *server) refreshingClient(ctx context.Context, id string) *http.Client {
	return brexConf.Client(ctx, s.tokens[id]) // want `^tokenrefresh: Config.Client over a stored Brex token never persists the tokens it refreshes, so the stored refresh token dies: Brex rotates it on refresh; save the tokens it refreshes$`
}

type row struct {
	Access, Refresh string
	Expiry          time.Time
}

// A token rebuilt from a database row.
func fromRow(ctx context.Context, r row) *http.Client {
	tok := &oauth2.Token{AccessToken: r.Access, RefreshToken: r.Refresh, Expiry: r.Expiry}
	return brexConf.Client(ctx, tok) // want `Config.Client over a stored Brex token`
}

// Rebuilt without Expiry: x/oauth2 never refreshes it.
func fromRowNoExpiry(ctx context.Context, r row) *http.Client {
	tok := &oauth2.Token{ // want `^tokenrefresh: this oauth2.Token rebuilt from stored parts has no Expiry: the Brex access token is kept with no expiry, so it is used after Brex has expired it; keep the expiry from expires_in$`
		AccessToken:  r.Access,
		RefreshToken: r.Refresh,
	}
	return brexConf.Client(ctx, tok) // want `Config.Client over a stored Brex token`
}

// A token decoded from a file, refreshed through a source nobody reads.
func fromFile(ctx context.Context, data []byte) (*http.Client, error) {
	var tok oauth2.Token
	if err := json.Unmarshal(data, &tok); err != nil {
		return nil, err
	}
	ts := brexConf.TokenSource(ctx, &tok) // want `^tokenrefresh: Config.TokenSource over a stored Brex token: the refreshed tokens it returns are never persisted, so the stored refresh token dies: Brex rotates it on refresh; save the tokens it refreshes$`
	return oauth2.NewClient(ctx, ts), nil
}

// A refresh token from the environment: the first refresh kills it.
func fromEnv(ctx context.Context) *http.Client {
	src := brexConf.TokenSource(ctx, &oauth2.Token{RefreshToken: os.Getenv("BREX_REFRESH_TOKEN")}) // want `Config.TokenSource over a stored Brex token`
	return oauth2.NewClient(ctx, src)
}

// Token() read for its access token only.
func (s *server) accessOnly(ctx context.Context, id string) (string, error) {
	t, err := brexConf.TokenSource(ctx, s.tokens[id]).Token() // want `Config.TokenSource over a stored Brex token`
	if err != nil {
		return "", err
	}
	return t.AccessToken, nil
}

// The refreshed token is saved: fine.
func (s *server) persisted(ctx context.Context, id string) (*http.Client, error) {
	ts := brexConf.TokenSource(ctx, s.tokens[id])
	nt, err := ts.Token()
	if err != nil {
		return nil, err
	}
	s.save(id, nt)
	return oauth2.NewClient(ctx, ts), nil
}

func (s *server) save(id string, t *oauth2.Token) { s.tokens[id] = t }

// A persisting wrapper: fine.
type savingSource struct {
	base oauth2.TokenSource
	save func(*oauth2.Token)
}

func (p *savingSource) Token() (*oauth2.Token, error) {
	t, err := p.base.Token()
	if err == nil {
		p.save(t)
	}
	return t, err
}

func (s *server) wrapped(ctx context.Context, id string) *http.Client {
	stored := s.tokens[id]
	src := &savingSource{base: brexConf.TokenSource(ctx, stored), save: func(t *oauth2.Token) { s.save(id, t) }}
	return oauth2.NewClient(ctx, oauth2.ReuseTokenSource(stored, src))
}

// A parameter: the callers decide.
func clientFor(ctx context.Context, tok *oauth2.Token) *http.Client {
	return brexConf.Client(ctx, tok)
}

func (s *server) viaHelper(ctx context.Context, id string) *http.Client {
	return clientFor(ctx, s.tokens[id]) // want `Config.Client \(through clientFor\) over a stored Brex token`
}

// A customer's user token from the environment, static: fine.
func customer(ctx context.Context) *http.Client {
	tok := &oauth2.Token{AccessToken: os.Getenv("BREX_API_TOKEN")}
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok))
}

type customerClient struct{ token string }

func newCustomerClient() *customerClient { return &customerClient{token: os.Getenv("BREX_API_TOKEN")} }

func (c *customerClient) do(req *http.Request) (*http.Response, error) {
	req.Header.Set("Authorization", "Bearer "+c.token)
	return http.DefaultClient.Do(req)
}

func (s *server) demo(ctx context.Context, id string) *http.Client {
	//brexlint:ignore tokenrefresh this demo process exits long before the hour is up
	return brexConf.Client(ctx, s.tokens[id])
}

// Tokens kept in a sync.Map.
type syncServer struct{ tokens sync.Map }

func (s *syncServer) callback(w http.ResponseWriter, r *http.Request) {
	tok, err := brexConf.Exchange(r.Context(), r.FormValue("code"))
	if err != nil {
		return
	}
	s.tokens.Store(r.FormValue("company"), tok)
}

func (s *syncServer) client(ctx context.Context, id string) *http.Client {
	v, _ := s.tokens.Load(id)
	return brexConf.Client(ctx, v.(*oauth2.Token)) // want `Config.Client over a stored Brex token`
}

func (s *syncServer) static(ctx context.Context, id string) *http.Client {
	v, ok := s.tokens.Load(id)
	if !ok {
		return nil
	}
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(v.(*oauth2.Token))) // want `used through oauth2.StaticTokenSource`
}

// TokenStore saves and loads tokens (a database, a vault): what it loads
// is stored, whatever its methods are called.
type TokenStore interface {
	Save(ctx context.Context, company string, tok *oauth2.Token) error
	Load(ctx context.Context, company string) (*oauth2.Token, error)
}

type service struct{ store TokenStore }

func (s *service) client(ctx context.Context, company string) (*http.Client, error) {
	tok, err := s.store.Load(ctx, company)
	if err != nil {
		return nil, err
	}
	return brexConf.Client(ctx, tok), nil // want `Config.Client over a stored Brex token`
}

// A loaded token of unknown provider in a static source: it may be a
// customer's user token kept in a vault.
func (s *service) static(ctx context.Context, company string) (*http.Client, error) {
	tok, err := s.store.Load(ctx, company)
	if err != nil {
		return nil, err
	}
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)), nil
}

// A refresher takes and returns a token: what it returns is fresh.
type refresher interface {
	Refresh(ctx context.Context, tok *oauth2.Token) (*oauth2.Token, error)
}

func (s *service) refreshed(ctx context.Context, r refresher, old *oauth2.Token) (*http.Client, error) {
	tok, err := r.Refresh(ctx, old)
	if err != nil {
		return nil, err
	}
	return brexConf.Client(ctx, tok), nil
}
