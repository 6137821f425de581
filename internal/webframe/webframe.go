// Package webframe knows the request contexts of the web frameworks whose
// handlers brexlint reads as it reads net/http handlers: gin's
// *gin.Context (github.com/gin-gonic/gin) and echo's echo.Context
// (github.com/labstack/echo/v4). A Brex webhook receiver or OAuth callback
// written for gin or echo takes one of these instead of an *http.Request,
// and reads the request through its methods: the models (webhookmodel,
// oauthmodel) ask this package what a call on a context reads, so that
// the frameworks' API is written down in one place.
//
// chi, gorilla/mux and the standard ServeMux hand the handler the
// *http.Request itself and need nothing here. Other frameworks (fiber,
// whose context is not built on net/http, beego, iris) are out of reach:
// their handlers are not receivers or callbacks to the models.
//
// Everything is identified by types: a method of gin's Context or of
// echo's Context interface, named in the tables below. The request
// itself (gin's c.Request field, echo's c.Request()) is an
// *http.Request, which the models know by its type.
package webframe

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/types/typeutil"
)

// The import paths of the frameworks.
const (
	GinPath  = "github.com/gin-gonic/gin"
	EchoPath = "github.com/labstack/echo/v4"
)

// Access is what a method of a framework context reads of the request.
type Access uint8

const (
	// None: the method reads nothing of the request this package models
	// (it writes the response, or reads a path parameter).
	None Access = iota
	// Param: the value of the query or form parameter named by the first
	// argument (gin's c.Query("state"), echo's c.QueryParam("state")).
	Param
	// Values: the url.Values of the query or form (echo's
	// c.QueryParams(), c.FormParams()).
	Values
	// Header: the value of the header named by the first argument (gin's
	// c.GetHeader("Webhook-Signature")).
	Header
	// RawBody: the bytes of the request body (gin's c.GetRawData()).
	RawBody
	// Decode: decodes the request body into the first argument (gin's
	// c.ShouldBindJSON(&ev), echo's c.Bind(&ev)).
	Decode
	// Next: reads nothing, but runs the rest of the handler chain, as a
	// middleware does (gin's c.Next()). (Aborting the chain is no sign of
	// a middleware: every handler that refuses a bad request aborts.)
	Next
)

// ginMethods are the methods of *gin.Context that read the request.
var ginMethods = map[string]Access{
	"Query": Param, "DefaultQuery": Param, "GetQuery": Param,
	"PostForm": Param, "DefaultPostForm": Param, "GetPostForm": Param,
	"GetHeader":  Header,
	"GetRawData": RawBody,
	// The chain's control.
	"Next": Next,
}

// ginBinds are the binds of *gin.Context that may read the body (not
// BindQuery, BindHeader, BindUri and their Should forms, which read other
// parts of the request): CallAccess says Decode for them, BodyDecode and
// JSONBind look at the call. Each is true when the binding is its second
// argument (BindWith(&v, binding.JSON), ShouldBindWith(&q,
// binding.Query)); the others decode JSON. Bind and ShouldBind pick the
// binding by the request's Content-Type, and decode JSON for
// application/json, which Brex's deliveries carry: to the models they
// bind JSON, as BindJSON does (and gin's strict switch makes them strict).
var ginBinds = map[string]bool{
	"BindJSON": false, "ShouldBindJSON": false, "ShouldBindBodyWithJSON": false,
	"Bind": false, "ShouldBind": false,
	"BindWith": true, "MustBindWith": true, "ShouldBindWith": true, "ShouldBindBodyWith": true,
}

func init() {
	for name := range ginBinds {
		ginMethods[name] = Decode
	}
}

// echoMethods are the methods of echo.Context that read the request.
var echoMethods = map[string]Access{
	"QueryParam":  Param,
	"FormValue":   Param,
	"QueryParams": Values,
	"FormParams":  Values,
	"Bind":        Decode,
}

