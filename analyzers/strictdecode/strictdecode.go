package strictdecode

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/brexlint/brexlint/internal/brexenum"
	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/brexlint/brexlint/internal/webframe"
	"github.com/brexlint/brexlint/internal/webhookmodel"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer reports strict decoding of what Brex sends.
var Analyzer = &analysis.Analyzer{
	Name:             checks.StrictDecode,
	Doc:              "report strict decoding of Brex responses and webhooks: DisallowUnknownFields, and enum unmarshallers that reject unknown values",
	URL:              checks.DocURL(checks.StrictDecode),
	Requires:         []*analysis.Analyzer{directives.Analyzer, inspect.Analyzer, brexmodel.Analyzer},
	Run:              run,
	RunDespiteErrors: false,
}

// The kinds of finding (categories "strictdecode/KIND").
const (
	kindResponse = "response-unknown-fields"
	kindWebhook  = "webhook-unknown-fields"
	kindEnum     = "strict-enum-unmarshal"
)

type checker struct {
	pass  *analysis.Pass
	r     *directives.Reporter
	model *brexmodel.Model
	types *brexenum.Types
	fail  *brexenum.Failures
	brex  *bool // the package talks to Brex; computed on first need
	insp  *inspector.Inspector

	// Computed on first need.
	events  *brexenum.EventFields
	secrets *bool
}

func run(pass *analysis.Pass) (any, error) {
	r := directives.NewReporter(pass)
	defer r.Finish()
	model := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model)
	c := &checker{
		pass:  pass,
		r:     r,
		model: model,
		types: brexenum.NewTypes(pass.Pkg),
		fail:  brexenum.NewFailures(pass.TypesInfo, pass.Pkg, model.Funcs()),
		insp:  pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
	}
	// gin's strict binding switch is a call or an assignment of a package
	// the package imports; most packages import neither.
	ginSwitch := webframe.MaySwitchStrictBinding(pass.Pkg)
	kinds := []ast.Node{(*ast.CallExpr)(nil), (*ast.FuncDecl)(nil)}
	if ginSwitch {
		kinds = append(kinds, (*ast.AssignStmt)(nil))
	}
	c.insp.WithStack(kinds, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push || c.inTestFile(n.Pos()) {
			return true
		}
		if ginSwitch && strictBindingSwitch(pass.TypesInfo, n) {
			c.checkStrictBinding(n)
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if isDisallowUnknownFields(pass.TypesInfo, n) {
				c.checkDisallow(n, stack)
			}
		case *ast.FuncDecl:
			c.checkUnmarshaller(n)
		}
		return true
	})
	return nil, nil
}

// talksToBrex reports whether the package is Brex code (see
// brexenum.TalksToBrex).
func (c *checker) talksToBrex() bool {
	if c.brex == nil {
		b := brexenum.TalksToBrex(c.pass.Pkg, c.model, c.r.Index())
		c.brex = &b
	}
	return *c.brex
}

func (c *checker) inTestFile(pos token.Pos) bool {
	return typesutil.InTestFile(c.pass.Fset, pos)
}

func isDisallowUnknownFields(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Name() != "DisallowUnknownFields" || fn.Pkg() == nil || fn.Pkg().Path() != "encoding/json" {
		return false
	}
	recv := fn.Type().(*types.Signature).Recv()
	return recv != nil && typesutil.IsNamed(recv.Type(), "encoding/json", "Decoder")
}

// Why strict decoding of Brex data matters, and what to do, in the
// messages ([checks.Message]); doc.go says it at length.
const (
	whyStrict = "it fails when Brex adds a field"
	fixStrict = "remove it"
)

// checkDisallow judges one DisallowUnknownFields call: it is a finding when
// the decoder reads a Brex response body or a Brex webhook payload.
func (c *checker) checkDisallow(call *ast.CallExpr, stack []ast.Node) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	fn, sig := brexenum.EnclosingFunc(c.pass.TypesInfo, stack)
	var body *ast.BlockStmt
	switch f := fn.(type) {
	case *ast.FuncDecl:
		body = f.Body
	case *ast.FuncLit:
		body = f.Body
	}
	readers, targets := c.decoderUses(sel.X, body)
	kind, msg := "", ""
	if c.model.IsBrexResponseBody(sel.X) || slices.ContainsFunc(readers, c.brexResponse) {
		kind = kindResponse
		msg = checks.Message("DisallowUnknownFields on the decoder of a Brex response", whyStrict, fixStrict)
	}
	if kind == "" && body != nil {
		for _, rd := range readers {
			if why, ok := c.webhookPayload(rd, body, targets); ok {
				kind = kindWebhook
				msg = checks.Message(fmt.Sprintf("DisallowUnknownFields on the decoder of a Brex webhook payload (%s)", why), whyStrict, fixStrict)
				break
			}
		}
	}
	if kind == "" {
		return
	}
	d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: kind, Message: msg}
	// A decoder made here from a reader made here reads Brex data only;
	// one given its reader or decoder by the callers (a shared decodeJSON
	// helper) may decode the program's own files too, whose strictness
	// is the program's choice: no fix there.
	if len(readers) > 0 && !slices.ContainsFunc(readers, func(r ast.Expr) bool { return c.fromParam(r, body, sig) }) {
		if fix, ok := c.removeCall(call, stack); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	c.r.Report(d)
}

