package brexmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// Headers that travel to a wrapper in a header map (map[string]string,
// http.Header) or in a field of an options struct: how a function scan
// reads the maps and options its body builds, and the headers a map or
// options argument holds.

// zeroOptions stands for the zero value of an options struct declared
// without one (var opts Options).
var zeroOptions = &ast.CompositeLit{}

// headerMapSet is req.Header = m, resolved once the body's maps are known.
type headerMapSet struct {
	req *types.Var
	m   ast.Expr
	pos token.Pos
}

// optionsAssign records the assignments of local options structs and of
// their fields.
func (fs *funcScan) optionsAssign(as *ast.AssignStmt) {
	info := fs.a.pass.TypesInfo
	for i, lhs := range as.Lhs {
		var rhs ast.Expr // nil: not known
		if len(as.Lhs) == len(as.Rhs) && (as.Tok == token.ASSIGN || as.Tok == token.DEFINE) {
			rhs = as.Rhs[i]
		}
		switch l := astutil.Unparen(lhs).(type) {
		case *ast.Ident:
			if v := typesutil.VarOf(info, l); v != nil && isStructLike(v.Type()) {
				fs.optDefs[v] = append(fs.optDefs[v], rhs)
			}
		case *ast.SelectorExpr:
			// opts.IdempotencyKey = key
			if s, ok := info.Selections[l]; ok && s.Kind() == types.FieldVal && len(s.Index()) == 1 && rhs != nil {
				if v := typesutil.VarOf(info, l.X); v != nil {
					fs.optFields[v] = append(fs.optFields[v], as)
				}
			}
		}
	}
}

// optionsUse counts the calls a local variable is given to.
func (fs *funcScan) optionsUse(call *ast.CallExpr) {
	info := fs.a.pass.TypesInfo
	for _, a := range call.Args {
		a = astutil.Unparen(a)
		if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
			a = u.X
		}
		if v := typesutil.VarOf(info, a); v != nil {
			fs.optUses[v]++
		}
	}
	if sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal {
			if v := typesutil.VarOf(info, sel.X); v != nil {
				fs.optUses[v] += 2 // opts.SetIdempotencyKey(k)
			}
		}
	}
}

// isStructLike reports whether t is a struct or a pointer to one.
func isStructLike(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// headerMapAssign records what a header map variable of the body is given:
// the entries of a map literal (h := map[string]string{"Idempotency-Key":
// k}), an entry (h["Idempotency-Key"] = k), or anything else, which makes
// its entries unknown (make(...) adds none). req.Header = h sets the map's
// headers on the request.
func (fs *funcScan) headerMapAssign(lhs, rhs ast.Expr) {
	info := fs.a.pass.TypesInfo
	switch l := astutil.Unparen(lhs).(type) {
	case *ast.IndexExpr:
		v := typesutil.VarOf(info, l.X)
		if v == nil || !isHeaderMap(v.Type()) || fs.headerOwner(l.X) != nil {
			return
		}
		if name, ok := canonical(info, l.Index); ok {
			fs.mapEntries[v] = append(fs.mapEntries[v], &Header{Name: name, Pos: l.Pos(), Value: singleValue(rhs)})
		} else if !fs.mapCopy(v, l.Index) {
			fs.opaqueMap[v] = true
		}
	case *ast.Ident:
		v := typesutil.VarOf(info, l)
		if v == nil || !isHeaderMap(v.Type()) {
			return
		}
		switch r := astutil.Unparen(rhs).(type) {
		case *ast.CompositeLit:
			fs.mapEntries[v] = append(fs.mapEntries[v], fs.literalHeaders(r)...)
		case *ast.CallExpr:
			if id, ok := astutil.Unparen(r.Fun).(*ast.Ident); !ok || id.Name != "make" || info.Uses[id] != types.Universe.Lookup("make") {
				fs.opaqueMap[v] = true
			}
		default:
			fs.opaqueMap[v] = true
		}
	case *ast.SelectorExpr:
		if req := fs.headerOwner(l); req != nil {
			fs.headerMaps = append(fs.headerMaps, headerMapSet{req, rhs, l.Pos()})
		}
	}
}

// literalHeaders returns the entries of a header map literal; an entry
// whose key is not a constant makes the names unknown.
func (fs *funcScan) literalHeaders(lit *ast.CompositeLit) []*Header {
	var out []*Header
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if name, ok := canonical(fs.a.pass.TypesInfo, kv.Key); ok {
			out = append(out, &Header{Name: name, Pos: kv.Pos(), Value: singleValue(kv.Value)})
		} else {
			out = append(out, &Header{Pos: kv.Pos(), anyName: true})
		}
	}
	return out
}

