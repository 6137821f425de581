// Package doersapp passes clients to a service that takes a Doer.
package doersapp

import (
	"net/http"

	"doers"

	"github.com/hashicorp/go-retryablehttp"
)

func Plain() *doers.Service {
	return doers.NewService(http.DefaultClient) // want `http.DefaultClient, given to doers.NewService, does not retry 429 from GET /v2/users`
}

func Retrying() *doers.Service {
	return doers.NewService(retryablehttp.NewClient().StandardClient())
}
