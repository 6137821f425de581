// Package brexauth holds a partner app's Brex OAuth configuration, the
// callback that stores tokens, and helpers: other packages use them
// through facts.
package brexauth

import (
	"context"
	"net/http"
	"os"
	"sync"

	"golang.org/x/oauth2"
)

var Config = &oauth2.Config{
	ClientID:     os.Getenv("BREX_CLIENT_ID"),
	ClientSecret: os.Getenv("BREX_CLIENT_SECRET"),
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
		TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
	},
	Scopes: []string{"openid", "offline_access", "users.readonly"},
}

// Store keeps each company's token from the exchange.
type Store struct {
	mu     sync.Mutex
	tokens map[string]*oauth2.Token
	// Access is the last access token, for callers that set headers.
	Access string
}

// Connect exchanges the code and stores the token.
func (s *Store) Connect(ctx context.Context, company, code string) error {
	tok, err := Config.Exchange(ctx, code)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens[company] = tok
	s.Access = tok.AccessToken
	return nil
}

// Token returns the stored token of a company.
func (s *Store) Token(company string) *oauth2.Token {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tokens[company]
}

// AccessToken returns the last stored access token.
func (s *Store) AccessToken() string { return s.Access }

// ClientFor builds a client over a token its caller gives: the caller's
// token decides.
func ClientFor(ctx context.Context, tok *oauth2.Token) *http.Client {
	return Config.Client(ctx, tok)
}

// StaticClient wraps a token its caller gives in a static source.
func StaticClient(ctx context.Context, tok *oauth2.Token) *http.Client {
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok))
}

// Authorize sets the header from an access token its caller gives.
func Authorize(req *http.Request, access string) {
	req.Header.Set("Authorization", "Bearer "+access)
}

// SavingClient refreshes and saves each new token: fine for any caller.
func SavingClient(ctx context.Context, tok *oauth2.Token, save func(*oauth2.Token)) *http.Client {
	src := &saver{base: Config.TokenSource(ctx, tok), save: save}
	return oauth2.NewClient(ctx, oauth2.ReuseTokenSource(tok, src))
}

type saver struct {
	base oauth2.TokenSource
	save func(*oauth2.Token)
}

func (s *saver) Token() (*oauth2.Token, error) {
	t, err := s.base.Token()
	if err == nil {
		s.save(t)
	}
	return t, err
}
