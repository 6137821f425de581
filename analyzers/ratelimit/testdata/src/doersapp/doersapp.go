// Package doersapp passes clients to a service that takes a Doer.
package doersapp

import (
	"net/http"

	"doers"

	"github.com/hashicorp/go-retryablehttp"
)

func Plain() *doers.Service {
	return doers.NewService(http.DefaultClient) // want `http.DefaultClient is passed to doers.NewService, which sends GET /v2/users through it`
}

func Retrying() *doers.Service {
	return doers.NewService(retryablehttp.NewClient().StandardClient())
}
