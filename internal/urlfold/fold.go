package urlfold

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/url"
	"path"
	"strings"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// VarResolver supplies the initializer of a variable the folder cannot see
// by itself: an unexported package-level variable that the package never
// reassigns, or the default a constructor gives a struct field. Value is
// called with package-level variables (of any package) and struct fields;
// it returns false for anything it does not vouch for. The returned
// expression must be typed by the Folder's types.Info (that is, come from
// the package being analyzed), because the folder looks its parts up there.
type VarResolver interface {
	Value(v *types.Var) (ast.Expr, bool)
}

// maxDepth bounds how many variables (locals, package variables, fields)
// one fold expands inside each other, so that cyclic initializers (which
// go/types rejects for package variables but a resolver may still produce
// for fields) end. Syntax nesting does not count: it is finite.
const maxDepth = 16

// maxSteps bounds the work of one fold: variables defined from each other
// twice over (a1 := a0 + a0; a2 := a1 + a1; ...) would otherwise expand
// exponentially. Past the budget every expression is a hole.
const maxSteps = 4096

// Folder folds expressions of one type-checked package. It caches what it
// learns about each function body, so one Folder should serve a whole
// package (an analysis pass). A Folder is not safe for concurrent use.
type Folder struct {
	info    *types.Info
	files   []*ast.File
	index   *typesutil.Funcs // of files
	vars    VarResolver
	funcs   map[ast.Node]*funcInfo
	calls   CallFolder
	returns map[*ast.FuncDecl][]*ast.ReturnStmt // see returnsOf
}

// CallFolder folds the first result of a call of a function the folder has
// no body for (a function of another package), from what the caller knows
// of it; ok is false when it knows nothing. arg folds the call's i-th
// argument. The Brex model gives one that knows, from its facts, the
// server a generated API client is made with (a client is then folded to
// its server URL: brexsdk.NewClientWithResponses(baseURL, opts...) folds
// like baseURL, and so do a field or a variable holding its result).
type CallFolder func(fn *types.Func, call *ast.CallExpr, arg func(i int) Value) (Value, bool)

// SetCallFolder sets the CallFolder consulted for calls of functions
// without a body in the package.
func (f *Folder) SetCallFolder(c CallFolder) { f.calls = c }

// New returns a Folder for the package described by info. files are the
// package's syntax trees (pass.Files): they are needed to find a local
// variable's definition and to prove it is never reassigned, and to tell a
// parameter from other locals; with nil files every local variable and
// parameter folds to an Unknown hole. index is the index of the functions
// of files (the package's one, see brexmodel's Model.Funcs). vars may be
// nil, in which case package-level variables and fields fold to holes.
func New(info *types.Info, files []*ast.File, index *typesutil.Funcs, vars VarResolver) *Folder {
	return &Folder{info: info, files: files, index: index, vars: vars, funcs: map[ast.Node]*funcInfo{}}
}

// state is the per-call context of a fold.
type state struct {
	params   map[*types.Var]Value
	visiting map[types.Object]bool
	defs     map[*def]bool // definitions of locals being folded
	steps    int
}

// Fold folds e, which should be an expression of string type or a *url.URL
// (url.URL) value; a URL folds to its String() form. Anything the rules do
// not cover becomes a hole, so Fold never fails.
func (f *Folder) Fold(e ast.Expr) Value {
	return f.FoldWith(e, nil)
}

// VarValue returns the one value that the folder's resolver knows a
// package-level variable or a struct field to be given (see
// PackageVars), so that a caller can follow it past what Fold reads (a
// client kept in a field, made by a constructor).
func (f *Folder) VarValue(v *types.Var) (ast.Expr, bool) {
	if f.vars == nil || v == nil {
		return nil, false
	}
	return f.vars.Value(v)
}

// FoldWith is Fold with the values of some parameters given: a parameter in
// params folds to its Value (a caller's folded argument) instead of a Param
// hole. This is how a wrapper's URL template is instantiated at a call site.
func (f *Folder) FoldWith(e ast.Expr, params map[*types.Var]Value) Value {
	st := &state{params: params}
	return f.fold(st, e, 0)
}

