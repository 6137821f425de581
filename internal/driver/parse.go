package driver

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// fileParser parses the files of the graph, each once however many
// packages hold it (a package and its test variants, those the patterns
// match included), and forgets a file when the last of them is done. It drops the function bodies of
// dependencies' files whose bodies no brexlint fact needs. Every
// dependency must be type-checked from source to compute facts, but the
// bodies are most of the parsing, type-checking and memory of a run
// (gopls does likewise for dependencies). Bodies are kept
//   - in the files of the packages named by the patterns ("brexlint std"
//     analyzes the standard library in full);
//   - when some analyzer has facts, outside the standard library, in
//     files that import net/http or mention Brex, OAuth or a brexlint
//     directive: the files where wrappers, senders, response helpers,
//     OAuth flows and teachings live.
//
// So a dependency's helpers that only generate values (an ids package of
// another module) get no value fact: the checks then treat their values as
// unknown, a miss rather than a false finding.
//
// Without bodies an import may no longer be used, which go/types reports
// as an error; such imports become blank imports. A file whose imports
// cannot all be accounted for (a dot import, a package whose name is not
// its path's last element) keeps its bodies, and a package that does not
// type-check without them is checked again in full (stream.process).
type fileParser struct {
	fset  *token.FileSet
	std   string // $GOROOT/src/, or "" when unknown: then nothing is purged
	facts bool   // some analyzer has facts

	mu       sync.Mutex
	files    map[string]*parsedFile
	rootFile map[string]bool
}

type parsedFile struct {
	once   sync.Once
	f      *ast.File
	purged bool
	// bare: purged, and holding no string literal outside its imports
	// either (see stream.check).
	bare  bool
	err   error
	users int // units not yet done that hold the file
}

// parseAll, set by tests, parses every file in full and type-checks
// every package from source, as go/packages with LoadAllSyntax does.
var parseAll = false

func newFileParser(fset *token.FileSet, goroot string, facts bool) *fileParser {
	fp := &fileParser{fset: fset, facts: facts, files: map[string]*parsedFile{}, rootFile: map[string]bool{}}
	if goroot != "" && !parseAll {
		fp.std = filepath.Join(goroot, "src") + string(filepath.Separator)
	}
	return fp
}

// count records which units hold which files, before any is parsed.
func (fp *fileParser) count(units []*unit) {
	for _, u := range units {
		if u.export != "" {
			continue
		}
		for _, name := range u.pkg.CompiledGoFiles {
			pf := fp.files[name]
			if pf == nil {
				pf = &parsedFile{}
				fp.files[name] = pf
			}
			pf.users++
			if u.root {
				fp.rootFile[name] = true
			}
		}
	}
}

// parse returns the syntax of a file; purged reports whether its bodies
// were dropped, and bare whether it holds no string literal outside its
// imports either. With full set it parses the whole file afresh, for a
// package that did not type-check without its bodies.
func (fp *fileParser) parse(name string, full bool) (f *ast.File, purged, bare bool, err error) {
	if full {
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, false, false, err
		}
		f, err := parser.ParseFile(fp.fset, name, src, fullMode)
		return f, false, false, err
	}
	fp.mu.Lock()
	pf := fp.files[name]
	if pf == nil { // not counted: parse it for this caller alone
		pf = &parsedFile{}
	}
	keep := fp.rootFile[name]
	fp.mu.Unlock()
	pf.once.Do(func() {
		src, err := os.ReadFile(name)
		if err != nil {
			pf.err = err
			return
		}
		if keep || fp.std == "" || fp.facts && !strings.HasPrefix(name, fp.std) && needsBodies(src) {
			pf.f, pf.err = parser.ParseFile(fp.fset, name, src, fullMode)
			return
		}
		f, err := parser.ParseFile(fp.fset, name, src, parser.SkipObjectResolution)
		if err != nil || !purgeBodies(f) {
			pf.f, pf.err = parser.ParseFile(fp.fset, name, src, fullMode)
			return
		}
		pf.f, pf.purged, pf.bare = f, true, !holdsString(f)
	})
	return pf.f, pf.purged, pf.bare, pf.err
}

// holdsString reports whether f holds a string literal outside its
// imports.
func holdsString(f *ast.File) bool {
	found := false
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			continue
		}
		ast.Inspect(d, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

const fullMode = parser.AllErrors | parser.ParseComments | parser.SkipObjectResolution

// release forgets the files of a unit that is done, once no other unit
// holds them. The files of a dependency also leave the file set then:
// nothing is reported in them, and their line tables were 18 MiB of
// Caddy's live heap. A position in them still orders and compares; only
// Position() no longer resolves it.
func (fp *fileParser) release(u *unit) {
	fp.mu.Lock()
	defer fp.mu.Unlock()
	if u.export != "" {
		return
	}
	forget := func(f *ast.File) {
		if tf := fp.fset.File(f.FileStart); tf != nil && !fp.rootFile[tf.Name()] {
			fp.fset.RemoveFile(tf)
		}
	}
	cached := map[*ast.File]bool{}
	for _, name := range u.pkg.CompiledGoFiles {
		if pf := fp.files[name]; pf != nil {
			cached[pf.f] = true
			if pf.users--; pf.users <= 0 {
				delete(fp.files, name)
				if pf.f != nil && !u.root {
					forget(pf.f)
				}
			}
		}
	}
	if !u.root {
		for _, f := range u.pkg.Syntax {
			if !cached[f] {
				forget(f) // parsed afresh for this unit alone (stream.typeCheck)
			}
		}
	}
}

// needsBodies reports whether a dependency's file may hold what a brexlint
// fact is about: it imports net/http, or mentions Brex, OAuth or a
// brexlint directive.
func needsBodies(src []byte) bool {
	if bytes.Contains(src, []byte(`"net/http"`)) {
		return true
	}
	return containsFold(src, "brex") || containsFold(src, "oauth")
}

// containsFold reports whether src holds word (lower-case ASCII) in any
// case, without the copy of src that bytes.ToLower makes of every file of
// every dependency. It looks for the word's first letter in either case
// with bytes.IndexByte (vectorized; bytes.IndexAny is not), keeping the
// next place of each case so that each is searched for once per byte.
func containsFold(src []byte, word string) bool {
	w := []byte(word)
	lower, upper := w[0], w[0]-'a'+'A'
	nextLower, nextUpper := -1, -1
	next := func(c byte, from int) int {
		if j := bytes.IndexByte(src[from:], c); j >= 0 {
			return from + j
		}
		return len(src)
	}
	for i := 0; i+len(w) <= len(src); {
		if nextLower < i {
			nextLower = next(lower, i)
		}
		if nextUpper < i {
			nextUpper = next(upper, i)
		}
		k := min(nextLower, nextUpper)
		if k+len(w) > len(src) {
			return false
		}
		if bytes.EqualFold(src[k:k+len(w)], w) {
			return true
		}
		i = k + 1
	}
	return false
}
