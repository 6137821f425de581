package strictreceiver

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The model builds the functions of tests on demand only: Covered builds
// them while strictdecode may be asking UnitOf.
func TestHandle(t *testing.T) {
	r := httptest.NewRequest(http.MethodPost, "/webhooks/brex", strings.NewReader(`{"event_type":"TRANSFER_PROCESSED"}`))
	r.Header.Set("Webhook-Id", "msg_1")
	w := httptest.NewRecorder()
	handle(w, r)
	if w.Code != http.StatusOK {
		t.Fatal(w.Code)
	}
}
