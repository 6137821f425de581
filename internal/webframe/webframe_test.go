package webframe_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/internal/webframe"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/types/typeutil"
)

// The frameworks' API as far as the test needs it, with their real
// signatures.
const ginSrc = `package gin

import "net/http"

type Context struct{ Request *http.Request }

type HandlerFunc func(*Context)

func (c *Context) Query(key string) string               { return "" }
func (c *Context) DefaultQuery(key, def string) string   { return "" }
func (c *Context) GetHeader(key string) string           { return "" }
func (c *Context) GetRawData() ([]byte, error)           { return nil, nil }
func (c *Context) ShouldBindJSON(obj any) error          { return nil }
func (c *Context) BindQuery(obj any) error               { return nil }
func (c *Context) Param(key string) string               { return "" }
func (c *Context) JSON(code int, obj any)                {}
func (c *Context) Next()                                 {}
func (c *Context) AbortWithStatus(code int)              {}
`

const echoSrc = `package echo

import (
	"net/http"
	"net/url"
)

type Context interface {
	Request() *http.Request
	QueryParam(name string) string
	QueryParams() url.Values
	FormValue(name string) string
	Bind(i interface{}) error
	Param(name string) string
	NoContent(code int) error
}

type HandlerFunc func(c Context) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc
`

// A look-alike: a context of another package with gin's method names.
const otherSrc = `package other

type Context struct{}

func (c *Context) Query(key string) string { return "" }
func (c *Context) ShouldBindJSON(obj any) error { return nil }
`

const appSrc = `package app

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"example.com/other"
)

type event struct{ Type string }

func ginHook(c *gin.Context) {
	_ = c.Query("state")
	_ = c.DefaultQuery("error", "")
	_ = c.GetHeader("Webhook-Signature")
	_, _ = c.GetRawData()
	var ev event
	_ = c.ShouldBindJSON(&ev)
	_ = c.BindQuery(&ev)
	_ = c.Param("id")
	c.JSON(200, ev)
	_ = c.Request.URL
	c.AbortWithStatus(400)
	c.Next()
}

func echoHook(c echo.Context) error {
	_ = c.Request()
	_ = c.QueryParam("state")
	_ = c.QueryParams()
	_ = c.FormValue("code")
	var ev event
	_ = c.Bind(&ev)
	_ = c.Param("id")
	return c.NoContent(200)
}

func otherHook(c *other.Context) {
	_ = c.Query("state")
	var ev event
	_ = c.ShouldBindJSON(&ev)
}

func stdHook(r *http.Request) {}

func valueHook(r http.Request) {}
`

type pkgs map[string]*types.Package

func (p pkgs) Import(path string) (*types.Package, error) {
	if pkg, ok := p[path]; ok {
		return pkg, nil
	}
	return importer.Default().Import(path)
}

