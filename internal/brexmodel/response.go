package brexmodel

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// responseFactTypes are the facts of the response-flow half of the model.
func responseFactTypes() []analysis.Fact { return nil }

// DecodedFromBrex reports whether values of type t are decoded from Brex
// responses: t (or a pointer to it) is the target of a json decode of a
// Brex response body in this package, or an imported type that a fact marks
// as such.
func (m *Model) DecodedFromBrex(t types.Type) bool {
	return false // TODO(#4): response flow.
}

// IsBrexResponseBody reports whether e, an io.Reader or []byte expression
// of this package, is the body of a response to a Brex request, or bytes
// read from one.
func (m *Model) IsBrexResponseBody(e ast.Expr) bool {
	return false // TODO(#4): response flow.
}