// fromParam reports whether the reader e is, or wraps, a parameter of the
// function with signature sig and body body (following local variables):
// func decodeJSON(r io.Reader, out any). The Body of a request or response
// parameter is not: that function reads what it is given.
func (c *checker) fromParam(e ast.Expr, body *ast.BlockStmt, sig *types.Signature) bool {
	info := c.pass.TypesInfo
	seen := map[*types.Var]bool{}
	var from func(e ast.Expr, depth int) bool
	from = func(e ast.Expr, depth int) bool {
		if e == nil || depth > 8 {
			return false
		}
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.Ident:
			v, ok := info.Uses[x].(*types.Var)
			if !ok || seen[v] {
				return false
			}
			seen[v] = true
			if sig != nil {
				for p := range sig.Params().Variables() {
					if p == v {
						return true
					}
				}
			}
			if body == nil {
				return false
			}
			for _, rhs := range assignedTo(info, body, v) {
				if from(rhs, depth+1) {
					return true
				}
			}
		case *ast.CallExpr:
			return from(webhookmodel.UnwrapReader(info, x), depth+1)
		}
		return false
	}
	return from(e, 0)
}

// decoderUses returns the readers a decoder expression is made from
// (json.NewDecoder's argument, directly or through the local variable that
// holds the decoder) and the types it decodes into (Decode's argument).
// A decoder held in a field or passed as a parameter is out of reach.
func (c *checker) decoderUses(dec ast.Expr, body *ast.BlockStmt) (readers []ast.Expr, targets []types.Type) {
	info := c.pass.TypesInfo
	dec = ast.Unparen(dec)
	if r := newDecoderArg(info, dec); r != nil {
		return []ast.Expr{r}, nil
	}
	id, ok := dec.(*ast.Ident)
	if !ok || body == nil {
		return nil, nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return nil, nil
	}
	for _, rhs := range assignedTo(info, body, v) {
		if r := newDecoderArg(info, rhs); r != nil {
			readers = append(readers, r)
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return true
		}
		s, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || s.Sel.Name != "Decode" {
			return true
		}
		if x, ok := ast.Unparen(s.X).(*ast.Ident); !ok || info.Uses[x] != v {
			return true
		}
		if t := info.TypeOf(call.Args[0]); t != nil {
			targets = append(targets, t)
		}
		return true
	})
	return readers, targets
}

// newDecoderArg returns r when e is json.NewDecoder(r).
func newDecoderArg(info *types.Info, e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Name() != "NewDecoder" || fn.Pkg() == nil || fn.Pkg().Path() != "encoding/json" {
		return nil
	}
	return call.Args[0]
}

// assignedTo returns the expressions assigned to v in body: its
// initializers and the right-hand sides of assignments to it. For
// "x, err := f()" the call f() is returned for x.
func assignedTo(info *types.Info, body ast.Node, v *types.Var) []ast.Expr {
	var out []ast.Expr
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		obj := info.Defs[id]
		if obj == nil {
			obj = info.Uses[id]
		}
		return obj == v
	}
	pick := func(lhs []ast.Expr, rhs []ast.Expr) {
		for i, l := range lhs {
			if !is(l) {
				continue
			}
			switch {
			case len(rhs) == len(lhs):
				out = append(out, rhs[i])
			case len(rhs) == 1 && i == 0:
				out = append(out, rhs[0])
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			pick(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, name := range n.Names {
				lhs[i] = name
			}
			pick(lhs, n.Values)
		}
		return true
	})
	return out
}

// brexResponse reports whether the model says r, or the reader it wraps,
// is the body of a Brex response or bytes read from one.
func (c *checker) brexResponse(r ast.Expr) bool {
	for e := r; e != nil; e = webhookmodel.UnwrapReader(c.pass.TypesInfo, e) {
		if c.model.IsBrexResponseBody(e) {
			return true
		}
	}
	return false
}

// removeCall returns the fix that deletes the DisallowUnknownFields
// statement: with its line, and the line comment that speaks of it, when
// the statement stands alone on its line.
func (c *checker) removeCall(call *ast.CallExpr, stack []ast.Node) (analysis.SuggestedFix, bool) {
	if len(stack) < 2 {
		return analysis.SuggestedFix{}, false
	}
	stmt, ok := stack[len(stack)-2].(*ast.ExprStmt)
	if !ok || stmt.X != call {
		return analysis.SuggestedFix{}, false
	}
	if len(stack) >= 3 {
		switch stack[len(stack)-3].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		default:
			return analysis.SuggestedFix{}, false // e.g. the body of a labelled statement
		}
	}
	pos, end := stmt.Pos(), stmt.End()
	tf := c.pass.Fset.File(pos)
	if src, err := c.pass.ReadFile(tf.Name()); err == nil {
		line := tf.Line(pos)
		start := tf.Offset(tf.LineStart(line))
		stop := len(src)
		if line < tf.LineCount() {
			stop = tf.Offset(tf.LineStart(line + 1))
		}
		rest := ""
		if tf.Offset(end) <= stop && stop <= len(src) {
			rest = strings.TrimSpace(string(src[tf.Offset(end):stop]))
		}
		if stop <= len(src) && start <= tf.Offset(pos) && tf.Offset(end) <= stop &&
			strings.TrimSpace(string(src[start:tf.Offset(pos)])) == "" &&
			(rest == "" || strings.HasPrefix(rest, "//")) {
			pos, end = tf.LineStart(line), tf.Pos(stop)
		}
	}
	return analysis.SuggestedFix{
		Message:   "Remove DisallowUnknownFields",
		TextEdits: []analysis.TextEdit{{Pos: pos, End: end}},
	}, true
}
