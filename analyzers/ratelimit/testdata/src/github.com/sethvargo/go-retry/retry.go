// Package retry is a stub of github.com/sethvargo/go-retry.
package retry

import (
	"context"
	"time"
)

type Backoff interface {
	Next() (time.Duration, bool)
}

type RetryFunc func(ctx context.Context) error

func Do(ctx context.Context, b Backoff, f RetryFunc) error { return f(ctx) }

func RetryableError(err error) error { return err }

func NewExponential(base time.Duration) Backoff { return nil }

func NewConstant(t time.Duration) Backoff { return nil }

func WithMaxRetries(max uint64, next Backoff) Backoff { return next }
