package urlfold

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/ast/inspector"
)

// The standard library is type-checked from source once per test binary.
var (
	fset     = token.NewFileSet()
	stdImp   = importer.ForCompiler(fset, "source", nil)
	importMu sync.Mutex
)

type testImporter map[string]*types.Package

func (ti testImporter) Import(path string) (*types.Package, error) {
	if p := ti[path]; p != nil {
		return p, nil
	}
	importMu.Lock()
	defer importMu.Unlock()
	return stdImp.Import(path)
}

type loaded struct {
	pkg   *types.Package
	info  *types.Info
	files []*ast.File
}

// load type-checks one file of package path; extra supplies non-std imports.
func load(tb testing.TB, path, src string, extra testImporter) (*loaded, error) {
	tb.Helper()
	f, err := parser.ParseFile(fset, path+".go", src, 0)
	if err != nil {
		return nil, err
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	conf := types.Config{Importer: extra}
	pkg, err := conf.Check(path, fset, []*ast.File{f}, info)
	if err != nil {
		return nil, err
	}
	return &loaded{pkg, info, []*ast.File{f}}, nil
}

func mustLoad(tb testing.TB, name string, extra testImporter) *loaded {
	tb.Helper()
	src, err := os.ReadFile("testdata/" + name + ".go.txt")
	if err != nil {
		tb.Fatal(err)
	}
	l, err := load(tb, name, string(src), extra)
	if err != nil {
		tb.Fatal(err)
	}
	return l
}

func loadCases(tb testing.TB) *loaded {
	consts := mustLoad(tb, "consts", testImporter{})
	return mustLoad(tb, "cases", testImporter{"example.com/consts": consts.pkg})
}

func newTestFolder(l *loaded) *Folder {
	insp := inspector.New(l.files)
	return New(l.info, l.files, typesutil.NewFuncs(l.info, insp), PackageVars(l.info, l.files, insp))
}

// checks returns the second argument of every check("name", expr) call.
func checks(l *loaded) map[string]ast.Expr {
	out := map[string]ast.Expr{}
	ast.Inspect(l.files[0], func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "check" {
				name, _ := strconv.Unquote(call.Args[0].(*ast.BasicLit).Value)
				out[name] = call.Args[1]
			}
		}
		return true
	})
	return out
}

// detail renders v with the kind of each hole: {Env:NAME}, {Param:id}.
func detail(v Value) string {
	var b strings.Builder
	for _, p := range v.Parts {
		switch {
		case !p.Hole:
			b.WriteString(p.Lit)
		case p.HoleKind == Env:
			fmt.Fprintf(&b, "{Env:%s}", p.EnvName)
		case p.HoleKind == Param:
			fmt.Fprintf(&b, "{Param:%s}", p.Param.Name())
		default:
			fmt.Fprintf(&b, "{%s}", p.HoleKind)
		}
	}
	return b.String()
}

type result struct {
	Detail string // String() with hole kinds
	String string
	Host   string // "" when Host() is not ok
	Path   string // "" when Path() is not ok
}

func describe(v Value) result {
	r := result{Detail: detail(v), String: v.String()}
	if h, ok := v.Host(); ok {
		r.Host = h
	}
	if p, ok := v.Path(); ok {
		r.Path = p
	}
	return r
}

