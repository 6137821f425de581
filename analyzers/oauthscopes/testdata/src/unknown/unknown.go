// Package unknown requests scopes from the environment: nothing to
// compare.
package unknown

import (
	"context"
	"net/http"
	"os"
	"strings"

	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{
	ClientID: os.Getenv("BREX_CLIENT_ID"),
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
		TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
	},
	Scopes: strings.Fields(os.Getenv("BREX_SCOPES")),
}

type store struct{ tok *oauth2.Token }

func (s *store) cards(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/cards", nil)
	if err != nil {
		return err
	}
	_, err = conf.Client(ctx, s.tok).Do(req)
	return err
}
