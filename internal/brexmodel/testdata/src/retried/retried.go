// Package retried has a function called inside a retry loop and one
// called once; TestConcurrentRetried asks the model about both from
// several goroutines at once.
package retried

import "net/http"

func send(c *http.Client, req *http.Request) (*http.Response, error) { // want `retried in the package`
	return c.Do(req)
}

func once(c *http.Client, req *http.Request) (*http.Response, error) {
	return c.Do(req)
}

// Pay retries send until the status is not a server error, then sends
// once more with once.
func Pay(c *http.Client, req *http.Request) error {
	for i := 0; i < 3; i++ {
		resp, err := send(c, req)
		if err == nil && resp.StatusCode < 500 {
			break
		}
	}
	_, err := once(c, req)
	return err
}