func check(t *testing.T, fset *token.FileSet, imp pkgs, path, src string, info *types.Info) (*types.Package, *ast.File) {
	t.Helper()
	f, err := parser.ParseFile(fset, path+".go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: imp}).Check(path, fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	imp[path] = pkg
	return pkg, f
}

func TestCallAccess(t *testing.T) {
	fset := token.NewFileSet()
	imp := pkgs{}
	check(t, fset, imp, webframe.GinPath, ginSrc, nil)
	check(t, fset, imp, webframe.EchoPath, echoSrc, nil)
	check(t, fset, imp, "example.com/other", otherSrc, nil)
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{},
		Defs: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	_, f := check(t, fset, imp, "example.com/app", appSrc, info)

	got := map[string]map[string]webframe.Access{}
	contexts := map[string]bool{}
	carriers := map[string]bool{}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || fd.Type.Params.NumFields() != 1 {
			continue
		}
		name := fd.Name.Name
		contexts[name] = webframe.IsContext(info.TypeOf(fd.Type.Params.List[0].Type))
		carriers[name] = webframe.CarriesRequest(info.TypeOf(fd.Type.Params.List[0].Type))
		got[name] = map[string]webframe.Access{}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if fn, ok := typeutil.Callee(info, n).(*types.Func); ok {
					got[name][fn.Name()] = webframe.CallAccess(fn)
				}
			}
			return true
		})
	}
	want := map[string]map[string]webframe.Access{
		"ginHook": {
			"Query": webframe.Param, "DefaultQuery": webframe.Param, "GetHeader": webframe.Header,
			"GetRawData": webframe.RawBody, "ShouldBindJSON": webframe.Decode,
			"BindQuery": webframe.None, "Param": webframe.None, "JSON": webframe.None,
			"AbortWithStatus": webframe.None, "Next": webframe.Next,
		},
		"echoHook": {
			"Request": webframe.None, "QueryParam": webframe.Param, "QueryParams": webframe.Values,
			"FormValue": webframe.Param, "Bind": webframe.Decode, "Param": webframe.None, "NoContent": webframe.None,
		},
		"otherHook": {"Query": webframe.None, "ShouldBindJSON": webframe.None},
		// A handler of net/http calls no context's methods.
		"stdHook": {}, "valueHook": {},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CallAccess (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]bool{"ginHook": true, "echoHook": true, "otherHook": false, "stdHook": true, "valueHook": false}, carriers); diff != "" {
		t.Errorf("CarriesRequest (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]bool{"ginHook": true, "echoHook": true, "otherHook": false, "stdHook": false, "valueHook": false}, contexts); diff != "" {
		t.Errorf("IsContext (-want +got):\n%s", diff)
	}
}

// Handlers, and functions that take a context without a handler's shape.
const handlerSrc = `package handlers

import (
	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"example.com/other"
)

func ginHook(c *gin.Context)                          {}
func echoHook(c echo.Context) error                   { return nil }
func ginHelper(c *gin.Context, secret string) error   { return nil }
func echoNoError(c echo.Context)                      {}
func otherHook(c *other.Context)                      {}
`

func TestHandlerFramework(t *testing.T) {
	fset := token.NewFileSet()
	imp := pkgs{}
	check(t, fset, imp, webframe.GinPath, ginSrc, nil)
	check(t, fset, imp, webframe.EchoPath, echoSrc, nil)
	check(t, fset, imp, "example.com/other", otherSrc, nil)
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
	_, f := check(t, fset, imp, "example.com/handlers", handlerSrc, info)
	got := map[string][2]string{}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			sig := info.Defs[fd.Name].Type().(*types.Signature)
			got[fd.Name.Name] = [2]string{webframe.ContextFramework(sig.Params().At(0).Type()), webframe.HandlerFramework(sig)}
		}
	}
	want := map[string][2]string{
		"ginHook":     {webframe.GinPath, webframe.GinPath},
		"echoHook":    {webframe.EchoPath, webframe.EchoPath},
		"ginHelper":   {webframe.GinPath, ""},
		"echoNoError": {webframe.EchoPath, ""},
		"otherHook":   {"", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ContextFramework, HandlerFramework (-want +got):\n%s", diff)
	}
	if !webframe.IsFramework(webframe.GinPath) || !webframe.IsFramework(webframe.EchoPath) || webframe.IsFramework("example.com/other") {
		t.Error("IsFramework does not know the frameworks by path")
	}
}

