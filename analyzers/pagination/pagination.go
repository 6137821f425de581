package pagination

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer reports one page of a Brex list used as the whole list.
var Analyzer = &analysis.Analyzer{
	Name:     checks.Pagination,
	Doc:      "report the items of one page of a Brex list endpoint used as the whole list while next_cursor is never read",
	URL:      checks.DocURL(checks.Pagination),
	Requires: []*analysis.Analyzer{brexmodel.Analyzer, directives.Analyzer, inspect.Analyzer},
	Run:      run,
}

// defaultPageSize is the page Brex returns without a limit (facts.md §6):
// a constant limit below it asks for a first page on purpose.
const defaultPageSize = 100

func run(pass *analysis.Pass) (any, error) {
	// The reporter comes first: even with nothing to judge, a directive
	// that silences no finding of the check is reported.
	r := directives.NewReporter(pass)
	defer r.Finish()
	m := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model)
	targets := m.DecodeTargets()
	if len(targets) == 0 {
		return nil, nil
	}
	var cursorReads map[*types.Var]bool // built on first use
	for _, d := range targets {
		if d.InTest || d.Type == nil {
			continue
		}
		ep := listEndpoint(m, d.Requests)
		if ep == "" {
			continue
		}
		st, ok := d.Type.Underlying().(*types.Struct)
		if !ok {
			continue
		}
		items, cursor := pageFields(st)
		if items == nil {
			continue
		}
		if cursor != nil {
			// A page type of another package may read its cursor there.
			if named, ok := types.Unalias(d.Type).(*types.Named); ok && named.Obj().Pkg() != pass.Pkg {
				continue
			}
			if cursorReads == nil {
				cursorReads = readFields(pass)
			}
			if cursorReads[cursor.Origin()] {
				continue
			}
		}
		page := localVar(pass.TypesInfo, d.Target, d.Func)
		if page == nil {
			continue
		}
		use, how := wholeListUse(pass.TypesInfo, d.Func.Body, d.Call, page, items, cursor != nil)
		if use == nil {
			continue
		}
		why := "next_cursor is never read"
		if cursor == nil {
			why = "the decoded struct has no next_cursor"
			if named, ok := types.Unalias(d.Type).(*types.Named); ok {
				why = named.Obj().Name() + " has no next_cursor"
			}
		}
		r.Report(analysis.Diagnostic{
			Pos:      use.Pos(),
			Category: kindFirstPageOnly,
			Message: checks.Message(fmt.Sprintf("only the first page of %s is used: %s is %s, and %s", ep, typesutil.ExprCode(use), how, why),
				"data beyond one page is missed", "follow next_cursor"),
			Related: []analysis.RelatedInformation{{Pos: d.Call.Pos(), Message: "the page of " + ep + " is decoded here"}},
		})
	}
	return nil, nil
}

// listEndpoint names the Brex list endpoint the decoded responses answer,
// or "" when none is one, or when one of them asks for a first page on
// purpose (a limit chosen at run time, or a constant below Brex's default
// page size) or for a few items by identity (a filter such as
// /v2/users?email=..., the catalogue's Page.Filters).
func listEndpoint(m *brexmodel.Model, reqs []*brexmodel.Request) string {
	name := ""
	for _, req := range reqs {
		if !req.Brex || req.Endpoint == nil || req.Endpoint.Page == nil {
			continue
		}
		for _, l := range m.Limits(req) {
			if !l.Const || l.N < defaultPageSize {
				return ""
			}
		}
		for _, f := range req.Endpoint.Page.Filters {
			if len(m.Query(req, f)) > 0 {
				return ""
			}
		}
		if name == "" {
			name = req.Endpoint.String()
		}
	}
	return name
}

// pageFields returns the fields of a page struct that decode "items" and
// "next_cursor", promoted ones included.
func pageFields(st *types.Struct) (items, cursor *types.Var) {
	fields := typesutil.JSONFields(st)
	return fields["items"], fields["next_cursor"]
}

// readFields returns the fields the package reads (selects other than to
// assign to them) outside its tests: a test that looks at the cursor does
// not make the code follow it.
func readFields(pass *analysis.Pass) map[*types.Var]bool {
	assigned := map[*ast.SelectorExpr]bool{}
	out := map[*types.Var]bool{}
	for file := range typesutil.NonTestFiles(pass.Fset, typesutil.Inspector(pass)) {
		file.Inspect([]ast.Node{(*ast.AssignStmt)(nil), (*ast.SelectorExpr)(nil)}, func(cur inspector.Cursor) bool {
			switch n := cur.Node().(type) {
			case *ast.AssignStmt:
				if n.Tok == token.ASSIGN {
					for _, l := range n.Lhs {
						if sel, ok := astutil.Unparen(l).(*ast.SelectorExpr); ok {
							assigned[sel] = true
						}
					}
				}
			case *ast.SelectorExpr:
				if s := pass.TypesInfo.Selections[n]; s != nil && s.Kind() == types.FieldVal && !assigned[n] {
					if v, ok := s.Obj().(*types.Var); ok {
						out[v.Origin()] = true
					}
				}
			}
			return true
		})
	}
	return out
}

