// Package sariftest validates SARIF logs against the official SARIF 2.1.0
// JSON schema, for the tests of the packages that write SARIF (checklist,
// cmd/brexlint). The schema is testdata/sarif-schema-2.1.0.json; its
// provenance is in testdata/sarif-schema-2.1.0.md.
package sariftest

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// SchemaURL is the schema's id, as published by OASIS.
const SchemaURL = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

//go:embed testdata/sarif-schema-2.1.0.json
var schemaJSON []byte

var schema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaURL, doc); err != nil {
		return nil, err
	}
	return c.Compile(SchemaURL)
})

// Validate reports whether data is a SARIF 2.1.0 log that the official
// schema accepts; the error names every violation.
func Validate(data []byte) error {
	s, err := schema()
	if err != nil {
		return fmt.Errorf("compiling the SARIF 2.1.0 schema: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("not JSON: %v", err)
	}
	if err := s.Validate(doc); err != nil {
		return fmt.Errorf("not valid SARIF 2.1.0: %v", err)
	}
	return nil
}