func TestStrictBinding(t *testing.T) {
	const bindingSrc = `package binding

var EnableDecoderDisallowUnknownFields = false
`
	const ginStrictSrc = `package gin

import "github.com/gin-gonic/gin/binding"

type Context struct{}

func EnableJsonDecoderDisallowUnknownFields() { binding.EnableDecoderDisallowUnknownFields = true }
`
	fset := token.NewFileSet()
	imp := pkgs{}
	binding, _ := check(t, fset, imp, webframe.GinBindingPath, bindingSrc, nil)
	gin, _ := check(t, fset, imp, webframe.GinPath, ginStrictSrc, nil)
	got := map[string]bool{
		"binding.EnableDecoderDisallowUnknownFields": webframe.IsStrictBindingSwitch(binding.Scope().Lookup("EnableDecoderDisallowUnknownFields")),
		"gin.EnableJsonDecoderDisallowUnknownFields": webframe.IsStrictBindingSwitch(gin.Scope().Lookup("EnableJsonDecoderDisallowUnknownFields")),
		"gin.Context": webframe.IsStrictBindingSwitch(gin.Scope().Lookup("Context")),
	}
	want := map[string]bool{
		"binding.EnableDecoderDisallowUnknownFields": true,
		"gin.EnableJsonDecoderDisallowUnknownFields": true,
		"gin.Context": false,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("IsStrictBindingSwitch (-want +got):\n%s", diff)
	}

	// The packages whose code may turn a switch on: those that import
	// gin or its binding package, not one that imports a package named
	// gin at another path, nor one that imports gin only indirectly.
	check(t, fset, imp, "example.com/other/gin", "package gin\n\nfunc EnableJsonDecoderDisallowUnknownFields() {}\n", nil)
	check(t, fset, imp, "example.com/server", "package server\n\nimport _ \""+webframe.GinPath+"\"\n", nil)
	importers := map[string]string{
		"gin":        "package app\n\nimport _ \"" + webframe.GinPath + "\"\n",
		"binding":    "package app\n\nimport _ \"" + webframe.GinBindingPath + "\"\n",
		"look-alike": "package app\n\nimport _ \"example.com/other/gin\"\n",
		"indirect":   "package app\n\nimport _ \"example.com/server\"\n",
	}
	gotImports := map[string]bool{}
	for name, src := range importers {
		pkg, _ := check(t, fset, imp, "example.com/app", src, nil)
		gotImports[name] = webframe.MaySwitchStrictBinding(pkg)
	}
	wantImports := map[string]bool{"gin": true, "binding": true, "look-alike": false, "indirect": false}
	if diff := cmp.Diff(wantImports, gotImports); diff != "" {
		t.Errorf("MaySwitchStrictBinding (-want +got):\n%s", diff)
	}
}

