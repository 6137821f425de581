// Package transport holds round trippers used by other packages' Brex
// clients: one retries 429 with exponential backoff and jitter, one with a
// constant wait, one only logs.
package transport

import (
	"log"
	"math/rand/v2"
	"net/http"
	"time"
)

// Retrying retries 429 and 503 with exponential backoff and jitter, at most
// five times.
type Retrying struct {
	Base http.RoundTripper
}

func (t *Retrying) RoundTrip(req *http.Request) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := t.Base.RoundTrip(req)
		if err != nil || attempt == 4 {
			return resp, err
		}
		if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable {
			return resp, nil
		}
		resp.Body.Close()
		d := 100 * time.Millisecond << attempt
		time.Sleep(d + rand.N(d))
	}
}

// Fixed retries 429 every second, five times.
type Fixed struct {
	Base http.RoundTripper
}

func (t *Fixed) RoundTrip(req *http.Request) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := t.Base.RoundTrip(req)
		if err != nil || attempt == 4 || resp.StatusCode != http.StatusTooManyRequests {
			return resp, err
		}
		resp.Body.Close()
		time.Sleep(time.Second)
	}
}

// Logging logs and delegates.
type Logging struct {
	Base http.RoundTripper
}

func (t *Logging) RoundTrip(req *http.Request) (*http.Response, error) {
	log.Println(req.URL)
	return t.Base.RoundTrip(req)
}

// Taught retries in a way the analysis cannot see.
//
//brexlint:retries429
type Taught struct {
	Base http.RoundTripper
}

func (t *Taught) RoundTrip(req *http.Request) (*http.Response, error) {
	return retryHidden(t.Base, req)
}

func retryHidden(rt http.RoundTripper, req *http.Request) (*http.Response, error) {
	return rt.RoundTrip(req)
}
