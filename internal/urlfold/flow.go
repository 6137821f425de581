package urlfold

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/cfg"
)

// Reaching definitions. A local variable assigned more than once has, at a
// use, the join of the definitions that reach the use along the function's
// control-flow graph (golang.org/x/tools/go/cfg). The graph of a function is
// built only when a variable with several definitions is folded in it, and
// the definitions reaching one use are found by walking the graph backwards
// from the use until each path meets a definition: no fixed point over the
// whole function, and nothing at all for the common single definition.

// flow is the control-flow graph of one function with what the backward
// walk needs: each block's predecessors, and the graph nodes (statements,
// expressions, value specs) by position.
type flow struct {
	g     *cfg.CFG
	preds map[*cfg.Block][]*cfg.Block
	nodes []flowNode // sorted by pos; graph nodes do not overlap
}

type flowNode struct {
	pos, end token.Pos
	block    *cfg.Block
	index    int
}

// flowOf returns the graph of fn (an *ast.FuncDecl or *ast.FuncLit),
// building it on first use.
func (f *Folder) flowOf(fi *funcInfo, fn ast.Node) *flow {
	if fl, ok := fi.flows[fn]; ok {
		return fl
	}
	var body *ast.BlockStmt
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		body = fn.Body
	case *ast.FuncLit:
		body = fn.Body
	}
	var fl *flow
	if body != nil {
		fl = &flow{g: cfg.New(body, f.mayReturn), preds: map[*cfg.Block][]*cfg.Block{}}
		for _, b := range fl.g.Blocks {
			for _, s := range b.Succs {
				fl.preds[s] = append(fl.preds[s], b)
			}
			for i, n := range b.Nodes {
				fl.nodes = append(fl.nodes, flowNode{n.Pos(), n.End(), b, i})
			}
		}
		sort.Slice(fl.nodes, func(i, j int) bool { return fl.nodes[i].pos < fl.nodes[j].pos })
	}
	if fi.flows == nil {
		fi.flows = map[ast.Node]*flow{}
	}
	fi.flows[fn] = fl
	return fl
}

// mayReturn tells go/cfg that a call of the builtin panic ends its path.
func (f *Folder) mayReturn(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := f.info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			return false
		}
	}
	return true
}

// locate returns the graph node containing pos.
func (fl *flow) locate(pos token.Pos) (*cfg.Block, int, bool) {
	i := sort.Search(len(fl.nodes), func(i int) bool { return fl.nodes[i].pos > pos }) - 1
	if i < 0 || pos >= fl.nodes[i].end {
		return nil, 0, false
	}
	return fl.nodes[i].block, fl.nodes[i].index, true
}

// reaching returns the definitions of v that reach the program point
// just before the graph node containing pos, and whether a path from the
// function's entry reaches it without a definition (for a parameter: its
// value on entry). A use in a function literal other than the one that
// declares v, or at a point the graph does not hold, is reached by every
// definition.
func (f *Folder) reaching(fi *funcInfo, v *types.Var, pos token.Pos) (defs []*def, entry bool) {
	all := fi.defs[v]
	fn := fi.encloses(pos)
	if fn == nil || fn != fi.home[v] {
		return all, fi.params[v]
	}
	fl := f.flowOf(fi, fn)
	if fl == nil {
		return all, fi.params[v]
	}
	b, i, ok := fl.locate(pos)
	if !ok {
		return all, fi.params[v]
	}
	at := make(map[ast.Node]*def, len(all))
	for _, d := range all {
		at[d.node] = d
	}
	seen := map[*cfg.Block]bool{}
	found := map[*def]bool{}
	// walk scans b's nodes before index i backwards; a path that meets no
	// definition goes on to b's predecessors.
	var walk func(b *cfg.Block, i int)
	walk = func(b *cfg.Block, i int) {
		for k := i - 1; k >= 0; k-- {
			if d := at[b.Nodes[k]]; d != nil {
				if !found[d] {
					found[d] = true
					defs = append(defs, d)
				}
				return
			}
		}
		if b == fl.g.Blocks[0] {
			entry = true
		}
		for _, p := range fl.preds[b] {
			if !seen[p] {
				seen[p] = true
				walk(p, len(p.Nodes))
			}
		}
	}
	walk(b, i)
	return defs, entry
}
