// Package direct imports the configuration and calls Brex itself.
package direct

import (
	"context"
	"net/http"
	"os"

	"brexauth"
)

func do(ctx context.Context, method, url string) error {
	req, err := http.NewRequestWithContext(ctx, method, url, nil)
	if err != nil {
		return err
	}
	resp, err := brexauth.Config.Client(ctx, nil).Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func calls(ctx context.Context) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/users/me", nil)
	_ = req
	cash, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/accounts/cash", nil) // want `GET /v2/accounts/cash needs scope accounts.cash.readonly, not requested by brexauth.Config`
	_ = cash
	// transfers also covers the read-only twin that GET /v1/transfers lists.
	list, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v1/transfers", nil)
	_ = list
	// The catalogue states no scope for webhooks and spend limits.
	hooks, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v1/webhooks", nil)
	_ = hooks
	limits, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/spend_limits", nil)
	_ = limits
	//brexlint:ignore oauthscopes the card scope is requested by the admin flow's own configuration
	cards, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/cards", nil)
	_ = cards
}

// ownCompany calls Brex with the partner's own user token: its scopes are
// the token's, not the configuration's.
func ownCompany(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/accounts/card", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv("BREX_API_TOKEN"))
	_, err = http.DefaultClient.Do(req)
	return err
}
