// Package a sees c only through b.
package a

import "example.com/mod/b"

func UseB() {
	b.UseC()
	t := b.G()
	t.M()
	_ = t.Field
	var w b.W
	_ = w.Field
}
