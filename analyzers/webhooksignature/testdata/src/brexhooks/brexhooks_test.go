package brexhooks

import (
	"encoding/json"
	"net/http"
)

// Tests are not launch problems: a test receiver that verifies nothing.
func testHandler(w http.ResponseWriter, r *http.Request) {
	var ev Event
	_ = json.NewDecoder(r.Body).Decode(&ev)
}