func (f *Folder) fold(st *state, e ast.Expr, depth int) Value {
	st.steps++
	if depth > maxDepth || st.steps > maxSteps || e == nil {
		return Hole(Unknown)
	}
	e = ast.Unparen(e)
	tv := f.info.Types[e]
	if tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return Lit(constant.StringVal(tv.Value))
		}
		return Hole(Unknown)
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op == token.ADD && typesutil.IsString(tv.Type) {
			return Concat(f.fold(st, e.X, depth), f.fold(st, e.Y, depth))
		}
	case *ast.Ident:
		if v, ok := f.info.Uses[e].(*types.Var); ok {
			return f.foldVar(st, v, e.Pos(), depth)
		}
	case *ast.SelectorExpr:
		if sel := f.info.Selections[e]; sel != nil {
			if sel.Kind() == types.FieldVal {
				// The URL of an httptest.Server, also through a struct
				// that embeds one.
				if typesutil.IsFieldOf(sel, "net/http/httptest", "Server", "URL") {
					return testServerURL
				}
				if v, ok := sel.Obj().(*types.Var); ok {
					return f.resolve(st, v, depth)
				}
			}
			break
		}
		// A qualified identifier: pkg.Var.
		if v, ok := f.info.Uses[e.Sel].(*types.Var); ok {
			return f.resolve(st, v, depth)
		}
	case *ast.CallExpr:
		return f.foldCall(st, e, 0, depth)
	case *ast.UnaryExpr:
		if e.Op == token.AND { // &url.URL{...}
			return f.fold(st, e.X, depth)
		}
	case *ast.StarExpr: // *u of a *url.URL
		return f.fold(st, e.X, depth)
	case *ast.CompositeLit:
		if isURL(tv.Type) {
			return f.foldURLLit(st, e, depth)
		}
	}
	return Hole(Unknown)
}

// foldVar folds a use of v at pos.
func (f *Folder) foldVar(st *state, v *types.Var, pos token.Pos, depth int) Value {
	bound, isBound := st.params[v]
	if !typesutil.IsLocalVar(v) {
		if isBound {
			return bound
		}
		return f.resolve(st, v, depth)
	}
	fi := f.funcInfoFor(v)
	if isBound && (fi == nil || len(fi.defs[v]) == 0) {
		return bound
	}
	if fi == nil || fi.mutated[v] {
		return Hole(Unknown)
	}
	// A parameter's value on entry: the caller's argument when bound.
	onEntry := Value{Parts: []Part{{Hole: true, HoleKind: Param, Param: v}}}
	if isBound {
		onEntry = bound
	}
	defs := fi.defs[v]
	var val Value
	switch {
	case fi.params[v] && len(defs) == 0:
		return onEntry
	case len(defs) == 0:
		return Hole(Unknown)
	case len(defs) == 1 && !fi.params[v]:
		// One definition: it reaches every use (Go declares before use).
		if !st.enter(v) {
			return Hole(Unknown)
		}
		val, _ = f.foldDef(st, fi, v, defs[0], depth)
		st.leave(v)
	default:
		vals := f.reachingValues(st, fi, v, pos, onEntry, depth)
		if len(vals) == 0 {
			// Every reaching definition is being folded already: a
			// loop that only appends to v, seen from inside itself.
			return Hole(Unknown)
		}
		val = vals[0]
		for _, w := range vals[1:] {
			val = Join(val, w)
		}
	}
	if fi.query[v] {
		// u.RawQuery = ... replaced the query: keep everything before it.
		val = Concat(cutQuery(val), Lit("?"), Hole(Unknown))
	}
	return val
}

// reachingValues folds each definition of v that reaches pos, with
// onEntry for a path from the function's entry that meets none.
func (f *Folder) reachingValues(st *state, fi *funcInfo, v *types.Var, pos token.Pos, onEntry Value, depth int) []Value {
	reach, entry := f.reaching(fi, v, pos)
	var vals []Value
	if entry && fi.params[v] {
		vals = append(vals, onEntry)
	} else if entry {
		vals = append(vals, Hole(Unknown))
	}
	for _, d := range reach {
		if dv, ok := f.foldDef(st, fi, v, d, depth); ok {
			vals = append(vals, dv)
		}
	}
	return vals
}

