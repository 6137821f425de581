// Package genuser builds genclient's Client with its own HTTP clients.
package genuser

import (
	"net/http"
	"os"
	"time"

	"genclient"

	"github.com/hashicorp/go-retryablehttp"
)

func plain() (*genclient.Client, error) {
	return genclient.NewClient(&http.Client{Timeout: 10 * time.Second}, os.Getenv("BREX_TOKEN")) // want `an http.Client with the default transport is passed to genclient.NewClient, which sends GET /v1/transfers through it with no other 429 handling`
}

func retrying() (*genclient.Client, error) {
	rc := retryablehttp.NewClient()
	return genclient.NewClient(rc.StandardClient(), os.Getenv("BREX_TOKEN"))
}