// mapHeaders returns the headers that a header map expression holds: the
// entries of a literal or of a local map variable, a map parameter (for
// the function's fact), or unknown headers.
func (fs *funcScan) mapHeaders(e ast.Expr, pos token.Pos) []*Header {
	info := fs.a.pass.TypesInfo
	e = astutil.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		if fn, _ := typeutil.Callee(info, call).(*types.Func); isMethod(fn, "net/http", "Header", "Clone") && len(call.Args) == 0 {
			e = astutil.Unparen(call.Fun.(*ast.SelectorExpr).X)
		}
		if id, ok := astutil.Unparen(call.Fun).(*ast.Ident); ok && info.Uses[id] == types.Universe.Lookup("make") {
			return nil // an empty map
		}
	}
	if tv, ok := info.Types[e]; ok && tv.IsNil() {
		return nil
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		return fs.literalHeaders(x)
	case *ast.Ident:
		if v := typesutil.VarOf(info, x); v != nil {
			return fs.mapVarHeaders(v, pos)
		}
	}
	return []*Header{{Pos: pos, anyName: true}}
}

// mapVarHeaders returns the headers a header map variable holds.
func (fs *funcScan) mapVarHeaders(v *types.Var, pos token.Pos) []*Header {
	if _, ok := fs.params[v]; ok {
		return []*Header{{Pos: pos, anyName: true, fromParam: v}}
	}
	if fs.opaqueMap[v] || !typesutil.IsLocalVar(v) {
		return []*Header{{Pos: pos, anyName: true}}
	}
	var out []*Header
	for _, h := range fs.mapEntries[v] {
		c := *h
		out = append(out, &c)
	}
	for _, m := range fs.mapCopies[v] {
		if m != v {
			out = append(out, fs.mapVarHeaders(m, pos)...)
		}
	}
	return out
}

// singleValue returns v of []string{v}, else e.
func singleValue(e ast.Expr) ast.Expr {
	if cl, ok := astutil.Unparen(e).(*ast.CompositeLit); ok && len(cl.Elts) == 1 {
		if _, ok := cl.Type.(*ast.ArrayType); ok {
			return cl.Elts[0]
		}
	}
	return e
}

// isHeaderMap reports whether t is a map from strings to strings or
// string slices: a map[string]string of headers, or http.Header.
func isHeaderMap(t types.Type) bool {
	m, ok := t.Underlying().(*types.Map)
	if !ok || !typesutil.IsString(m.Key()) {
		return false
	}
	if sl, ok := m.Elem().Underlying().(*types.Slice); ok {
		return typesutil.IsString(sl.Elem())
	}
	return typesutil.IsString(m.Elem())
}

