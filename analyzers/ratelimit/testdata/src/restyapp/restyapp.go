// Package restyapp sends Brex requests with go-resty/resty v2 clients
// configured in different ways.
package restyapp

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/go-resty/resty/v2"
)

const brex = "https://platform.brexapis.com"

// No SetRetryCount: resty retries nothing.
type Plain struct{ rc *resty.Client }

func NewPlain() *Plain {
	return &Plain{rc: resty.New().SetBaseURL(brex).SetTimeout(10 * time.Second)}
}

func (p *Plain) Me(ctx context.Context) error {
	_, err := p.rc.R().SetContext(ctx).Get("/v2/users/me") // want `429 from GET /v2/users/me is not retried`
	return err
}

// Retries, but only failed connections: resty's default condition.
var errorsOnly = resty.New().SetBaseURL(brex).SetRetryCount(3)

func Cards(ctx context.Context) error {
	_, err := errorsOnly.R().SetContext(ctx).Get("/v2/cards") // want `429 from GET /v2/cards is not retried`
	return err
}

// A condition that reads no status leaves out 429 too.
func Users(ctx context.Context) error {
	rc := resty.New().SetBaseURL(brex).SetRetryCount(3).
		AddRetryCondition(func(r *resty.Response, err error) bool { return errors.Is(err, context.DeadlineExceeded) })
	_, err := rc.R().Get("/v2/users") // want `429 from GET /v2/users is not retried`
	return err
}

// Retries 429 with resty's growing wait: quiet.
type Retrying struct{ rc *resty.Client }

func NewRetrying() *Retrying {
	rc := resty.New().SetBaseURL(brex)
	rc.SetRetryCount(4).
		SetRetryWaitTime(500 * time.Millisecond).
		SetRetryMaxWaitTime(20 * time.Second).
		AddRetryCondition(func(r *resty.Response, err error) bool {
			return err != nil || r.StatusCode() == http.StatusTooManyRequests || r.StatusCode() >= 500
		})
	return &Retrying{rc: rc}
}

func (c *Retrying) Departments(ctx context.Context) error {
	_, err := c.rc.R().SetContext(ctx).Get("/v2/departments")
	return err
}

func retryable(r *resty.Response, err error) bool { return err != nil || r.IsError() }

var named = resty.New().SetBaseURL(brex).SetRetryCount(2).AddRetryCondition(retryable)

func Locations(ctx context.Context) error {
	_, err := named.R().SetContext(ctx).Get("/v2/locations")
	return err
}

// A condition the model cannot read (a status other than 429 named):
// quiet.
var fiveHundreds = resty.New().SetBaseURL(brex).SetRetryCount(2).
	AddRetryCondition(func(r *resty.Response, err error) bool { return r.StatusCode() >= 500 })

func Titles(ctx context.Context) error {
	_, err := fiveHundreds.R().Get("/v2/titles")
	return err
}

// A condition that reads the status of the *http.Response resty wraps
// through the program's own type that embeds it (a.StatusCode): a status
// other than 429 named, as above, not a condition without a status:
// quiet.
type attempt struct {
	*http.Response
	n int
}

var embedded = resty.New().SetBaseURL(brex).SetRetryCount(2).
	AddRetryCondition(func(r *resty.Response, err error) bool {
		a := attempt{Response: r.RawResponse}
		return err != nil || a.StatusCode >= 500
	})

func Budgets(ctx context.Context) error {
	_, err := embedded.R().SetContext(ctx).Get("/v2/budgets")
	return err
}

// A client passed in is configured elsewhere: quiet.
func Injected(ctx context.Context, rc *resty.Client) error {
	_, err := rc.R().SetContext(ctx).Get(brex + "/v2/users/me")
	return err
}

// The caller handles the 429 itself: quiet.
func LocalRetry(ctx context.Context) error {
	rc := resty.New().SetBaseURL(brex)
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := rc.R().SetContext(ctx).Get("/v2/users/me")
		if err != nil {
			return err
		}
		if resp.StatusCode() != http.StatusTooManyRequests {
			return nil
		}
		time.Sleep(time.Duration(1<<attempt) * time.Second)
	}
	return errors.New("rate limited")
}

// Another API without retries: quiet.
func Other(ctx context.Context) error {
	_, err := resty.New().SetBaseURL("https://api.stripe.com").R().Get("/v1/balance")
	return err
}
