package brexenum

import (
	"go/types"

	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/directives"
)

// TalksToBrex reports whether the package under analysis is Brex code, in
// which a Brex enum type or a switch of Brex values means Brex's enum: the
// package (its non-test files) makes, sends or decodes a Brex request per
// the Brex model, or carries a //brexlint:client directive, or one of its
// direct imports declares a type that its package decodes from Brex
// responses (the model's DecodedFact: the Brex client the package uses).
//
// Value sets such as CREDIT/DEBIT or DRAFT/SUBMITTED/APPROVED identify one
// Brex enum, and are also every ledger's and every approval workflow's own
// enum: outside Brex code they say nothing about Brex.
func TalksToBrex(pkg *types.Package, m *brexmodel.Model, dirs *directives.Index) bool {
	for _, r := range m.Requests {
		if r.Brex && !r.InTest {
			return true
		}
	}
	for _, d := range m.Decodes() {
		if !d.InTest {
			return true
		}
	}
	for _, s := range m.Sends() {
		if !s.InTest {
			return true
		}
	}
	if dirs != nil {
		for obj, t := range dirs.Teaching {
			if t&directives.Client != 0 && obj.Pkg() == pkg {
				return true
			}
		}
	}
	for _, imp := range pkg.Imports() {
		scope := imp.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || !tn.Exported() || tn.IsAlias() {
				continue
			}
			if m.DecodedFromBrex(tn.Type()) {
				return true
			}
		}
	}
	return false
}
