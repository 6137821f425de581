package a

import (
	"context"
	"net/http"
	"testing"
)

// Tests may call Brex without 429 handling.
func TestCall(t *testing.T) {
	resp, err := http.DefaultClient.Do(newReq(context.Background(), "/v2/users/me"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}