// alternatives folds e once for each definition that reaches it when e is
// a local variable assigned more than once (where foldVar joins them), and
// otherwise returns e's one value.
func (f *Folder) alternatives(st *state, e ast.Expr, depth int) []Value {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		v, _ := f.info.Uses[id].(*types.Var)
		_, bound := st.params[v]
		if v != nil && !bound && typesutil.IsLocalVar(v) {
			if fi := f.funcInfoFor(v); fi != nil && !fi.mutated[v] && !fi.query[v] && !fi.params[v] && len(fi.defs[v]) > 1 {
				if vals := f.reachingValues(st, fi, v, id.Pos(), Hole(Unknown), depth); len(vals) > 0 {
					return vals
				}
			}
		}
	}
	return []Value{f.fold(st, e, depth)}
}

// foldDef folds the value that definition d gives v. It reports false for
// a definition already being folded further up: a cycle through a loop
// (u = u + "&cursor=" + c), which contributes nothing where it closes, so
// that the loop's value is the join of the value on entry and the
// appended forms of it.
func (f *Folder) foldDef(st *state, fi *funcInfo, v *types.Var, d *def, depth int) (Value, bool) {
	if st.defs[d] {
		return Value{}, false
	}
	if st.defs == nil {
		st.defs = map[*def]bool{}
	}
	st.defs[d] = true
	defer delete(st.defs, d)
	switch {
	case d.zero:
		if typesutil.IsString(v.Type()) {
			return Value{}, true
		}
		return Hole(Unknown), true
	case d.expr == nil:
		return Hole(Unknown), true
	case d.add:
		before := f.foldVar(st, v, d.node.Pos(), depth+1)
		return Concat(before, f.fold(st, d.expr, depth+1)), true
	case d.path:
		before := f.foldVar(st, v, d.node.Pos(), depth+1)
		return withPath(before, f.fold(st, d.expr, depth+1)), true
	case d.idx >= 0:
		call, ok := ast.Unparen(d.expr).(*ast.CallExpr)
		if !ok {
			return Hole(Unknown), true
		}
		return f.foldCall(st, call, d.idx, depth+1), true
	}
	return f.fold(st, d.expr, depth+1), true
}

// resolve folds a package-level variable or field through the resolver:
// the join of every value the package gives it, for PackageVars.
func (f *Folder) resolve(st *state, v *types.Var, depth int) Value {
	if f.vars == nil || !st.enter(v) {
		return Hole(Unknown)
	}
	defer st.leave(v)
	if r, ok := f.vars.(pkgVars); ok {
		ds := r[v.Origin()]
		if len(ds) == 0 {
			return Hole(Unknown)
		}
		var out Value
		for i, d := range ds {
			var dv Value
			switch {
			case d.zero && typesutil.IsString(v.Type()):
				dv = Value{}
			case d.expr == nil:
				dv = Hole(Unknown)
			case d.idx >= 0:
				call, ok := ast.Unparen(d.expr).(*ast.CallExpr)
				if !ok {
					dv = Hole(Unknown)
				} else {
					dv = f.foldCall(st, call, d.idx, depth+1)
				}
			default:
				dv = f.fold(st, d.expr, depth+1)
			}
			if i == 0 {
				out = dv
			} else {
				out = Join(out, dv)
			}
		}
		return out
	}
	e, ok := f.vars.Value(v)
	if !ok || e == nil {
		return Hole(Unknown)
	}
	return f.fold(st, e, depth+1)
}

func (st *state) enter(v types.Object) bool {
	if st.visiting[v] {
		return false
	}
	if st.visiting == nil {
		st.visiting = map[types.Object]bool{}
	}
	st.visiting[v] = true
	return true
}

func (st *state) leave(v types.Object) { delete(st.visiting, v) }

