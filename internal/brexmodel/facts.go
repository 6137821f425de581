package brexmodel

import (
	"fmt"
	"github.com/brexlint/brexlint/internal/entropy"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The model's facts. Each is an object fact on a function, method or type
// name: object facts reach every importer under every driver, unlike package
// facts, which go vet gives only to direct importers. Facts are gob-encoded
// by go vet, so they hold only exported plain fields: parameter indexes
// instead of *types.Var, strings instead of go/types values.

// WrapperFact marks a function or method that builds or sends a request
// whose method or URL comes (in part) from its parameters, or that builds a
// request and returns it for its caller to finish. Callers instantiate it
// with their arguments (see [TemplatePart]).
type WrapperFact struct {
	// Method is the constant HTTP method; empty when it is a parameter
	// (MethodParam) or unknown.
	Method string
	// MethodParam is the index of the parameter that holds the method, or
	// -1.
	MethodParam int
	// URL is the folded URL with the wrapper's parameters as holes.
	URL []TemplatePart
	// Returns: the wrapper returns the *http.Request; the caller sets
	// headers and sends it.
	Returns bool
	// Sends: the wrapper sends the request itself.
	Sends bool
	// NoHeaders: the request cannot carry extra headers (http.Post, ...).
	NoHeaders bool
	// Headers the wrapper sets on the request.
	Headers []HeaderFact
	// Signal: the wrapper's package carries a Brex signal, or the
	// wrapper is taught //brexlint:client.
	Signal bool
}

// TemplatePart is a piece of a wrapper's URL: literal text, a parameter
// (Param >= 0), or another hole (an environment variable named Env, or
// unknown).
type TemplatePart struct {
	Lit   string
	Hole  bool
	Param int // index of the parameter; -1 for other holes
	Env   string
}

// HeaderFact is a header that a wrapper or helper sets.
type HeaderFact struct {
	// Name is canonical (http.CanonicalHeaderKey).
	Name string
	// Param is the index of the parameter whose value is put in the
	// header, or -1 when the value is produced inside (Summary).
	Param int
	// Map: the headers are the entries of parameter Param, a map or
	// http.Header (doJSON(ctx, method, path, body, headers)); Name is
	// empty. With Param -1: headers the wrapper sets from a map it cannot
	// read.
	Map bool
	// Field: the value is this field of parameter Param, an options
	// struct or a pointer to one (opts.IdempotencyKey).
	Field string
	// Summary describes a value produced inside.
	Summary ValueSummary
}

// HeaderSetterFact marks a helper that sets headers on a *http.Request it
// is given: func setIdempotencyKey(req *http.Request, key string).
type HeaderSetterFact struct {
	ReqParam int
	Headers  []HeaderFact
}

// SenderFact marks a function that sends a *http.Request it is given (the
// parameter ReqParam), such as a client's send(req, out) helper.
type SenderFact struct {
	ReqParam int
}

// TeachingFact carries the //brexlint:client and //brexlint:retries429
// directives of a function or type to importers.
type TeachingFact struct {
	Client     bool
	Retries429 bool
}

func (*WrapperFact) AFact()        {}
func (*HeaderSetterFact) AFact()   {}
func (*SenderFact) AFact()         {}
func (*TeachingFact) AFact()       {}
func (*ImplementationFact) AFact() {}

func (f *WrapperFact) String() string {
	var b strings.Builder
	b.WriteString("wrapper(")
	if f.MethodParam >= 0 {
		fmt.Fprintf(&b, "$%d", f.MethodParam)
	} else if f.Method != "" {
		b.WriteString(f.Method)
	} else {
		b.WriteString("?")
	}
	b.WriteString(" ")
	for _, p := range f.URL {
		switch {
		case !p.Hole:
			b.WriteString(p.Lit)
		case p.Param >= 0:
			fmt.Fprintf(&b, "{$%d}", p.Param)
		case p.Env != "":
			fmt.Fprintf(&b, "{env %s}", p.Env)
		default:
			b.WriteString("{}")
		}
	}
	if f.Returns {
		b.WriteString(" returns")
	}
	if f.Sends {
		b.WriteString(" sends")
	}
	if f.NoHeaders {
		b.WriteString(" noheaders")
	}
	if f.Signal {
		b.WriteString(" signal")
	}
	for _, h := range f.Headers {
		b.WriteString(" " + h.String())
	}
	b.WriteString(")")
	return b.String()
}

func (h HeaderFact) String() string {
	switch {
	case h.Map && h.Param >= 0:
		return fmt.Sprintf("*=$%d", h.Param)
	case h.Map:
		return "*=?"
	case h.Field != "":
		return fmt.Sprintf("%s=$%d.%s", h.Name, h.Param, h.Field)
	case h.Param >= 0:
		return fmt.Sprintf("%s=$%d", h.Name, h.Param)
	}
	s := fmt.Sprintf("%s=%s", h.Name, entropy.Kind(h.Summary.Kinds))
	if h.Summary.InRetryLoop {
		s += " per-attempt"
	}
	return s
}

func (f *HeaderSetterFact) String() string {
	var hs []string
	for _, h := range f.Headers {
		hs = append(hs, h.String())
	}
	return fmt.Sprintf("sets($%d: %s)", f.ReqParam, strings.Join(hs, " "))
}

func (f *SenderFact) String() string { return fmt.Sprintf("sends($%d)", f.ReqParam) }
func (f *TeachingFact) String() string {
	return fmt.Sprintf("teaching(client=%v retries429=%v)", f.Client, f.Retries429)
}

// ImplementationFact marks an interface method whose package declares
// exactly one type that implements the interface with a method of its own,
// a method that carries facts: calls of the interface method in other
// packages are judged as calls of that method (see implementation), without
// searching the interface's package again in each of them.
type ImplementationFact struct {
	Type string // the implementing type's name in the interface's package
}

func (f *ImplementationFact) String() string { return "implementation(" + f.Type + ")" }

func httpFactTypes() []analysis.Fact {
	return []analysis.Fact{
		new(WrapperFact), new(HeaderSetterFact), new(SenderFact), new(TeachingFact), new(ImplementationFact),
	}
}
