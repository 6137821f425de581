// Package g is a dependency whose files the parser drops the bodies of,
// but for the one that imports net/http.
package g

// Pair declares a type and a function: parsed without its body, this file
// holds no string literal.
type Pair struct{ A, B int }

func Sum(p Pair) int { return p.A + p.B }
