// Package typesutil holds the small go/types predicates that several
// analyzers and helpers need, so that each is written once. Code is
// identified by its types.Object and package path, never by spelling.
package typesutil

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

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

// IsFieldOf reports whether sel selects the field named field that the
// struct type pkgPath.typeName declares, however it is reached: on a
// value or a pointer, or promoted through a struct that embeds the type
// (w.StatusCode of a struct w that embeds *http.Response). The field is
// identified by its *types.Var (a generic type's field by its origin),
// not by the receiver's type: the same name declared by another struct
// of the package (http.Request's Body beside http.Response's) is not it.
func IsFieldOf(sel *types.Selection, pkgPath, typeName, field string) bool {
	if sel == nil || sel.Kind() != types.FieldVal {
		return false
	}
	v, ok := sel.Obj().(*types.Var)
	if !ok || v.Name() != field || v.Pkg() == nil || v.Pkg().Path() != pkgPath {
		return false
	}
	tn, ok := v.Pkg().Scope().Lookup(typeName).(*types.TypeName)
	if !ok {
		return false
	}
	st, ok := tn.Type().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if f == v.Origin() {
			return true
		}
	}
	return false
}

// FuncName names fn for a message read in package from: "Do",
// "Client.Do" for a method (pointer receivers included), qualified with
// the package name when fn is declared elsewhere ("brex.Client.Do").
func FuncName(fn *types.Func, from *types.Package) string {
	n := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := types.Unalias(recv.Type())
		if p, ok := t.(*types.Pointer); ok {
			t = types.Unalias(p.Elem())
		}
		if nt, ok := t.(*types.Named); ok {
			n = nt.Obj().Name() + "." + n
		}
	}
	if fn.Pkg() != nil && fn.Pkg() != from {
		n = fn.Pkg().Name() + "." + n
	}
	return n
}

// VarOf returns the variable that e, an identifier in parentheses or not,
// defines or uses; nil for anything else.
func VarOf(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	return v
}

// IsStringOrBytes reports whether t's underlying type is a string or a
// byte slice: the types that hold text, keys and MACs alike.
func IsStringOrBytes(t types.Type) bool {
	if t == nil {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

// InTestFile reports whether pos lies in a _test.go file of fset: the test
// policy of every check. The file's own name counts, not a //line name.
func InTestFile(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// IsString reports whether t's underlying type is a string type.
func IsString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// ConstString returns the value of e when it is a string constant, and ""
// otherwise.
func ConstString(info *types.Info, e ast.Expr) string {
	s, _ := ConstStringOK(info, e)
	return s
}

// ConstStringOK returns the value of e and true when e is a string
// constant (the empty string included), and "", false otherwise.
func ConstStringOK(info *types.Info, e ast.Expr) (string, bool) {
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	return "", false
}

// IsLocalVar reports whether v is declared inside a function: not a
// field, a package-level variable or a variable without a scope (a
// parameter of a function type, a result of an imported signature).
func IsLocalVar(v *types.Var) bool {
	return !v.IsField() && v.Pkg() != nil && v.Parent() != nil && v.Parent() != v.Pkg().Scope()
}

// ExprCode spells e as the code writes it, for a message, with each string
// literal in it shown as "…": a map key or a call's argument on the way to
// the value a message names may be a secret, and a message must not print
// one.
func ExprCode(e ast.Expr) string {
	s := types.ExprString(e)
	ast.Inspect(e, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			s = strings.ReplaceAll(s, lit.Value, `"…"`)
		}
		return true
	})
	return s
}

// ParamType returns the type of the parameter that argument i of a call
// of sig is passed as: the element type of a variadic parameter for the
// arguments from its position on; nil past the parameters.
func ParamType(sig *types.Signature, i int) types.Type {
	n := sig.Params().Len()
	switch {
	case sig.Variadic() && i >= n-1:
		if s, ok := sig.Params().At(n - 1).Type().Underlying().(*types.Slice); ok {
			return s.Elem()
		}
		return nil
	case i < n:
		return sig.Params().At(i).Type()
	}
	return nil
}
