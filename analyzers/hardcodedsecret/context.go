package hardcodedsecret

import (
	"encoding/base64"
	"go/ast"
	"go/token"
	"go/types"
	"net/http"
	"net/url"
	"strings"

	"github.com/brexlint/brexlint/internal/secrets"
	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// The context rules: constant strings that are credentials because of where
// they are used (an OAuth configuration, a client_secret form value, an
// Authorization header, an HMAC key), whatever their shape.

const (
	oauth2Path            = "golang.org/x/oauth2"
	clientCredentialsPath = "golang.org/x/oauth2/clientcredentials"
)

// brexAuthHosts are the hosts of Brex's OAuth authorization server,
// including the legacy one that existing partners still use.
var brexAuthHosts = map[string]bool{
	"accounts-api.brex.com":             true,
	"accounts-api.staging.brexapps.com": true,
	"accounts.brex.com":                 true,
}

// rankContext ranks context findings between the Brex literal rules and
// gitleaks' rules: where a literal is both, say what the code does with it.
const rankContext = 5

// maxDepth bounds the resolution of constants and variables through their
// declarations (guarding against cycles in code with type errors).
const maxDepth = 8

const (
	clientSecretMessage = "OAuth client secret %s is hardcoded in the client configuration"
	clientIDMessage     = "Brex OAuth client ID %s is hardcoded"
	formSecretMessage   = "client_secret form value %s is a literal"
	authHeaderMessage   = "Authorization header credential %s is a literal"
	basicAuthMessage    = "basic-auth password %s is a literal"
)

// declIndex maps declared objects to the expressions that give their values.
type declIndex struct {
	consts  map[*types.Const]ast.Expr // constant → its value expression
	inits   map[*types.Var]ast.Expr   // variable → its initializer (var x = e, x := e)
	decoded map[*types.Var]ast.Expr   // variable ← base64 DecodeString(arg): arg
}

func (c *checker) indexDecls(insp *inspector.Inspector) *declIndex {
	x := &declIndex{
		consts:  map[*types.Const]ast.Expr{},
		inits:   map[*types.Var]ast.Expr{},
		decoded: map[*types.Var]ast.Expr{},
	}
	info := c.pass.TypesInfo
	insp.Preorder([]ast.Node{(*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.ValueSpec:
			if len(n.Names) != len(n.Values) {
				if len(n.Values) == 1 && len(n.Names) == 2 {
					if arg := c.decodeArg(n.Values[0]); arg != nil {
						if v, ok := info.Defs[n.Names[0]].(*types.Var); ok {
							x.decoded[v] = arg
						}
					}
				}
				return
			}
			for i, name := range n.Names {
				switch obj := info.Defs[name].(type) {
				case *types.Const:
					x.consts[obj] = n.Values[i]
				case *types.Var:
					x.inits[obj] = n.Values[i]
				}
			}
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok {
						if v, ok := info.Defs[id].(*types.Var); ok {
							x.inits[v] = n.Rhs[i]
						}
					}
				}
				return
			}
			if len(n.Lhs) != 2 || len(n.Rhs) != 1 {
				return
			}
			if arg := c.decodeArg(n.Rhs[0]); arg != nil {
				if id, ok := n.Lhs[0].(*ast.Ident); ok {
					v, _ := info.Defs[id].(*types.Var)
					if v == nil {
						v, _ = info.Uses[id].(*types.Var)
					}
					if v != nil {
						x.decoded[v] = arg
					}
				}
			}
		}
	})
	return x
}

// decodeArg returns the argument of a (*base64.Encoding).DecodeString call.
func (c *checker) decodeArg(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || calleeName(c.pass.TypesInfo, call) != "(*encoding/base64.Encoding).DecodeString" {
		return nil
	}
	return call.Args[0]
}

// calleePackages are the packages of the functions the context rules name.
var calleePackages = map[string]bool{
	"crypto/hmac":     true,
	"encoding/base64": true,
	"net/http":        true,
	"net/url":         true,
}

