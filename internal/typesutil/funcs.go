package typesutil

import (
	"go/ast"
	"go/types"
	"iter"
	"sync"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Funcs indexes the functions of one package for walks over its
// inspector: the cursor of each top-level declaration, the cursor of the
// body of each function declaration and literal, and the declaration of
// each function by its object. A walk of one function that looks at a few
// kinds of node (Cursor.Preorder, Cursor.Inspect) then skips the subtrees
// that hold none, as a walk of the whole package does.
//
// The Brex model builds one per package and hands it to its halves (OAuth,
// webhooks) and its URL folder, and to the checks through Model.Funcs: one
// index, not one per sub-model.
//
// It is built on first use, in two steps each under a sync.Once: the
// declarations, which every question needs, and the function literals,
// which only some do. A Funcs is safe for concurrent use: the checks of a
// package may run concurrently (the go/analysis checker runs them so) and
// ask the model questions that walk a function.
type Funcs struct {
	info *types.Info
	insp *inspector.Inspector

	declsOnce sync.Once
	decls     map[ast.Decl]inspector.Cursor       // the top-level declarations
	bodies    map[*ast.BlockStmt]inspector.Cursor // of function declarations
	byFunc    map[*types.Func]*ast.FuncDecl       // the declarations with a body
	withBody  []*ast.FuncDecl                     // the same, in source order

	// lits are the bodies of function literals: a walk of a literal the
	// model is handed as a value (a request editor given to a generated
	// client, brexmodel's editorBody) starts at its cursor.
	litsOnce sync.Once
	lits     map[*ast.BlockStmt]inspector.Cursor
}

// NewFuncs returns the index of the functions of the package whose
// inspector is insp (the package's one, see Inspector) and whose types are
// info (info.Defs is read).
func NewFuncs(info *types.Info, insp *inspector.Inspector) *Funcs {
	return &Funcs{info: info, insp: insp}
}

// Inspector returns the inspector the index is built on.
func (x *Funcs) Inspector() *inspector.Inspector { return x.insp }

func (x *Funcs) indexDecls() {
	x.declsOnce.Do(func() {
		x.decls = map[ast.Decl]inspector.Cursor{}
		x.bodies = map[*ast.BlockStmt]inspector.Cursor{}
		x.byFunc = map[*types.Func]*ast.FuncDecl{}
		// The declarations are the children of the files: no walk
		// below them.
		for file := range x.insp.Root().Children() {
			for cur := range file.Children() {
				d, ok := cur.Node().(ast.Decl)
				if !ok {
					continue
				}
				x.decls[d] = cur
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				x.bodies[fd.Body] = cur.ChildAt(edge.FuncDecl_Body, -1)
				x.withBody = append(x.withBody, fd)
				if fn, ok := x.info.Defs[fd.Name].(*types.Func); ok {
					x.byFunc[fn] = fd
				}
			}
		}
	})
}

// Decl returns the cursor of d, a top-level declaration of the package;
// the zero Cursor for anything else.
func (x *Funcs) Decl(d ast.Decl) inspector.Cursor {
	x.indexDecls()
	return x.decls[d]
}

// Body returns the cursor of body, the body of a function declaration or
// literal of the package; the zero Cursor for anything else.
func (x *Funcs) Body(body *ast.BlockStmt) inspector.Cursor {
	x.indexDecls()
	if cur, ok := x.bodies[body]; ok {
		return cur
	}
	x.litsOnce.Do(func() {
		x.lits = map[*ast.BlockStmt]inspector.Cursor{}
		for cur := range x.insp.Root().Preorder((*ast.FuncLit)(nil)) {
			x.lits[cur.Node().(*ast.FuncLit).Body] = cur.ChildAt(edge.FuncLit_Body, -1)
		}
	})
	return x.lits[body]
}

// FuncDecl returns the declaration, with a body, of fn, a function of the
// package as info.Defs records it (a generic function's origin); nil for
// any other function.
func (x *Funcs) FuncDecl(fn *types.Func) *ast.FuncDecl {
	x.indexDecls()
	return x.byFunc[fn]
}

// FuncDecls returns the package's function declarations with a body, in
// source order. The caller must not change the slice.
func (x *Funcs) FuncDecls() []*ast.FuncDecl {
	x.indexDecls()
	return x.withBody
}

// All yields the package's functions declared with a body and their
// declarations, in source order.
func (x *Funcs) All() iter.Seq2[*types.Func, *ast.FuncDecl] {
	return func(yield func(*types.Func, *ast.FuncDecl) bool) {
		for _, fd := range x.FuncDecls() {
			if fn, ok := x.info.Defs[fd.Name].(*types.Func); ok && !yield(fn, fd) {
				return
			}
		}
	}
}