func TestMiddlewareFramework(t *testing.T) {
	const src = `package mw

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

var (
	ginHandler   gin.HandlerFunc
	ginFunc      func(*gin.Context)
	echoMW       echo.MiddlewareFunc
	echoFunc     func(echo.HandlerFunc) echo.HandlerFunc
	echoHandler  echo.HandlerFunc
	httpMW       func(http.Handler) http.Handler
	notHandler   func(*gin.Context) error
)
`
	fset := token.NewFileSet()
	imp := pkgs{}
	check(t, fset, imp, webframe.GinPath, ginSrc, nil)
	check(t, fset, imp, webframe.EchoPath, echoSrc, nil)
	pkg, _ := check(t, fset, imp, "example.com/mw", src, nil)
	got := map[string]string{}
	for _, name := range pkg.Scope().Names() {
		got[name] = webframe.MiddlewareFramework(pkg.Scope().Lookup(name).Type())
	}
	want := map[string]string{
		"ginHandler": webframe.GinPath, "ginFunc": webframe.GinPath,
		"echoMW": webframe.EchoPath, "echoFunc": webframe.EchoPath,
		"echoHandler": "", "httpMW": "", "notHandler": "",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("MiddlewareFramework (-want +got):\n%s", diff)
	}
	for path, want := range map[string]bool{
		webframe.GinPath: true, webframe.GinBindingPath: true, webframe.EchoPath + "/middleware": true,
		"github.com/gin-contrib/cors": false, "github.com/gin-gonic/ginx": false, "github.com/labstack/echo": false,
	} {
		if got := webframe.InFramework(path); got != want {
			t.Errorf("InFramework(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestBodyDecode(t *testing.T) {
	const bindingSrc = `package binding

import "net/http"

type Binding interface {
	Bind(*http.Request, any) error
}

type BindingBody interface {
	Binding
	BindBody([]byte, any) error
}

var (
	JSON  BindingBody
	XML   BindingBody
	Query Binding
)
`
	const ginBindSrc = `package gin

import "github.com/gin-gonic/gin/binding"

type Context struct{}

func (c *Context) Bind(obj any) error                                     { return nil }
func (c *Context) ShouldBind(obj any) error                               { return nil }
func (c *Context) BindJSON(obj any) error                                 { return nil }
func (c *Context) ShouldBindJSON(obj any) error                           { return nil }
func (c *Context) ShouldBindBodyWithJSON(obj any) error                   { return nil }
func (c *Context) ShouldBindQuery(obj any) error                          { return nil }
func (c *Context) ShouldBindWith(obj any, b binding.Binding) error        { return nil }
func (c *Context) MustBindWith(obj any, b binding.Binding) error          { return nil }
func (c *Context) ShouldBindBodyWith(obj any, b binding.BindingBody) error { return nil }
`
	const src = `package app

import (
	"github.com/gin-gonic/gin"
	"github.com/gin-gonic/gin/binding"
	"github.com/labstack/echo/v4"
	"example.com/other"
)

type event struct{ Type string }

var JSON = binding.XML // a JSON of another package

func hook(c *gin.Context, e echo.Context, o *other.Context) {
	var ev event
	json := binding.JSON
	_ = c.Bind(&ev)                                 // Bind
	_ = c.ShouldBind(&ev)                           // ShouldBind
	_ = c.BindJSON(&ev)                             // BindJSON
	_ = c.ShouldBindJSON(&ev)                       // ShouldBindJSON
	_ = c.ShouldBindBodyWithJSON(&ev)               // ShouldBindBodyWithJSON
	_ = c.ShouldBindQuery(&ev)                      // ShouldBindQuery
	_ = c.ShouldBindWith(&ev, binding.JSON)         // ShouldBindWith JSON
	_ = c.ShouldBindWith(&ev, binding.Query)        // ShouldBindWith Query
	_ = c.MustBindWith(&ev, JSON)                   // MustBindWith app.JSON
	_ = c.ShouldBindBodyWith(&ev, (binding.JSON))   // ShouldBindBodyWith JSON
	_ = c.ShouldBindBodyWith(&ev, json)             // ShouldBindBodyWith a local variable
	_ = e.Bind(&ev)                                 // echo Bind
	_ = o.ShouldBindJSON(&ev)                       // other ShouldBindJSON
}
`
	fset := token.NewFileSet()
	imp := pkgs{}
	check(t, fset, imp, webframe.GinBindingPath, bindingSrc, nil)
	check(t, fset, imp, webframe.GinPath, ginBindSrc, nil)
	check(t, fset, imp, webframe.EchoPath, echoSrc, nil)
	check(t, fset, imp, "example.com/other", otherSrc, nil)
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{},
		Defs: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	f, err := parser.ParseFile(fset, "app.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (&types.Config{Importer: imp}).Check("example.com/app", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	comments := map[int]string{}
	for _, cg := range f.Comments {
		comments[fset.Position(cg.Pos()).Line] = strings.TrimSpace(strings.TrimPrefix(cg.List[0].Text, "//"))
	}
	got := map[string][2]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if name, ok := comments[fset.Position(call.Pos()).Line]; ok {
				got[name] = [2]bool{webframe.BodyDecode(info, call) != nil, webframe.JSONBind(info, call) != nil}
			}
			return false
		}
		return true
	})
	// {BodyDecode, JSONBind}
	want := map[string][2]bool{
		"Bind": {true, true}, "ShouldBind": {true, true},
		"BindJSON": {true, true}, "ShouldBindJSON": {true, true}, "ShouldBindBodyWithJSON": {true, true},
		"ShouldBindQuery":                     {false, false},
		"ShouldBindWith JSON":                 {true, true},
		"ShouldBindWith Query":                {false, false},
		"MustBindWith app.JSON":               {false, false},
		"ShouldBindBodyWith JSON":             {true, true},
		"ShouldBindBodyWith a local variable": {false, false},
		"echo Bind":                           {true, false},
		"other ShouldBindJSON":                {false, false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("BodyDecode, JSONBind (-want +got):\n%s", diff)
	}
}
