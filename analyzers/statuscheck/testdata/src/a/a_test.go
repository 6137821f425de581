package a

import (
	"context"
	"encoding/json"
	"testing"
)

func TestDecode(t *testing.T) {
	resp, err := get(context.Background(), "/v2/users/me")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var u User
	if err := json.NewDecoder(resp.Body).Decode(&u); err != nil {
		t.Fatal(err)
	}
}
