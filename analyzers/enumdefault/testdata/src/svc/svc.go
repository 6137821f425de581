// Package svc hands out transfers from the Brex client.
package svc

import (
	"context"

	"brexclient"
)

// Latest returns a transfer.
func Latest(ctx context.Context) (brexclient.Transfer, error) {
	return brexclient.GetTransfer(ctx, "latest")
}
