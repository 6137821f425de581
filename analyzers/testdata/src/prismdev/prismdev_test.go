package prismdev

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	brex "github.com/acmepay/brexopenapi"
	"github.com/acmepay/brexsdk"
)

// The program's calls, pointed at an httptest server by a test.
func TestPay(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"id":"t1","status":"PROCESSED"}`))
	}))
	defer srv.Close()
	cfg := brex.NewConfiguration()
	cfg.Servers = brex.ServerConfigurations{{URL: srv.URL}}
	sdk, err := brexsdk.NewClientWithResponses(srv.URL, brexsdk.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	s := &Service{server: srv.URL, hc: srv.Client(), api: brex.NewAPIClient(cfg), sdk: sdk}
	if err := s.Pay(context.Background(), 100); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if _, _, err := s.api.TransfersAPI.CreateTransfer(context.Background()).IdempotencyKey("test").CreateTransferRequest(brex.CreateTransferRequest{}).Execute(); err == nil {
			break
		}
	}
}
