package enumdefault

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/brexlint/brexlint/internal/brexenum"
	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer reports switches over Brex enum values that cannot cope with a
// value Brex adds later.
var Analyzer = &analysis.Analyzer{
	Name:             checks.EnumDefault,
	Doc:              "report switches over Brex enum values that have no default or fail on an unknown value",
	URL:              checks.DocURL(checks.EnumDefault),
	Requires:         []*analysis.Analyzer{directives.Analyzer, inspect.Analyzer, brexmodel.Analyzer},
	Run:              run,
	RunDespiteErrors: false,
}

// The kinds of finding (categories "enumdefault/KIND").
const (
	kindNoDefault   = "no-default"
	kindUnknownFail = "unknown-value-fails"
)

type checker struct {
	pass  *analysis.Pass
	r     *directives.Reporter
	model *brexmodel.Model
	types *brexenum.Types
	fail  *brexenum.Failures
	brex  *bool // the package talks to Brex; computed on first need
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
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	insp.WithStack([]ast.Node{(*ast.SwitchStmt)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		sw := n.(*ast.SwitchStmt)
		if sw.Tag == nil || c.inTestFile(sw.Pos()) {
			return true
		}
		c.checkSwitch(sw, stack)
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

// subject is the Brex enum a switch is over, and how it is known.
type subject struct {
	enum *brexenum.Enum
	// typ is the program's Brex enum type when the switch value has one.
	typ *brexenum.Type
	// decoded: the switch value is a field of a type decoded from Brex.
	decoded bool
}

// name is the enum's name for messages: the program's type, and the Brex
// enum when its name differs.
func (s subject) name(pkg *types.Package) string {
	if s.typ == nil {
		return s.enum.Name()
	}
	n := s.typ.Obj.Name()
	if p := s.typ.Obj.Pkg(); p != nil && p != pkg {
		n = p.Name() + "." + n
	}
	if s.typ.Obj.Name() != s.enum.Name() {
		n += " (Brex " + s.enum.Name() + ")"
	}
	return n
}

// clauses are a switch's case clauses, read once.
type clauses struct {
	values   []string          // every constant case value, distinct
	allLit   bool              // every case expression is a plain string constant
	allConst bool              // every case expression is a string constant
	def      *ast.CaseClause   // the default clause, if any
	cases    []*ast.CaseClause // the other clauses
}

func (c *checker) readClauses(sw *ast.SwitchStmt) clauses {
	cl := clauses{allLit: true, allConst: true}
	var vals []string
	for _, s := range sw.Body.List {
		cc, ok := s.(*ast.CaseClause)
		if !ok {
			continue
		}
		if cc.List == nil {
			cl.def = cc
			continue
		}
		cl.cases = append(cl.cases, cc)
		v, all, lit := brexenum.CaseValues(c.pass.TypesInfo, cc)
		vals = append(vals, v...)
		cl.allConst = cl.allConst && all
		cl.allLit = cl.allLit && lit && all
	}
	cl.values = brexenum.Distinct(vals)
	return cl
}

// identify returns the Brex enum the switch is over, or false when the
// evidence is not there:
//   - the value has a Brex enum type (at least two constants, all values of
//     exactly one Brex enum), whatever the cases are;
//   - the value has another named type with at least two constants: it is
//     the program's own enum, never a Brex one;
//   - the value is a field of a struct type that the Brex model says is
//     decoded from Brex, and the case values (one or more) are values of
//     exactly one Brex enum;
//   - every case is a string literal, and three or more distinct values are
//     values of exactly one Brex enum.
//
// A string conversion of a named type (switch string(t.Status)) is judged
// by the named type. The caller requires, except for a decoded field, that
// the package is Brex code (brexenum.TalksToBrex).
func (c *checker) identify(sw *ast.SwitchStmt, cl clauses) (subject, bool) {
	info := c.pass.TypesInfo
	tt := info.TypeOf(sw.Tag)
	if tt == nil {
		return subject{}, false
	}
	if b, ok := tt.Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return subject{}, false
	}
	tag := ast.Unparen(sw.Tag)
	if x := stringConversion(info, tag); x != nil {
		tt, tag = info.TypeOf(x), x // switch string(t.Status)
	}
	decoded := c.decodedField(tag)
	if t := c.types.Of(tt); t.IsEnumType() {
		if t.Brex() {
			return subject{enum: t.Enum, typ: t, decoded: decoded}, true
		}
		return subject{}, false // the program's own enum
	}
	if len(cl.values) == 0 {
		return subject{}, false
	}
	if decoded {
		if e := brexenum.Match(cl.values); e != nil {
			return subject{enum: e, decoded: true}, true
		}
		return subject{}, false
	}
	if cl.allLit && len(cl.values) >= 3 {
		if e := brexenum.Match(cl.values); e != nil {
			return subject{enum: e}, true
		}
	}
	return subject{}, false
}

// stringConversion returns x when e converts x, a value of a named string
// type, to string; nil otherwise.
func stringConversion(info *types.Info, e ast.Expr) ast.Expr {
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
		return nil
	}
	x := ast.Unparen(call.Args[0])
	if _, ok := types.Unalias(info.TypeOf(x)).(*types.Named); !ok {
		return nil
	}
	if b, ok := info.TypeOf(x).Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return nil
	}
	return x
}

// decodedField reports whether e is a field of a struct type whose values
// the Brex model says are decoded from Brex responses.
func (c *checker) decodedField(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := c.pass.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return false
	}
	recv := s.Recv()
	if p, ok := types.Unalias(recv).(*types.Pointer); ok {
		recv = p.Elem()
	}
	return c.model.DecodedFromBrex(recv)
}

