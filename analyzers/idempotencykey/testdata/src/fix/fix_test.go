package fix

import (
	"context"
	"net/http"
	"testing"
)

// A test that retries create, as a flaky-network test does, says nothing
// of the program: create keeps its fix (fix.go.golden).
func TestCreateEventually(t *testing.T) {
	for i := 0; i < 3; i++ {
		if err := create(context.Background(), http.DefaultClient); err == nil {
			return
		}
	}
	t.Fatal("create failed three times")
}
