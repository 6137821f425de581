package urlfold

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/ast/inspector"
)

// def is one definition or assignment of a local variable.
type def struct {
	// node is the statement that defines the variable, as go/cfg records
	// it: an *ast.AssignStmt, *ast.ValueSpec or *ast.IncDecStmt.
	node ast.Node
	// expr is the value assigned: expr itself (idx < 0) or result idx of
	// the call expr (v, ok = os.LookupEnv(...)). nil with zero set is the
	// zero value of "var x T"; nil otherwise is a value the folder cannot
	// know (x++, x -= n, a, b = f() with too few results).
	expr ast.Expr
	idx  int
	zero bool
	// add is true for x += expr: the value is the variable's value before
	// the statement followed by expr.
	add bool
	// path is true for u.Path = expr on a url.URL variable: the value is
	// the scheme and host before the statement followed by expr.
	path bool
	// fn is the innermost function (an *ast.FuncDecl or *ast.FuncLit)
	// containing node.
	fn ast.Node
}

// funcInfo is what one scan of a top-level declaration (a function with
// all its nested function literals, or a package-level var/const block)
// learns about its local variables.
type funcInfo struct {
	defs map[*types.Var][]*def
	// home is the function that declares a local variable or parameter.
	home map[*types.Var]ast.Node
	// params are the parameters of the function or of a literal in it.
	params map[*types.Var]bool
	// mutated: a variable that changes in a way the folder does not
	// follow: its address taken, a field other than the query assigned,
	// defined by a range clause, or assigned inside a function literal
	// other than the one that declares it (the literal may run at any
	// time). Such a variable folds to an Unknown hole.
	mutated map[*types.Var]bool
	// query: a url.URL variable whose RawQuery or Fragment is assigned,
	// which leaves its path intact.
	query map[*types.Var]bool
	// funcs are the functions of the declaration (the FuncDecl and every
	// FuncLit), in source order.
	funcs []ast.Node
	// flows are the control-flow graphs of funcs, built on first use.
	flows map[ast.Node]*flow
}

// funcInfoFor returns the scan of the top-level declaration that declares
// the local variable v, scanning it on first use.
func (f *Folder) funcInfoFor(v *types.Var) *funcInfo {
	decl := typesutil.DeclAt(f.files, v.Pos())
	if decl == nil {
		return nil
	}
	if fi, ok := f.funcs[decl]; ok {
		return fi
	}
	fi := f.scan(f.index.Decl(decl))
	f.funcs[decl] = fi
	return fi
}

