// Package brexauth holds a partner app's Brex OAuth configuration and
// helpers, used by package app: the facts carry them across packages.
package brexauth

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	mrand "math/rand"
	"net/http"
	"os"
	"strconv"

	"golang.org/x/oauth2"
)

var Endpoint = oauth2.Endpoint{
	AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
	TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
}

var Config = &oauth2.Config{
	ClientID:     os.Getenv("BREX_CLIENT_ID"),
	ClientSecret: os.Getenv("BREX_CLIENT_SECRET"),
	Endpoint:     Endpoint,
	RedirectURL:  "https://app.example.com/oauth/callback",
	Scopes:       []string{"openid", "offline_access", "transfers"},
}

// NewState returns a random state.
func NewState() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// WeakState returns a predictable state.
func WeakState() string {
	return strconv.Itoa(mrand.Int())
}

// LoginURL builds the authorization URL for a state its caller chooses:
// the finding, if any, lands at the caller.
func LoginURL(state string) string {
	return Config.AuthCodeURL(state, oauth2.AccessTypeOffline)
}

// Finish exchanges a code.
func Finish(ctx context.Context, code string) (*oauth2.Token, error) {
	return Config.Exchange(ctx, code)
}

// CheckState compares the callback's state with the one in the cookie.
func CheckState(r *http.Request) error {
	c, err := r.Cookie("oauth_state")
	if err != nil {
		return err
	}
	if r.FormValue("state") != c.Value {
		return errors.New("state mismatch")
	}
	return nil
}
