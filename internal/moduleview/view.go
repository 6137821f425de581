package moduleview

import (
	"go/token"
	"path/filepath"

	"github.com/brexlint/brexlint/analyzers/webhooksignature"
	"github.com/brexlint/brexlint/checklist"
	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/driver"
	"github.com/brexlint/brexlint/internal/oauthmodel"
	"golang.org/x/tools/go/packages"
)

// View is the whole-module view of one run.
type View struct {
	res *driver.Result
	mod *packages.Module

	modelRan bool
	// recognised: by package path (a package and its test variant
	// share one), whether the model recognised a Brex call or a Brex
	// OAuth configuration outside tests.
	recognised map[string]bool
	calls      map[token.Position]bool // Brex calls, by position
	configs    map[token.Position]bool // Brex OAuth configurations, by position
	// receivers are the Brex webhook receivers, by position, when the
	// webhooksignature check ran (nil otherwise).
	receivers map[token.Position]bool
}

// New builds the view of res. It reads the Brex model's results of the
// main module's packages, when the model ran, and their syntax: the run
// must have kept them (driver.Options.KeepRoots).
func New(res *driver.Result) *View {
	if !res.RootsKept {
		panic("moduleview.New: the run dropped the packages' syntax and results (set driver.Options.KeepRoots)")
	}
	v := &View{res: res, mod: MainModule(res.Packages), recognised: map[string]bool{},
		calls: map[token.Position]bool{}, configs: map[token.Position]bool{}}
	for _, act := range res.Actions {
		if act.Analyzer == webhooksignature.Analyzer && v.inModule(act.Package) && act.Err == nil {
			if v.receivers == nil {
				v.receivers = map[token.Position]bool{}
			}
			if r, ok := act.Result.(*webhooksignature.Result); ok {
				for _, pos := range r.Receivers {
					v.receivers[act.Package.Fset.Position(pos)] = true
				}
			}
		}
		if act.Analyzer != brexmodel.Analyzer || !v.inModule(act.Package) {
			continue
		}
		m, ok := act.Result.(*brexmodel.Model)
		if act.Err != nil || !ok {
			continue
		}
		v.modelRan = true
		fset := act.Package.Fset
		for _, r := range m.Requests {
			if r.Brex && !r.InTest {
				v.calls[fset.Position(r.Pos())] = true
				v.recognised[act.Package.PkgPath] = true
			}
		}
		for _, c := range m.OAuth.Configs {
			if c.Brex() && !c.InTest && c.Kind != oauthmodel.EndpointConfig && c.Pos.IsValid() {
				v.configs[fset.Position(c.Pos)] = true
				v.recognised[act.Package.PkgPath] = true
			}
		}
		if m.OAuth.HasBrexConfig() {
			// A configuration of another package of the module, used
			// here, explains this package's signs too.
			v.recognised[act.Package.PkgPath] = true
		}
	}
	return v
}

// Module is the main module, or nil outside one.
func (v *View) Module() *packages.Module { return v.mod }

// Coverage counts what the checks examined in the main module: Brex calls
// and Brex OAuth configurations (when the Brex model ran), Brex webhook
// receivers (when the webhooksignature check ran: its result lists them)
// and Go files.
// The non-Go files are the secret scan's to count.
func (v *View) Coverage() checklist.Coverage {
	cov := checklist.Coverage{checklist.GoFiles.ID: len(v.goFiles())}
	if v.modelRan {
		cov[checklist.BrexCalls.ID] = len(v.calls)
		cov[checklist.BrexOAuthConfigs.ID] = len(v.configs)
	}
	if v.receivers != nil {
		cov[checklist.BrexWebhookReceivers.ID] = len(v.receivers)
	}
	return cov
}

// goFiles are the Go files of the main module's packages, once each.
func (v *View) goFiles() map[string]bool {
	files := map[string]bool{}
	for _, p := range v.res.Packages {
		if !v.inModule(p) {
			continue
		}
		// Only files below the module root: cgo's generated files and
		// the test main live in the build cache and are not the module's.
		for _, f := range p.GoFiles {
			if r, err := filepath.Rel(p.Module.Dir, f); err == nil && filepath.IsLocal(r) {
				files[f] = true
			}
		}
	}
	return files
}

// inModule reports whether p belongs to a main module: the module go
// list runs in, or one of the go.work workspace's.
func (v *View) inModule(p *packages.Package) bool {
	return p.Module != nil && p.Module.Main
}

// rel is a file name relative to the report's root, slash-separated.
func (v *View) rel(name string) string {
	if root := v.Root(); root != "" {
		if r, err := filepath.Rel(root, name); err == nil && filepath.IsLocal(r) {
			return filepath.ToSlash(r)
		}
	}
	return filepath.ToSlash(name)
}

// MainModule is the module the analyzed packages belong to (the one go
// list runs in), or nil outside a module.
func MainModule(pkgs []*packages.Package) *packages.Module {
	for _, p := range pkgs {
		if p.Module != nil && p.Module.Main {
			return p.Module
		}
	}
	return nil
}
