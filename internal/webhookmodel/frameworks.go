package webhookmodel

import (
	"go/ast"
	"go/types"

	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/brexlint/brexlint/internal/webframe"
	"golang.org/x/tools/go/types/typeutil"
)

// What the model reads through a web framework's context (gin's
// *gin.Context, echo's echo.Context): internal/webframe's table says what
// each call of a context reads of the request; these helpers turn it into
// the model's terms (see "Web frameworks" in the package doc).

// access returns what call reads of the request through a framework's
// context, or webframe.None.
func access(info *types.Info, call *ast.CallExpr) webframe.Access {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return webframe.CallAccess(fn)
}

// isFrameworkMethod reports whether fn is a method of a framework's
// context: code the model knows (echo's Context is an interface of
// another module, but none of its methods verifies anything).
func isFrameworkMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && webframe.IsContext(recv.Type())
}

// BodyRead reports whether e is the raw body of a request: the Body of an
// *http.Request (r.Body, gin's c.Request.Body, echo's c.Request().Body)
// or a framework's raw body (gin's c.GetRawData()).
func BodyRead(info *types.Info, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return typesutil.IsFieldOf(info.Selections[x], "net/http", "Request", "Body")
	case *ast.CallExpr:
		return access(info, x) == webframe.RawBody
	}
	return false
}

// headerName returns the argument naming the header that call reads with
// a framework's accessor (gin's c.GetHeader(name)), or nil.
func headerName(info *types.Info, call *ast.CallExpr) ast.Expr {
	if len(call.Args) == 0 || access(info, call) != webframe.Header {
		return nil
	}
	return call.Args[0]
}