// foldCall folds result idx of call. Only the first result of the known
// functions is ever foldable.
func (f *Folder) foldCall(st *state, call *ast.CallExpr, idx, depth int) Value {
	if idx != 0 {
		return Hole(Unknown)
	}
	if tv := f.info.Types[call.Fun]; tv.IsType() {
		// A conversion between string types keeps the value; string(b)
		// of a []byte or a rune variable does not fold.
		if len(call.Args) == 1 && typesutil.IsString(tv.Type) && typesutil.IsString(f.info.TypeOf(call.Args[0])) {
			return f.fold(st, call.Args[0], depth)
		}
		return Hole(Unknown)
	}
	fn := typeutil.StaticCallee(f.info, call)
	if fn == nil || fn.Pkg() == nil {
		return Hole(Unknown)
	}
	if fd := f.funcDecl(fn); fd != nil {
		return f.foldResult(st, call, fn, fd, idx, depth)
	}
	args := call.Args
	arg := func(i int) Value { return f.fold(st, args[i], depth) }
	if f.calls != nil && st.enter(fn) {
		v, ok := f.calls(fn, call, func(i int) Value {
			if i < 0 || i >= len(args) {
				return Hole(Unknown)
			}
			return f.fold(st, args[i], depth+1)
		})
		st.leave(fn)
		if ok {
			return v
		}
	}
	if recv := fn.Signature().Recv(); recv != nil {
		if !isURL(recv.Type()) {
			return Hole(Unknown)
		}
		se, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || f.info.Selections[se] == nil || f.info.Selections[se].Kind() != types.MethodVal {
			return Hole(Unknown)
		}
		base := f.fold(st, se.X, depth)
		switch fn.Name() {
		case "String":
			return base
		case "JoinPath":
			return joinURL(base, f.variadic(st, call, 0, depth))
		case "ResolveReference":
			if len(args) == 1 {
				return resolveRef(base, arg(0))
			}
		case "Parse":
			// u.Parse(ref) is u.ResolveReference(url.Parse(ref)). Each
			// definition of ref that reaches the call is resolved on its
			// own: oapi-codegen's request builders make the operation's
			// path relative (operationPath = "." + operationPath) only
			// when it starts with '/', and both forms resolve alike.
			if len(args) == 1 {
				var out Value
				for i, ref := range f.alternatives(st, args[0], depth) {
					r := resolveRef(base, normalizeURL(ref))
					if i == 0 {
						out = r
					} else {
						out = Join(out, r)
					}
				}
				return out
			}
		}
		return Hole(Unknown)
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "os.Getenv", "os.LookupEnv":
		if len(args) != 1 {
			break
		}
		h := Part{Hole: true, HoleKind: Env}
		if c, ok := f.constString(args[0]); ok {
			h.EnvName = c
		}
		return Value{Parts: []Part{h}}
	case "fmt.Sprintf":
		if len(args) >= 1 {
			if format, ok := f.constString(args[0]); ok {
				if call.Ellipsis.IsValid() {
					return Concat(Lit(literalPrefix(format)), Hole(FormatVerb))
				}
				return f.sprintf(st, format, args[1:], depth)
			}
		}
	case "net/url.Parse", "net/url.ParseRequestURI":
		if len(args) == 1 {
			return normalizeURL(arg(0))
		}
	case "net/url.JoinPath":
		if len(args) >= 1 {
			return joinURL(arg(0), f.variadic(st, call, 1, depth))
		}
	case "path.Join":
		return pathJoin(f.variadic(st, call, 0, depth))
	case "strings.TrimSuffix", "strings.TrimRight", "strings.TrimPrefix", "strings.TrimLeft":
		if len(args) == 2 {
			if c, ok := f.constString(args[1]); ok {
				return trim(fn.Name(), arg(0), c)
			}
		}
	case "strings.Replace", "strings.ReplaceAll":
		// A path template filled in: strings.Replace(localVarPath,
		// "{"+"id"+"}", url.PathEscape(id), -1) of openapi-generator's
		// clients.
		n := -1
		if fn.Name() == "Replace" {
			if len(args) != 4 {
				break
			}
			tv := f.info.Types[args[3]]
			if tv.Value == nil || tv.Value.Kind() != constant.Int {
				break
			}
			i, ok := constant.Int64Val(tv.Value)
			if !ok || i == 0 {
				break
			}
			n = int(i)
		}
		if len(args) < 3 {
			break
		}
		if old, ok := f.constString(args[1]); ok && old != "" {
			return replace(arg(0), old, arg(2), n)
		}
	case "strings.Join":
		if len(args) == 2 && !call.Ellipsis.IsValid() {
			if sep, ok := f.constString(args[1]); ok {
				if lit, ok := ast.Unparen(args[0]).(*ast.CompositeLit); ok {
					var out Value
					for i, el := range lit.Elts {
						if _, kv := el.(*ast.KeyValueExpr); kv {
							return Hole(Unknown)
						}
						if i > 0 {
							out = Concat(out, Lit(sep))
						}
						out = Concat(out, f.fold(st, el, depth))
					}
					return out
				}
			}
		}
	}
	return Hole(Unknown)
}

