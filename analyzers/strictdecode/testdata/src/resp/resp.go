// Package resp decodes Brex responses, configuration files and its users'
// requests.
package resp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
)

type Transfer struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

func get(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return resp, nil
}

func direct(ctx context.Context, id string) (*Transfer, error) {
	resp, err := get(ctx, "https://api.brex.com/v1/transfers/"+id)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var t Transfer
	dec := json.NewDecoder(resp.Body)
	dec.DisallowUnknownFields() // want `strictdecode: DisallowUnknownFields on the decoder of a Brex response, so it fails when Brex adds a field; remove it$`
	if err := dec.Decode(&t); err != nil {
		return nil, err
	}
	return &t, nil
}

// Bytes read from the body, and a reader over them.
func viaBytes(ctx context.Context, id string) (*Transfer, error) {
	resp, err := get(ctx, "https://api.brex.com/v1/transfers/"+id)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	var t Transfer
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields() // want `on the decoder of a Brex response`
	return &t, dec.Decode(&t)
}

// A shared helper, given a Brex body by one caller and a file by another:
// reported (it decodes Brex responses), without a fix (the file's
// strictness is the program's choice).
func decodeJSON(r io.Reader, out any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields() // want `on the decoder of a Brex response`
	return dec.Decode(out)
}

func viaHelper(ctx context.Context, id string) (*Transfer, error) {
	resp, err := get(ctx, "https://api.brex.com/v1/transfers/"+id)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var t Transfer
	return &t, decodeJSON(resp.Body, &t)
}

type Config struct {
	Token string `json:"token"`
}

func loadConfig(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var c Config
	if err := decodeJSON(f, &c); err != nil {
		return nil, err
	}
	return &c, nil
}

// The program's own configuration file, strictly: quiet.
func loadStrict(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c Config
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return &c, dec.Decode(&c)
}

type PayRequest struct {
	Amount int64 `json:"amount"`
}

// A request from the program's own users, strictly: quiet.
func handlePay(w http.ResponseWriter, r *http.Request) {
	var p PayRequest
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
}

// Another API's response: quiet.
func other(ctx context.Context) (*Transfer, error) {
	resp, err := get(ctx, "https://api.example.com/v1/transfers/x")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var t Transfer
	dec := json.NewDecoder(resp.Body)
	dec.DisallowUnknownFields()
	return &t, dec.Decode(&t)
}

// Suppressed with a reason.
func suppressed(ctx context.Context) error {
	resp, err := get(ctx, "https://api.brex.com/v2/cards")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	dec := json.NewDecoder(resp.Body)
	dec.DisallowUnknownFields() //brexlint:ignore strictdecode contract test against a pinned fixture server
	var v any
	return dec.Decode(&v)
}
