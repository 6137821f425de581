package strictdecode

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/http"
	"strings"

	"github.com/brexlint/brexlint/internal/brexenum"
	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/types/typeutil"
)

// The Standard Webhooks headers whose reading marks a webhook handler.
// Webhook-Timestamp alone does not: it is read with the other two.
var webhookHeaders = map[string]bool{"Webhook-Id": true, "Webhook-Signature": true}

// webhookPayload reports whether reader is a Brex webhook payload in the
// function whose body is body, and says on which evidence:
//   - reader is the body of an *http.Request (directly, through a
//     wrapping reader, or as bytes read from it), and
//   - the function reads the Webhook-Id or Webhook-Signature header
//     (itself, through a function of this package that reads it, or by
//     handing the headers to a Standard Webhooks or Svix verifier), and
//   - a Brex signal: the decoder decodes into a type with a field that
//     takes Brex event values (TRANSFER_PROCESSED ...), or the package
//     fetches its signing secrets from GET /v1/webhooks/secrets at Brex.
//
// Other providers use the same headers (the Standard Webhooks scheme), so
// the headers alone are not enough.
func (c *checker) webhookPayload(reader ast.Expr, body *ast.BlockStmt, targets []types.Type) (string, bool) {
	if !c.readsRequestBody(reader, body, 0) || !c.readsWebhookHeaders(body) {
		return "", false
	}
	for _, t := range targets {
		if c.takesBrexEvents(t) {
			return "Standard Webhooks headers and Brex event types", true
		}
	}
	if c.fetchesBrexSecrets() {
		return "Standard Webhooks headers and secrets from GET /v1/webhooks/secrets", true
	}
	return "", false
}

// readsRequestBody reports whether e is the Body of an *http.Request, a
// reader wrapping it, or bytes read from it, following local variables.
func (c *checker) readsRequestBody(e ast.Expr, body *ast.BlockStmt, depth int) bool {
	if depth > 6 || e == nil {
		return false
	}
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.SelectorExpr:
		if x.Sel.Name == "Body" && typesutil.IsNamed(info.TypeOf(x.X), "net/http", "Request") {
			return true
		}
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		for _, rhs := range assignedTo(info, body, v) {
			if c.readsRequestBody(rhs, body, depth+1) {
				return true
			}
		}
	case *ast.CallExpr:
		return c.readsRequestBody(unwrapReader(info, x), body, depth+1)
	}
	return false
}

// readsWebhookHeaders reports whether body reads Webhook-Id or
// Webhook-Signature, itself or through a helper.
func (c *checker) readsWebhookHeaders(body ast.Node) bool {
	if c.readsHeadersDirectly(body) {
		return true
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		if !ok {
			return true
		}
		if c.helperReadsHeaders(fn) || c.isVerifier(fn, call) {
			found = true
		}
		return true
	})
	return found
}

// readsHeadersDirectly reports whether n reads a Standard Webhooks header
// from an http.Header: Get, Values, or an index, with a constant name in
// any spelling that http.CanonicalHeaderKey maps to it.
func (c *checker) readsHeadersDirectly(n ast.Node) bool {
	info := c.pass.TypesInfo
	isHeader := func(e ast.Expr) bool { return typesutil.IsNamed(info.TypeOf(e), "net/http", "Header") }
	isName := func(e ast.Expr) bool {
		tv, ok := info.Types[e]
		return ok && tv.Value != nil && tv.Value.Kind() == constant.String &&
			webhookHeaders[http.CanonicalHeaderKey(constant.StringVal(tv.Value))]
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			s, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if ok && (s.Sel.Name == "Get" || s.Sel.Name == "Values") && len(n.Args) == 1 && isHeader(s.X) && isName(n.Args[0]) {
				found = true
			}
		case *ast.IndexExpr:
			if isHeader(n.X) && isName(n.Index) {
				found = true
			}
		}
		return true
	})
	return found
}

