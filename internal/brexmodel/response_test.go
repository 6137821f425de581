package brexmodel

import (
	"fmt"
	"go/ast"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/types/typeutil"
)

// shownFact is the test's copy of a response fact of the model: the
// analyzer below exports one for each ResponseFact and DecodedFact the
// model computed for the package, so that analysistest compares them with
// the // want comments without the model's other facts.
type shownFact struct{ S string }

func (*shownFact) AFact()           {}
func (f *shownFact) String() string { return f.S }

// bodies reports what the model says of responses: its response facts (as
// shownFacts), "brex body" at each reader or bytes consumer whose first
// argument IsBrexResponseBody, and "decoded T" at each type declaration and
// each explicitly typed variable of an imported type that is
// DecodedFromBrex.
var bodies = &analysis.Analyzer{
	Name:      "bodies",
	Doc:       "reports the Brex model's response flow (test only)",
	Requires:  []*analysis.Analyzer{Analyzer},
	FactTypes: []analysis.Fact{new(shownFact)},
	Run: func(pass *analysis.Pass) (any, error) {
		m := pass.ResultOf[Analyzer].(*Model)
		if m.resp != nil {
			for _, e := range m.resp.exported {
				pass.ExportObjectFact(e.obj, &shownFact{e.fact.(fmt.Stringer).String()})
			}
		}
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					fn, _ := typeutil.Callee(pass.TypesInfo, n).(*types.Func)
					if fn == nil || fn.Pkg() == nil || len(n.Args) == 0 {
						break
					}
					switch fn.Pkg().Path() + "." + fn.Name() {
					case "encoding/json.NewDecoder", "encoding/json.Unmarshal", "io.ReadAll", "bytes.NewReader":
						if m.IsBrexResponseBody(n.Args[0]) {
							pass.Reportf(n.Pos(), "brex body")
						}
					}
				case *ast.TypeSpec:
					if obj := pass.TypesInfo.Defs[n.Name]; obj != nil && m.DecodedFromBrex(obj.Type()) {
						pass.Reportf(n.Pos(), "decoded %s", n.Name.Name)
					}
				case *ast.ValueSpec:
					if n.Type != nil {
						t := pass.TypesInfo.TypeOf(n.Type)
						if nt, ok := t.(*types.Named); ok && nt.Obj().Pkg() != pass.Pkg && m.DecodedFromBrex(t) {
							pass.Reportf(n.Pos(), "decoded %s", types.TypeString(t, types.RelativeTo(pass.Pkg)))
						}
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

// TestResponseFlow checks the response facts (what wrappers and helpers do
// with responses, which types are decoded from Brex) and the model's
// answers about bodies and decoded types, within a package and across
// packages.
func TestResponseFlow(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), bodies, "respclient", "respapp", "resptransport")
}

// targets reports each DecodeTarget: the decoded type and the endpoints of
// the requests whose responses are decoded.
var targets = &analysis.Analyzer{
	Name:     "targets",
	Doc:      "reports the Brex model's decode targets (test only)",
	Requires: []*analysis.Analyzer{Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		m := pass.ResultOf[Analyzer].(*Model)
		for _, d := range m.DecodeTargets() {
			var eps []string
			for _, r := range d.Requests {
				eps = append(eps, endpointName(r))
			}
			typ := "interface"
			if d.Type != nil {
				typ = types.TypeString(d.Type, types.RelativeTo(pass.Pkg))
			}
			pass.Reportf(d.Call.Pos(), "decodes %s into %s from %v", types.ExprString(d.Target), typ, eps)
		}
		return nil, nil
	},
}

// TestDecodeTargets checks where Brex responses are decoded: here, through
// a wrapper of the package into the caller's destination, and through a
// helper given the body.
func TestDecodeTargets(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), targets, "resptargets")
}

// TestCredentialKeys checks which context keys carry CredentialKeyFact:
// a key whose value the package reads into the Authorization header, and
// no key read into another header or none.
func TestCredentialKeys(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), Analyzer, "credkeys")
}
