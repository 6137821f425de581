// Package plain has no OAuth: the model returns at once.
package plain // want `brex=false`

import "net/http"

func Get() (*http.Response, error) { return http.Get("https://example.com/") }
