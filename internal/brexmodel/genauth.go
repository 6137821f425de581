package brexmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// The Authorization of a call of a generated client's operation, which the
// generated code sets from what the program gave the client: the value of
// a credential key in the operation's context (openapi-generator's
// context.WithValue(ctx, brex.ContextAccessToken, token)), or the header a
// request editor given to the constructor that made the client sets
// (oapi-codegen's WithRequestEditorFn(func(ctx, req) error {
// req.Header.Set("Authorization", "Bearer "+token) ... })). The scope view
// of the OAuth model reads it as it reads the header of a hand-written
// request: a user token from the environment is not the OAuth
// configuration's.

// genAuth returns the Authorization value of req, a Brex request made by
// a call of a generated operation, or nil when the model cannot tell.
func (r *responseAnalysis) genAuth(req *Request) ast.Expr {
	if req.Via == nil || !r.http.genOp(req.Via) && !r.http.oagOp(req.Via) {
		return nil
	}
	fd := typesutil.FuncDeclAt(r.pass.Files, req.Call.Pos())
	if fd == nil {
		return nil
	}
	fn, _ := r.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	f := r.flows[fn]
	if f == nil {
		return nil
	}
	// The operation's call chain, from the call that names the endpoint
	// back to the client: c.Op(ctx, ...), or api.Service.Op(ctx).Set(k).Execute().
	var client ast.Expr
	for e := ast.Expr(req.Call); e != nil; {
		call, ok := astutil.Unparen(e).(*ast.CallExpr)
		if !ok {
			break
		}
		if len(call.Args) > 0 && isContext(r.pass.TypesInfo.TypeOf(call.Args[0])) {
			if v := r.ctxAuth(f, call.Args[0]); v != nil {
				return v
			}
		}
		sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			break
		}
		e, client = sel.X, sel.X
	}
	if client == nil || !r.http.genOp(req.Via) {
		return nil
	}
	if v := r.callEditorAuth(f, req.Call); v != nil {
		return v
	}
	return r.editorAuth(f, client)
}

// callEditorAuth returns the Authorization that a request editor given to
// the operation's call itself sets (c.ListTransfersWithResponse(ctx, p,
// func(ctx context.Context, req *http.Request) error { ... })): its
// variadic reqEditors, which the generated code applies after the
// client's.
func (r *responseAnalysis) callEditorAuth(f *respFlow, call *ast.CallExpr) ast.Expr {
	fn, _ := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
	if fn == nil || call.Ellipsis.IsValid() {
		return nil
	}
	sig := fn.Signature()
	if !sig.Variadic() {
		return nil
	}
	last := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice)
	if !isEditorType(last.Elem()) {
		return nil
	}
	var auth ast.Expr
	for _, arg := range call.Args[sig.Params().Len()-1:] {
		if a := r.editorBody(f, arg); a != nil {
			auth = a // the last editor's header wins
		}
	}
	return auth
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool { return t != nil && typesutil.IsNamed(t, "context", "Context") }

// ctxAuth returns the credential a context expression of flow f carries:
// the value given with a key that carries CredentialKeyFact, through the
// contexts it was made from (ctxLeaves); of several ways, the first that
// gives one.
func (r *responseAnalysis) ctxAuth(f *respFlow, e ast.Expr) ast.Expr {
	for leaf := range r.ctxLeaves(f, e, r.credentialKey) {
		if leaf.val != nil {
			return leaf.val
		}
	}
	return nil
}

// editorAuth returns the Authorization that the request editors given to
// the constructor that made an oapi-codegen client set, the last of them
// that sets it: the constructor found as genClient finds it (genCtors).
// Of several constructors that may have made the client, the first found
// whose editors set it decides.
func (r *responseAnalysis) editorAuth(f *respFlow, client ast.Expr) ast.Expr {
	j := r.judge()
	var auth ast.Expr
	j.genCtors(f, client, func(f *respFlow, call *ast.CallExpr, ctor *types.Func) clientInfo {
		if auth != nil {
			return clientInfo{}
		}
		// The generated client applies its request editors in the
		// order the options give them: the last that sets
		// Authorization decides.
		for _, o := range j.ctorOptions(f, call, ctor, wantAuth) {
			if o.auth != nil {
				auth = o.auth
			}
		}
		return clientInfo{}
	})
	return auth
}

// isEditorType reports whether t is a function of a request editor's
// shape: func(context.Context, *http.Request) error.
func isEditorType(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Params().Len() == 2 && sig.Results().Len() == 1 &&
		isContext(sig.Params().At(0).Type()) && isRequestPtr(sig.Params().At(1).Type()) &&
		types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type())
}

// editorBody returns the Authorization value a request editor sets: a
// function literal, or a function or method of this package.
func (r *responseAnalysis) editorBody(f *respFlow, e ast.Expr) ast.Expr {
	info := r.pass.TypesInfo
	var body *ast.BlockStmt
	switch x := astutil.Unparen(e).(type) {
	case *ast.FuncLit:
		body = x.Body
	case *ast.Ident, *ast.SelectorExpr:
		fn, _ := objOf(info, x).(*types.Func)
		if sel, ok := x.(*ast.SelectorExpr); ok {
			if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal {
				fn, _ = s.Obj().(*types.Func)
			}
		}
		if fn != nil && fn.Pkg() == r.pass.Pkg {
			if fd := r.http.funcDecl(fn); fd != nil {
				body = fd.Body
			}
		}
	}
	if body == nil {
		return nil
	}
	cur := r.model.funcs.Body(body)
	if cur.Inspector() == nil {
		return nil
	}
	if vals := authHeaderValues(info, cur); len(vals) > 0 {
		return vals[0]
	}
	return nil
}

// substParam returns a, an Authorization value written in the option
// function of flow g, with a parameter of g read as the argument of call:
// token or "Bearer "+token. Anything else is returned as written.
func substParam(info *types.Info, g *respFlow, a ast.Expr, call *ast.CallExpr) ast.Expr {
	arg := func(e ast.Expr) ast.Expr {
		if id, ok := astutil.Unparen(e).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				if i, ok := g.params[v]; ok && i < len(call.Args) {
					return call.Args[i]
				}
			}
		}
		return nil
	}
	if x := arg(a); x != nil {
		return x
	}
	if b, ok := astutil.Unparen(a).(*ast.BinaryExpr); ok && b.Op == token.ADD {
		if x := arg(b.Y); x != nil {
			return &ast.BinaryExpr{X: b.X, OpPos: b.OpPos, Op: token.ADD, Y: x}
		}
	}
	return a
}
