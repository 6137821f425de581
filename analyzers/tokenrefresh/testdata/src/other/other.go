// Package other keeps tokens of providers that are not Brex: out of the
// check's scope, even when kept the ways it reports for Brex.
package other

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/patrickmn/go-cache"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"golang.org/x/oauth2/google"
)

var googleConf = &oauth2.Config{
	ClientID: os.Getenv("GOOGLE_CLIENT_ID"),
	Endpoint: google.Endpoint,
	Scopes:   []string{"https://www.googleapis.com/auth/drive.readonly"},
}

// envConf's endpoints come from the environment: its provider is unknown.
var envConf = &oauth2.Config{
	Endpoint: oauth2.Endpoint{AuthURL: os.Getenv("AUTH_URL"), TokenURL: os.Getenv("TOKEN_URL")},
}

var onboarding = &clientcredentials.Config{
	ClientID: os.Getenv("BREX_CLIENT_ID"),
	TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
	Scopes:   []string{"https://onboarding.brexapis.com/referrals"},
}

type server struct {
	tokens map[string]*oauth2.Token
	access string
}

func (s *server) callback(w http.ResponseWriter, r *http.Request) {
	tok, err := googleConf.Exchange(r.Context(), r.FormValue("code"))
	if err != nil {
		return
	}
	s.tokens[r.FormValue("user")] = tok
	s.access = tok.AccessToken
}

func (s *server) use(ctx context.Context, id string) (*http.Client, *http.Client, *http.Client) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://www.googleapis.com/drive/v3/files", nil)
	req.Header.Set("Authorization", "Bearer "+s.access)
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(s.tokens[id])), googleConf.Client(ctx, s.tokens[id]), envConf.Client(ctx, s.tokens[id])
}

// The Onboarding API's client-credentials client refreshes by itself.
func referrals(ctx context.Context) *http.Client { return onboarding.Client(ctx) }

// GitHub's token endpoint, cached for a day: another provider.
func github(ctx context.Context, c *cache.Cache, code string) error {
	resp, err := http.PostForm("https://github.com/login/oauth/access_token", url.Values{"grant_type": {"authorization_code"}, "code": {code}})
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return err
	}
	c.Set("github", out.AccessToken, 24*time.Hour)
	return nil
}