// variadic folds the arguments of call from index from on, expanding a
// spread composite literal ([]string{...}...); any other spread slice is a
// single hole element.
func (f *Folder) variadic(st *state, call *ast.CallExpr, from, depth int) []Value {
	if from > len(call.Args) {
		return nil
	}
	args := call.Args[from:]
	var out []Value
	for i, a := range args {
		if call.Ellipsis.IsValid() && i == len(args)-1 {
			lit, ok := ast.Unparen(a).(*ast.CompositeLit)
			if !ok {
				return append(out, Hole(Unknown))
			}
			for _, el := range lit.Elts {
				if _, kv := el.(*ast.KeyValueExpr); kv {
					return append(out, Hole(Unknown))
				}
				out = append(out, f.fold(st, el, depth))
			}
			return out
		}
		out = append(out, f.fold(st, a, depth))
	}
	return out
}

// constString returns the value of a constant string expression.
func (f *Folder) constString(e ast.Expr) (string, bool) {
	if tv := f.info.Types[e]; tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	return "", false
}

// foldURLLit folds a url.URL composite literal to its String() form.
func (f *Folder) foldURLLit(st *state, lit *ast.CompositeLit, depth int) Value {
	fields := map[string]Value{}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return Hole(Unknown)
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			return Hole(Unknown)
		}
		switch key.Name {
		case "Scheme", "Host", "Path", "RawQuery", "Fragment":
			fields[key.Name] = f.fold(st, kv.Value, depth)
		default: // User, Opaque, RawPath, ForceQuery, ...: rare in requests
			return Hole(Unknown)
		}
	}
	complete := map[string]string{}
	for k, v := range fields {
		s, ok := v.Complete()
		if !ok {
			complete = nil
			break
		}
		complete[k] = s
	}
	if complete != nil {
		u := url.URL{Scheme: complete["Scheme"], Host: complete["Host"], Path: complete["Path"],
			RawQuery: complete["RawQuery"], Fragment: complete["Fragment"]}
		return Lit(u.String())
	}
	var out Value
	if s, ok := fields["Scheme"]; ok && len(s.Parts) > 0 {
		out = Concat(s, Lit(":"))
	}
	if h, ok := fields["Host"]; ok && len(h.Parts) > 0 {
		out = Concat(out, Lit("//"), h)
		if p := fields["Path"]; len(p.Parts) > 0 && !p.Parts[0].Hole && !strings.HasPrefix(p.Parts[0].Lit, "/") {
			out = Concat(out, Lit("/"))
		}
	}
	out = Concat(out, fields["Path"])
	if q, ok := fields["RawQuery"]; ok && len(q.Parts) > 0 {
		out = Concat(out, Lit("?"), q)
	}
	if fr, ok := fields["Fragment"]; ok && len(fr.Parts) > 0 {
		out = Concat(out, Lit("#"), fr)
	}
	return out
}

// normalizeURL is url.Parse followed by String(): exact for a constant,
// the identity otherwise. A constant that does not parse is kept as written
// (the request would fail, but the author's intent is still the URL).
func normalizeURL(v Value) Value {
	if s, ok := v.Complete(); ok {
		if u, err := url.Parse(s); err == nil {
			return Lit(u.String())
		}
	}
	return v
}

// joinURL is url.JoinPath / (*url.URL).JoinPath: exact when everything is
// constant; otherwise the pieces are joined with exactly one '/' between
// them, without resolving "." and "..". A trailing slash of the last element
// is kept, as JoinPath does.
func joinURL(base Value, elems []Value) Value {
	if s, ok := base.Complete(); ok {
		if strs, ok := allComplete(elems); ok {
			if r, err := url.JoinPath(s, strs...); err == nil {
				return Lit(r)
			}
			return Hole(Unknown)
		}
	}
	out := base
	for _, e := range elems {
		if len(e.Parts) == 0 {
			continue
		}
		out = joinSlash(out, e)
	}
	return out
}

