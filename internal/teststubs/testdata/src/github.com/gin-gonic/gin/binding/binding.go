// Package binding is a stub of github.com/gin-gonic/gin/binding (v1.10.1):
// the JSON binding its Context's binds use.
package binding

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
)

// EnableDecoderDisallowUnknownFields makes the JSON binding reject
// unknown fields.
var EnableDecoderDisallowUnknownFields = false

// Binding decodes a request into a value.
type Binding interface {
	Name() string
	Bind(*http.Request, any) error
}

// BindingBody decodes bytes already read from a body.
type BindingBody interface {
	Binding
	BindBody([]byte, any) error
}

// JSON is the JSON binding.
var JSON BindingBody = jsonBinding{}

type jsonBinding struct{}

func (jsonBinding) Name() string { return "json" }

func (jsonBinding) Bind(req *http.Request, obj any) error {
	return decodeJSON(req.Body, obj)
}

func (jsonBinding) BindBody(body []byte, obj any) error {
	return decodeJSON(bytes.NewReader(body), obj)
}

func decodeJSON(r io.Reader, obj any) error {
	decoder := json.NewDecoder(r)
	if EnableDecoderDisallowUnknownFields {
		decoder.DisallowUnknownFields()
	}
	return decoder.Decode(obj)
}

// Query is the binding of the URL query.
var Query Binding = queryBinding{}

type queryBinding struct{}

func (queryBinding) Name() string { return "query" }

func (queryBinding) Bind(req *http.Request, obj any) error { return nil }
