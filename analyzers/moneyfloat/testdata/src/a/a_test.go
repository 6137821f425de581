package a

import (
	"encoding/json"
	"net/http"
	"testing"
)

// fixtureMoney is a test's own float money, decoded from a Brex response:
// tests are not reported.
type fixtureMoney struct {
	Amount   float64 `json:"amount"`
	Currency string  `json:"currency"`
}

func TestBalanceCents(t *testing.T) {
	resp, err := http.Get(baseURL + "/accounts/cash")
	if err != nil {
		t.Skip(err)
	}
	defer resp.Body.Close()
	var m fixtureMoney
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
		t.Fatal(err)
	}
	t.Log(m.Amount * 100)
}
