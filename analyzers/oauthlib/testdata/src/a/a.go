// Package a holds hand-rolled token requests to Brex and look-alikes.
package a

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"strings"

	"brexauth"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

const tokenURL = "https://accounts-api.brex.com/oauth2/default/v1/token"

type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	ExpiresIn    int    `json:"expires_in"`
}

func exchange(code string) (*tokenResponse, error) {
	form := url.Values{}
	form.Set("grant_type", "authorization_code")
	form.Set("code", code)
	form.Set("client_id", os.Getenv("BREX_CLIENT_ID"))
	form.Set("client_secret", os.Getenv("BREX_CLIENT_SECRET"))
	resp, err := http.PostForm(tokenURL, form) // want `^oauthlib: this POST /oauth2/default/v1/token \(grant_type=authorization_code\) is a hand-rolled Brex token exchange, so it skips the OAuth 2.0 library Brex asks for; use oauth2.Config or clientcredentials.Config$`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var tr tokenResponse
	return &tr, json.NewDecoder(resp.Body).Decode(&tr)
}

func refresh(ctx context.Context, rt string) error {
	body := strings.NewReader("grant_type=refresh_token&refresh_token=" + url.QueryEscape(rt))
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, tokenURL, body) // want `\(grant_type=refresh_token\) is a hand-rolled Brex token exchange, so it skips the OAuth 2.0 library Brex asks for; use oauth2.Config or clientcredentials.Config$`
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func clientCredentials(c *http.Client) error {
	resp, err := c.PostForm(brexauth.TokenURL, url.Values{"grant_type": {"client_credentials"}, "scope": {"onboarding"}}) // want `\(grant_type=client_credentials\) is a hand-rolled Brex token exchange, so it skips the OAuth 2.0 library Brex asks for; use oauth2.Config or clientcredentials.Config$`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func legacy(code string) error {
	resp, err := http.Post("https://accounts.brex.com/oauth2/v1/token", "application/x-www-form-urlencoded", // want `this POST /oauth2/v1/token \(grant_type=authorization_code\)`
		strings.NewReader("grant_type=authorization_code&code="+code))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The library: not a finding.
func library(ctx context.Context, code string) error {
	conf := &oauth2.Config{Endpoint: oauth2.Endpoint{TokenURL: tokenURL}}
	_, err := conf.Exchange(ctx, code)
	cc := &clientcredentials.Config{TokenURL: tokenURL}
	_, err = cc.Token(ctx)
	return err
}

// Other providers' token endpoints are out of scope.
func google(code string) error {
	resp, err := http.PostForm("https://oauth2.googleapis.com/token", url.Values{"grant_type": {"authorization_code"}, "code": {code}})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Revocation is not a token exchange; a GET is not one either.
func revoke(token string) error {
	resp, err := http.PostForm("https://accounts-api.brex.com/oauth2/default/v1/revoke", url.Values{"token": {token}})
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = http.Get("https://accounts-api.brex.com/oauth2/default/.well-known/openid-configuration")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A token endpoint from the environment: not known to be Brex's.
func fromEnv(code string) error {
	resp, err := http.PostForm(os.Getenv("TOKEN_URL"), url.Values{"grant_type": {"authorization_code"}, "code": {code}})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
