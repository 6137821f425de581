// Package backoff is a stub of github.com/cenkalti/backoff/v5, with the
// signatures of v5.0.3.
package backoff

import (
	"context"
	"time"
)

type BackOff interface {
	NextBackOff() time.Duration
	Reset()
}

type ExponentialBackOff struct{}

func (b *ExponentialBackOff) NextBackOff() time.Duration { return 0 }
func (b *ExponentialBackOff) Reset()                     {}

func NewExponentialBackOff() *ExponentialBackOff { return &ExponentialBackOff{} }

type Operation[T any] func() (T, error)

type RetryOption func(*retryOptions)

type retryOptions struct{}

func WithBackOff(b BackOff) RetryOption { return nil }

func WithMaxTries(n uint) RetryOption { return nil }

func Retry[T any](ctx context.Context, operation Operation[T], opts ...RetryOption) (T, error) {
	return operation()
}
