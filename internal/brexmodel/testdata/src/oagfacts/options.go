package oagfacts

// Options has a setter of the same shape in a file written by hand: the
// model reads builders of generated clients only.
type Options struct {
	key *string
}

func (o Options) WithKey(key string) Options {
	o.key = &key
	return o
}
