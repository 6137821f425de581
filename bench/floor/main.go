// Command floor is the loading floor of the benchmarks in bench/: it runs
// brexlint's own driver (internal/driver, the one `brexlint ./...` uses)
// with a single analyzer that does nothing but declare a fact. Declaring a
// fact is what makes a driver load and analyze every dependency from
// source, so this is the least any fact-bearing suite can cost; brexlint's
// claim is a ratio to it.
//
//	floor [-test=false] [packages]   (default ./...)
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/brexlint/brexlint/internal/driver"
	"golang.org/x/tools/go/analysis"
)

var floor = &analysis.Analyzer{
	Name:      "factfloor",
	Doc:       "declares a fact and does nothing (benchmark baseline)",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(floorFact)},
}

type floorFact struct{}

func (*floorFact) AFact() {}

func main() {
	tests := flag.Bool("test", true, "also analyze test files (as brexlint does by default)")
	flag.Parse()
	patterns := flag.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	res, err := driver.Run([]*analysis.Analyzer{floor}, patterns, driver.Options{Tests: *tests})
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Printf("%d packages\n", len(res.Packages))
}
