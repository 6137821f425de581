package moduleview

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"
	"sync"

	"github.com/brexlint/brexlint/analyzers/oauthscopes"
	"github.com/brexlint/brexlint/analyzers/webhooksignature"
	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/oauthmodel"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/packages"
)

// Collector gathers, from each package of the main module as the driver
// finishes analyzing it (driver.Options.Observe), what the whole-module
// view needs: so no package's syntax, type information or analysis
// results outlive its analysis, and the checklist runs in the memory of
// `brexlint ./...`.
type Collector struct {
	mu   sync.Mutex
	pkgs map[*packages.Package]*summary
}

// NewCollector returns a collector for one run.
func NewCollector() *Collector {
	return &Collector{pkgs: map[*packages.Package]*summary{}}
}

// summary is what the view keeps of one package of the main module.
type summary struct {
	model      *modelSummary // nil when the Brex model did not run
	webhookRan bool
	receivers  []token.Position    // Brex webhook receivers
	scopes     *oauthscopes.Result // nil when oauthscopes did not run
	funcs      []funcSpan          // function declarations, in position order
	signs      []fileSignList      // signs of Brex, per non-test file
	dotenv     []dotenvLoad        // dotenv files the package loads
}

// modelSummary is what the Brex model recognised in a package.
type modelSummary struct {
	calls, configs []token.Position // outside tests
	brexConfig     bool             // the package sees a Brex OAuth configuration
}

type funcSpan struct {
	pos, end token.Pos
	name     string // "Do", "(*Client).Do"
}

type fileSignList struct {
	name  string // absolute
	kinds []string
}

// Observe records what the view needs of p. It is a driver.Options
// Observe function.
func (c *Collector) Observe(p *packages.Package, results map[*analysis.Analyzer]any) {
	if p.Module == nil || !p.Module.Main {
		return
	}
	s := &summary{}
	fset := p.Fset
	if m, ok := results[brexmodel.Analyzer].(*brexmodel.Model); ok {
		s.model = &modelSummary{brexConfig: m.OAuth.HasBrexConfig()}
		for _, r := range m.Requests {
			if r.Brex && !r.InTest {
				s.model.calls = append(s.model.calls, fset.Position(r.Pos()))
			}
		}
		for _, cfg := range m.OAuth.Configs {
			if cfg.Brex() && !cfg.InTest && cfg.Kind != oauthmodel.EndpointConfig && cfg.Pos.IsValid() {
				s.model.configs = append(s.model.configs, fset.Position(cfg.Pos))
			}
		}
	}
	if r, ok := results[webhooksignature.Analyzer].(*webhooksignature.Result); ok {
		s.webhookRan = true
		for _, pos := range r.Receivers {
			s.receivers = append(s.receivers, fset.Position(pos))
		}
	}
	if r, ok := results[oauthscopes.Analyzer].(*oauthscopes.Result); ok {
		s.scopes = r
	}
	external := func(path string) bool {
		imp := p.Imports[path]
		return imp == nil || imp.Module == nil || !imp.Module.Main
	}
	// The inspector of the analysis when it ran (the Brex model requires
	// it): the signs and loads below visit only their kinds of node.
	insp, _ := results[inspect.Analyzer].(*inspector.Inspector)
	if insp == nil {
		insp = inspector.New(p.Syntax)
	}
	for fc := range insp.Root().Children() {
		f := fc.Node().(*ast.File)
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok {
				s.funcs = append(s.funcs, funcSpan{fd.Pos(), fd.End(), funcDeclName(fd)})
			}
		}
		if name := fset.File(f.Pos()).Name(); !strings.HasSuffix(name, "_test.go") {
			s.signs = append(s.signs, fileSignList{name, fileSigns(fc, external)})
		}
	}
	slices.SortFunc(s.funcs, func(a, b funcSpan) int { return int(a.pos - b.pos) })
	if p.TypesInfo != nil {
		s.dotenv = dotenvLoadsOf(p, insp)
	}
	c.mu.Lock()
	c.pkgs[p] = s
	c.mu.Unlock()
}

// funcDeclName names a function declaration as baselines key on it.
func funcDeclName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	return fmt.Sprintf("(%s).%s", recvTypeName(fd.Recv.List[0].Type), fd.Name.Name)
}

// enclosingFunction names the function declaration of pkg holding pos
// ("Do", "(*Client).Do"), or "" at package level: baselines key on it.
func (v *View) enclosingFunction(pkg *packages.Package, pos token.Pos) string {
	s := v.pkgs[pkg]
	if s == nil {
		return ""
	}
	i, _ := slices.BinarySearchFunc(s.funcs, pos, func(f funcSpan, pos token.Pos) int { return int(f.pos - pos) })
	// s.funcs[i-1] is the last declaration starting at or before pos,
	// unless one starts exactly at pos.
	if i < len(s.funcs) && s.funcs[i].pos == pos {
		return s.funcs[i].name
	}
	if i > 0 && pos <= s.funcs[i-1].end {
		return s.funcs[i-1].name
	}
	return ""
}
