// Package a decodes Brex responses.
package a

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"

	"brexwrap"
	"helpers"
)

const base = "https://api.brex.com"

type User struct {
	ID string `json:"id"`
}

// APIError keeps Brex's error body and trace id.
type APIError struct {
	StatusCode int
	Type       string `json:"type"`
	Message    string `json:"message"`
	Code       string `json:"code"`
	TraceID    string `json:"-"`
}

func (e *APIError) Error() string {
	return fmt.Sprintf("brex %d %s: %s", e.StatusCode, e.Code, e.Message)
}

func get(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// --- Decoded without a status check.

func NoCheck(ctx context.Context) (*User, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v2/users/me", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var u User
	if err := json.NewDecoder(resp.Body).Decode(&u); err != nil { // want `the body of GET /v2/users/me is decoded before any check of resp.StatusCode, so a Brex error body \(insufficient scopes, 401, 429\) is read as data; check StatusCode first$`
		return nil, err
	}
	return &u, nil
}

func CheckAfter(ctx context.Context) (*User, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v2/users/me", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var u User
	err = json.NewDecoder(resp.Body).Decode(&u) // want `the body of GET /v2/users/me is decoded before any check`
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("brex: %s", resp.Status)
	}
	return &u, err
}

func UnmarshalBytes(ctx context.Context, id string) (*User, error) {
	resp, err := http.Get(base + "/v2/users/" + id)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var u User
	return &u, json.Unmarshal(b, &u) // want `the body of GET /v2/users/\{id\} is decoded before any check`
}

func HelperWithoutCheck(ctx context.Context) (*User, error) {
	resp, err := get(ctx, "/v2/users/me")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var u User
	return &u, helpers.DecodeJSON(resp.Body, &u) // want `helpers.DecodeJSON decodes the body of GET /v2/users/me before any check`
}

func WrapperUnchecked(ctx context.Context, c *brexwrap.Client) (*User, error) {
	resp, err := c.Get(ctx, "/v2/users/me")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var u User
	return &u, json.NewDecoder(resp.Body).Decode(&u) // want `the body of GET /v2/users/me is decoded before any check`
}

// --- Checked first: quiet.

func Checked(ctx context.Context) (*User, error) {
	resp, err := get(ctx, "/v2/users/me")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		apiErr := &APIError{StatusCode: resp.StatusCode, TraceID: resp.Header.Get("X-Brex-Trace-Id")}
		_ = json.NewDecoder(resp.Body).Decode(apiErr)
		return nil, apiErr
	}
	var u User
	return &u, json.NewDecoder(resp.Body).Decode(&u)
}

// Reading the bytes first and checking before unmarshalling is fine.
func BytesFirst(ctx context.Context) (*User, error) {
	resp, err := get(ctx, "/v2/users/me")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusOK:
	default:
		return nil, fmt.Errorf("brex: %s: %s", resp.Status, buf.String())
	}
	var u User
	return &u, json.Unmarshal(buf.Bytes(), &u)
}

func checkResponse(resp *http.Response) error {
	if resp.StatusCode >= 300 {
		return &APIError{StatusCode: resp.StatusCode, TraceID: resp.Header.Get("X-Brex-Trace-Id")}
	}
	return nil
}

// A checkResponse helper of this package.
func LocalHelper(ctx context.Context) (*User, error) {
	resp, err := get(ctx, "/v2/users/me")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if err := checkResponse(resp); err != nil {
		return nil, err
	}
	var u User
	return &u, json.NewDecoder(resp.Body).Decode(&u)
}

// A checkResponse helper of another package, then a decoding helper.
func OtherHelper(ctx context.Context) (*User, error) {
	resp, err := get(ctx, "/v2/users/me")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if err := helpers.CheckResponse(resp); err != nil {
		return nil, err
	}
	var u User
	return &u, helpers.DecodeJSON(resp.Body, &u)
}

// A helper that checks before it decodes.
func CheckingHelper(ctx context.Context) (*User, error) {
	resp, err := get(ctx, "/v2/users/me")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var u User
	return &u, helpers.DecodeResponse(resp, &u)
}

// A status helper of this package given the code.
func isOK(code int) bool { return code >= 200 && code < 300 }

func CodeHelper(ctx context.Context) (*User, error) {
	resp, err := get(ctx, "/v2/users/me")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if !isOK(resp.StatusCode) {
		return nil, errors.New(resp.Status)
	}
	var u User
	return &u, json.NewDecoder(resp.Body).Decode(&u)
}

// The wrapper checks the status before it returns the response.
func WrapperChecked(ctx context.Context, c *brexwrap.Client) (*User, error) {
	resp, err := c.GetOK(ctx, "/v2/users/me")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var u User
	return &u, json.NewDecoder(resp.Body).Decode(&u)
}

// --- Look-alikes.

type Config struct{ Token string }

func LoadConfig(name string) (*Config, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var c Config
	return &c, json.NewDecoder(f).Decode(&c)
}

type Charge struct{ ID string }

// Another API's response.
func StripeCharge(id string) (*Charge, error) {
	resp, err := http.Get("https://api.stripe.com/v1/charges/" + id)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var c Charge
	return &c, json.NewDecoder(resp.Body).Decode(&c)
}
