package idempotencykey

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"strconv"
	"strings"

	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

// fix returns the suggested fix for a request without a key: set the header
// from crypto/rand.Text() right after the request is built (after its error
// check). It is offered only when it is clearly right:
//   - the request is built here into a variable, by an assignment statement;
//   - the file's Go version is at least 1.24 (crypto/rand.Text);
//   - the request is not built inside a retry loop, where a key made per
//     attempt would be the bug this check reports, and its function is
//     not called inside a retry loop of the package: a key made on each
//     call of a retried function is made per attempt too. Callers in
//     other packages cannot be seen here; after the fix, the function's
//     FreshKeyFact makes their retry loops reported;
//   - a name for crypto/rand is free at that point ("rand", else "crand").
func (c *checker) fix(req *brexmodel.Request) (analysis.SuggestedFix, bool) {
	if req.Var == nil || c.model.RetryAround(req.Call.Pos()) != nil {
		return analysis.SuggestedFix{}, false
	}
	if fn := c.enclosingFunc(req.Call.Pos()); fn == nil || c.model.RetriedInPackage(fn) {
		return analysis.SuggestedFix{}, false
	}
	file := c.fileOf(req.Call.Pos())
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	if v := c.pass.TypesInfo.FileVersions[file]; v == "" || version.Compare(v, "go1.24") < 0 {
		return analysis.SuggestedFix{}, false
	}
	path, _ := astutil.PathEnclosingInterval(file, req.Call.Pos(), req.Call.End())
	var stmt ast.Stmt
	var block *ast.BlockStmt
	for i, n := range path {
		if as, ok := n.(*ast.AssignStmt); ok && i+1 < len(path) {
			if b, ok := path[i+1].(*ast.BlockStmt); ok {
				stmt, block = as, b
			}
			break
		}
	}
	if stmt == nil {
		return analysis.SuggestedFix{}, false
	}
	after := stmt
	for i, s := range block.List {
		if s == stmt && i+1 < len(block.List) && isErrCheck(block.List[i+1]) {
			after = block.List[i+1]
		}
	}
	name, importEdit, ok := c.randName(file, after.End())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	col := c.pass.Fset.Position(stmt.Pos()).Column
	indent := strings.Repeat("\t", max(col-1, 0))
	edits := []analysis.TextEdit{{
		Pos:     after.End(),
		End:     after.End(),
		NewText: fmt.Appendf(nil, "\n%s%s.Header.Set(%q, %s.Text())", indent, req.Var.Name(), headerName, name),
	}}
	if importEdit != nil {
		edits = append(edits, *importEdit)
	}
	return analysis.SuggestedFix{
		Message:   "Set the Idempotency-Key from crypto/rand.Text() (a new key on each call: a caller that retries this function must make the key itself and pass it in)",
		TextEdits: edits,
	}, true
}

// isErrCheck reports whether s is "if err != nil { ... }".
func isErrCheck(s ast.Stmt) bool {
	ifs, ok := s.(*ast.IfStmt)
	if !ok || ifs.Init != nil {
		return false
	}
	be, ok := ifs.Cond.(*ast.BinaryExpr)
	if !ok || be.Op != token.NEQ {
		return false
	}
	x, ok := be.X.(*ast.Ident)
	y, ok2 := be.Y.(*ast.Ident)
	return ok && ok2 && x.Name == "err" && y.Name == "nil"
}

// enclosingFunc returns the function declared around pos.
func (c *checker) enclosingFunc(pos token.Pos) *types.Func {
	path := typesutil.EnclosingPath(c.pass.Files, pos, pos)
	if len(path) < 2 {
		return nil
	}
	if fd, ok := path[len(path)-2].(*ast.FuncDecl); ok {
		fn, _ := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
		return fn
	}
	return nil
}

func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

// randName returns the name under which crypto/rand is (or will be)
// imported in file, and the edit that imports it if it is not yet.
func (c *checker) randName(file *ast.File, at token.Pos) (string, *analysis.TextEdit, bool) {
	for _, imp := range file.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == "crypto/rand" {
			if imp.Name == nil {
				return "rand", nil, true
			}
			if n := imp.Name.Name; n != "_" && n != "." {
				return n, nil, true
			}
			return "", nil, false
		}
	}
	scope := c.pass.Pkg.Scope().Innermost(at)
	for _, name := range []string{"rand", "crand"} {
		if c.nameTaken(file, scope, name, at) {
			continue
		}
		edit, ok := importEdit(file, name)
		return name, edit, ok
	}
	return "", nil, false
}

// nameTaken reports whether name is declared in the file (an import) or in
// scope at pos.
func (c *checker) nameTaken(file *ast.File, scope *types.Scope, name string, pos token.Pos) bool {
	for _, imp := range file.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		local := p[strings.LastIndexByte(p, '/')+1:]
		if imp.Name != nil {
			local = imp.Name.Name
		}
		if local == name {
			return true
		}
	}
	if scope != nil {
		if _, obj := scope.LookupParent(name, pos); obj != nil {
			return true
		}
	}
	return false
}

// importEdit adds crypto/rand (as name, when not "rand") to the file's
// first import declaration, in sorted position, or as a new declaration.
func importEdit(file *ast.File, name string) (*analysis.TextEdit, bool) {
	spec := `"crypto/rand"`
	if name != "rand" {
		spec = name + " " + spec
	}
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if !gd.Lparen.IsValid() {
			return &analysis.TextEdit{Pos: gd.Pos(), End: gd.Pos(), NewText: []byte("import " + spec + "\n")}, true
		}
		for _, s := range gd.Specs {
			is := s.(*ast.ImportSpec)
			if p, _ := strconv.Unquote(is.Path.Value); p > "crypto/rand" {
				return &analysis.TextEdit{Pos: is.Pos(), End: is.Pos(), NewText: []byte(spec + "\n\t")}, true
			}
		}
		return &analysis.TextEdit{Pos: gd.Rparen, End: gd.Rparen, NewText: []byte("\t" + spec + "\n")}, true
	}
	return &analysis.TextEdit{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport " + spec)}, true
}
