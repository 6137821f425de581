// Package redis is a stub of github.com/redis/go-redis/v9: Set is a method
// of the unexported cmdable type, promoted into Client.
package redis

import (
	"context"
	"time"
)

const KeepTTL = -1

type StatusCmd struct{}

type cmdable func(ctx context.Context, args ...any) error

func (c cmdable) Set(ctx context.Context, key string, value any, expiration time.Duration) *StatusCmd {
	return &StatusCmd{}
}

type Client struct{ cmdable }

func NewClient() *Client { return &Client{} }
