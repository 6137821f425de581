// Package sampletest reads what the sample integration in testdata/sample
// must produce, for the end-to-end tests of every surface (the binary, go
// vet, golangci-lint, pre-commit, the CI gate). The expectations are
// written in the sample itself: each planted problem has a comment
//
//	// launch problem: CHECK: why
//
// and its finding is expected on the first line of code after it.
package sampletest

import (
	"cmp"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// Problem is a finding the sample must produce: which check speaks where.
type Problem struct {
	Check string
	File  string // relative to the sample module, slash-separated
	Line  int
}

// Sort sorts problems by file, line and check, and drops duplicates.
func Sort(ps []Problem) []Problem {
	slices.SortFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Check, b.Check))
	})
	return slices.Compact(ps)
}

var marker = regexp.MustCompile(`^\s*// launch problem: (\w+):`)

// Planted returns the problems planted in the Go files below dir whose
// check is enabled (a check without an analyzer yet is expected to say
// nothing), sorted.
func Planted(dir string, enabled func(check string) bool) ([]Problem, error) {
	var want []Problem
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		pending := ""
		for i, line := range strings.Split(string(data), "\n") {
			if m := marker.FindStringSubmatch(line); m != nil {
				pending = m[1]
				continue
			}
			if trimmed := strings.TrimSpace(line); pending != "" && trimmed != "" && !strings.HasPrefix(trimmed, "//") {
				if enabled(pending) {
					want = append(want, Problem{pending, filepath.ToSlash(rel), i + 1})
				}
				pending = ""
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return Sort(want), nil
}
