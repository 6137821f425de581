// Package h imports g.
package h

import "example.com/mod/g"

func Use() int { return g.Sum(g.Pair{A: 1, B: 2}) + len(g.Name) }
