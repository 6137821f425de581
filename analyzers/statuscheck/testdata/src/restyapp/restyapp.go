// Package restyapp reads Brex responses through go-resty/resty v2.
package restyapp

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/go-resty/resty/v2"
)

type User struct {
	ID string `json:"id"`
}

var api = resty.New().SetBaseURL("https://platform.brexapis.com")

func Me(ctx context.Context) (*User, error) {
	resp, err := api.R().SetContext(ctx).Get("/v2/users/me")
	if err != nil {
		return nil, err
	}
	var u User
	return &u, json.Unmarshal(resp.Body(), &u) // want `the body of GET /v2/users/me is decoded before any check`
}

func Checked(ctx context.Context) (*User, error) {
	resp, err := api.R().SetContext(ctx).Get("/v2/users/me")
	if err != nil {
		return nil, err
	}
	if resp.IsError() {
		return nil, fmt.Errorf("brex: %s", resp.Status())
	}
	var u User
	return &u, json.Unmarshal(resp.Body(), &u)
}

func CheckedCode(ctx context.Context) (*User, error) {
	resp, err := api.R().SetContext(ctx).Get("/v2/users/me")
	if err != nil {
		return nil, err
	}
	if resp.StatusCode() != 200 {
		return nil, fmt.Errorf("brex: status %d", resp.StatusCode())
	}
	var u User
	return &u, json.Unmarshal(resp.Body(), &u)
}

// SetResult: resty decodes only a 2xx body into the result: quiet.
func Result(ctx context.Context) (*User, error) {
	var u User
	_, err := api.R().SetContext(ctx).SetResult(&u).Get("/v2/users/me")
	return &u, err
}

// Another API: quiet.
func Other(ctx context.Context) (*User, error) {
	resp, err := resty.New().R().Get("https://api.example.com/v2/users/me")
	if err != nil {
		return nil, err
	}
	var u User
	return &u, json.Unmarshal(resp.Body(), &u)
}