// calleeName returns the full name of the function call calls when it is
// one of calleePackages, "" otherwise: spelling out every callee of a large
// package is most of the context rules' time.
func calleeName(info *types.Info, call *ast.CallExpr) string {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || !calleePackages[fn.Pkg().Path()] {
		return ""
	}
	return fn.FullName()
}

// declIndex returns the package's declarations, indexed on first need: few
// packages have a context that needs them.
func (c *checker) declIndex() *declIndex {
	if c.decls == nil {
		c.decls = c.indexDecls(c.insp)
	}
	return c.decls
}

// contextRules applies the context rules to the uses outside the
// package's _test.go files. A use in a test (a test's HMAC key, its
// client configuration) makes no finding in the test, which is test code,
// and must make none where the value is declared either: what is reported
// outside tests must not depend on the tests (go vet analyzes a package
// with its tests, brexlint's driver without them).
func (c *checker) contextRules() {
	for file := range typesutil.NonTestFiles(c.pass.Fset, c.insp) {
		for cur := range file.Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil), (*ast.AssignStmt)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CompositeLit:
				c.compositeLit(n)
			case *ast.CallExpr:
				c.call(n)
			case *ast.AssignStmt:
				c.assign(n)
			}
		}
	}
}

func (c *checker) compositeLit(cl *ast.CompositeLit) {
	t := c.pass.TypesInfo.TypeOf(cl)
	switch {
	case t == nil:
	case typesutil.IsNamed(t, oauth2Path, "Config"):
		fs := c.fields(cl, t)
		c.secret(fs["ClientSecret"], kindClientSecret, clientSecretMessage, nil)
		if c.brexEndpoint(fs["Endpoint"], 0) {
			c.secret(fs["ClientID"], kindClientID, clientIDMessage, nil)
		}
	case typesutil.IsNamed(t, clientCredentialsPath, "Config"):
		fs := c.fields(cl, t)
		c.secret(fs["ClientSecret"], kindClientSecret, clientSecretMessage, nil)
		if c.brexURL(fs["TokenURL"]) {
			c.secret(fs["ClientID"], kindClientID, clientIDMessage, nil)
		}
	case typesutil.IsNamed(t, "net/url", "Values"):
		for _, elt := range cl.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok && c.isConst(kv.Key, "client_secret") {
				for _, v := range elements(kv.Value) {
					c.secret(v, kindFormSecret, formSecretMessage, nil)
				}
			}
		}
	case typesutil.IsNamed(t, "net/http", "Header"):
		for _, elt := range cl.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok && c.isAuthorization(kv.Key) {
				for _, v := range elements(kv.Value) {
					c.secret(v, kindAuthHeader, authHeaderMessage, credential)
				}
			}
		}
	}
}

func (c *checker) call(call *ast.CallExpr) {
	args := call.Args
	switch calleeName(c.pass.TypesInfo, call) {
	case "(net/url.Values).Set", "(net/url.Values).Add":
		if len(args) == 2 && c.isConst(args[0], "client_secret") {
			c.secret(args[1], kindFormSecret, formSecretMessage, nil)
		}
	case "(net/http.Header).Set", "(net/http.Header).Add":
		if len(args) == 2 && c.isAuthorization(args[0]) {
			c.secret(args[1], kindAuthHeader, authHeaderMessage, credential)
		}
	case "(*net/http.Request).SetBasicAuth":
		if len(args) == 2 {
			c.secret(args[1], kindAuthHeader, basicAuthMessage, nil)
		}
	case "crypto/hmac.New":
		if len(args) == 2 {
			c.hmacKey(args[1], 0)
		}
	}
}

