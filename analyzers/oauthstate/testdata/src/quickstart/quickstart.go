// Package quickstart is Google's Drive quickstart, and a web variant of
// it: another provider's flow. oauthstate speaks (CSRF is universal); the
// Brex-only checks stay quiet.
package quickstart

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"os"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/google"
)

func config() *oauth2.Config {
	return &oauth2.Config{
		ClientID:     os.Getenv("GOOGLE_CLIENT_ID"),
		ClientSecret: os.Getenv("GOOGLE_CLIENT_SECRET"),
		RedirectURL:  "http://localhost:8080/callback",
		Scopes:       []string{"https://www.googleapis.com/auth/drive.metadata.readonly"},
		Endpoint:     google.Endpoint,
	}
}

// getTokenFromWeb is the quickstart's command-line flow.
func getTokenFromWeb(config *oauth2.Config) *oauth2.Token {
	authURL := config.AuthCodeURL("state-token", oauth2.AccessTypeOffline) // want `the OAuth state passed to AuthCodeURL is a constant`
	fmt.Printf("Go to the following link in your browser then type the authorization code: \n%v\n", authURL)
	var authCode string
	if _, err := fmt.Scan(&authCode); err != nil {
		log.Fatalf("Unable to read authorization code %v", err)
	}
	tok, err := config.Exchange(context.TODO(), authCode)
	if err != nil {
		log.Fatalf("Unable to retrieve token from web %v", err)
	}
	return tok
}

// callback is the web variant, without state or error handling.
func callback(w http.ResponseWriter, r *http.Request) {
	tok, err := config().Exchange(r.Context(), r.FormValue("code")) // want `never reads the request.s state`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_ = tok
}