func TestFold(t *testing.T) {
	l := loadCases(t)
	f := newTestFolder(l)
	exprs := checks(l)
	tests := []struct {
		name string
		want result
	}{
		{"const", result{"https://api.brex.com/v1/transfers", "https://api.brex.com/v1/transfers", "api.brex.com", "/v1/transfers"}},
		{"const named", result{"https://api.brex.com/v1", "https://api.brex.com/v1", "api.brex.com", "/v1"}},
		{"xpkg const", result{"https://platform.brexapis.com/v2/users/{Param:id}", "https://platform.brexapis.com/v2/users/{}", "platform.brexapis.com", "/v2/users/{}"}},
		{"xpkg typed const", result{"/v2/users/{Param:id}", "/v2/users/{}", "", "/v2/users/{}"}},
		{"pkg var", result{"https://api.brex.com/v1/transfers/{Param:id}", "https://api.brex.com/v1/transfers/{}", "api.brex.com", "/v1/transfers/{}"}},
		{"param", result{"{Param:id}", "{}", "", ""}},
		{"mutable pkg var", result{"{Unknown}/v1/transfers", "{}/v1/transfers", "", "/v1/transfers"}},
		// Another package may assign it; what this package gives it is
		// what its own requests use.
		{"exported pkg var", result{"https://api.brex.com/v1/transfers", "https://api.brex.com/v1/transfers", "api.brex.com", "/v1/transfers"}},
		{"env", result{"{Env:BREX_API_URL}/v1/transfers/{Param:id}", "{}/v1/transfers/{}", "", "/v1/transfers/{}"}},
		{"lookupenv", result{"{Env:BREX_BASE}/v2/users/me", "{}/v2/users/me", "", "/v2/users/me"}},
		{"local", result{"https://api.brex.com/v2/users/{Param:id}", "https://api.brex.com/v2/users/{}", "api.brex.com", "/v2/users/{}"}},
		{"reassigned local", result{"https://evil.com/v1/transfers", "https://evil.com/v1/transfers", "evil.com", "/v1/transfers"}},
		// v := os.Getenv(...); if v == "" { v = host }: the host.
		{"getenv default", result{"https://api.brex.com/v1/transfers", "https://api.brex.com/v1/transfers", "api.brex.com", "/v1/transfers"}},
		{"zero local", result{"/v1/transfers", "/v1/transfers", "", "/v1/transfers"}},
		{"sprintf", result{"https://api.brex.com/v1/transfers/{Param:id}", "https://api.brex.com/v1/transfers/{}", "api.brex.com", "/v1/transfers/{}"}},
		{"sprintf verbs", result{"https://api.brex.com/v2/cards/{FormatVerb}/pan?x={FormatVerb}&y={FormatVerb}&p=%", "https://api.brex.com/v2/cards/{}/pan?x={}&y={}&p=%", "api.brex.com", "/v2/cards/{}/pan"}},
		{"sprintf const verbs", result{`/v2/users/003.1/ff/true/"a b"/x/int8`, `/v2/users/003.1/ff/true/"a b"/x/int8`, "", `/v2/users/003.1/ff/true/"a b"/x/int8`}},
		{"sprintf nested", result{"https://api.brex.com/v2/users/{Param:id}", "https://api.brex.com/v2/users/{}", "api.brex.com", "/v2/users/{}"}},
		{"sprintf missing", result{"/v1/a/%!d(MISSING)", "/v1/a/%!d(MISSING)", "", "/v1/a/%!d(MISSING)"}},
		{"sprintf extra", result{"/v1/a%!(EXTRA int=3)", "/v1/a%!(EXTRA int=3)", "", "/v1/a%!(EXTRA int=3)"}},
		{"sprintf index", result{"/v1/{FormatVerb}", "/v1/{}", "", "/v1/{}"}},
		{"sprintf stringer", result{"/v1/{FormatVerb}/x", "/v1/{}/x", "", "/v1/{}/x"}},
		{"sprintf named const", result{"/v2/users/{FormatVerb}", "/v2/users/{}", "", "/v2/users/{}"}},
		{"sprintf spread", result{"https://api.brex.com/{FormatVerb}", "https://api.brex.com/{}", "api.brex.com", "/{}"}},
		{"sprintf noverb", result{"/v1/{Param:id}/%!(NOVERB)", "/v1/{}/%!(NOVERB)", "", "/v1/{}/%!(NOVERB)"}},
		{"joinpath", result{"https://api.brex.com/v1/transfers/tr_1", "https://api.brex.com/v1/transfers/tr_1", "api.brex.com", "/v1/transfers/tr_1"}},
		{"joinpath param", result{"{Env:BREX_URL}/v1/transfers/{Param:id}", "{}/v1/transfers/{}", "", "/v1/transfers/{}"}},
		{"method joinpath", result{"https://api.brex.com/v2/users/{Param:id}", "https://api.brex.com/v2/users/{}", "api.brex.com", "/v2/users/{}"}},
		{"method joinpath param recv", result{"{Param:u0}/v2/users", "{}/v2/users", "", "/v2/users"}},
		{"url literal", result{"https://api.brex.com/v1/transfers", "https://api.brex.com/v1/transfers", "api.brex.com", "/v1/transfers"}},
		{"url literal hole", result{"https://api.brex.com/v1/transfers/{Param:id}", "https://api.brex.com/v1/transfers/{}", "api.brex.com", "/v1/transfers/{}"}},
		{"resolve", result{"https://api.brex.com/v1/transfers", "https://api.brex.com/v1/transfers", "api.brex.com", "/v1/transfers"}},
		{"resolve hole", result{"{Unknown}/v1/transfers/{Param:id}", "{}/v1/transfers/{}", "", "/v1/transfers/{}"}},
		{"resolve host hole", result{"https://api.brex.com/v1/transfers/{Param:id}", "https://api.brex.com/v1/transfers/{}", "api.brex.com", "/v1/transfers/{}"}},
		{"resolve partial base", result{"https://api.brex.com/v2/users/me", "https://api.brex.com/v2/users/me", "api.brex.com", "/v2/users/me"}},
		{"resolve relative", result{"https://api.brex.com/v1/transfers/{Param:id}", "https://api.brex.com/v1/transfers/{}", "api.brex.com", "/v1/transfers/{}"}},
		{"url parse generated", result{"{Unknown}/v1/transfers", "{}/v1/transfers", "", "/v1/transfers"}},
		{"url parse generated env", result{"{Env:BREX_API_URL}/v1/transfers/{Param:id}", "{}/v1/transfers/{}", "", "/v1/transfers/{}"}},
		{"url parse relative", result{"https://api.brex.com/v2/users/{Param:id}", "https://api.brex.com/v2/users/{}", "api.brex.com", "/v2/users/{}"}},
		{"url parse absolute path", result{"https://api.brex.com/v1/cards", "https://api.brex.com/v1/cards", "api.brex.com", "/v1/cards"}},
		{"url parse dotdot", result{"{Unknown}", "{}", "", ""}},
		{"url string", result{"https://api.brex.com", "https://api.brex.com", "api.brex.com", "/"}},
		{"path join", result{"https://api.brex.com/v1/transfers", "https://api.brex.com/v1/transfers", "api.brex.com", "/v1/transfers"}},
		{"path join hole", result{"{Env:X}/v1/transfers/{Param:id}", "{}/v1/transfers/{}", "", "/v1/transfers/{}"}},
		{"trimsuffix", result{"https://api.brex.com/v1/transfers", "https://api.brex.com/v1/transfers", "api.brex.com", "/v1/transfers"}},
		{"trimsuffix hole", result{"{Env:BREX_URL}/v1/transfers", "{}/v1/transfers", "", "/v1/transfers"}},
		{"trimright renamed import", result{"https://api.brex.com/v2/users", "https://api.brex.com/v2/users", "api.brex.com", "/v2/users"}},
		{"conversion", result{"/v2/users", "/v2/users", "", "/v2/users"}},
		{"field default", result{"https://api.brex.com/v1/transfers", "https://api.brex.com/v1/transfers", "api.brex.com", "/v1/transfers"}},
		// y.a = y.b + "/x"; y.b = y.a: the inner y.a is a hole.
		{"cycle", result{"{Unknown}/x", "{}/x", "", "/x"}},
		{"unknown call", result{"{Unknown}", "{}", "", ""}},
		{"replace template", result{"https://api.brex.com/v2/cards/{Unknown}", "https://api.brex.com/v2/cards/{}", "api.brex.com", "/v2/cards/{}"}},
		{"replaceall hole", result{"{Env:X}/v2/users/u1/u1", "{}/v2/users/u1/u1", "", "/v2/users/u1/u1"}},
		{"replace once after hole", result{"{Unknown}", "{}", "", ""}},
		{"replace once", result{"/v2/users/u1/{id}", "/v2/users/u1/{id}", "", "/v2/users/u1/{id}"}},
		{"url query", result{"https://api.brex.com/v1/transfers?{Unknown}", "https://api.brex.com/v1/transfers?{}", "api.brex.com", "/v1/transfers"}},
		{"url mutated path", result{"https://api.brex.com/v1/transfers", "https://api.brex.com/v1/transfers", "api.brex.com", "/v1/transfers"}},
		{"strings join", result{"https://api.brex.com/v1/transfers/{Param:id}", "https://api.brex.com/v1/transfers/{}", "api.brex.com", "/v1/transfers/{}"}},
		{"reassigned param", result{"{Unknown}/v1/transfers", "{}/v1/transfers", "", "/v1/transfers"}},
		{"host then hole", result{"https://api.brex.com{Param:id}", "https://api.brex.com{}", "api.brex.com", ""}},
		{"host port hole", result{"https://api.brex.com:{Param:port}/v1/transfers", "https://api.brex.com:{}/v1/transfers", "api.brex.com", "/v1/transfers"}},
		{"lookalike", result{"https://api.brex.com.evil.com/v1/transfers", "https://api.brex.com.evil.com/v1/transfers", "api.brex.com.evil.com", "/v1/transfers"}},
		{"query and fragment", result{"https://api.brex.com/v1/transfers?cursor={Param:id}#frag", "https://api.brex.com/v1/transfers?cursor={}#frag", "api.brex.com", "/v1/transfers"}},
		{"host only", result{"https://api.brex.com", "https://api.brex.com", "api.brex.com", "/"}},
		{"no scheme", result{"api.brex.com/v1/transfers", "api.brex.com/v1/transfers", "", ""}},
		{"closure param", result{"{Unknown}", "{}", "", ""}},
		{"closure inner", result{"{Param:p}/v1/transfers", "{}/v1/transfers", "", "/v1/transfers"}},
		// 19 chained locals: the 17th expansion is cut off.
		{"depth", result{"{Unknown}" + strings.Repeat("/", 16), "{}" + strings.Repeat("/", 16), "", strings.Repeat("/", 16)}},
		{"wrapper", result{"{Param:base}{Param:path}", "{}{}", "", ""}},
		{"slash normalized", result{"{Param:base}{Param:path}", "{}{}", "", ""}},
		// Flow.
		{"pagination append", result{"https://api.brex.com/v1/transfers?{Unknown}", "https://api.brex.com/v1/transfers?{}", "api.brex.com", "/v1/transfers"}},
		{"pagination sprintf", result{"https://api.brex.com/v2/users?{Unknown}", "https://api.brex.com/v2/users?{}", "api.brex.com", "/v2/users"}},
		{"after loop", result{"https://api.brex.com/v2/users?{Unknown}", "https://api.brex.com/v2/users?{}", "api.brex.com", "/v2/users"}},
		{"query behind if", result{"https://api.brex.com/v1/transfers?{Unknown}", "https://api.brex.com/v1/transfers?{}", "api.brex.com", "/v1/transfers"}},
		{"both branches staging", result{"{Unknown}", "{}", "", ""}},
		{"both branches same", result{"https://api.brex.com/v2/users", "https://api.brex.com/v2/users", "api.brex.com", "/v2/users"}},
		{"other default", result{"https://api.stripe.com/v1/transfers", "https://api.stripe.com/v1/transfers", "api.stripe.com", "/v1/transfers"}},
		// The path differs: the host stays, the path is unknown.
		{"path behind if", result{"https://api.brex.com{Unknown}", "https://api.brex.com{}", "api.brex.com", ""}},
		{"two hosts", result{"{Unknown}/v1/transfers", "{}/v1/transfers", "", "/v1/transfers"}},
		{"switch query", result{"https://api.brex.com/v1/transfers?{Unknown}", "https://api.brex.com/v1/transfers?{}", "api.brex.com", "/v1/transfers"}},
		{"assigned in closure", result{"{Unknown}", "{}", "", ""}},
		{"used in closure", result{"https://api.brex.com/v2/users?{Unknown}", "https://api.brex.com/v2/users?{}", "api.brex.com", "/v2/users"}},
		{"killed", result{"https://api.brex.com/v1/transfers", "https://api.brex.com/v1/transfers", "api.brex.com", "/v1/transfers"}},
		{"param default", result{"https://api.brex.com", "https://api.brex.com", "api.brex.com", "/"}},
		// Fields: the constructor's Brex host, overridable by an option.
		{"field option", result{"https://api.brex.com/v1/transfers/{Param:id}", "https://api.brex.com/v1/transfers/{}", "api.brex.com", "/v1/transfers/{}"}},
		// A getter that returns another API's field or the Brex host.
		{"getter", result{"{Unknown}/v1/transfers", "{}/v1/transfers", "", "/v1/transfers"}},
		// A getter that returns the field or the Brex host.
		{"getter default", result{"https://api.brex.com/v1/transfers", "https://api.brex.com/v1/transfers", "api.brex.com", "/v1/transfers"}},
		{"url path set", result{"https://api.brex.com/v1/transfers/{Param:id}", "https://api.brex.com/v1/transfers/{}", "api.brex.com", "/v1/transfers/{}"}},
		// e.Path of the URL from the environment is unknown: the joined
		// path still follows the base.
		{"url path joined", result{"{Env:BREX_API_URL}{Unknown}/v2/users", "{}{}/v2/users", "", "/v2/users"}},
		{"url path relative", result{"https://api.brex.com/v2/users/me", "https://api.brex.com/v2/users/me", "api.brex.com", "/v2/users/me"}},
		{"url helper", result{"https://api.brex.com/v2/users/{Param:id}", "https://api.brex.com/v2/users/{}", "api.brex.com", "/v2/users/{}"}},
		// An httptest server listens on the loopback interface.
		{"httptest server", result{"http://127.0.0.1:{Unknown}/v1/transfers", "http://127.0.0.1:{}/v1/transfers", "127.0.0.1", "/v1/transfers"}},
		{"httptest server default", result{"http://127.0.0.1:{Unknown}/v2/users/me", "http://127.0.0.1:{}/v2/users/me", "127.0.0.1", "/v2/users/me"}},
		{"httptest server embedded", result{"http://127.0.0.1:{Unknown}/v1/transfers", "http://127.0.0.1:{}/v1/transfers", "127.0.0.1", "/v1/transfers"}},
	}
	seen := map[string]bool{"blowup": true} // TestBudget
	for _, tt := range tests {
		seen[tt.name] = true
		t.Run(tt.name, func(t *testing.T) {
			e, ok := exprs[tt.name]
			if !ok {
				t.Fatalf("no check(%q, ...) in testdata", tt.name)
			}
			if diff := cmp.Diff(tt.want, describe(f.Fold(e))); diff != "" {
				t.Errorf("Fold mismatch (-want +got):\n%s", diff)
			}
		})
	}
	for name := range exprs {
		if !seen[name] {
			t.Errorf("check(%q, ...) in testdata has no test case", name)
		}
	}
}

