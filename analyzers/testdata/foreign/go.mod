// This module exists only to pin the real modules that the
// quiet-on-foreign-code test analyzes (analyzers/foreign_test.go): code that
// does not talk to Brex must produce no findings.
module example.com/foreign

go 1.26.0

require (
	github.com/standard-webhooks/standard-webhooks/libraries v1.3.0
	github.com/stripe/stripe-go/v82 v82.5.1
	golang.org/x/oauth2 v0.38.0
)

require cloud.google.com/go/compute/metadata v0.3.0 // indirect
