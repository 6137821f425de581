package moduleview

import (
	"go/token"
	"path/filepath"

	"github.com/brexlint/brexlint/checklist"
	"github.com/brexlint/brexlint/internal/driver"
	"golang.org/x/tools/go/packages"
)

// View is the whole-module view of one run.
type View struct {
	res  *driver.Result
	mod  *packages.Module
	pkgs map[*packages.Package]*summary // the main module's packages, as the collector saw them

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

// New builds the view of res from what c collected during the run (c's
// Observe must have been the run's driver.Options.Observe).
func New(res *driver.Result, c *Collector) *View {
	v := &View{res: res, mod: MainModule(res.Packages), pkgs: c.pkgs, recognised: map[string]bool{},
		calls: map[token.Position]bool{}, configs: map[token.Position]bool{}}
	for _, p := range res.Packages {
		s := v.pkgs[p]
		if s == nil {
			continue
		}
		if s.webhookRan {
			if v.receivers == nil {
				v.receivers = map[token.Position]bool{}
			}
			for _, pos := range s.receivers {
				v.receivers[pos] = true
			}
		}
		if s.model == nil {
			continue
		}
		v.modelRan = true
		for _, pos := range s.model.calls {
			v.calls[pos] = true
			v.recognised[p.PkgPath] = true
		}
		for _, pos := range s.model.configs {
			v.configs[pos] = true
			v.recognised[p.PkgPath] = true
		}
		if s.model.brexConfig {
			// A configuration of another package of the module, used
			// here, explains this package's signs too.
			v.recognised[p.PkgPath] = true
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