// pathJoin is path.Join, except that a leading "scheme://" keeps its double
// slash (path.Join("https://h", "v1") is "https:/h/v1", which is never what
// the author meant). With holes it joins with single slashes, collapses
// repeated slashes inside literals and drops a trailing slash, without
// resolving "." and "..".
func pathJoin(elems []Value) Value {
	var nonEmpty []Value
	for _, e := range elems {
		if len(e.Parts) > 0 {
			nonEmpty = append(nonEmpty, e)
		}
	}
	if len(nonEmpty) == 0 {
		return Value{}
	}
	prefix := ""
	if p := nonEmpty[0].Parts[0]; !p.Hole {
		if i := schemeEnd(p.Lit); i >= 0 {
			prefix = p.Lit[:i]
			nonEmpty[0] = Concat(Lit(p.Lit[i:]), Value{Parts: nonEmpty[0].Parts[1:]})
		}
	}
	if strs, ok := allComplete(nonEmpty); ok {
		return Lit(prefix + path.Join(strs...))
	}
	out := nonEmpty[0]
	for _, e := range nonEmpty[1:] {
		out = joinSlash(out, e)
	}
	parts := make([]Part, len(out.Parts))
	copy(parts, out.Parts)
	for i := range parts {
		if !parts[i].Hole {
			for strings.Contains(parts[i].Lit, "//") {
				parts[i].Lit = strings.ReplaceAll(parts[i].Lit, "//", "/")
			}
		}
	}
	if n := len(parts); n > 0 {
		if last := &parts[n-1]; !last.Hole && strings.HasSuffix(last.Lit, "/") && !(n == 1 && last.Lit == "/") {
			last.Lit = strings.TrimSuffix(last.Lit, "/")
		}
	}
	return Concat(Lit(prefix), Value{Parts: parts})
}

// joinSlash joins a and b with exactly one '/' where their literal ends
// meet. A hole at either end is assumed not to carry the slash.
func joinSlash(a, b Value) Value {
	a = trim("TrimRight", a, "/")
	if len(b.Parts) > 0 && !b.Parts[0].Hole {
		b = Concat(Lit(strings.TrimLeft(b.Parts[0].Lit, "/")), Value{Parts: b.Parts[1:]})
	}
	return Concat(a, Lit("/"), b)
}

// resolveRef is (*url.URL).ResolveReference: exact when both are constant;
// an absolute reference replaces the base; an absolute-path reference keeps
// only the base's scheme and host (a hole when the base's host is unknown);
// a relative reference is appended to a base whose literal end is a '/'.
func resolveRef(base, ref Value) Value {
	bs, bok := base.Complete()
	rs, rok := ref.Complete()
	if bok && rok {
		b, err1 := url.Parse(bs)
		r, err2 := url.Parse(rs)
		if err1 != nil || err2 != nil {
			return Hole(Unknown)
		}
		return Lit(b.ResolveReference(r).String())
	}
	if len(ref.Parts) == 0 || ref.Parts[0].Hole {
		return Hole(Unknown)
	}
	first := ref.Parts[0].Lit
	switch {
	case schemeEnd(first) >= 0 || strings.HasPrefix(first, "//"):
		return ref
	case strings.HasPrefix(first, "/"):
		if bok {
			if b, err := url.Parse(bs); err == nil && b.Host != "" {
				return Concat(Lit((&url.URL{Scheme: b.Scheme, Host: b.Host}).String()), ref)
			}
		} else if host, rest, ok := base.splitHost(); ok && (len(rest) == 0 || !rest[0].Hole) {
			lit := base.Parts[0].Lit
			return Concat(Lit(lit[:schemeEnd(lit)]+host), ref)
		}
		return Concat(envOrUnknown(base), ref)
	}
	// A relative reference: "./" segments name the base's directory.
	for strings.HasPrefix(ref.Parts[0].Lit, "./") {
		ref = Concat(Lit(strings.TrimPrefix(ref.Parts[0].Lit, "./")), Value{Parts: ref.Parts[1:]})
		if len(ref.Parts) == 0 || ref.Parts[0].Hole {
			return Hole(Unknown)
		}
	}
	if first := ref.Parts[0].Lit; first == "." || first == ".." || strings.HasPrefix(first, "../") {
		return Hole(Unknown)
	}
	if n := len(base.Parts); n > 0 && !base.Parts[n-1].Hole && strings.HasSuffix(base.Parts[n-1].Lit, "/") &&
		!strings.ContainsAny(base.String(), "?#") {
		return Concat(base, ref)
	}
	if base.IsHole() {
		// A base that is all unknown (url.Parse(server)): its directory
		// ends with a '/' whether it has a path or not. A parameter's
		// hole becomes unknown: the caller's argument may or may not
		// end with the '/'.
		return Concat(envOrUnknown(base), Lit("/"), ref)
	}
	return Hole(Unknown)
}

