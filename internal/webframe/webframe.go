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
// echo's Context interface, named in the tables below, or the Request
// field of gin's Context.
package webframe

import (
	"go/types"

	"github.com/brexlint/brexlint/internal/typesutil"
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
	// Request: the *http.Request itself (echo's c.Request()).
	Request
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
)

// ginMethods are the methods of *gin.Context that read the request.
var ginMethods = map[string]Access{
	"Query": Param, "DefaultQuery": Param, "GetQuery": Param,
	"PostForm": Param, "DefaultPostForm": Param, "GetPostForm": Param,
	"GetHeader":  Header,
	"GetRawData": RawBody,
	// The binders that read the body (not BindQuery, BindHeader, BindUri
	// and their Should forms, which read other parts of the request).
	"Bind": Decode, "BindJSON": Decode, "ShouldBind": Decode, "ShouldBindJSON": Decode,
	"ShouldBindBodyWith": Decode, "ShouldBindBodyWithJSON": Decode,
	"BindWith": Decode, "MustBindWith": Decode, "ShouldBindWith": Decode,
}

// echoMethods are the methods of echo.Context that read the request.
var echoMethods = map[string]Access{
	"Request":     Request,
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

// IsRequestField reports whether v is the Request field of gin's Context,
// the *http.Request its handler serves.
func IsRequestField(v *types.Var) bool {
	return v != nil && v.IsField() && v.Name() == "Request" && v.Pkg() != nil && v.Pkg().Path() == GinPath &&
		typesutil.IsNamed(v.Type(), "net/http", "Request")
}

// IsContext reports whether t is a framework context a handler takes in
// place of an *http.Request: *gin.Context or echo.Context.
func IsContext(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return typesutil.IsNamed(p.Elem(), GinPath, "Context")
	}
	return typesutil.IsNamed(t, EchoPath, "Context")
}
