// Package plain imports no value generator: its constant helper carries
// no fact (a documented miss: the prefilter keeps the model off packages
// that cannot generate values).
package plain

func Key() string { return "constant-key" }
