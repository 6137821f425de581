// Package live is prismdev pointed at Brex: the same calls, reported.
package live

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	brex "github.com/acmepay/brexopenapi"
	"github.com/acmepay/brexsdk"
)

const brexServer = "https://platform.brexapis.com"

type Service struct {
	server string
	hc     *http.Client
	api    *brex.APIClient
	sdk    *brexsdk.ClientWithResponses
}

func New() (*Service, error) {
	hc := &http.Client{Timeout: 5 * time.Second}
	cfg := brex.NewConfiguration()
	cfg.Servers = brex.ServerConfigurations{{URL: brexServer, Description: "Production"}}
	cfg.HTTPClient = hc
	sdk, err := brexsdk.NewClientWithResponses(brexServer, brexsdk.WithHTTPClient(hc))
	if err != nil {
		return nil, err
	}
	return &Service{server: brexServer, hc: hc, api: brex.NewAPIClient(cfg), sdk: sdk}, nil
}

// Calls of Brex's generated clients as integrations make them: no key, a
// constant key, a key per attempt, a retry without a wait, unbounded
// pagination, a deprecated operation, an undocumented one, no status check,
// a strict decode and a switch over every status without a default.

// Pay sends a transfer without a key, through either client.
func (s *Service) Pay(ctx context.Context, amount int64) error {
	if _, _, err := s.api.TransfersAPI.CreateTransfer(ctx).CreateTransferRequest(brex.CreateTransferRequest{Description: "rent"}).Execute(); err != nil {
		return err
	}
	resp, err := s.sdk.CreateTransferWithResponse(ctx, &brexsdk.CreateTransferParams{}, brexsdk.CreateTransferJSONRequestBody{Description: "rent"})
	if err != nil {
		return err
	}
	if resp.JSON200 == nil {
		return fmt.Errorf("brex: %s", resp.Status())
	}
	return nil
}

// PayOnce uses one constant key for every transfer.
func (s *Service) PayOnce(ctx context.Context) error {
	_, _, err := s.api.TransfersAPI.CreateTransfer(ctx).IdempotencyKey("rent").CreateTransferRequest(brex.CreateTransferRequest{}).Execute()
	return err
}

// PayRetrying makes a new key on every attempt and retries at once.
func (s *Service) PayRetrying(ctx context.Context) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		_, _, err = s.api.TransfersAPI.CreateTransfer(ctx).IdempotencyKey(rand.Text()).CreateTransferRequest(brex.CreateTransferRequest{}).Execute()
		if err == nil {
			return nil
		}
	}
	return err
}

// All pages without a limit and retries a failed page at once, forever.
func (s *Service) All(ctx context.Context) ([]brex.Transfer, error) {
	var out []brex.Transfer
	req := s.api.TransfersAPI.ListTransfers(ctx)
	for {
		page, _, err := req.Execute()
		if err != nil {
			continue
		}
		out = append(out, page.Items...)
		if page.NextCursor == nil {
			return out, nil
		}
		req = req.Cursor(*page.NextCursor)
	}
}

// CardExpenses calls the deprecated operation.
func (s *Service) CardExpenses(ctx context.Context) ([]brex.Expense, error) {
	page, _, err := s.api.CardExpensesAPI.ListExpenses1(ctx).Execute()
	if err != nil {
		return nil, err
	}
	return page.Items, nil
}

// Offboard calls an operation Brex does not document.
func (s *Service) Offboard(ctx context.Context, id string) error {
	_, _, err := s.api.UsersAPI.UpdateUserStatus(ctx, id).UpdateUserStatusRequest(brex.UpdateUserStatusRequest{Status: "DISABLED"}).Execute()
	return err
}

// Raw sends a request of its own to the same server, checks no status,
// decodes strictly and switches over every card status without a default.
func (s *Service) Raw(ctx context.Context, id string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.server+"/v2/cards", nil)
	if err != nil {
		return "", err
	}
	resp, err := s.hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var card struct {
		Status string `json:"status"`
	}
	dec := json.NewDecoder(resp.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&card); err != nil {
		return "", err
	}
	var state string
	switch card.Status {
	case "ACTIVE", "SHIPPED":
		state = "usable"
	case "LOCKED":
		state = "locked"
	case "TERMINATED":
		state = "gone"
	}
	return state, nil
}
