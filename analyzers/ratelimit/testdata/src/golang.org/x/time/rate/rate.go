// Package rate is a stub of golang.org/x/time/rate.
package rate

import (
	"context"
	"time"
)

type Limit float64

func Every(interval time.Duration) Limit { return Limit(1 / interval.Seconds()) }

type Limiter struct{}

func NewLimiter(r Limit, b int) *Limiter { return &Limiter{} }

func (l *Limiter) Wait(ctx context.Context) error { return nil }