// localVar returns the local variable of fd that the decode target is
// (&page, page), or nil.
func localVar(info *types.Info, target ast.Expr, fd *ast.FuncDecl) *types.Var {
	e := astutil.Unparen(target)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = astutil.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v := typesutil.VarOf(info, id)
	if v == nil || !typesutil.IsLocalVar(v) || !(fd.Pos() <= v.Pos() && v.Pos() < fd.End()) {
		return nil
	}
	return v
}

// wholeListUse finds the first use in body of page's items as the whole
// list: ranged over, counted with len, returned, or appended with "...",
// directly or through a local that holds them (users := page.Items). It
// returns nil when page is handed on whole (returned, passed to a call
// other than its decode, stored) and withCursor says the page carries its
// cursor: the receiver then has it.
func wholeListUse(info *types.Info, body *ast.BlockStmt, decode *ast.CallExpr, page, items *types.Var, withCursor bool) (ast.Expr, string) {
	isItems := func(e ast.Expr) bool {
		sel, ok := astutil.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		s := info.Selections[sel]
		return s != nil && s.Obj() != nil && s.Obj().(*types.Var).Origin() == items.Origin() &&
			typesutil.VarOf(info, astutil.Unparen(sel.X)) == page
	}
	// Locals that hold the items: users := page.Items.
	aliases := map[*types.Var]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && as.Tok == token.DEFINE && len(as.Lhs) == len(as.Rhs) {
			for i, rhs := range as.Rhs {
				if isItems(rhs) {
					if v := typesutil.VarOf(info, as.Lhs[i]); v != nil {
						aliases[v] = true
					}
				}
			}
		}
		return true
	})
	isList := func(e ast.Expr) bool {
		if isItems(e) {
			return true
		}
		v := typesutil.VarOf(info, astutil.Unparen(e))
		return v != nil && aliases[v]
	}

	// The page handed on whole: returned, passed, stored, sent.
	handedOn := false
	var use ast.Expr
	var how string
	found := func(e ast.Expr, h string) {
		if use == nil {
			use, how = e, h
		}
	}
	// len(page.Items) == 0 asks whether the page is empty, not how many.
	emptiness := map[*ast.CallExpr]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			switch n.Op {
			case token.EQL, token.NEQ, token.GTR, token.LEQ, token.LSS, token.GEQ:
				for _, pair := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
					if call, ok := astutil.Unparen(pair[0]).(*ast.CallExpr); ok && isZero(info, pair[1]) {
						emptiness[call] = true
					}
				}
			}
		case *ast.RangeStmt:
			if isList(n.X) {
				found(n.X, "ranged over")
			}
		case *ast.CallExpr:
			if id, ok := astutil.Unparen(n.Fun).(*ast.Ident); ok {
				if b, ok := info.Uses[id].(*types.Builtin); ok {
					switch b.Name() {
					case "len":
						if len(n.Args) == 1 && isList(n.Args[0]) && !emptiness[n] {
							found(n.Args[0], "counted")
						}
					case "append":
						if n.Ellipsis.IsValid() && len(n.Args) == 2 && isList(n.Args[1]) {
							found(n.Args[1], "collected")
						}
					}
					return true
				}
			}
			if n == decode {
				return true
			}
			for _, a := range n.Args {
				if isPage(info, a, page) {
					handedOn = true
				}
			}
		case *ast.ReturnStmt:
			for _, res := range n.Results {
				if isList(res) {
					found(res, "returned")
				}
				if isPage(info, res, page) {
					handedOn = true
				}
			}
		case *ast.AssignStmt:
			for _, rhs := range n.Rhs {
				if isPage(info, rhs, page) {
					handedOn = true
				}
			}
		case *ast.SendStmt:
			if isPage(info, n.Value, page) {
				handedOn = true
			}
		case *ast.CompositeLit:
			for _, elt := range n.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					elt = kv.Value
				}
				if isPage(info, elt, page) {
					handedOn = true
				}
			}
		}
		return true
	})
	if handedOn && withCursor {
		return nil, ""
	}
	return use, how
}

func isZero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.ExactString() == "0"
}

// isPage reports whether e is page or &page: the whole value, not a field.
func isPage(info *types.Info, e ast.Expr, page *types.Var) bool {
	e = astutil.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = astutil.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	return ok && info.Uses[id] == page
}

// kindFirstPageOnly is the category of one page used as the whole list.
const kindFirstPageOnly = "first-page-only"