// scan walks decl once and records every definition and assignment of its
// local variables, their parameters, and every way a variable can change
// that the folder does not follow. Which definitions reach a use is decided
// later, on the control-flow graph (see reaching).
func (f *Folder) scan(decl inspector.Cursor) *funcInfo {
	fi := &funcInfo{
		defs:    map[*types.Var][]*def{},
		home:    map[*types.Var]ast.Node{},
		params:  map[*types.Var]bool{},
		mutated: map[*types.Var]bool{},
		query:   map[*types.Var]bool{},
	}
	varOf := func(e ast.Expr) *types.Var { return typesutil.VarOf(f.info, e) }
	var cur inspector.Cursor // the node being scanned
	// encl returns the innermost function around cur.
	encl := func() ast.Node {
		for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			return fn.Node()
		}
		return nil
	}
	addDef := func(v *types.Var, d *def) {
		d.fn = encl()
		fi.defs[v] = append(fi.defs[v], d)
	}
	// assigned records an assignment to lhs that is not a definition of
	// a variable (an element, a field, through a pointer).
	assigned := func(lhs ast.Expr) {
		field := ""
		for {
			switch x := lhs.(type) {
			case *ast.ParenExpr:
				lhs = x.X
				continue
			case *ast.SelectorExpr:
				if field == "" {
					field = x.Sel.Name
				}
				lhs = x.X
				continue
			case *ast.IndexExpr:
				lhs = x.X
				field = "?" // an element changed
				continue
			case *ast.StarExpr:
				lhs = x.X
				continue
			}
			break
		}
		if v := varOf(lhs); v != nil {
			if isURL(v.Type()) && (field == "RawQuery" || field == "Fragment" || field == "ForceQuery" || field == "RawFragment") {
				fi.query[v] = true
			} else {
				fi.mutated[v] = true
			}
		}
	}
	// urlPathOf returns u when lhs is u.Path for a url.URL (or *url.URL)
	// variable u.
	urlPathOf := func(lhs ast.Expr) *types.Var {
		sel, ok := lhs.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Path" {
			return nil
		}
		if v := varOf(sel.X); v != nil && isURL(v.Type()) {
			return v
		}
		return nil
	}
	for cur = range decl.Preorder(scanKinds...) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			fi.funcs = append(fi.funcs, n)
		case *ast.FuncType:
			if n.Params != nil {
				for _, field := range n.Params.List {
					for _, name := range field.Names {
						if v, ok := f.info.Defs[name].(*types.Var); ok {
							fi.params[v] = true
							fi.home[v] = encl()
						}
					}
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				lhs = ast.Unparen(lhs)
				v := varOf(lhs)
				if v == nil {
					if u := urlPathOf(lhs); u != nil && n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
						addDef(u, &def{node: n, expr: n.Rhs[i], idx: -1, path: true})
					} else if n.Tok != token.DEFINE {
						assigned(lhs)
					}
					continue
				}
				if id, ok := lhs.(*ast.Ident); ok && f.info.Defs[id] == v {
					fi.home[v] = encl()
				}
				d := &def{node: n, idx: -1}
				switch {
				case n.Tok == token.ADD_ASSIGN && len(n.Rhs) == 1:
					d.expr, d.add = n.Rhs[0], true
				case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
					// x -= n, x |= n, ...: not a string operation.
				case len(n.Lhs) == len(n.Rhs):
					d.expr = n.Rhs[i]
				case len(n.Rhs) == 1:
					d.expr, d.idx = n.Rhs[0], i
				}
				addDef(v, d)
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				v, ok := f.info.Defs[name].(*types.Var)
				if !ok {
					continue
				}
				fi.home[v] = encl()
				d := &def{node: n, idx: -1}
				switch {
				case len(n.Values) == 0:
					d.zero = true
				case len(n.Values) == len(n.Names):
					d.expr = n.Values[i]
				case len(n.Values) == 1:
					d.expr, d.idx = n.Values[0], i
				}
				addDef(v, d)
			}
		case *ast.IncDecStmt:
			if v := varOf(n.X); v != nil {
				addDef(v, &def{node: n, idx: -1})
			} else {
				assigned(ast.Unparen(n.X))
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if v := varOf(n.X); v != nil {
					fi.mutated[v] = true
				}
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if v := varOf(e); v != nil {
					fi.mutated[v] = true
				}
			}
		}
	}
	// A variable assigned inside a function literal that does not declare
	// it changes whenever the literal runs: no control-flow graph says
	// when.
	for v, ds := range fi.defs {
		for _, d := range ds {
			if home, ok := fi.home[v]; ok && d.fn != home {
				fi.mutated[v] = true
			}
		}
	}
	return fi
}

// scanKinds are the kinds of node scan looks at.
var scanKinds = []ast.Node{
	(*ast.FuncDecl)(nil),
	(*ast.FuncLit)(nil),
	(*ast.FuncType)(nil),
	(*ast.AssignStmt)(nil),
	(*ast.ValueSpec)(nil),
	(*ast.IncDecStmt)(nil),
	(*ast.UnaryExpr)(nil),
	(*ast.RangeStmt)(nil),
}

// encloses returns the innermost function of the declaration containing
// pos.
func (fi *funcInfo) encloses(pos token.Pos) ast.Node {
	var in ast.Node
	for _, fn := range fi.funcs {
		if fn.Pos() <= pos && pos < fn.End() && (in == nil || fn.Pos() >= in.Pos()) {
			in = fn
		}
	}
	return in
}
