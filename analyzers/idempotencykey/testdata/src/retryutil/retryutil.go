// Package retryutil is an integration's own retry helper, in a package
// that does not import net/http.
package retryutil

import (
	"context"
	"time"
)

// Do calls fn until it succeeds, at most attempts times, waiting longer
// after each failure.
func Do(ctx context.Context, attempts int, fn func(ctx context.Context) error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = fn(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond << i):
		}
	}
	return err
}

// ForEach calls fn once per item and stops at the first error: not a
// retry.
func ForEach(ctx context.Context, items []string, fn func(ctx context.Context, item string) error) error {
	for i := 0; i < len(items); i++ {
		if err := fn(ctx, items[i]); err != nil {
			return err
		}
	}
	return nil
}

// DoKeyed makes one key with newKey and calls fn with it until it
// succeeds, at most attempts times: every attempt carries the same key.
func DoKeyed(ctx context.Context, attempts int, newKey func() string, fn func(ctx context.Context, key string) error) error {
	key := newKey()
	var err error
	for i := 0; i < attempts; i++ {
		if err = fn(ctx, key); err == nil {
			return nil
		}
		time.Sleep(100 * time.Millisecond << i)
	}
	return err
}
