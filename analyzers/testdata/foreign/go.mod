// This module exists only to pin the real modules that the
// quiet-on-foreign-code test analyzes (analyzers/foreign_test.go): code that
// does not talk to Brex must produce no findings.
module example.com/foreign

go 1.26.0

require (
	github.com/avast/retry-go/v4 v4.7.0
	github.com/cenkalti/backoff/v5 v5.0.3
	github.com/sethvargo/go-retry v0.5.0
	github.com/stripe/stripe-go/v82 v82.5.1
	golang.org/x/oauth2 v0.38.0
)

require cloud.google.com/go/compute/metadata v0.3.0 // indirect