// fieldHeader returns the header whose value is field of the options
// struct e: the field's value in a literal (none when the literal leaves
// it out: the wrapper then sends no value), the caller's own parameter
// (for its fact), or a header of unknown value.
func (fs *funcScan) fieldHeader(name string, e ast.Expr, field string, pos token.Pos) []*Header {
	info := fs.a.pass.TypesInfo
	e = astutil.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = astutil.Unparen(u.X)
	}
	if tv, ok := info.Types[e]; ok && tv.IsNil() {
		return nil
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return []*Header{{Name: name, Pos: pos}} // positional: not read
			}
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
				return []*Header{{Name: name, Pos: kv.Pos(), Value: kv.Value}}
			}
		}
		return nil
	case *ast.Ident:
		if v := typesutil.VarOf(info, x); v != nil {
			if _, ok := fs.params[v]; ok {
				return []*Header{{Name: name, Pos: pos, fromParam: v, field: field}}
			}
			if v == fs.recv && v != nil && fs.a.generated(fs.fd) {
				return []*Header{{Name: name, Pos: pos, recvField: true, field: field}}
			}
			if hs, ok := fs.localOptions(v, name, field, pos); ok {
				return hs
			}
		}
	}
	return []*Header{{Name: name, Pos: pos}}
}

// localOptions returns the header that field of a local options variable
// holds: the field in the variable's one literal, and the values assigned
// to the field afterwards. It reports false when the variable is given
// values or calls the scan cannot read.
func (fs *funcScan) localOptions(v *types.Var, name, field string, pos token.Pos) ([]*Header, bool) {
	defs := fs.optDefs[v]
	if len(defs) != 1 || defs[0] == nil || fs.optUses[v] > 1 {
		return nil, false
	}
	lit, ok := astutil.Unparen(defs[0]).(*ast.CompositeLit)
	if u, isAddr := astutil.Unparen(defs[0]).(*ast.UnaryExpr); isAddr && u.Op == token.AND {
		lit, ok = astutil.Unparen(u.X).(*ast.CompositeLit)
	}
	if !ok {
		return nil, false
	}
	var out []*Header
	if lit != zeroOptions {
		out = fs.fieldHeader(name, lit, field, pos)
	}
	for _, as := range fs.optFields[v] {
		for i, lhs := range as.Lhs {
			if sel, ok := astutil.Unparen(lhs).(*ast.SelectorExpr); ok && sel.Sel.Name == field && typesutil.VarOf(fs.a.pass.TypesInfo, sel.X) == v {
				out = append(out, &Header{Name: name, Pos: as.Pos(), Value: as.Rhs[i]})
			}
		}
	}
	return out, true
}

// noteMapsAndOptions records what a node of the body does to header maps
// and options structs (walk calls it on every node of walkKinds, which
// lists the kinds it looks at).
func (fs *funcScan) noteMapsAndOptions(n ast.Node) {
	info := fs.a.pass.TypesInfo
	switch n := n.(type) {
	case *ast.CallExpr:
		fs.optionsUse(n)
		fs.oagHeaderParam(n)
	case *ast.AssignStmt:
		fs.optionsAssign(n)
		for i, lhs := range n.Lhs {
			if len(n.Lhs) == len(n.Rhs) {
				fs.headerMapAssign(lhs, n.Rhs[i])
			} else if v := typesutil.VarOf(info, lhs); v != nil && isHeaderMap(v.Type()) {
				fs.opaqueMap[v] = true
			}
		}
	case *ast.RangeStmt:
		if k, m := typesutil.VarOf(info, n.Key), typesutil.VarOf(info, n.X); k != nil && m != nil && isHeaderMap(m.Type()) {
			fs.rangeKey[k] = m
		}
		fs.oagRange(n)
	case *ast.ValueSpec:
		for i, name := range n.Names {
			if i < len(n.Values) && len(n.Names) == len(n.Values) {
				fs.headerMapAssign(name, n.Values[i])
			}
			if v, ok := info.Defs[name].(*types.Var); ok && isStructLike(v.Type()) {
				switch {
				case len(n.Values) == 0:
					fs.optDefs[v] = append(fs.optDefs[v], zeroOptions)
				case len(n.Values) == len(n.Names):
					fs.optDefs[v] = append(fs.optDefs[v], n.Values[i])
				default:
					fs.optDefs[v] = append(fs.optDefs[v], nil)
				}
			}
		}
	}
}

