// Package oauth2 is a stub of golang.org/x/oauth2 with the API the tests
// need.
package oauth2

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"
)

type AuthStyle int

type Endpoint struct {
	AuthURL   string
	TokenURL  string
	AuthStyle AuthStyle
}

type Config struct {
	ClientID     string
	ClientSecret string
	Endpoint     Endpoint
	RedirectURL  string
	Scopes       []string
}

type Token struct {
	AccessToken  string    `json:"access_token"`
	TokenType    string    `json:"token_type,omitempty"`
	RefreshToken string    `json:"refresh_token,omitempty"`
	Expiry       time.Time `json:"expiry,omitempty"`
	ExpiresIn    int64     `json:"expires_in,omitempty"`
}

func (t *Token) Valid() bool { return t != nil && t.AccessToken != "" && time.Now().Before(t.Expiry) }

func (t *Token) Type() string { return "Bearer" }

func (t *Token) SetAuthHeader(r *http.Request) {
	r.Header.Set("Authorization", t.Type()+" "+t.AccessToken)
}

type TokenSource interface {
	Token() (*Token, error)
}

type AuthCodeOption interface {
	setValue(url.Values)
}

type setParam struct{ k, v string }

func (p setParam) setValue(m url.Values) { m.Set(p.k, p.v) }

func SetAuthURLParam(key, value string) AuthCodeOption { return setParam{key, value} }

var AccessTypeOffline AuthCodeOption = SetAuthURLParam("access_type", "offline")

func (c *Config) AuthCodeURL(state string, opts ...AuthCodeOption) string {
	var buf strings.Builder
	buf.WriteString(c.Endpoint.AuthURL)
	v := url.Values{"response_type": {"code"}, "client_id": {c.ClientID}}
	if state != "" {
		v.Set("state", state)
	}
	buf.WriteByte('?')
	buf.WriteString(v.Encode())
	return buf.String()
}

func (c *Config) Exchange(ctx context.Context, code string, opts ...AuthCodeOption) (*Token, error) {
	v := url.Values{"grant_type": {"authorization_code"}, "code": {code}}
	resp, err := http.PostForm(c.Endpoint.TokenURL, v)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return &Token{}, nil
}

func (c *Config) Client(ctx context.Context, t *Token) *http.Client {
	return NewClient(ctx, c.TokenSource(ctx, t))
}

func (c *Config) TokenSource(ctx context.Context, t *Token) TokenSource {
	return ReuseTokenSource(t, staticTokenSource{t})
}

type staticTokenSource struct{ t *Token }

func (s staticTokenSource) Token() (*Token, error) { return s.t, nil }

func StaticTokenSource(t *Token) TokenSource { return staticTokenSource{t} }

func ReuseTokenSource(t *Token, src TokenSource) TokenSource { return src }

type Transport struct {
	Source TokenSource
	Base   http.RoundTripper
}

func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	return http.DefaultTransport.RoundTrip(req)
}

func NewClient(ctx context.Context, src TokenSource) *http.Client {
	return &http.Client{Transport: &Transport{Source: src}}
}
