// Package b imports c directly and hands c's objects on to a.
package b

import "example.com/mod/c"

func UseC() {
	c.F()
	_ = c.V
	_ = c.K
	var t c.T
	t.M()
	_ = t.Field
}

func G() c.T { return c.T{} }

type W struct{ c.T }
