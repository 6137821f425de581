// Package ledgerapp uses the generated client of another API the way an
// integration uses Brex's: a client in a struct field with a plain
// http.Client, no 429 handling, a deprecated operation, no key.
package ledgerapp

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"time"

	"example.com/foreign/ledgerapi"
)

const defaultURL = "https://api.ledger.example.com"

type Service struct {
	client *ledgerapi.ClientWithResponses
}

func New(token string) (*Service, error) {
	base := os.Getenv("LEDGER_URL")
	if base == "" {
		base = defaultURL
	}
	s := &Service{}
	var err error
	s.client, err = ledgerapi.NewClientWithResponses(base,
		ledgerapi.WithHTTPClient(&http.Client{Timeout: 10 * time.Second}),
		ledgerapi.WithRequestEditorFn(func(ctx context.Context, req *http.Request) error {
			req.Header.Set("Authorization", "Bearer "+token)
			return nil
		}))
	if err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Service) Pay(ctx context.Context, amount int64) error {
	resp, err := s.client.CreateTransferWithResponse(ctx, ledgerapi.CreateTransferJSONRequestBody{Amount: amount, Description: "rent"})
	if err != nil {
		return err
	}
	if resp.JSON200 == nil {
		return fmt.Errorf("ledger: %s", resp.Status())
	}
	return nil
}

func (s *Service) All(ctx context.Context) ([]ledgerapi.Transfer, error) {
	var out []ledgerapi.Transfer
	var cursor *string
	for {
		resp, err := s.client.ListTransfersWithResponse(ctx)
		if err != nil {
			return nil, err
		}
		if resp.JSON200 == nil {
			return nil, fmt.Errorf("ledger: %s", resp.Status())
		}
		out = append(out, resp.JSON200.Items...)
		if cursor = resp.JSON200.NextCursor; cursor == nil {
			return out, nil
		}
	}
}

func (s *Service) CardExpenses(ctx context.Context) error {
	c, err := ledgerapi.NewClient(defaultURL)
	if err != nil {
		return err
	}
	resp, err := c.ListCardExpenses(ctx)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
