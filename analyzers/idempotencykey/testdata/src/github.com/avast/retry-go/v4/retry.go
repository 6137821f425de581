// Package retry is a stub of github.com/avast/retry-go/v4.
package retry

import "time"

type RetryableFunc func() error

type Option func(*Config)

type Config struct{}

type DelayTypeFunc func(n uint, err error, config *Config) time.Duration

func Do(retryableFunc RetryableFunc, opts ...Option) error { return retryableFunc() }

func Attempts(attempts uint) Option { return nil }

func Delay(delay time.Duration) Option { return nil }

func DelayType(delayType DelayTypeFunc) Option { return nil }

func FixedDelay(_ uint, _ error, config *Config) time.Duration { return 0 }

func BackOffDelay(n uint, _ error, config *Config) time.Duration { return 0 }

func Unrecoverable(err error) error { return err }
