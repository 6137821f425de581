// Package f type-checks; its test does not.
package f

import "example.com/mod/c"

func UseC() int { return c.K }