func (c *checker) checkSwitch(sw *ast.SwitchStmt, stack []ast.Node) {
	info := c.pass.TypesInfo
	fn, sig := brexenum.EnclosingFunc(info, stack)
	if c.brexEnumUnmarshaller(fn) {
		return // strictdecode judges the unmarshallers of Brex enum types
	}
	cl := c.readClauses(sw)
	subj, ok := c.identify(sw, cl)
	if !ok || !subj.enum.FromBrex() || !subj.decoded && !c.talksToBrex() {
		return
	}
	if c.buildsRequest(fn, sw) {
		return
	}
	name := subj.name(c.pass.Pkg)

	// An unknown value reaching a failure in the default clause.
	if cl.def != nil {
		for _, s := range cl.def.Body {
			if what, ok := c.fail.Fatal(sig, s); ok {
				c.reportFail(s, name, what, "default")
				return
			}
		}
		return
	}

	// Without a default, when every case leaves the switch by a return,
	// continue, goto or failure, the statement after the switch is reached
	// only by the values no case lists: it is the de facto default.
	allTerminate := len(cl.cases) > 0
	for _, cc := range cl.cases {
		if !brexenum.Terminates(info, cc.Body, brexenum.Label(info, stack)) {
			allTerminate = false
			break
		}
	}
	if allTerminate {
		if next := brexenum.Next(stack); next != nil {
			if what, ok := c.fail.Fatal(sig, next); ok {
				c.reportFail(next, name, what, "after")
			}
			return // the code after the switch handles unknown values
		}
	}

	exhaustive := subj.enum.Covered(cl.values)
	if subj.typ != nil && covers(cl.values, subj.typ.Values) {
		exhaustive = true
	}
	if !exhaustive {
		return // a partial switch: unlisted values are expected to pass
	}
	d := analysis.Diagnostic{
		Pos:      sw.Pos(),
		End:      sw.Body.Lbrace,
		Category: kindNoDefault,
		Message: checks.Message(fmt.Sprintf("this switch lists every %s value and has no default", name),
			"a value Brex adds without notice skips every case", "add a default that handles or logs it"),
	}
	if fix, ok := c.addDefault(sw, name); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.r.Report(d)
}

func (c *checker) reportFail(s ast.Stmt, name, what, where string) {
	place := "in the default of this switch"
	if where == "after" {
		place = "in the code right after a switch of known values only"
	}
	c.r.Report(analysis.Diagnostic{
		Pos:      s.Pos(),
		End:      s.End(),
		Category: kindUnknownFail,
		Message: checks.Message(fmt.Sprintf("an unknown %s value reaches %s %s", name, what, place),
			"a value Brex adds without notice fails here", "log or skip unknown values instead"),
	})
}

func covers(have, want []string) bool {
	for _, v := range want {
		found := false
		for _, h := range have {
			if h == v {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// buildsRequest reports whether the switch validates values on their way
// to Brex: the function that holds it makes or sends a request to Brex
// after the switch (it builds the request itself, or calls a wrapper or
// client method that sends one).
// Rejecting a value the program is about to send is correct.
func (c *checker) buildsRequest(fn ast.Node, sw *ast.SwitchStmt) bool {
	if fn == nil {
		return false
	}
	for _, r := range c.model.Requests {
		if r.Brex && r.Func == fn && r.Call.Pos() > sw.End() {
			return true
		}
	}
	for _, s := range c.model.Sends() {
		if ast.Node(s.Func) == fn && s.Call.Pos() > sw.End() {
			return true
		}
	}
	return false
}

// brexEnumUnmarshaller reports whether fn is an UnmarshalJSON or
// UnmarshalText method of a Brex enum type, which strictdecode checks.
func (c *checker) brexEnumUnmarshaller(fn ast.Node) bool {
	fd, ok := fn.(*ast.FuncDecl)
	if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 || (fd.Name.Name != "UnmarshalJSON" && fd.Name.Name != "UnmarshalText") {
		return false
	}
	t := c.types.Of(c.pass.TypesInfo.TypeOf(fd.Recv.List[0].Type))
	return t != nil && t.Brex()
}

// addDefault returns the fix that adds, before the switch's closing brace,
// a default clause that keeps going, with a comment to fill in. It is
// offered only when the closing brace stands alone at the start of its
// line (gofmt's layout), so that the indentation is known.
func (c *checker) addDefault(sw *ast.SwitchStmt, name string) (analysis.SuggestedFix, bool) {
	tf := c.pass.Fset.File(sw.Body.Rbrace)
	if tf == nil {
		return analysis.SuggestedFix{}, false
	}
	src, err := c.pass.ReadFile(tf.Name())
	if err != nil {
		return analysis.SuggestedFix{}, false
	}
	start := tf.Offset(tf.LineStart(tf.Line(sw.Body.Rbrace)))
	end := tf.Offset(sw.Body.Rbrace)
	if end > len(src) || start > end {
		return analysis.SuggestedFix{}, false
	}
	indent := string(src[start:end])
	if strings.TrimLeft(indent, " \t") != "" {
		return analysis.SuggestedFix{}, false
	}
	text := "default:\n" + indent + "\t// Brex may add " + name + " values: handle an unknown one here (log it, skip it or keep it).\n" + indent
	return analysis.SuggestedFix{
		Message:   "Add a default clause that keeps going",
		TextEdits: []analysis.TextEdit{{Pos: sw.Body.Rbrace, End: sw.Body.Rbrace, NewText: []byte(text)}},
	}, true
}
