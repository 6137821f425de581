// Package testsonly is a directory of tests alone, as stripe-go's example
// directory is: every file is a _test.go file, so the model leaves the
// package empty (the checks stay quiet in tests, and nothing imports it).
// The request below is a Brex request the model would list in any other
// package.
package testsonly

import (
	"context"
	"net/http"
	"testing"
)

func TestListCards(t *testing.T) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, "https://platform.brexapis.com/v2/cards", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Skip(err)
	}
	resp.Body.Close()
}
