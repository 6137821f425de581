// Package helpers has response helpers used by other packages.
package helpers

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// CheckResponse returns an error for a non-2xx response.
func CheckResponse(resp *http.Response) error {
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("brex: %s", resp.Status)
	}
	return nil
}

// DecodeJSON decodes a body; it cannot see the status.
func DecodeJSON(r io.Reader, out any) error {
	return json.NewDecoder(r).Decode(out)
}

// DecodeResponse checks the status, then decodes.
func DecodeResponse(resp *http.Response, out any) error {
	if err := CheckResponse(resp); err != nil {
		return err
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
