package a

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"os"
)

const baseURL = "https://platform.brexapis.com/v2"

// The shape of a real investor-update integration: Brex money decoded as
// float64 and multiplied by 100.

type Balance struct {
	Amount   float64 `json:"amount"` // want `Balance.Amount is a float64, but Brex money amounts are int64 minor units \(cents for USD\)`
	Currency string  `json:"currency"`
}

type Account struct {
	ID               string  `json:"id"`
	Name             string  `json:"name"`
	CurrentBalance   Balance `json:"current_balance"`
	AvailableBalance Balance `json:"available_balance"`
}

type AccountsResponse struct {
	NextCursor string    `json:"next_cursor"`
	Items      []Account `json:"items"`
}

type DataPoint struct {
	Name  string
	Value int64
}

func accounts(ctx context.Context, hc *http.Client, token string) ([]DataPoint, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+"/accounts/cash", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var accountsResponse AccountsResponse
	if err := json.NewDecoder(res.Body).Decode(&accountsResponse); err != nil {
		return nil, err
	}
	var points []DataPoint
	for _, account := range accountsResponse.Items {
		points = append(points, DataPoint{
			Name:  account.Name,
			Value: int64(math.Floor(account.AvailableBalance.Amount * 100)), // want `account.AvailableBalance.Amount is multiplied by 100, but Brex amounts are already in minor units \(cents for USD\)`
		})
	}
	return points, nil
}

// A money object without a currency field, known by the property that
// holds it; and an integer amount scaled by 100 all the same.
type StatementMoney struct {
	Amount float32 `json:"amount"` // want `StatementMoney.Amount is a float32`
}

type IntMoney struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

type Statement struct {
	ID           string         `json:"id"`
	StartBalance StatementMoney `json:"start_balance"`
	EndBalance   IntMoney       `json:"end_balance"`
}

type statementPage struct {
	Items []Statement `json:"items"`
}

func statements(ctx context.Context, hc *http.Client, id string) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/accounts/cash/"+id+"/statements", nil)
	if err != nil {
		return 0, err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var page statementPage
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
		return 0, err
	}
	var total int64
	for _, s := range page.Items {
		cents := s.EndBalance.Amount * 100 // want `s.EndBalance.Amount is multiplied by 100`
		total += cents
	}
	byAccount := map[string]Statement{}
	for _, s := range page.Items {
		byAccount[id] = s
	}
	// A string literal on the way to the amount is not quoted.
	total += int64(byAccount["dept_4fT9xQ"].EndBalance.Amount * 100) // want `byAccount\["…"\].EndBalance.Amount is multiplied by 100`
	for _, s := range page.Items {
		end := s.EndBalance.Amount
		total += end * 100 // want `end \(s.EndBalance.Amount\) is multiplied by 100`
		start := int64(s.EndBalance.Amount)
		start *= 100 // want `start \(s.EndBalance.Amount\) is multiplied by 100`
		total += start
		sum := s.EndBalance.Amount
		sum += 5 // changed: no longer the amount alone
		total += sum * 100
	}
	for i := range page.Items {
		page.Items[i].EndBalance.Amount *= 100 // want `page.Items\[i\].EndBalance.Amount is multiplied by 100`
	}
	return total, nil
}

// A request body: the amount is encoded as a float.
type Money struct {
	Amount   float64 `json:"amount"` // want `Money.Amount is a float64`
	Currency string  `json:"currency,omitempty"`
}

type CreateTransferRequest struct {
	CounterpartyID string `json:"counterparty_id"`
	Amount         Money  `json:"amount"`
	Description    string `json:"description"`
}

func createTransfer(ctx context.Context, hc *http.Client, key string, in CreateTransferRequest) error {
	body, err := json.Marshal(in)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://api.brex.com/v1/transfers", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", key)
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Look-alikes that stay quiet.

// Display formatting of an integer amount: cents to dollars.
func display(a Account, m IntMoney) string {
	return fmt.Sprintf("%s: $%.2f ($%.2f)", a.Name, float64(m.Amount)/100, float64(a.CurrentBalance.Amount)/100)
}

// A percentage of two Brex amounts.
func used(spent, limit IntMoney) float64 {
	return float64(spent.Amount) * 100 / float64(limit.Amount)
}

func usedConverted(spent, limit IntMoney) float64 {
	return float64(spent.Amount*100) / float64(limit.Amount)
}

func usedRatio(spent, limit IntMoney) float64 {
	return float64(spent.Amount) / float64(limit.Amount) * 100
}

// Another provider's decimal money, decoded from its own API.
type Price struct {
	Amount   float64 `json:"amount"`
	Currency string  `json:"currency"`
}

type Quote struct {
	Total Price `json:"total"`
}

func quote(ctx context.Context) (int64, error) {
	resp, err := http.Get(os.Getenv("QUOTES_URL") + "/v1/quotes/latest")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var q Quote
	if err := json.NewDecoder(resp.Body).Decode(&q); err != nil {
		return 0, err
	}
	return int64(q.Total.Amount * 100), nil
}

// The Accounting API (v3) declares its Amount as a JSON number.
type AccountingAmount struct {
	Amount   float64 `json:"amount"`
	Currency string  `json:"currency"`
}

type AccountingRecord struct {
	ID     string           `json:"id"`
	Amount AccountingAmount `json:"amount"`
}

func record(ctx context.Context, hc *http.Client, id string) (*AccountingRecord, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v3/accounting/records/"+id, nil)
	if err != nil {
		return nil, err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var rec AccountingRecord
	return &rec, json.NewDecoder(resp.Body).Decode(&rec)
}

// A float amount that is not a money object: no currency, not a money
// property.
type FXRate struct {
	Rate struct {
		Amount float64 `json:"amount"`
	} `json:"rate"`
}

type cardPage struct {
	Items []FXRate `json:"items"`
}

func rates(ctx context.Context, hc *http.Client) (float64, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/cards", nil)
	resp, err := hc.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var p cardPage
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		return 0, err
	}
	return p.Items[0].Rate.Amount * 100, nil
}

// A request body handed to a wrapper that marshals it.
type brexClient struct {
	hc    *http.Client
	token string
}

func (c *brexClient) do(ctx context.Context, method, path string, in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, method, "https://api.brex.com"+path, bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

type SpendLimit struct {
	Amount   float64 `json:"amount"` // want `SpendLimit.Amount is a float64`
	Currency string  `json:"currency"`
}

type SetUserLimitRequest struct {
	MonthlyLimit SpendLimit `json:"monthly_limit"`
}

func (c *brexClient) setLimit(ctx context.Context, userID string, dollars float64) error {
	in := SetUserLimitRequest{MonthlyLimit: SpendLimit{Amount: dollars, Currency: "USD"}}
	return c.do(ctx, http.MethodPost, "/v2/users/"+userID+"/limit", in, nil)
}

// The same wrapper to another host is not Brex's.
type Fee struct {
	Amount   float64 `json:"amount"`
	Currency string  `json:"currency"`
}

func otherFee(ctx context.Context, hc *http.Client) error {
	b, _ := json.Marshal(Fee{Amount: 1.5, Currency: "EUR"})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://api.example.com/v1/fees", bytes.NewReader(b))
	if err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
