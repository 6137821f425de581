package travel

import (
	"context"
	"net/http"
	"testing"

	"github.com/google/uuid"
)

// A test that gives each case its own run key stubs the variable: the
// program still makes runKey once, and startupKeys is still reported
// (travel.go).
func TestStartupKeys(t *testing.T) {
	for range 2 {
		runKey = uuid.NewString()
		startupKeys(context.Background(), http.DefaultClient, "tr_1")
	}
}
