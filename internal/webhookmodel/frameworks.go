package webhookmodel

import (
	"go/ast"
	"go/types"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/types/typeutil"
)

// A framework is a web framework whose handlers take a context of their
// own instead of an *http.Request: the context's accessors stand for the
// request's parts (see "Web frameworks" in the package doc). Routers whose
// handlers are net/http handlers (chi, gorilla/mux, httprouter's
// HandlerFunc) need no entry.
type framework struct {
	path string // import path
	// context is the name of the type its handlers take (gin's
	// *Context, a struct; echo's Context, an interface).
	context string
	// handler is the name of its handler function type (gin's
	// func(*Context), echo's func(Context) error): the shape of a
	// middleware too.
	handler string
	// accessors are the methods and fields that read the request, by
	// "Type.Member" (the type that declares them).
	accessors map[string]accessor
}

// accessKind is what an accessor of a framework gives.
type accessKind uint8

const (
	// accRequest: the *http.Request (gin's c.Request, echo's
	// c.Request()). Its type says it all; listed for completeness.
	accRequest accessKind = iota + 1
	accBody               // the raw body (gin's c.GetRawData())
	accBind               // decodes the body into argument arg (c.ShouldBindJSON(&ev))
	accHeader             // the request header named by argument arg (gin's c.GetHeader(name))
)

type accessor struct {
	kind accessKind
	arg  int // the argument that is the target (accBind) or the name (accHeader)
}

// frameworks are the web frameworks the model knows, by import path.
// Gin's Bind and ShouldBind pick the binding by the Content-Type, JSON
// for a Brex delivery; its binds of the query, URI or headers are not of
// the body and are left out.
var frameworks = map[string]*framework{
	"github.com/gin-gonic/gin": {
		path:    "github.com/gin-gonic/gin",
		context: "Context",
		handler: "HandlerFunc",
		accessors: map[string]accessor{
			"Context.Request":                {kind: accRequest},
			"Context.GetRawData":             {kind: accBody},
			"Context.GetHeader":              {kind: accHeader},
			"Context.Bind":                   {kind: accBind},
			"Context.BindJSON":               {kind: accBind},
			"Context.MustBindWith":           {kind: accBind},
			"Context.ShouldBind":             {kind: accBind},
			"Context.ShouldBindJSON":         {kind: accBind},
			"Context.ShouldBindWith":         {kind: accBind},
			"Context.ShouldBindBodyWith":     {kind: accBind},
			"Context.ShouldBindBodyWithJSON": {kind: accBind},
		},
	},
	"github.com/labstack/echo/v4": {
		path:    "github.com/labstack/echo/v4",
		context: "Context",
		handler: "HandlerFunc",
		accessors: map[string]accessor{
			"Context.Request":        {kind: accRequest},
			"Context.Bind":           {kind: accBind},
			"DefaultBinder.Bind":     {kind: accBind},         // Bind(i, c)
			"DefaultBinder.BindBody": {kind: accBind, arg: 1}, // BindBody(c, i)
		},
	},
}

// IsFramework reports whether path is the import path of a web framework
// the model knows: a package that imports one may receive webhooks
// without importing net/http.
func IsFramework(path string) bool {
	_, ok := frameworks[path]
	return ok
}

// frameworkContext returns the framework whose handler context t is
// (*gin.Context, echo.Context), or nil.
func frameworkContext(t types.Type) *framework {
	if t == nil {
		return nil
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	fw := frameworks[n.Obj().Pkg().Path()]
	if fw == nil || n.Obj().Name() != fw.context {
		return nil
	}
	return fw
}

// handlerOf returns the framework whose context sig takes, or nil.
func handlerOf(sig *types.Signature) *framework {
	if sig == nil {
		return nil
	}
	for p := range sig.Params().Variables() {
		if fw := frameworkContext(p.Type()); fw != nil {
			return fw
		}
	}
	return nil
}

// isHandler reports whether sig has the shape of fw's handlers (a
// method's receiver aside): gin's func(*gin.Context), echo's
// func(echo.Context) error. A middleware has it too: gin's runs in the
// handler chain, echo's returns one that wraps the next.
func (fw *framework) isHandler(sig *types.Signature) bool {
	ctx := sig.Params()
	if ctx.Len() != 1 || frameworkContext(ctx.At(0).Type()) != fw {
		return false
	}
	pkg := ctx.At(0).Type()
	if p, ok := types.Unalias(pkg).(*types.Pointer); ok {
		pkg = p.Elem()
	}
	tn, ok := types.Unalias(pkg).(*types.Named).Obj().Pkg().Scope().Lookup(fw.handler).(*types.TypeName)
	return ok && types.Identical(sig, tn.Type().Underlying())
}

// accessorOf returns the accessor of a framework that e calls or selects:
// a method call (c.GetRawData(), c.Request()) or a field (c.Request),
// identified by the object's package and the type that declares it.
func accessorOf(info *types.Info, e ast.Expr) (accessor, bool) {
	var obj types.Object
	var recv types.Type
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, x).(*types.Func)
		if !ok || fn.Signature().Recv() == nil {
			return accessor{}, false
		}
		obj, recv = fn, fn.Signature().Recv().Type()
	case *ast.SelectorExpr:
		sel, ok := info.Selections[x]
		if !ok || sel.Kind() != types.FieldVal {
			return accessor{}, false
		}
		obj, recv = sel.Obj(), sel.Recv()
	default:
		return accessor{}, false
	}
	if obj.Pkg() == nil {
		return accessor{}, false
	}
	fw := frameworks[obj.Pkg().Path()]
	if fw == nil {
		return accessor{}, false
	}
	if p, ok := types.Unalias(recv).(*types.Pointer); ok {
		recv = p.Elem()
	}
	n, ok := types.Unalias(recv).(*types.Named)
	if !ok || n.Obj().Pkg() != obj.Pkg() {
		return accessor{}, false
	}
	acc, ok := fw.accessors[n.Obj().Name()+"."+obj.Name()]
	return acc, ok
}

// isFrameworkMethod reports whether fn is a method of a framework's
// context: code the model knows (echo's Context is an interface, but none
// of its methods verifies anything).
func isFrameworkMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && frameworkContext(recv.Type()) != nil
}

// BodyRead reports whether e is the raw body of a request: the Body of an
// *http.Request (r.Body, c.Request.Body, c.Request().Body) or a
// framework's raw body (gin's c.GetRawData()).
func BodyRead(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if x, ok := e.(*ast.SelectorExpr); ok && x.Sel.Name == "Body" && typesutil.IsNamed(info.TypeOf(x.X), "net/http", "Request") {
		if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			return true
		}
	}
	acc, ok := accessorOf(info, e)
	return ok && acc.kind == accBody
}

// bindTarget returns the expression a framework's bind call decodes the
// request body into (&ev of c.ShouldBindJSON(&ev)), or nil.
func bindTarget(info *types.Info, call *ast.CallExpr) ast.Expr {
	acc, ok := accessorOf(info, call)
	if !ok || acc.kind != accBind || acc.arg >= len(call.Args) {
		return nil
	}
	return call.Args[acc.arg]
}

// headerName returns the argument naming the header that call reads with
// a framework's accessor (gin's c.GetHeader(name)), or nil.
func headerName(info *types.Info, call *ast.CallExpr) ast.Expr {
	acc, ok := accessorOf(info, call)
	if !ok || acc.kind != accHeader || acc.arg >= len(call.Args) {
		return nil
	}
	return call.Args[acc.arg]
}
