// Package d does not type-check.
package d

import "example.com/mod/c"

func Broken() int { return c.F() }