// envOrUnknown is the hole that stands for the scheme, host and perhaps
// path that a reference keeps of base: base's environment variable when
// base is one (the BREX_* signal), else unknown.
func envOrUnknown(base Value) Value {
	if base.IsHole() && base.Parts[0].HoleKind == Env {
		return base
	}
	return Hole(Unknown)
}

// trim applies strings.TrimSuffix/TrimRight/TrimPrefix/TrimLeft with a
// constant second argument. At the end of v where the function works, a
// literal is trimmed; a hole absorbs the trimming (its content is unknown
// anyway), and a literal that trims away completely next to a hole may have
// let the trimming reach into the hole, which the hole again absorbs.
func trim(fn string, v Value, c string) Value {
	if s, ok := v.Complete(); ok {
		switch fn {
		case "TrimSuffix":
			return Lit(strings.TrimSuffix(s, c))
		case "TrimRight":
			return Lit(strings.TrimRight(s, c))
		case "TrimPrefix":
			return Lit(strings.TrimPrefix(s, c))
		default:
			return Lit(strings.TrimLeft(s, c))
		}
	}
	parts := make([]Part, len(v.Parts))
	copy(parts, v.Parts)
	suffix := fn == "TrimSuffix" || fn == "TrimRight"
	i := 0
	if suffix {
		i = len(parts) - 1
	}
	p := &parts[i]
	if p.Hole {
		return v
	}
	switch fn {
	case "TrimSuffix":
		if strings.HasSuffix(p.Lit, c) {
			p.Lit = p.Lit[:len(p.Lit)-len(c)]
		} else if strings.HasSuffix(c, p.Lit) {
			p.Lit = "" // the suffix may continue into the hole before
		}
	case "TrimPrefix":
		if strings.HasPrefix(p.Lit, c) {
			p.Lit = p.Lit[len(c):]
		} else if strings.HasPrefix(c, p.Lit) {
			p.Lit = ""
		}
	case "TrimRight":
		p.Lit = strings.TrimRight(p.Lit, c)
	case "TrimLeft":
		p.Lit = strings.TrimLeft(p.Lit, c)
	}
	return Concat(Value{Parts: parts})
}

// cutQuery drops everything from the first literal '?' or '#' on.
func cutQuery(v Value) Value {
	var out Value
	for _, p := range v.Parts {
		if !p.Hole {
			if k := strings.IndexAny(p.Lit, "?#"); k >= 0 {
				return out.add(Part{Lit: p.Lit[:k]})
			}
		}
		out = out.add(p)
	}
	return out
}

func allComplete(vs []Value) ([]string, bool) {
	strs := make([]string, len(vs))
	for i, v := range vs {
		s, ok := v.Complete()
		if !ok {
			return nil, false
		}
		strs[i] = s
	}
	return strs, true
}

// isURL reports whether t is net/url.URL or a pointer to it.
func isURL(t types.Type) bool { return typesutil.IsNamed(t, "net/url", "URL") }

// testServerURL is what the URL of an httptest.Server holds: a server on
// the loopback interface, at a port chosen when it starts ("http" stands
// for the scheme, which is https for a TLS server; only the host matters
// to the checks).
var testServerURL = Concat(Lit("http://127.0.0.1:"), Hole(Unknown))

// funcDecl returns the declaration, with a body, of a function of this
// package.
func (f *Folder) funcDecl(fn *types.Func) *ast.FuncDecl {
	return f.index.FuncDecl(fn.Origin())
}

