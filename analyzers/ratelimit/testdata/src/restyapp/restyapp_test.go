package restyapp

import (
	"testing"

	"github.com/go-resty/resty/v2"
)

// A test that retries does not make the program's client retry.
func TestPlain(t *testing.T) {
	p := NewPlain()
	p.rc.SetRetryCount(3).AddRetryCondition(func(r *resty.Response, err error) bool { return r.StatusCode() == 429 })
	if err := p.Me(t.Context()); err != nil {
		t.Fatal(err)
	}
}
