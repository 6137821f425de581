// Package gin is a stub of github.com/gin-gonic/gin (v1.10.1) for the
// analysistest suites: the request context's API, handlers and router,
// with their real signatures.
package gin

import (
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin/binding"
)

// HandlerFunc is a handler or a middleware.
type HandlerFunc func(*Context)

// H is a shortcut for a map of JSON values.
type H map[string]any

// ResponseWriter is the writer of a Context.
type ResponseWriter interface {
	http.ResponseWriter
	Status() int
}

// Context carries a request through the handler chain.
type Context struct {
	Request *http.Request
	Writer  ResponseWriter
	Keys    map[string]any

	handlers []HandlerFunc
	index    int
}

// Next runs the rest of the handler chain.
func (c *Context) Next() {
	c.index++
	for c.index < len(c.handlers) {
		c.handlers[c.index](c)
		c.index++
	}
}

func (c *Context) Abort() { c.index = len(c.handlers) }

func (c *Context) AbortWithStatus(code int) {
	c.Status(code)
	c.Abort()
}

// Error is an error attached to a Context.
type Error struct {
	Err  error
	Type uint64
}

func (msg *Error) Error() string { return msg.Err.Error() }

func (c *Context) AbortWithError(code int, err error) *Error {
	c.AbortWithStatus(code)
	return &Error{Err: err}
}

func (c *Context) AbortWithStatusJSON(code int, jsonObj any) {
	c.Abort()
	c.JSON(code, jsonObj)
}

func (c *Context) Set(key string, value any) {
	if c.Keys == nil {
		c.Keys = map[string]any{}
	}
	c.Keys[key] = value
}

func (c *Context) Get(key string) (value any, exists bool) {
	value, exists = c.Keys[key]
	return
}

func (c *Context) MustGet(key string) any {
	if value, exists := c.Get(key); exists {
		return value
	}
	panic("Key \"" + key + "\" does not exist")
}

func (c *Context) Param(key string) string { return "" }

func (c *Context) Query(key string) string { return c.Request.URL.Query().Get(key) }

func (c *Context) DefaultQuery(key, defaultValue string) string {
	if value, ok := c.GetQuery(key); ok {
		return value
	}
	return defaultValue
}

func (c *Context) GetQuery(key string) (string, bool) {
	values, ok := c.Request.URL.Query()[key]
	if !ok || len(values) == 0 {
		return "", false
	}
	return values[0], true
}

func (c *Context) PostForm(key string) string { return c.Request.PostFormValue(key) }

func (c *Context) DefaultPostForm(key, defaultValue string) string {
	if value, ok := c.GetPostForm(key); ok {
		return value
	}
	return defaultValue
}

func (c *Context) GetPostForm(key string) (string, bool) {
	_ = c.Request.ParseForm()
	values, ok := c.Request.PostForm[key]
	if !ok || len(values) == 0 {
		return "", false
	}
	return values[0], true
}

func (c *Context) Cookie(name string) (string, error) {
	cookie, err := c.Request.Cookie(name)
	if err != nil {
		return "", err
	}
	return cookie.Value, nil
}

func (c *Context) SetCookie(name, value string, maxAge int, path, domain string, secure, httpOnly bool) {
	http.SetCookie(c.Writer, &http.Cookie{Name: name, Value: value, MaxAge: maxAge, Path: path, Domain: domain, Secure: secure, HttpOnly: httpOnly})
}

func (c *Context) Redirect(code int, location string) {
	http.Redirect(c.Writer, c.Request, location, code)
}

func (c *Context) Bind(obj any) error { return c.MustBindWith(obj, binding.JSON) }

func (c *Context) BindJSON(obj any) error { return c.MustBindWith(obj, binding.JSON) }

func (c *Context) BindQuery(obj any) error { return nil }

func (c *Context) ShouldBindQuery(obj any) error { return nil }

func (c *Context) MustBindWith(obj any, b binding.Binding) error {
	if err := c.ShouldBindWith(obj, b); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return err
	}
	return nil
}

func (c *Context) ShouldBind(obj any) error { return c.ShouldBindWith(obj, binding.JSON) }

func (c *Context) ShouldBindJSON(obj any) error { return c.ShouldBindWith(obj, binding.JSON) }

func (c *Context) ShouldBindWith(obj any, b binding.Binding) error { return b.Bind(c.Request, obj) }

func (c *Context) ShouldBindBodyWith(obj any, bb binding.BindingBody) (err error) {
	body, err := c.GetRawData()
	if err != nil {
		return err
	}
	return bb.BindBody(body, obj)
}

func (c *Context) ShouldBindBodyWithJSON(obj any) error {
	return c.ShouldBindBodyWith(obj, binding.JSON)
}

func (c *Context) Status(code int) { c.Writer.WriteHeader(code) }

func (c *Context) Header(key, value string) { c.Writer.Header().Set(key, value) }

func (c *Context) GetHeader(key string) string { return c.Request.Header.Get(key) }

func (c *Context) GetRawData() ([]byte, error) { return io.ReadAll(c.Request.Body) }

func (c *Context) JSON(code int, obj any) { c.Status(code) }

func (c *Context) String(code int, format string, values ...any) { c.Status(code) }

// Context is a context.Context.

func (c *Context) Deadline() (deadline time.Time, ok bool) { return c.Request.Context().Deadline() }

func (c *Context) Done() <-chan struct{} { return c.Request.Context().Done() }

func (c *Context) Err() error { return c.Request.Context().Err() }

func (c *Context) Value(key any) any { return c.Request.Context().Value(key) }

// IRoutes registers handlers.
type IRoutes interface {
	Use(...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
	GET(string, ...HandlerFunc) IRoutes
}

// RouterGroup is a prefix and its middlewares.
type RouterGroup struct {
	Handlers []HandlerFunc
	basePath string
}

func (group *RouterGroup) Use(middleware ...HandlerFunc) IRoutes {
	group.Handlers = append(group.Handlers, middleware...)
	return group
}

func (group *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup {
	return &RouterGroup{Handlers: append(group.Handlers, handlers...), basePath: group.basePath + relativePath}
}

func (group *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes { return group }

func (group *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes { return group }

// Engine is the router.
type Engine struct {
	RouterGroup
}

func New() *Engine { return &Engine{} }

func Default() *Engine { return New() }

func (engine *Engine) Run(addr ...string) (err error) {
	return http.ListenAndServe(addr[0], engine)
}

func (engine *Engine) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

// EnableJsonDecoderDisallowUnknownFields makes the JSON binding reject
// unknown fields.
func EnableJsonDecoderDisallowUnknownFields() {
	binding.EnableDecoderDisallowUnknownFields = true
}

// Logger is gin's request logging middleware.
func Logger() HandlerFunc {
	return func(c *Context) { c.Next() }
}

// IsAborted reports whether the chain was aborted.
func (c *Context) IsAborted() bool { return c.index >= len(c.handlers) }