// CallAccess says what a call of fn reads of the request: fn is a method
// of a framework context, or the answer is None.
func CallAccess(fn *types.Func) Access {
	if fn == nil || fn.Pkg() == nil {
		return None
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return None
	}
	switch fn.Pkg().Path() {
	case GinPath:
		if typesutil.IsNamed(recv.Type(), GinPath, "Context") {
			return ginMethods[fn.Name()]
		}
	case EchoPath:
		if typesutil.IsNamed(recv.Type(), EchoPath, "Context") {
			return echoMethods[fn.Name()]
		}
	}
	return None
}

// IsContext reports whether t is a framework context a handler takes in
// place of an *http.Request: *gin.Context or echo.Context.
func IsContext(t types.Type) bool { return ContextFramework(t) != "" }

// frameworks are the import paths of the frameworks.
var frameworks = [...]string{GinPath, EchoPath}

// IsFramework reports whether path is the import path of a framework: a
// package that imports one may serve requests without importing net/http.
func IsFramework(path string) bool { return slices.Contains(frameworks[:], path) }

// InFramework reports whether path is a package of a framework's own
// module (gin, gin/binding, echo/v4, echo/v4/middleware): its handlers
// and middlewares (gin.Logger(), middleware.CORS()) verify nothing.
func InFramework(path string) bool {
	return slices.ContainsFunc(frameworks[:], func(fw string) bool { return path == fw || strings.HasPrefix(path, fw+"/") })
}

// MiddlewareFramework returns the import path of the framework whose
// middleware t is, or "": a gin handler (gin.HandlerFunc, which a gin
// middleware is), or an echo middleware (echo.MiddlewareFunc,
// func(next echo.HandlerFunc) echo.HandlerFunc).
func MiddlewareFramework(t types.Type) string {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok {
		return ""
	}
	if fw := HandlerFramework(sig); fw == GinPath {
		return fw
	}
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 {
		return ""
	}
	next, ok1 := sig.Params().At(0).Type().Underlying().(*types.Signature)
	ret, ok2 := sig.Results().At(0).Type().Underlying().(*types.Signature)
	if ok1 && ok2 && HandlerFramework(next) == EchoPath && HandlerFramework(ret) == EchoPath {
		return EchoPath
	}
	return ""
}

// ContextFramework returns the import path of the framework whose context
// t is (GinPath for *gin.Context, EchoPath for echo.Context), or "".
func ContextFramework(t types.Type) string {
	if t == nil {
		return ""
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		if typesutil.IsNamed(p.Elem(), GinPath, "Context") {
			return GinPath
		}
		return ""
	}
	if typesutil.IsNamed(t, EchoPath, "Context") {
		return EchoPath
	}
	return ""
}

// HandlerFramework returns the import path of the framework whose handler
// shape sig has (a method's receiver aside), or "": gin's HandlerFunc,
// func(*gin.Context), and echo's, func(echo.Context) error. A middleware
// has the shape too: gin's runs in the handler chain, and echo's
// (func(next echo.HandlerFunc) echo.HandlerFunc) returns a function of
// that shape which calls next.
func HandlerFramework(sig *types.Signature) string {
	if sig == nil || sig.Params().Len() != 1 {
		return ""
	}
	res := sig.Results()
	switch fw := ContextFramework(sig.Params().At(0).Type()); {
	case fw == GinPath && res.Len() == 0:
		return fw
	case fw == EchoPath && res.Len() == 1 && types.Identical(res.At(0).Type(), types.Universe.Lookup("error").Type()):
		return fw
	}
	return ""
}

// GinBindingPath is the import path of gin's binding package.
const GinBindingPath = GinPath + "/binding"

