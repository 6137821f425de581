// This module exists only to pin the real modules that the
// quiet-on-foreign-code test analyzes (analyzers/foreign_test.go): code that
// does not talk to Brex must produce no findings.
module example.com/foreign

go 1.26.0

require (
	github.com/avast/retry-go/v4 v4.7.0
	github.com/cenkalti/backoff/v5 v5.0.3
	github.com/go-resty/resty/v2 v2.17.2
	github.com/hashicorp/go-hclog v1.6.3
	github.com/hashicorp/go-retryablehttp v0.7.8
	github.com/sethvargo/go-retry v0.5.0
	github.com/standard-webhooks/standard-webhooks/libraries v1.3.0
	github.com/stripe/stripe-go/v82 v82.5.1
	golang.org/x/net v0.43.0
	golang.org/x/oauth2 v0.38.0
	golang.org/x/time v0.12.0
)

require (
	cloud.google.com/go/compute/metadata v0.3.0 // indirect
	github.com/acmepay/ledgeropenapi v0.0.0
	github.com/fatih/color v1.16.0 // indirect
	github.com/hashicorp/go-cleanhttp v0.5.2 // indirect
	github.com/mattn/go-colorable v0.1.13 // indirect
	github.com/mattn/go-isatty v0.0.20 // indirect
	github.com/ory/hydra-client-go/v2 v2.2.1 // indirect
	golang.org/x/sys v0.35.0 // indirect
)

replace github.com/acmepay/ledgeropenapi => ../../../internal/teststubs/testdata/src/github.com/acmepay/ledgeropenapi