// TestBudget folds b15 of b_i := b_{i-1} + b_{i-1}, which would be 2^15
// parts: the step budget cuts it short.
func TestBudget(t *testing.T) {
	l := loadCases(t)
	v := New(l.info, l.files, typesutil.NewFuncs(l.info, inspector.New(l.files)), nil).Fold(checks(l)["blowup"])
	if !v.HasHole() || len(v.Parts) > maxSteps {
		t.Errorf("blowup folded to %d parts, hole %v", len(v.Parts), v.HasHole())
	}
}

// TestComplete checks Complete on a constant and on a value with a hole.
func TestComplete(t *testing.T) {
	if s, ok := Lit("https://api.brex.com").Complete(); !ok || s != "https://api.brex.com" {
		t.Errorf("Complete of a literal = %q, %v", s, ok)
	}
	if _, ok := Concat(Lit("a"), Hole(Unknown)).Complete(); ok {
		t.Error("Complete of a value with a hole is ok")
	}
	if got := Concat(Lit("a"), Lit(""), Lit("b")); len(got.Parts) != 1 {
		t.Errorf("Concat does not merge literals: %#v", got)
	}
}

// TestFoldWith instantiates the wrapper's URL with a caller's arguments,
// as a wrapper analysis does.
func TestFoldWith(t *testing.T) {
	l := loadCases(t)
	f := newTestFolder(l)
	e := checks(l)["wrapper"]
	var base, path *types.Var
	for _, p := range f.Fold(e).Params() {
		switch p.Name() {
		case "base":
			base = p
		case "path":
			path = p
		}
	}
	if base == nil || path == nil {
		t.Fatal("wrapper's parameters not found in its folded URL")
	}
	got := f.FoldWith(e, map[*types.Var]Value{
		base: Concat(Hole(Env), Lit("/")),
		path: Concat(Lit("/v2/users/"), Hole(Unknown), Lit("/limit")),
	})
	if diff := cmp.Diff("{}/v2/users/{}/limit", got.String()); diff != "" {
		t.Errorf("FoldWith (-want +got):\n%s", diff)
	}
	got = f.FoldWith(e, map[*types.Var]Value{base: Lit("https://api.brex.com/"), path: Lit("/v1/transfers")})
	if s, ok := got.Complete(); !ok || s != "https://api.brex.com/v1/transfers" {
		t.Errorf("FoldWith with constants = %q, %v", s, ok)
	}
}

