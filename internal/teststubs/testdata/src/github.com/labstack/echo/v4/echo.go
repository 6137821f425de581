// Package echo is a stub of github.com/labstack/echo/v4 (v4.13) for the
// analysistest suites: the request context's API with its real signatures.
package echo

import (
	"net/http"
	"net/url"
)

type HandlerFunc func(c Context) error

type Context interface {
	Request() *http.Request
	Param(name string) string
	QueryParam(name string) string
	QueryParams() url.Values
	FormValue(name string) string
	FormParams() (url.Values, error)
	Cookie(name string) (*http.Cookie, error)
	SetCookie(cookie *http.Cookie)
	Bind(i interface{}) error
	String(code int, s string) error
	JSON(code int, i interface{}) error
	NoContent(code int) error
	Redirect(code int, url string) error
}

type Echo struct{}

func New() *Echo { return &Echo{} }

func (e *Echo) GET(path string, h HandlerFunc)  {}
func (e *Echo) POST(path string, h HandlerFunc) {}
func (e *Echo) Start(address string) error      { return nil }

func NewHTTPError(code int, message ...interface{}) error { return nil }
