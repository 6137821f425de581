package doers

import (
	"bytes"
	"io"
	"net/http"
	"testing"
)

// fake answers every request with 200: it is no client of the program.
type fake struct{}

func (fake) Do(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Body: io.NopCloser(bytes.NewReader(nil))}, nil
}

func TestMe(t *testing.T) {
	p := &Plain{hc: fake{}}
	if err := p.Me(t.Context()); err != nil {
		t.Fatal(err)
	}
	r := &Retrying{hc: fake{}}
	if err := r.Me(t.Context()); err != nil {
		t.Fatal(err)
	}
	l := &Lazy{custom: fake{}}
	if err := l.Cards(t.Context()); err != nil {
		t.Fatal(err)
	}
}

// An httptest-like client without retries in a test does not make the
// program's Retrying client one.
func TestRetryingAgainstServer(t *testing.T) {
	r := &Retrying{hc: &http.Client{}}
	if err := r.Me(t.Context()); err != nil {
		t.Fatal(err)
	}
}

func TestService(t *testing.T) {
	if err := NewService(fake{}).Users(t.Context()); err != nil {
		t.Fatal(err)
	}
}
