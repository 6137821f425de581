// The stub is also a module, so that the quiet-on-foreign-code test
// (analyzers/testdata/foreign) analyzes this same client through a replace
// directive rather than a copy of it.
module github.com/acmepay/ledgeropenapi

go 1.26.0