// TestLookup checks that Path() is directly usable by brexapi.Lookup.
func TestLookup(t *testing.T) {
	l := loadCases(t)
	f := newTestFolder(l)
	exprs := checks(l)
	tests := []struct {
		name, method, want string // want: the template found, "" for none
	}{
		{"env", "GET", "/v1/transfers/{id}"},
		{"env", "POST", ""}, // the catalogue has no POST /v1/transfers/{id}
		{"pkg var", "GET", "/v1/transfers/{id}"},
		{"joinpath param", "GET", "/v1/transfers/{id}"},
		{"getenv default", "POST", "/v1/transfers"},
		{"lookupenv", "GET", "/v2/users/me"},
		{"local", "PUT", "/v2/users/{id}"},
		{"sprintf verbs", "GET", "/v2/cards/{id}/pan"},
		{"query and fragment", "GET", "/v1/transfers"},
	}
	for _, tt := range tests {
		v := f.Fold(exprs[tt.name])
		p, ok := v.Path()
		if !ok {
			t.Errorf("%s: no path in %s", tt.name, v)
			continue
		}
		got := ""
		if ep, ok := brexapi.Lookup(tt.method, p); ok {
			got = ep.Path
		}
		if got != tt.want {
			t.Errorf("%s: Lookup(%s, %q) = %q, want %q", tt.name, tt.method, p, got, tt.want)
		}
	}
	// The wrapper instantiated with a caller's path.
	e := exprs["wrapper"]
	params := map[*types.Var]Value{}
	for _, p := range f.Fold(e).Params() {
		if p.Name() == "path" {
			params[p] = Concat(Lit("/v2/users/"), Hole(Param), Lit("/limit"))
		} else {
			params[p] = Hole(Env)
		}
	}
	p, _ := f.FoldWith(e, params).Path()
	if ep, ok := brexapi.Lookup("POST", p); !ok || ep.Path != "/v2/users/{id}/limit" {
		t.Errorf("Lookup(POST, %q) = %v, %v", p, ep, ok)
	}
}

