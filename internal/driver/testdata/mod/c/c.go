// Package c is the bottom of the graph: one object of each kind that
// facts can be about.
package c

func F() {}

func f() {}

type T struct{ Field int }

func (T) M() {}

var V int

const K = 1

var _ = f
