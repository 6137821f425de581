package embeddedwebview

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/oauthmodel"
	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/brexlint/brexlint/internal/urlfold"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer reports OAuth authorization pages opened in an embedded web
// view or an iframe.
var Analyzer = &analysis.Analyzer{
	Name:     checks.EmbeddedWebview,
	Doc:      "report OAuth authorization URLs opened in an embedded web view or an iframe instead of the system browser",
	URL:      checks.DocURL(checks.EmbeddedWebview),
	Requires: []*analysis.Analyzer{brexmodel.Analyzer, directives.Analyzer, inspect.Analyzer},
	Run:      run,
}

// The kinds of finding (categories "embeddedwebview/KIND").
const (
	kindWebview = "webview"
	kindIframe  = "iframe"
)

// argKind says what a web-view function's argument holds.
type argKind uint8

const (
	argURL  argKind = iota // a URL to load
	argHTML                // HTML to show
	argJS                  // JavaScript to run
)

type sink struct {
	arg  int
	kind argKind
}

// sinkOf returns the web-view argument of a call, if the callee is a web
// view's navigation: webview (github.com/webview/webview_go and its forks)
// Navigate, SetHtml, Init and Eval; Lorca's New, Load and Eval;
// go-astilectron's NewWindow; Wails v3's SetURL and v2's WindowExecJS.
func sinkOf(fn *types.Func) (sink, bool) {
	if fn == nil || fn.Pkg() == nil {
		return sink{}, false
	}
	path := fn.Pkg().Path()
	last := path[strings.LastIndexByte(path, '/')+1:]
	name := fn.Name()
	switch {
	case strings.HasPrefix(last, "webview") || strings.HasPrefix(last, "go-webview"):
		switch name {
		case "Navigate":
			return sink{0, argURL}, true
		case "SetHtml", "SetHTML":
			return sink{0, argHTML}, true
		case "Init", "Eval":
			return sink{0, argJS}, true
		}
	case path == "github.com/zserge/lorca":
		switch name {
		case "New", "Load":
			return sink{0, argURL}, true
		case "Eval":
			return sink{0, argJS}, true
		}
	case path == "github.com/asticode/go-astilectron":
		if name == "NewWindow" {
			return sink{0, argURL}, true
		}
	case strings.HasPrefix(path, "github.com/wailsapp/wails/v3/"):
		if name == "SetURL" {
			return sink{0, argURL}, true
		}
		if name == "ExecJS" {
			return sink{0, argJS}, true
		}
	case strings.HasPrefix(path, "github.com/wailsapp/wails/v2/"):
		if name == "WindowExecJS" {
			return sink{1, argJS}, true
		}
	}
	return sink{}, false
}

type checker struct {
	pass   *analysis.Pass
	model  *oauthmodel.Result
	funcs  *typesutil.Funcs // the Brex model's, for the folder
	folder *urlfold.Folder
	r      *directives.Reporter
}

func run(pass *analysis.Pass) (any, error) {
	r := directives.NewReporter(pass)
	defer r.Finish()
	if isOAuthLibrary(pass.Pkg.Path()) {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	bm := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model)
	c := &checker{
		pass:  pass,
		model: bm.OAuth,
		funcs: bm.Funcs(),
		r:     r,
	}
	for file := range typesutil.NonTestFiles(pass.Fset, insp) {
		for cur := range file.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.BasicLit)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				c.call(n)
			case *ast.CompositeLit:
				c.options(n)
			case *ast.BasicLit:
				c.iframeLit(n)
			}
		}
	}
	return nil, nil
}

func isOAuthLibrary(path string) bool {
	return path == "golang.org/x/oauth2" || strings.HasPrefix(path, "golang.org/x/oauth2/")
}

func (c *checker) fold(e ast.Expr) urlfold.Value {
	if c.folder == nil {
		c.folder = urlfold.NewPackage(c.pass.Fset, c.pass.TypesInfo, c.pass.Files, c.funcs)
	}
	return c.folder.Fold(e)
}

// isAuthURL reports whether e is an authorization URL: known to the OAuth
// model (AuthCodeURL, a producer, a hand-built URL), or folding to an
// authorization endpoint.
func (c *checker) isAuthURL(e ast.Expr) bool {
	if c.model.IsAuthURLExpr(e) {
		return true
	}
	return oauthmodel.IsAuthorizeURLString(c.fold(e).String())
}

var message = checks.Message("the OAuth authorization page is opened in an embedded web view (%s)", why, fix)

func (c *checker) call(call *ast.CallExpr) {
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	s, ok := sinkOf(fn)
	if !ok || s.arg >= len(call.Args) {
		return
	}
	arg := call.Args[s.arg]
	switch s.kind {
	case argURL:
		if c.isAuthURL(arg) {
			c.r.Reportf(arg.Pos(), kindWebview, message, fn.Name())
		}
	case argHTML, argJS:
		if c.embedsAuthURL(arg) {
			c.r.Reportf(arg.Pos(), kindWebview, message, fn.Name())
		}
	}
}

