package a

import (
	"net/http"
	"testing"
)

// A test may ask for what production must not: tests are not reported.
func TestTooManyExpenses(t *testing.T) {
	resp, err := http.Get(apiBase + "/v1/expenses/card?limit=5000")
	if err != nil {
		t.Skip(err)
	}
	resp.Body.Close()
}
