// Package service uses package brexcalls and sees no configuration
// either: its functions hand the endpoints on.
package service

import (
	"context"
	"net/http"

	"brexcalls"
)

// Sync reaches GET /v2/cards and GET /v1/vendors through brexcalls.
func Sync(ctx context.Context, hc *http.Client) error {
	c := brexcalls.New(hc)
	if _, err := c.ListCards(ctx); err != nil {
		return err
	}
	_, err := brexcalls.Vendors(ctx, hc)
	return err
}

// Users reaches only GET /v2/users.
func Users(ctx context.Context, hc *http.Client) error {
	_, err := brexcalls.New(hc).ListUsers(ctx)
	return err
}
