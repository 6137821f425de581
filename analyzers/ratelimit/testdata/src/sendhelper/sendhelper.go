// Package sendhelper sends requests it is given through a client it is
// given: it does not know that they go to Brex; its callers' Brex calls
// judge the client they pass.
package sendhelper

import (
	"encoding/json"
	"fmt"
	"net/http"
)

func Do(hc *http.Client, req *http.Request, out any) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s: %s", req.URL, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
