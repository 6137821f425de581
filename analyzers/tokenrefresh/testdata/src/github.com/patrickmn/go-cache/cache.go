// Package cache is a stub of github.com/patrickmn/go-cache: its methods
// are promoted from the unexported cache type, as in the real package.
package cache

import "time"

const (
	NoExpiration      time.Duration = -1
	DefaultExpiration time.Duration = 0
)

type Cache struct{ *cache }

type cache struct{ items map[string]any }

func New(defaultExpiration, cleanupInterval time.Duration) *Cache {
	return &Cache{&cache{items: map[string]any{}}}
}

func (c *cache) Set(k string, x any, d time.Duration) { c.items[k] = x }

func (c *cache) Get(k string) (any, bool) { x, ok := c.items[k]; return x, ok }
