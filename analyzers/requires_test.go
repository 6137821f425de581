package analyzers_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/analyzers"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

const (
	module        = "github.com/brexlint/brexlint"
	typesutilPath = module + "/internal/typesutil"
)

// TestInspectorRequired checks that typesutil.Inspector never builds an
// inspector of its own in a run of brexlint's analyzers: every analyzer of
// All, or required by one, whose package calls typesutil.Inspector
// requires inspect.Analyzer directly, because a pass's ResultOf holds the
// results of its direct requirements only. The driver then builds one
// inspector per package for all of them. (An analyzer that walks
// nothing, directive, need not require it. webhookmodel takes the Brex
// model's inspector; oauthmodel calls typesutil.Inspector with the Brex
// model's pass, which requires it.)
func TestInspectorRequired(t *testing.T) {
	var all []*analysis.Analyzer // All and what they require, each once
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if slices.Contains(all, a) {
			return
		}
		all = append(all, a)
		for _, req := range a.Requires {
			visit(req)
		}
	}
	for _, a := range analyzers.All() {
		visit(a)
	}
	calling := 0
	for _, a := range all {
		pkg := packageOf(a)
		if !strings.HasPrefix(pkg, module+"/") {
			continue // inspect.Analyzer, passes of x/tools
		}
		calls := callsInspector(t, filepath.Join("..", strings.TrimPrefix(pkg, module+"/")))
		if calls {
			calling++
		}
		if calls && !slices.Contains(a.Requires, inspect.Analyzer) {
			t.Errorf("%s (%s) calls typesutil.Inspector but does not require inspect.Analyzer directly", a.Name, pkg)
		}
	}
	// The scan must see the callers there are (the Brex model, moneyfloat,
	// pagination ...), or it proves nothing.
	if calling < 3 {
		t.Errorf("only %d analyzers' packages call typesutil.Inspector: the scan finds no callers", calling)
	}
}

// packageOf returns the import path of the package that declares a's Run
// function.
func packageOf(a *analysis.Analyzer) string {
	name := runtime.FuncForPC(reflect.ValueOf(a.Run).Pointer()).Name() // path/to/pkg.run
	slash := strings.LastIndexByte(name, '/')
	dot := strings.IndexByte(name[slash+1:], '.')
	return name[:slash+1+dot]
}

// callsInspector reports whether a non-test Go file of dir calls the
// function Inspector of internal/typesutil, under whatever name the file
// imports that package.
func callsInspector(t *testing.T, dir string) bool {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		name := ""
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path == typesutilPath {
				name = "typesutil"
				if imp.Name != nil {
					name = imp.Name.Name
				}
			}
		}
		if name == "" {
			continue
		}
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Inspector" {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == name {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}
