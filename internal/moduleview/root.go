package moduleview

import (
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"
)

// RootDir is the directory that the checklist's file names, baselines
// and SARIF locations are relative to: the directory of the go.work file
// when go list runs in workspace mode (its modules' files are then
// ma/a.go and mb/b.go, not two a.go), else mod's root.
func RootDir(mod *packages.Module) string {
	if w := workspaceDir(); w != "" {
		return w
	}
	if mod == nil {
		return ""
	}
	return mod.Dir
}

// workspaceDir is the directory of the go.work file in use, or "".
var workspaceDir = sync.OnceValue(func() string {
	out, err := exec.Command("go", "env", "GOWORK").Output()
	if err != nil {
		return ""
	}
	w := strings.TrimSpace(string(out))
	if w == "" || w == "off" {
		return ""
	}
	return filepath.Dir(w)
})

// Root is the directory that the report's file names are relative to
// (see [RootDir]), "" outside a module.
func (v *View) Root() string {
	if v.mod == nil {
		return ""
	}
	return RootDir(v.mod)
}