// TestJoin checks the join of two definitions' values directly.
func TestJoin(t *testing.T) {
	env := Value{Parts: []Part{{Hole: true, HoleKind: Env, EnvName: "BREX_API_URL"}}}
	tests := []struct {
		name string
		a, b Value
		want string
	}{
		{"equal", Lit("https://api.brex.com/v1/transfers"), Lit("https://api.brex.com/v1/transfers"), "https://api.brex.com/v1/transfers"},
		{"query appended", Lit("https://api.brex.com/v1/transfers"), Concat(Lit("https://api.brex.com/v1/transfers?cursor="), Hole(Unknown)), "https://api.brex.com/v1/transfers?{}"},
		{"fragment", Lit("/v1/transfers#a"), Lit("/v1/transfers#b"), "/v1/transfers?{}"},
		{"env default", env, Lit("https://api.brex.com"), "https://api.brex.com"},
		{"default env", Lit("https://api.brex.com"), env, "https://api.brex.com"},
		{"empty default", Value{}, Lit("https://api.brex.com"), "https://api.brex.com"},
		// An empty suffix against a sub-path is not a default: unknown.
		{"empty sub-path", Value{}, Lit("/status"), "{}"},
		{"holes differ", Concat(env, Lit("/v1/transfers")), Concat(Hole(Param), Lit("/v1/transfers")), "{}/v1/transfers"},
		{"holes differ query", Concat(env, Lit("/v1/transfers")), Concat(Hole(Param), Lit("/v1/transfers?x=1")), "{}/v1/transfers?{}"},
		{"paths differ", Lit("https://api.brex.com/v1/transfers"), Lit("https://api.brex.com/v2/users"), "https://api.brex.com{}"},
		{"schemes differ", Lit("http://api.brex.com/v1/transfers"), Lit("https://api.brex.com/v2/users"), "{}"},
		{"hosts differ", Lit("https://api.brex.com/v1/transfers"), Lit("https://api.stripe.com/v1/transfers"), "{}"},
		{"leading slash", Hole(Param), Concat(Lit("/"), Hole(Param)), "{}"},
		{"trailing slash", Hole(Param), Concat(Hole(Param), Lit("/")), "{}/"},
		{"in query", Lit("/v1/transfers?status=A"), Lit("/v1/transfers?status=B&x"), "/v1/transfers?{}"},
	}
	for _, tt := range tests {
		if got := Join(tt.a, tt.b).String(); got != tt.want {
			t.Errorf("%s: Join = %q, want %q", tt.name, got, tt.want)
		}
		if got := Join(tt.b, tt.a).String(); got != tt.want {
			t.Errorf("%s: Join reversed = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestNewPackageSkipsTests checks that a test pointing a client at its
// own server does not change where the package's code sends requests.
func TestNewPackageSkipsTests(t *testing.T) {
	src := `package p
type Client struct{ base string }
func New() *Client { return &Client{base: "https://api.brex.com"} }
func (c *Client) url() string { return c.base + "/v2/users" }
`
	test := `package p
func testClient() *Client { c := New(); c.base = "http://127.0.0.1:8080"; return c }
`
	var files []*ast.File
	for name, s := range map[string]string{"client.go": src, "client_test.go": test} {
		f, err := parser.ParseFile(fset, name, s, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	if _, err := (&types.Config{}).Check("p", fset, files, info); err != nil {
		t.Fatal(err)
	}
	var ret ast.Expr
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if fd, ok := n.(*ast.FuncDecl); ok && fd.Name.Name == "url" {
				ret = fd.Body.List[0].(*ast.ReturnStmt).Results[0]
			}
			return true
		})
	}
	insp := inspector.New(files)
	index := typesutil.NewFuncs(info, insp)
	if got := NewPackage(fset, info, files, index).Fold(ret).String(); got != "https://api.brex.com/v2/users" {
		t.Errorf("NewPackage: %q, want the constructor's host", got)
	}
	// PackageVars sees every file: the test's host joins with the
	// constructor's to a hole.
	if got := New(info, files, index, PackageVars(info, files, insp)).Fold(ret).String(); got != "{}/v2/users" {
		t.Errorf("PackageVars: %q, want {}/v2/users", got)
	}
}

// TestCallFolder checks that a client of another package folds to the
// server the CallFolder says it is made with, wherever the client is kept:
// a local, a struct field set in a constructor, the result of a
// constructor function of the package.
func TestCallFolder(t *testing.T) {
	sdk, err := load(t, "example.com/sdk", `package sdk
type Client struct{ Server string }
type Option func(*Client)
func NewClient(server string, opts ...Option) (*Client, error) { return &Client{Server: server}, nil }
func WithTimeout(int) Option { return nil }
`, testImporter{})
	if err != nil {
		t.Fatal(err)
	}
	l, err := load(t, "app", `package app
import (
	"os"
	"example.com/sdk"
)
const brexAPI = "https://platform.brexapis.com/"
func check(string, any) {}
type Service struct{ client *sdk.Client }
func New() (*Service, error) {
	base := os.Getenv("BREX_API_URL")
	if base == "" {
		base = brexAPI
	}
	s := &Service{}
	var err error
	s.client, err = sdk.NewClient(base, sdk.WithTimeout(5))
	return s, err
}
func newClient() (*sdk.Client, error) { return sdk.NewClient("https://api.ledger.example.com") }
func use(s *Service) {
	check("field", s.client)
	c, _ := newClient()
	check("constructor", c)
	d, _ := sdk.NewClient(os.Getenv("SDK_URL"))
	check("env", d)
}
`, testImporter{"example.com/sdk": sdk.pkg})
	if err != nil {
		t.Fatal(err)
	}
	f := newTestFolder(l)
	var seen []string
	f.SetCallFolder(func(fn *types.Func, call *ast.CallExpr, arg func(int) Value) (Value, bool) {
		seen = append(seen, fn.Name())
		if fn.Name() != "NewClient" {
			return Value{}, false
		}
		return arg(0), true
	})
	got := map[string]string{}
	for name, e := range checks(l) {
		got[name] = detail(f.Fold(e))
	}
	want := map[string]string{
		"field":       "https://platform.brexapis.com/",
		"constructor": "https://api.ledger.example.com",
		"env":         "{Env:SDK_URL}",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("folded clients (-want +got):\n%s", diff)
	}
	if len(seen) == 0 {
		t.Error("the CallFolder was never asked")
	}
}
