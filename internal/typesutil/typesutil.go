// Package typesutil holds the small go/types predicates that several
// analyzers and helpers need, so that each is written once. Code is
// identified by its types.Object and package path, never by spelling.
package typesutil

import "go/types"

// IsNamed reports whether t, or the type t points to, is the named type
// pkgPath.name (aliases resolved).
func IsNamed(t types.Type, pkgPath, name string) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == pkgPath
}