// helperReadsHeaders reports whether fn is a function of this package
// whose body reads a Standard Webhooks header directly.
func (c *checker) helperReadsHeaders(fn *types.Func) bool {
	if fn.Pkg() != c.pass.Pkg {
		return false
	}
	if c.headerReaders == nil {
		c.headerReaders = map[*types.Func]bool{}
		for _, f := range c.pass.Files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				if obj, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok && c.readsHeadersDirectly(fd.Body) {
					c.headerReaders[obj] = true
				}
			}
		}
	}
	return c.headerReaders[fn.Origin()]
}

// isVerifier reports whether call hands an http.Header to the Verify
// method of a Standard Webhooks or Svix library, which reads the headers.
func (c *checker) isVerifier(fn *types.Func, call *ast.CallExpr) bool {
	if fn.Name() != "Verify" || fn.Pkg() == nil {
		return false
	}
	p := fn.Pkg().Path()
	if !strings.Contains(p, "standard-webhooks") && !strings.Contains(p, "standardwebhooks") && !strings.Contains(p, "svix") {
		return false
	}
	for _, a := range call.Args {
		if typesutil.IsNamed(c.pass.TypesInfo.TypeOf(a), "net/http", "Header") {
			return true
		}
	}
	return false
}

// takesBrexEvents reports whether t (a struct, or a pointer to one) has a
// field, at the top level or in an embedded or nested struct, that takes
// Brex webhook event values: its type has a constant that is a Brex event
// type, or the package compares it with one (==, !=, a switch case).
func (c *checker) takesBrexEvents(t types.Type) bool {
	return c.takesBrexEvents1(t, 0)
}

func (c *checker) takesBrexEvents1(t types.Type, depth int) bool {
	if depth > 3 || t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if et := c.types.Of(f.Type()); et != nil {
			for _, v := range et.Values {
				if brexenum.IsEventValue(v) {
					return true
				}
			}
		}
		for _, v := range c.comparedValues()[f] {
			if brexenum.IsEventValue(v) {
				return true
			}
		}
		if c.takesBrexEvents1(f.Type(), depth+1) {
			return true
		}
	}
	return false
}

// comparedValues maps each struct field to the string constants the
// package compares it with: f == "X", f != "X", and switch f { case "X" }.
func (c *checker) comparedValues() map[*types.Var][]string {
	if c.fieldValues != nil {
		return c.fieldValues
	}
	info := c.pass.TypesInfo
	c.fieldValues = map[*types.Var][]string{}
	field := func(e ast.Expr) *types.Var {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		s, ok := info.Selections[sel]
		if !ok || s.Kind() != types.FieldVal {
			return nil
		}
		v, _ := s.Obj().(*types.Var)
		return v
	}
	str := func(e ast.Expr) (string, bool) {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return "", false
		}
		return constant.StringVal(tv.Value), true
	}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if n.Op != token.EQL && n.Op != token.NEQ {
					return true
				}
				for _, pair := range [2][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
					if v := field(pair[0]); v != nil {
						if s, ok := str(pair[1]); ok {
							c.fieldValues[v] = append(c.fieldValues[v], s)
						}
					}
				}
			case *ast.SwitchStmt:
				v := field(n.Tag)
				if v == nil {
					return true
				}
				for _, s := range n.Body.List {
					if cc, ok := s.(*ast.CaseClause); ok {
						vals, _, _ := brexenum.CaseValues(info, cc)
						c.fieldValues[v] = append(c.fieldValues[v], vals...)
					}
				}
			}
			return true
		})
	}
	return c.fieldValues
}

// fetchesBrexSecrets reports whether the package requests GET
// /v1/webhooks/secrets from Brex (per the Brex model): the webhook
// secrets it verifies with are Brex's.
func (c *checker) fetchesBrexSecrets() bool {
	if c.secrets == nil {
		found := false
		for _, r := range c.model.Requests {
			if r.Brex && r.Endpoint != nil && r.Endpoint.Path == "/v1/webhooks/secrets" {
				found = true
				break
			}
		}
		c.secrets = &found
	}
	return *c.secrets
}
