package brexmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/urlfold"
)

// Request is one HTTP request the package makes, at the call that names its
// endpoint.
type Request struct {
	// Call is the call that names the endpoint: http.NewRequest(WithContext),
	// http.Get/Post/PostForm/Head, a (*http.Client) method of those names, or
	// the call of a wrapper with the caller's arguments. Findings about the
	// endpoint land here.
	Call *ast.CallExpr
	// Func is the function declaration or literal whose body holds Call.
	Func ast.Node
	// Via is the wrapper called at Call; nil when Call builds the request
	// itself.
	Via *types.Func

	// Method is the HTTP method ("POST"); empty when it cannot be folded.
	Method string
	// URL is the folded URL, with the caller's arguments substituted for a
	// wrapper's parameters.
	URL urlfold.Value
	// Host and Path are URL's host and path where they can be read ("" if
	// not).
	Host, Path string

	// Brex reports whether the request reaches Brex; Why says on which
	// evidence ("Brex API host", "catalogue path and a Brex signal", ...).
	Brex bool
	Why  string
	// Endpoint is the catalogue entry for Method and Path; nil when the
	// catalogue has none or the method or path is unknown.
	Endpoint *brexapi.Endpoint

	// NoHeaders is true for requests that cannot carry extra headers
	// (http.Post, http.PostForm, (*http.Client).Post, ...).
	NoHeaders bool
	// Headers are the headers known to be set on the request, here, in a
	// helper, or inside the wrapper.
	Headers []*Header
	// Var is the variable holding the *http.Request in Func, if any.
	Var *types.Var
	// Sends are the calls that send the request in Func (a Do, a
	// RoundTrip, a sender helper); empty when the request leaves Func
	// unsent (returned) or is sent inside the wrapper.
	Sends []*ast.CallExpr
	// Sent reports whether the model sees the request sent: here, by a
	// sender helper, or inside the wrapper.
	Sent bool
	// InTest reports whether Call is in a _test.go file.
	InTest bool
}

// Pos returns the position of the call that names the endpoint.
func (r *Request) Pos() token.Pos { return r.Call.Pos() }

// Header is one header set on a request.
type Header struct {
	// Name is the canonical header name (http.CanonicalHeaderKey). It is
	// empty when the model knows that headers are set from a map it
	// cannot read (a map built elsewhere, a header name from a variable):
	// any header, the Idempotency-Key included, may be among them.
	Name string
	// Pos is where the header is set, or where the wrapper or helper that
	// sets it is called.
	Pos token.Pos
	// Value is the expression of the value in this package: the argument
	// of Header.Set, or the caller's argument that a wrapper or helper
	// puts in the header. Nil when the value is produced inside a wrapper
	// or helper of which only a fact is known; Kinds then describes it.
	Value ast.Expr
	// Helper is the helper or wrapper that sets the header; nil when it is
	// set in Func.
	Helper *types.Func
	// Summary is what the wrapper or helper's fact says about a value it
	// produces itself (Value == nil).
	Summary ValueSummary

	// Inside a wrapper or helper, a header that comes from one of its
	// parameters, for its fact: from a map or http.Header parameter
	// (anyName: its keys name the headers), or from field field of a
	// struct parameter (an options struct).
	fromParam *types.Var
	field     string
	anyName   bool
	recvField bool // field of the method's receiver (a request builder)
}

// ValueSummary describes, in a fact, a header value that a wrapper or
// helper produces itself; see internal/entropy for the kinds.
type ValueSummary struct {
	// Kinds is an entropy.Kind bit set.
	Kinds uint32
	// InRetryLoop reports whether the value is generated inside a retry
	// loop of the wrapper.
	InRetryLoop bool
}
