// Package backoff is a stub of github.com/cenkalti/backoff/v4.
package backoff

type BackOff interface{ NextBackOff() int64 }

type Operation func() error

func Retry(o Operation, b BackOff) error { return o() }

func NewExponentialBackOff() BackOff { return nil }
