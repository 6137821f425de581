// Package gin is a stub of github.com/gin-gonic/gin (v1.10) for the
// analysistest suites: the request context's API with its real signatures.
package gin

import "net/http"

type HandlerFunc func(*Context)

type H map[string]any

type Context struct {
	Request *http.Request
	Writer  http.ResponseWriter
}

func (c *Context) Param(key string) string                         { return "" }
func (c *Context) Query(key string) string                         { return "" }
func (c *Context) DefaultQuery(key, defaultValue string) string    { return "" }
func (c *Context) GetQuery(key string) (string, bool)              { return "", false }
func (c *Context) PostForm(key string) string                      { return "" }
func (c *Context) DefaultPostForm(key, defaultValue string) string { return "" }
func (c *Context) GetPostForm(key string) (string, bool)           { return "", false }
func (c *Context) GetHeader(key string) string                     { return "" }
func (c *Context) GetRawData() ([]byte, error)                     { return nil, nil }
func (c *Context) Bind(obj any) error                              { return nil }
func (c *Context) BindJSON(obj any) error                          { return nil }
func (c *Context) BindQuery(obj any) error                         { return nil }
func (c *Context) ShouldBind(obj any) error                        { return nil }
func (c *Context) ShouldBindJSON(obj any) error                    { return nil }
func (c *Context) ShouldBindQuery(obj any) error                   { return nil }
func (c *Context) ShouldBindBodyWithJSON(obj any) error            { return nil }
func (c *Context) Cookie(name string) (string, error)              { return "", nil }
func (c *Context) SetCookie(name, value string, maxAge int, path, domain string, secure, httpOnly bool) {
}
func (c *Context) Redirect(code int, location string)            {}
func (c *Context) Status(code int)                               {}
func (c *Context) String(code int, format string, values ...any) {}
func (c *Context) JSON(code int, obj any)                        {}
func (c *Context) AbortWithStatus(code int)                      {}
func (c *Context) AbortWithError(code int, err error) error      { return err }

type Engine struct{}

func Default() *Engine { return &Engine{} }
func New() *Engine     { return &Engine{} }

func (e *Engine) GET(path string, handlers ...HandlerFunc)  {}
func (e *Engine) POST(path string, handlers ...HandlerFunc) {}
func (e *Engine) Run(addr ...string) error                  { return nil }
