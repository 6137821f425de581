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

var NoContext = context.TODO()

type AuthStyle int

type Endpoint struct {
	AuthURL       string
	DeviceAuthURL string
	TokenURL      string
	AuthStyle     AuthStyle
}

type Config struct {
	ClientID     string
	ClientSecret string
	Endpoint     Endpoint
	RedirectURL  string
	Scopes       []string
}

type Token struct {
	AccessToken  string
	TokenType    string
	RefreshToken string
	Expiry       time.Time
	ExpiresIn    int64
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

var (
	AccessTypeOnline  AuthCodeOption = SetAuthURLParam("access_type", "online")
	AccessTypeOffline AuthCodeOption = SetAuthURLParam("access_type", "offline")
	ApprovalForce     AuthCodeOption = SetAuthURLParam("prompt", "consent")
)

// AuthCodeURL builds the URL by hand, like the real one: the OAuth
// library itself is out of scope.
func (c *Config) AuthCodeURL(state string, opts ...AuthCodeOption) string {
	var buf strings.Builder
	buf.WriteString(c.Endpoint.AuthURL)
	v := url.Values{
		"response_type": {"code"},
		"client_id":     {c.ClientID},
	}
	if state != "" {
		v.Set("state", state)
	}
	for _, opt := range opts {
		opt.setValue(v)
	}
	buf.WriteByte('?')
	buf.WriteString(v.Encode())
	return buf.String()
}

// Exchange posts grant_type itself, like the real one.
func (c *Config) Exchange(ctx context.Context, code string, opts ...AuthCodeOption) (*Token, error) {
	v := url.Values{
		"grant_type": {"authorization_code"},
		"code":       {code},
	}
	resp, err := http.PostForm(c.Endpoint.TokenURL, v)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return &Token{}, nil
}

func (c *Config) Client(ctx context.Context, t *Token) *http.Client { return http.DefaultClient }

func (c *Config) TokenSource(ctx context.Context, t *Token) TokenSource { return StaticTokenSource(t) }

type staticTokenSource struct{ t *Token }

func (s staticTokenSource) Token() (*Token, error) { return s.t, nil }

func StaticTokenSource(t *Token) TokenSource { return staticTokenSource{t} }

func GenerateVerifier() string { return "verifier" }

func VerifierOption(verifier string) AuthCodeOption { return setParam{"code_verifier", verifier} }

func S256ChallengeOption(verifier string) AuthCodeOption {
	return setParam{"code_challenge", verifier}
}
