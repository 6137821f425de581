// Package echo is a stub of github.com/labstack/echo/v4 (v4.13.4) for
// the analysistest suites: the request context's API, handlers, binder
// and router, with their real signatures.
package echo

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

// Context carries a request through the handler and its middlewares.
type Context interface {
	Request() *http.Request
	SetRequest(r *http.Request)
	Response() *Response
	Param(name string) string
	QueryParam(name string) string
	QueryParams() url.Values
	FormValue(name string) string
	FormParams() (url.Values, error)
	Cookie(name string) (*http.Cookie, error)
	SetCookie(cookie *http.Cookie)
	Get(key string) interface{}
	Set(key string, val interface{})
	Bind(i interface{}) error
	JSON(code int, i interface{}) error
	String(code int, s string) error
	NoContent(code int) error
	Redirect(code int, url string) error
	Echo() *Echo
}

// HandlerFunc serves a request.
type HandlerFunc func(c Context) error

// MiddlewareFunc wraps a handler.
type MiddlewareFunc func(next HandlerFunc) HandlerFunc

// Response is the response of a Context.
type Response struct {
	Writer http.ResponseWriter
	Status int
}

// Binder decodes a request into a value.
type Binder interface {
	Bind(i interface{}, c Context) error
}

// DefaultBinder binds path parameters, the query and the body.
type DefaultBinder struct{}

func (b *DefaultBinder) BindBody(c Context, i interface{}) (err error) {
	return json.NewDecoder(c.Request().Body).Decode(i)
}

func (b *DefaultBinder) Bind(i interface{}, c Context) (err error) {
	return b.BindBody(c, i)
}

// HTTPError is an error with a status.
type HTTPError struct {
	Code    int
	Message interface{}
}

func NewHTTPError(code int, message ...interface{}) *HTTPError {
	he := &HTTPError{Code: code, Message: http.StatusText(code)}
	if len(message) > 0 {
		he.Message = message[0]
	}
	return he
}

func (he *HTTPError) Error() string { return fmt.Sprintf("code=%d, message=%v", he.Code, he.Message) }

var ErrUnauthorized = NewHTTPError(http.StatusUnauthorized)

// Route is a registered route.
type Route struct {
	Method string
	Path   string
	Name   string
}

// Echo is the router.
type Echo struct {
	Binder     Binder
	middleware []MiddlewareFunc
}

func New() *Echo { return &Echo{Binder: &DefaultBinder{}} }

func (e *Echo) Use(middleware ...MiddlewareFunc) { e.middleware = append(e.middleware, middleware...) }

func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route {
	return &Route{Method: http.MethodPost, Path: path}
}

func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route {
	return &Route{Method: http.MethodGet, Path: path}
}

func (e *Echo) Group(prefix string, m ...MiddlewareFunc) (g *Group) {
	return &Group{prefix: prefix, echo: e}
}

func (e *Echo) Start(address string) error { return http.ListenAndServe(address, nil) }

// Group is a prefix and its middlewares.
type Group struct {
	prefix     string
	echo       *Echo
	middleware []MiddlewareFunc
}

func (g *Group) Use(middleware ...MiddlewareFunc) { g.middleware = append(g.middleware, middleware...) }

func (g *Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route {
	return g.echo.POST(g.prefix+path, h, append(g.middleware, m...)...)
}

// WrapMiddleware wraps a net/http middleware into an echo middleware.
func WrapMiddleware(m func(http.Handler) http.Handler) MiddlewareFunc {
	return func(next HandlerFunc) HandlerFunc {
		return func(c Context) (err error) {
			m(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				c.SetRequest(r)
				err = next(c)
			})).ServeHTTP(c.Response().Writer, c.Request())
			return
		}
	}
}
