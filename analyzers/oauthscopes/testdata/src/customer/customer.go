// Package customer calls Brex with a customer's user token and has no
// Brex OAuth configuration; a Google configuration does not count.
package customer

import (
	"context"
	"net/http"
	"os"

	"golang.org/x/oauth2"
)

var googleConf = &oauth2.Config{
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://accounts.google.com/o/oauth2/auth",
		TokenURL: "https://oauth2.googleapis.com/token",
	},
	Scopes: []string{"openid", "email"},
}

type store struct{ tok *oauth2.Token }

func (s *store) cards(ctx context.Context) error {
	_ = googleConf.TokenSource(ctx, s.tok)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/cards", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv("BREX_API_TOKEN"))
	_, err = http.DefaultClient.Do(req)
	return err
}