// foldResult folds result idx of a call of a function of this package: the
// join of what its return statements give, with its parameters (and a
// receiver) bound to the call's folded arguments. A getter that returns a
// field or a default (if c.base != "" { return c.base }; return
// defaultBaseURL) and a helper that builds a URL from its arguments
// (c.url("/v1/transfers")) fold like the expressions they return.
func (f *Folder) foldResult(st *state, call *ast.CallExpr, fn *types.Func, fd *ast.FuncDecl, idx, depth int) Value {
	sig := fn.Signature()
	if idx >= sig.Results().Len() || !st.enter(fn.Origin()) {
		return Hole(Unknown)
	}
	defer st.leave(fn.Origin())
	params := make(map[*types.Var]Value, len(st.params)+sig.Params().Len()+1)
	for v, val := range st.params {
		params[v] = val
	}
	decl := f.info.Defs[fd.Name].(*types.Func).Signature() // the declaration's own variables
	spread := call.Ellipsis.IsValid() || len(call.Args) != decl.Params().Len() && !decl.Variadic()
	for i := 0; i < decl.Params().Len(); i++ {
		p := decl.Params().At(i)
		switch {
		case spread || i >= len(call.Args) || decl.Variadic() && i == decl.Params().Len()-1:
			params[p] = Hole(Unknown)
		default:
			params[p] = f.fold(st, call.Args[i], depth+1)
		}
	}
	if r := decl.Recv(); r != nil {
		params[r] = Hole(Unknown)
		if se, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if sel := f.info.Selections[se]; sel != nil && sel.Kind() == types.MethodVal {
				params[r] = f.fold(st, se.X, depth+1)
			}
		}
	}
	saved := st.params
	st.params = params
	defer func() { st.params = saved }()
	var out Value
	n := 0
	for _, r := range f.returnsOf(fd) {
		var v Value
		switch {
		case len(r.Results) == sig.Results().Len():
			v = f.fold(st, r.Results[idx], depth+1)
		case len(r.Results) == 1:
			if c, ok := ast.Unparen(r.Results[0]).(*ast.CallExpr); ok {
				v = f.foldCall(st, c, idx, depth+1)
			} else {
				v = Hole(Unknown)
			}
		default: // a bare return of named results
			v = Hole(Unknown)
		}
		if n == 0 {
			out = v
		} else {
			out = Join(out, v)
		}
		n++
	}
	if n == 0 {
		return Hole(Unknown)
	}
	return out
}

// returnsOf returns the return statements of fd, a function of the
// package, leaving out those of its function literals; found once for
// every call folded.
func (f *Folder) returnsOf(fd *ast.FuncDecl) []*ast.ReturnStmt {
	if rs, ok := f.returns[fd]; ok {
		return rs
	}
	var rs []*ast.ReturnStmt
	body := f.index.Body(fd.Body)
	body.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil)}, func(cur inspector.Cursor) bool {
		if r, ok := cur.Node().(*ast.ReturnStmt); ok {
			rs = append(rs, r)
			return true
		}
		return false // a literal's returns are its own
	})
	if f.returns == nil {
		f.returns = map[*ast.FuncDecl][]*ast.ReturnStmt{}
	}
	f.returns[fd] = rs
	return rs
}

// withPath is the String() of a URL whose Path is set to p: the scheme and
// host of u (its first hole when they are unknown: a base URL from the
// environment or a parameter) followed by p, with the slash url.URL adds
// before a relative path. The rest of u's path, and its query, are gone.
func withPath(u, p Value) Value {
	var origin Value
	if host, _, ok := u.splitHost(); ok {
		lit := u.Parts[0].Lit
		origin = Lit(lit[:schemeEnd(lit)] + host)
	} else if len(u.Parts) > 0 && u.Parts[0].Hole {
		origin = Value{Parts: u.Parts[:1]}
	} else {
		return Hole(Unknown)
	}
	if len(p.Parts) > 0 && !p.Parts[0].Hole && !strings.HasPrefix(p.Parts[0].Lit, "/") {
		p = Concat(Lit("/"), p)
	}
	return Concat(origin, p)
}

// replace is strings.Replace(v, old, with, n) (n < 0: every occurrence)
// on the literal parts of v. A hole might hold old itself, so with a
// limited n after a hole, which occurrence is replaced is unknown.
func replace(v Value, old string, with Value, n int) Value {
	var out Value
	for i, p := range v.Parts {
		if p.Hole {
			if n > 0 {
				return Hole(Unknown)
			}
			out = out.add(p)
			continue
		}
		pieces := strings.Split(p.Lit, old)
		for j, piece := range pieces {
			if j > 0 {
				if n == 0 {
					out = Concat(out, Lit(old))
				} else {
					out = Concat(out, with)
					n--
				}
			}
			out = Concat(out, Lit(piece))
		}
		if n == 0 {
			return Concat(out, Value{Parts: v.Parts[i+1:]})
		}
	}
	return out
}
