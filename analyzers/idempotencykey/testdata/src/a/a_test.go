package a

import "net/http"

func fixture(hc *http.Client) {
	req, _ := http.NewRequest("POST", api+"/v1/transfers", nil)
	hc.Do(req)
}