// IsStrictBindingSwitch reports whether obj is gin's switch that makes
// every JSON bind of the program reject unknown fields (json.Decoder's
// DisallowUnknownFields): the variable
// binding.EnableDecoderDisallowUnknownFields, or the function
// gin.EnableJsonDecoderDisallowUnknownFields, which sets it.
func IsStrictBindingSwitch(obj types.Object) bool {
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	switch obj := obj.(type) {
	case *types.Var:
		return obj.Pkg().Path() == GinBindingPath && obj.Name() == "EnableDecoderDisallowUnknownFields" && !obj.IsField()
	case *types.Func:
		return obj.Pkg().Path() == GinPath && obj.Name() == "EnableJsonDecoderDisallowUnknownFields" && obj.Signature().Recv() == nil
	}
	return false
}

// MaySwitchStrictBinding reports whether pkg imports the package of one
// of gin's strict binding switches (gin, gin's binding), so that code of
// pkg may turn it on: elsewhere no statement need be looked at for it.
func MaySwitchStrictBinding(pkg *types.Package) bool {
	return slices.ContainsFunc(pkg.Imports(), func(p *types.Package) bool {
		return p.Path() == GinPath || p.Path() == GinBindingPath
	})
}

// BodyDecode returns the expression that call, a bind of a framework's
// context, decodes the request body into (&ev of c.ShouldBindJSON(&ev),
// of c.ShouldBind(&ev), of c.ShouldBindWith(&ev, binding.JSON), of echo's
// c.Bind(&ev)), or nil: a call of anything else, or one of gin's *With
// binds whose binding is not binding.JSON (c.ShouldBindWith(&q,
// binding.Query) reads the query). The binds that pick the decoding by
// the Content-Type (gin's Bind and ShouldBind, echo's Bind) count: Brex
// posts JSON.
func BodyDecode(info *types.Info, call *ast.CallExpr) ast.Expr {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if len(call.Args) == 0 || CallAccess(fn) != Decode {
		return nil
	}
	if fn.Pkg().Path() == GinPath && ginBinds[fn.Name()] &&
		(len(call.Args) < 2 || !isJSONBinding(info, call.Args[1])) {
		return nil
	}
	return call.Args[0]
}

// JSONBind returns the expression that call, one of gin's binds of the
// body (see BodyDecode: BindJSON, ShouldBindJSON, ShouldBindBodyWithJSON,
// Bind and ShouldBind, the *With binds given binding.JSON), decodes into,
// or nil: the binds that gin's strict switch makes strict for a JSON
// request.
func JSONBind(info *types.Info, call *ast.CallExpr) ast.Expr {
	target := BodyDecode(info, call)
	if target == nil || typeutil.Callee(info, call).Pkg().Path() != GinPath {
		return nil
	}
	return target
}

// isJSONBinding reports whether e is gin's JSON binding: the
// package-level variable JSON of gin's binding package.
func isJSONBinding(info *types.Info, e ast.Expr) bool {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == GinBindingPath && v.Pkg().Scope().Lookup("JSON") == v
}

// CarriesRequest reports whether a handler reads its request through a
// value of type t: an *http.Request, or a framework's context.
func CarriesRequest(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok && typesutil.IsNamed(p.Elem(), "net/http", "Request") {
		return true
	}
	return IsContext(t)
}

// CallsNext returns the framework whose handler chain call runs on, as a
// middleware does, or "": gin's c.Next(), or a call of a function value
// of echo's handler shape (an echo middleware's next(c)).
func CallsNext(info *types.Info, call *ast.CallExpr) string {
	switch callee := typeutil.Callee(info, call).(type) {
	case *types.Func:
		if CallAccess(callee) == Next {
			return GinPath
		}
	case *types.Var:
		if sig, ok := callee.Type().Underlying().(*types.Signature); ok && HandlerFramework(sig) == EchoPath {
			return EchoPath
		}
	}
	return ""
}

// IsMiddlewareAdapter reports whether fn is echo.WrapMiddleware, which puts
// a net/http middleware (func(http.Handler) http.Handler) in echo's chain.
// gin has no such adapter (gin.WrapH wraps a handler, not a middleware).
func IsMiddlewareAdapter(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == EchoPath && fn.Name() == "WrapMiddleware" &&
		fn.Signature().Recv() == nil
}
