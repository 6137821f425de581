// Package doers sends Brex requests through local Doer interfaces, judged
// by the concrete clients the package assigns to them outside its tests.
package doers

import (
	"context"
	"net/http"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

const brex = "https://api.brex.com"

// Doer is what the client needs of an HTTP client (tests put a fake).
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

// Plain holds an http.Client with the default transport behind Doer.
type Plain struct{ hc Doer }

func NewPlain() *Plain { return &Plain{hc: &http.Client{Timeout: 30 * time.Second}} }

func (p *Plain) Me(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, brex+"/v2/users/me", nil)
	if err != nil {
		return err
	}
	resp, err := p.hc.Do(req) // want `429 from GET /v2/users/me is not retried \(client: an http.Client with the default transport\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Retrying holds a client whose transport retries 429: quiet, whatever the
// tests assign.
type Retrying struct{ hc Doer }

func NewRetrying() *Retrying {
	return &Retrying{hc: retryablehttp.NewClient().StandardClient()}
}

func (r *Retrying) Me(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, brex+"/v2/users/me", nil)
	if err != nil {
		return err
	}
	resp, err := r.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A function result of the interface type: the default client unless one
// was configured.
type Lazy struct{ custom Doer }

func (l *Lazy) doer() Doer {
	if l.custom != nil {
		return l.custom
	}
	return http.DefaultClient
}

func (l *Lazy) Cards(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, brex+"/v2/cards", nil)
	if err != nil {
		return err
	}
	resp, err := l.doer().Do(req) // want `429 from GET /v2/cards is not retried \(client: http.DefaultClient\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Another API behind the same interface: quiet.
type Other struct{ hc Doer }

func NewOther() *Other { return &Other{hc: &http.Client{}} }

func (o *Other) Balance(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.stripe.com/v1/balance", nil)
	if err != nil {
		return err
	}
	resp, err := o.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Service takes its Doer from its caller: the caller's client is judged.
type Service struct{ hc Doer }

func NewService(hc Doer) *Service { return &Service{hc: hc} }

func (s *Service) Users(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, brex+"/v2/users", nil)
	if err != nil {
		return err
	}
	resp, err := s.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