// options reports a Wails v3 WebviewWindowOptions{URL: authURL}.
func (c *checker) options(lit *ast.CompositeLit) {
	t := c.pass.TypesInfo.TypeOf(lit)
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !strings.HasPrefix(n.Obj().Pkg().Path(), "github.com/wailsapp/wails/v3/") ||
		n.Obj().Name() != "WebviewWindowOptions" {
		return
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "URL" && c.isAuthURL(kv.Value) {
				c.r.Reportf(kv.Value.Pos(), kindWebview, message, "WebviewWindowOptions.URL")
			}
		}
	}
}

// embedsAuthURL reports whether HTML or JavaScript e holds an
// authorization URL: a sub-expression that is one, or one in its folded
// text.
func (c *checker) embedsAuthURL(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		if x, ok := n.(ast.Expr); ok && x != e && c.model.IsAuthURLExpr(x) {
			found = true
		}
		return !found
	})
	if found {
		return true
	}
	for _, u := range urlsIn(c.fold(e).String()) {
		if oauthmodel.IsAuthorizeURLString(u) {
			return true
		}
	}
	return false
}

var urlRE = regexp.MustCompile(`https?://[^\s"'<>\x60]+`)

func urlsIn(s string) []string {
	if !strings.Contains(s, "://") {
		return nil
	}
	return urlRE.FindAllString(strings.ReplaceAll(s, "&amp;", "&"), -1)
}

var iframeRE = regexp.MustCompile(`(?is)<iframe\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)`)

// iframeLit reports an HTML string literal with an <iframe> whose src is an
// authorization URL, or whose src is filled from an authorization URL
// ("<iframe src=\"" + authURL + ...; fmt.Sprintf(`<iframe src="%s">`, u)).
func (c *checker) iframeLit(lit *ast.BasicLit) {
	if lit.Kind != token.STRING || !strings.Contains(lit.Value, "<") || !strings.Contains(strings.ToLower(lit.Value), "<iframe") {
		return
	}
	val := c.fold(lit).String()
	for _, m := range iframeRE.FindAllStringSubmatch(val, -1) {
		if oauthmodel.IsAuthorizeURLString(strings.ReplaceAll(m[1], "&amp;", "&")) {
			c.r.Reportf(lit.Pos(), kindIframe, "%s", iframeMessage)
			return
		}
	}
	// The src filled in by the enclosing expression.
	if c.srcFilledWithAuthURL(lit) {
		c.r.Reportf(lit.Pos(), kindIframe, "%s", iframeMessage)
	}
}

var iframeMessage = checks.Message("this HTML shows the OAuth authorization page in an <iframe>", why, fix)

// Why an embedded authorization page matters, and what to do, in the
// messages ([checks.Message]).
const (
	why = "the customer cannot verify Brex's login page (Brex requires a browser)"
	fix = "open it in the system browser"
)

// srcFilledWithAuthURL looks at the concatenation or fmt.Sprintf that lit
// is part of: an authorization URL right after an open src attribute.
func (c *checker) srcFilledWithAuthURL(lit *ast.BasicLit) bool {
	for _, f := range c.pass.Files {
		if f.Pos() > lit.Pos() || lit.End() > f.End() {
			continue
		}
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			if found || n == nil || n.Pos() > lit.Pos() || n.End() < lit.End() {
				return false
			}
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if n.Op != token.ADD {
					return true
				}
				parts := flatten(n)
				for i := 0; i+1 < len(parts); i++ {
					if parts[i] == ast.Expr(lit) && openSrc(c.fold(lit).String()) && c.isAuthURL(parts[i+1]) {
						found = true
					}
				}
				return !found
			case *ast.CallExpr:
				fn, _ := typeutil.Callee(c.pass.TypesInfo, n).(*types.Func)
				if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && strings.HasSuffix(fn.Name(), "printf") ||
					fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Sprintf" {
					if len(n.Args) > 1 && ast.Unparen(n.Args[0]) == ast.Expr(lit) {
						for _, a := range n.Args[1:] {
							if c.isAuthURL(a) {
								found = true
							}
						}
					}
				}
			}
			return !found
		})
		return found
	}
	return false
}

func flatten(e ast.Expr) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return append(flatten(b.X), flatten(b.Y)...)
	}
	return []ast.Expr{ast.Unparen(e)}
}

var openSrcRE = regexp.MustCompile(`(?is)<iframe\b[^>]*?\bsrc\s*=\s*["']?$`)

func openSrc(s string) bool { return openSrcRE.MatchString(s) }
