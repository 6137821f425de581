// Command gcl is golangci-lint v2 with the brexlint module plugin compiled in.
//
// It is what `golangci-lint custom` builds from .golangci-plugin.yml, made with
// the Go module proxy alone: `go build -o gcl .` in this directory. It lives
// in its own module so that building or installing brexlint never builds
// golangci-lint.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/brexlint/brexlint/plugin"
)

func main() {
	if err := commands.Execute(buildInfo()); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

// buildInfo reports the version of the golangci-lint module this binary
// was built from, plus "-brexlint" to tell it from an upstream build.
func buildInfo() commands.BuildInfo {
	info := commands.BuildInfo{Version: "unknown", Commit: "?", Date: "(unknown)", GoVersion: "unknown"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	info.GoVersion = bi.GoVersion
	info.BuildInfo = bi
	for _, dep := range bi.Deps {
		if dep.Path == "github.com/golangci/golangci-lint/v2" {
			info.Version = strings.TrimPrefix(dep.Version, "v") + "-brexlint"
		}
	}
	return info
}