// setHeader records req.Header.Set(name, value) or Add: a header of the
// request, or, for a name the scan cannot read, the entries of the map
// that the name ranges over (for k, v := range headers {
// req.Header.Set(k, v) }) or unknown headers; on a local http.Header
// (h.Set("Idempotency-Key", k)), an entry of that map.
func (fs *funcScan) setHeader(call *ast.CallExpr) {
	info := fs.a.pass.TypesInfo
	sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 2 {
		return
	}
	name, named := canonical(info, call.Args[0])
	if v := fs.headerOwner(sel.X); v != nil {
		switch {
		case named:
			fs.headers[v] = append(fs.headers[v], &Header{Name: name, Pos: call.Pos(), Value: fs.unstyled(call.Args[1])})
		default:
			k := typesutil.VarOf(info, call.Args[0])
			if fs.configHeaderKey[k] {
				return // the configuration's DefaultHeader (openapigen.go)
			}
			if m := fs.rangeKey[k]; k != nil && m != nil {
				fs.headers[v] = append(fs.headers[v], fs.mapVarHeaders(m, call.Pos())...)
			} else {
				fs.headers[v] = append(fs.headers[v], &Header{Pos: call.Pos(), anyName: true})
			}
		}
		return
	}
	if m := typesutil.VarOf(info, sel.X); m != nil {
		if named {
			fs.mapEntries[m] = append(fs.mapEntries[m], &Header{Name: name, Pos: call.Pos(), Value: call.Args[1]})
		} else {
			fs.opaqueMap[m] = true
		}
	}
}

// oapiRuntimes are the import paths of oapi-codegen's runtime, current and
// former, whose StyleParam functions render a parameter for its location.
var oapiRuntimes = []string{"github.com/oapi-codegen/runtime", "github.com/deepmap/oapi-codegen/pkg/runtime"}

// unstyled returns the value that the header value e was rendered from
// when e is a local variable whose one assignment is a call of
// oapi-codegen's runtime (headerParam0, err =
// runtime.StyleParamWithOptions("simple", false, "Idempotency-Key",
// params.IdempotencyKey, ...)), so that the key is seen to travel in the
// params struct; otherwise e itself.
func (fs *funcScan) unstyled(e ast.Expr) ast.Expr {
	info := fs.a.pass.TypesInfo
	v := typesutil.VarOf(info, e)
	if v == nil || !typesutil.IsLocalVar(v) {
		return e
	}
	if _, ok := fs.params[v]; ok {
		return e
	}
	var from ast.Expr
	assigned := 0
	for cur := range fs.a.model.bodyCursor(fs.fd).Preorder((*ast.AssignStmt)(nil)) {
		as := cur.Node().(*ast.AssignStmt)
		for i, lhs := range as.Lhs {
			if typesutil.VarOf(info, lhs) != v {
				continue
			}
			assigned++
			if call, ok := astutil.Unparen(as.Rhs[0]).(*ast.CallExpr); ok && i == 0 && len(as.Rhs) == 1 {
				from = styledValue(info, call)
			}
		}
	}
	if assigned != 1 || from == nil {
		return e
	}
	if star, ok := astutil.Unparen(from).(*ast.StarExpr); ok {
		return star.X // *params.IdempotencyKey of an optional parameter
	}
	return from
}

// styledValue returns the value argument of a call of oapi-codegen's
// runtime.StyleParam, StyleParamWithLocation or StyleParamWithOptions.
func styledValue(info *types.Info, call *ast.CallExpr) ast.Expr {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || !slices.Contains(oapiRuntimes, fn.Pkg().Path()) {
		return nil
	}
	i := 3 // StyleParam(style, explode, name, value), StyleParamWithOptions(..., value, opts)
	switch fn.Name() {
	case "StyleParam", "StyleParamWithOptions":
	case "StyleParamWithLocation": // (style, explode, name, location, value)
		i = 4
	default:
		return nil
	}
	if i >= len(call.Args) {
		return nil
	}
	return call.Args[i]
}
