// Package helpers stands for another package of the module, whose bodies
// the classifier of the package under test cannot see: only an Oracle
// answers for them.
package helpers

// NewToken returns a random token (an Oracle reports it random).
func NewToken() string { return "" }

// Key returns a time-based key (a KindOracle reports Time).
func Key() string { return "" }

// Other is a function no oracle knows.
func Other() string { return "" }
