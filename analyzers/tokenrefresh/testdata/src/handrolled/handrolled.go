// Package handrolled talks to Brex's token endpoint without an OAuth
// library: refreshes that drop the rotated refresh token, and access
// tokens cached for too long.
package handrolled

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/patrickmn/go-cache"
	"github.com/redis/go-redis/v9"
	"golang.org/x/oauth2"
)

const tokenURL = "https://accounts-api.brex.com/oauth2/default/v1/token"

type tokenResponse struct {
	AccessToken string `json:"access_token"`
	ExpiresIn   int    `json:"expires_in"`
}

// refresh keeps the new access token and drops the new refresh token.
func refresh(ctx context.Context, refreshToken string) (string, error) {
	form := url.Values{
		"grant_type":    {"refresh_token"},
		"refresh_token": {refreshToken},
		"client_id":     {os.Getenv("BREX_CLIENT_ID")},
		"client_secret": {os.Getenv("BREX_CLIENT_SECRET")},
	}
	resp, err := http.PostForm(tokenURL, form)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil { // want `^tokenrefresh: this hand-written Brex refresh drops refresh_token: its response type tokenResponse has no refresh_token field, so the next refresh fails \(Brex rotates it\); save the new one$`
		return "", err
	}
	return out.AccessToken, nil
}

type ignoredResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
}

// refreshIgnored decodes the refresh token and never reads it.
func refreshIgnored(ctx context.Context, refreshToken string) (string, error) {
	body := strings.NewReader("grant_type=refresh_token&refresh_token=" + url.QueryEscape(refreshToken))
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, tokenURL, body)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out ignoredResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil { // want `its response type ignoredResponse has a refresh_token field that nothing reads`
		return "", err
	}
	return out.AccessToken, nil
}

// refreshMap reads only the access token from a map.
func refreshMap(ctx context.Context, refreshToken string) (string, error) {
	resp, err := http.PostForm(tokenURL, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refreshToken}})
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var m map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil { // want `its response type map\[string\]any never reads "refresh_token" from it`
		return "", err
	}
	s, _ := m["access_token"].(string)
	return s, nil
}

type fullResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	ExpiresIn    int    `json:"expires_in"`
}

type saver interface {
	Save(access, refresh string, expiry time.Time) error
}

// refreshKeeps keeps both tokens: fine.
func refreshKeeps(ctx context.Context, db saver, refreshToken string) error {
	resp, err := http.PostForm(tokenURL, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refreshToken}})
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out fullResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return err
	}
	return db.Save(out.AccessToken, out.RefreshToken, time.Now().Add(time.Duration(out.ExpiresIn)*time.Second))
}

// fetch asks for an Onboarding API token (client credentials).
func fetch(ctx context.Context) (*tokenResponse, error) {
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {os.Getenv("BREX_CLIENT_ID")}}
	resp, err := http.PostForm(tokenURL, form)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	return &out, nil
}

// forever caches the token with no expiry.
type forever struct{ token string }

func (f *forever) accessToken(ctx context.Context) (string, error) {
	if f.token != "" { // want `^tokenrefresh: this cached access token is checked only for emptiness: the Brex access token is kept with no expiry, so it is used after Brex has expired it; keep the expiry from expires_in$`
		return f.token, nil
	}
	out, err := fetch(ctx)
	if err != nil {
		return "", err
	}
	f.token = out.AccessToken
	return f.token, nil
}

// expiring keeps the expiry from expires_in: fine.
type expiring struct {
	token string
	exp   time.Time
}

func (e *expiring) accessToken(ctx context.Context) (string, error) {
	if e.token != "" && time.Now().Before(e.exp) {
		return e.token, nil
	}
	out, err := fetch(ctx)
	if err != nil {
		return "", err
	}
	e.token = out.AccessToken
	e.exp = time.Now().Add(time.Duration(out.ExpiresIn)*time.Second - time.Minute)
	return e.token, nil
}

// daily keeps it for a day.
func (e *expiring) daily(ctx context.Context) (string, error) {
	if e.token != "" && time.Now().Before(e.exp) {
		return e.token, nil
	}
	out, err := fetch(ctx)
	if err != nil {
		return "", err
	}
	e.token = out.AccessToken
	e.exp = time.Now().Add(24 * time.Hour) // want `tokenrefresh: the expiry stored with this access token is 24h, longer than the 3600 s a Brex access token lives`
	return e.token, nil
}

// fiftyMinutes is within the hour: fine.
func (e *expiring) fiftyMinutes(ctx context.Context) (string, error) {
	out, err := fetch(ctx)
	if err != nil {
		return "", err
	}
	e.token, e.exp = out.AccessToken, time.Now().Add(50*time.Minute)
	return e.token, nil
}

type entry struct {
	value   string
	expires time.Time
}

type entries struct{ byCompany map[string]entry }

func (c *entries) put(ctx context.Context, company string) error {
	out, err := fetch(ctx)
	if err != nil {
		return err
	}
	c.byCompany[company] = entry{value: out.AccessToken, expires: time.Now().Add(2 * time.Hour)} // want `the expiry stored with this access token is 2h`
	return nil
}

var tokens = cache.New(5*time.Minute, 10*time.Minute)

var rdb = redis.NewClient()

func libraries(ctx context.Context) error {
	out, err := fetch(ctx)
	if err != nil {
		return err
	}
	tokens.Set("brex", out.AccessToken, 24*time.Hour)               // want `the go-cache Set expiration of this access token is 24h`
	tokens.Set("brex-forever", out.AccessToken, cache.NoExpiration) // want `go-cache Set without expiration: the Brex access token is kept with no expiry, so it is used after Brex has expired it; keep the expiry from expires_in$`
	tokens.Set("brex-short", out.AccessToken, 30*time.Minute)
	rdb.Set(ctx, "brex", out.AccessToken, 0) // want `go-redis Set without expiration`
	rdb.Set(ctx, "brex-ok", out.AccessToken, time.Duration(out.ExpiresIn)*time.Second)
	tokens.Set("user-token", os.Getenv("BREX_API_TOKEN"), cache.NoExpiration)
	return nil
}

func tokenLiteral(ctx context.Context) (*oauth2.Token, error) {
	out, err := fetch(ctx)
	if err != nil {
		return nil, err
	}
	return &oauth2.Token{AccessToken: out.AccessToken, Expiry: time.Now().Add(90 * time.Minute)}, nil // want `the expiry stored with this access token is 1h30m`
}