// assign handles cfg.ClientSecret = "…", v["client_secret"] = []string{"…"}
// and req.Header["Authorization"] = []string{"…"}.
func (c *checker) assign(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	info := c.pass.TypesInfo
	for i, lhs := range as.Lhs {
		rhs := as.Rhs[i]
		switch lhs := ast.Unparen(lhs).(type) {
		case *ast.SelectorExpr:
			sel := info.Selections[lhs]
			if typesutil.IsFieldOf(sel, oauth2Path, "Config", "ClientSecret") || typesutil.IsFieldOf(sel, clientCredentialsPath, "Config", "ClientSecret") {
				c.secret(rhs, kindClientSecret, clientSecretMessage, nil)
			}
		case *ast.IndexExpr:
			t := info.TypeOf(lhs.X)
			switch {
			case t == nil:
			case typesutil.IsNamed(t, "net/url", "Values") && c.isConst(lhs.Index, "client_secret"):
				for _, v := range elements(rhs) {
					c.secret(v, kindFormSecret, formSecretMessage, nil)
				}
			case typesutil.IsNamed(t, "net/http", "Header") && c.isAuthorization(lhs.Index):
				for _, v := range elements(rhs) {
					c.secret(v, kindAuthHeader, authHeaderMessage, credential)
				}
			}
		}
	}
}

// hmacKey reports a constant HMAC key: []byte(K) where K is base64 that
// decodes to at least 16 bytes (a webhook signing secret's shape), or a
// variable decoded with base64 DecodeString(K), or a variable initialized
// with either.
func (c *checker) hmacKey(key ast.Expr, depth int) {
	if depth > maxDepth {
		return
	}
	key = ast.Unparen(key)
	if call, ok := key.(*ast.CallExpr); ok {
		if len(call.Args) == 1 && c.isConversion(call) {
			c.secret(c.initialValue(call.Args[0]), kindWebhookSecret, webhookMessage, base64Key)
		}
		return
	}
	v, ok := c.objOf(key).(*types.Var)
	if !ok {
		return
	}
	if arg := c.declIndex().decoded[v]; arg != nil {
		c.secret(c.initialValue(arg), kindWebhookSecret, webhookMessage, base64Key)
	} else if init := c.declIndex().inits[v]; init != nil {
		c.hmacKey(init, depth+1)
	}
}

// initialValue follows a string variable (var signingSecret = "…", or
// s := "…") to the constant it is initialized with, so that a key held in a
// package-level variable is judged like a constant; e itself otherwise.
// Whatever the variable is later assigned, the literal is in the code.
func (c *checker) initialValue(e ast.Expr) ast.Expr {
	for range maxDepth {
		if _, ok := typesutil.ConstStringOK(c.pass.TypesInfo, e); ok {
			return e
		}
		v, ok := c.objOf(e).(*types.Var)
		if !ok || c.declIndex().inits[v] == nil {
			return e
		}
		e = c.declIndex().inits[v]
	}
	return e
}

// base64Key returns s if it is standard base64 (padded or not) decoding to
// at least 16 bytes, the shape of Brex's signing secrets, and "" otherwise.
// The URL alphabet is not accepted: any long identifier with underscores
// would be "base64".
func base64Key(s string) string {
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding} {
		if b, err := enc.DecodeString(s); err == nil && len(b) >= 16 {
			return s
		}
	}
	return ""
}

// credential returns the credential of an Authorization header value: the
// part after the scheme ("Bearer", "Basic", "token" …).
func credential(v string) string {
	v = strings.TrimSpace(v)
	if scheme, rest, ok := strings.Cut(v, " "); ok && isScheme(scheme) {
		return strings.TrimSpace(rest)
	}
	return v
}

func isScheme(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '-') {
			return false
		}
	}
	return true
}

// secret records a finding when e is a constant string whose secret part
// (extract(value), or the value) passes the prefilter and is not a
// placeholder. The finding lands at the literal that holds the secret,
// through named constants of this package to their declaration, so a
// constant used in several places is reported once.
func (c *checker) secret(e ast.Expr, kind, message string, extract func(string) string) {
	if e == nil {
		return
	}
	v, ok := typesutil.ConstStringOK(c.pass.TypesInfo, e)
	if !ok {
		return
	}
	s := v
	if extract != nil {
		s = extract(v)
	}
	if s == "" || !secrets.CandidateLiteral(s) || secrets.IsPlaceholder(s) {
		return
	}
	at := c.origin(e, s, 0)
	c.add(&finding{pos: at.Pos(), end: at.End(), kind: kind, secret: s, rank: rankContext, message: message})
}

