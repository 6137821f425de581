package a

import (
	"net/http"
	"testing"
)

func testCallback(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
}

func TestCallback(t *testing.T) {}
