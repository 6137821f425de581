// Package builder has a request builder and a sender, as facts.
package builder

import (
	"context"
	"net/http"
)

const base = "https://platform.brexapis.com"

// NewRequest is a builder: it returns the request for the caller to finish.
func NewRequest(ctx context.Context, method, path string) (*http.Request, error) { // want NewRequest:`wrapper\(\$1 https://platform.brexapis.com\{\$2\} returns signal Accept=Constant\)`
	req, err := http.NewRequestWithContext(ctx, method, base+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return req, nil
}

// NewTransfer is a builder with a constant endpoint.
func NewTransfer(ctx context.Context) (*http.Request, error) { // want NewTransfer:`wrapper\(POST https://platform.brexapis.com/v1/transfers returns signal\)`
	return http.NewRequestWithContext(ctx, http.MethodPost, base+"/v1/transfers", nil)
}

func Send(hc *http.Client, req *http.Request) error { // want Send:`sends\(\$1\)` Send:`response\(handles429\)` Send:`clientparam\(\$0 per-call\)`
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
