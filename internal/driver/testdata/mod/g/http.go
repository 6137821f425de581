package g

import "net/http"

// Get keeps its body: the file imports net/http.
func Get(url string) (*http.Response, error) { return http.Get(url) }
