package a

import "net/http"

// Tests may call what they like: no findings in _test.go files.
func fixture(hc *http.Client) {
	req, _ := http.NewRequest("GET", api+"/v1/expenses/card", nil)
	hc.Do(req)
	_ = "https://accounts.brex.com/oauth2/default/v1/token"
}
