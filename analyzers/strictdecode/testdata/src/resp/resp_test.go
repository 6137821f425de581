package resp

import (
	"context"
	"encoding/json"
	"testing"
)

// Tests may pin the response shape.
func TestShape(t *testing.T) {
	resp, err := get(context.Background(), "https://api.brex.com/v1/transfers/x")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	dec := json.NewDecoder(resp.Body)
	dec.DisallowUnknownFields()
	var tr Transfer
	if err := dec.Decode(&tr); err != nil {
		t.Fatal(err)
	}
}