// origin returns the expression that holds secret inside the constant
// expression e: a literal, the declaration of a constant of this package,
// or, for a constant of another package, e itself.
func (c *checker) origin(e ast.Expr, secret string, depth int) ast.Expr {
	e = ast.Unparen(e)
	if depth > maxDepth {
		return e
	}
	switch x := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		if k, ok := c.objOf(x).(*types.Const); ok && k.Pkg() == c.pass.Pkg {
			if d := c.declIndex().consts[k]; d != nil {
				return c.origin(d, secret, depth+1)
			}
		}
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			break
		}
		// The operand that holds the whole secret, else the longer one.
		xv, _ := typesutil.ConstStringOK(c.pass.TypesInfo, x.X)
		yv, _ := typesutil.ConstStringOK(c.pass.TypesInfo, x.Y)
		switch {
		case strings.Contains(yv, secret):
			return c.origin(x.Y, secret, depth+1)
		case strings.Contains(xv, secret):
			return c.origin(x.X, secret, depth+1)
		case len(yv) >= len(xv):
			return c.origin(x.Y, secret, depth+1)
		default:
			return c.origin(x.X, secret, depth+1)
		}
	case *ast.CallExpr:
		if len(x.Args) == 1 && c.isConversion(x) {
			return c.origin(x.Args[0], secret, depth+1)
		}
	}
	return e
}

// brexEndpoint reports whether e, an oauth2.Endpoint, has an authorization
// or token URL on a Brex auth host: an oauth2.Endpoint literal, or a
// variable of this package initialized with one.
func (c *checker) brexEndpoint(e ast.Expr, depth int) bool {
	if e == nil || depth > maxDepth {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		t := c.pass.TypesInfo.TypeOf(x)
		if t == nil || !typesutil.IsNamed(t, oauth2Path, "Endpoint") {
			return false
		}
		fs := c.fields(x, t)
		return c.brexURL(fs["AuthURL"]) || c.brexURL(fs["TokenURL"])
	case *ast.Ident, *ast.SelectorExpr:
		if v, ok := c.objOf(x).(*types.Var); ok {
			return c.brexEndpoint(c.declIndex().inits[v], depth+1)
		}
	}
	return false
}

// brexURL reports whether e is a constant URL on a Brex auth host.
func (c *checker) brexURL(e ast.Expr) bool {
	if e == nil {
		return false
	}
	s, ok := typesutil.ConstStringOK(c.pass.TypesInfo, e)
	if !ok {
		return false
	}
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && brexAuthHosts[strings.ToLower(u.Hostname())]
}

// fields maps the field names of a struct literal of type t to their values.
func (c *checker) fields(cl *ast.CompositeLit, t types.Type) map[string]ast.Expr {
	out := map[string]ast.Expr{}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	for i, elt := range cl.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				out[id.Name] = kv.Value
			}
		} else if st != nil && i < st.NumFields() {
			out[st.Field(i).Name()] = elt
		}
	}
	return out
}

// elements returns the elements of a []string literal (or e itself when it
// is not a composite literal).
func elements(e ast.Expr) []ast.Expr {
	if cl, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		return cl.Elts
	}
	return []ast.Expr{e}
}

func (c *checker) isConst(e ast.Expr, want string) bool {
	s, ok := typesutil.ConstStringOK(c.pass.TypesInfo, e)
	return ok && s == want
}

func (c *checker) isAuthorization(e ast.Expr) bool {
	s, ok := typesutil.ConstStringOK(c.pass.TypesInfo, e)
	return ok && http.CanonicalHeaderKey(s) == "Authorization"
}

func (c *checker) isConversion(call *ast.CallExpr) bool {
	tv, ok := c.pass.TypesInfo.Types[call.Fun]
	return ok && tv.IsType()
}

func (c *checker) objOf(e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return c.pass.TypesInfo.Uses[x]
	case *ast.SelectorExpr:
		return c.pass.TypesInfo.Uses[x.Sel]
	}
	return nil
}
