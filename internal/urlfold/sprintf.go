package urlfold

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
	"unicode/utf8"

	"github.com/brexlint/brexlint/internal/typesutil"
)

// fmtArg is an operand of fmt.Sprintf as far as the folder knows it.
type fmtArg struct {
	// val is the operand as a Go value with the dynamic type fmt would
	// see (int for an untyped integer constant, float32 for a float32
	// constant, ...), so formatting it reproduces fmt exactly.
	val   any
	known bool
	// named is true when the operand's type is a named type: fmt prints
	// the type name for %T and in %!(EXTRA ...), which val cannot carry.
	named bool
	// str is the folded value of a non-constant plain string operand.
	str   Value
	isStr bool
}

// noArgs is passed where a verb consumes no operand; a variable keeps vet's
// printf check from asking for a constant format.
var noArgs []any

// emptyFormat formats the %!(EXTRA ...) suffix for left-over operands.
var emptyFormat = ""

// sprintf folds fmt.Sprintf(format, args...) by replaying fmt's own parser
// (fmt/print.go doPrintf) verb by verb. Each verb with a known operand is
// formatted by fmt itself, so constants come out exactly as at run time,
// including fmt's error notations (%!d(MISSING), %!(NOVERB), %!(EXTRA ...)).
// A plain %s or %v of a non-constant string splices in the operand's
// folded value; any other verb of an unknown operand is a FormatVerb hole.
// Explicit argument indexes ("%[2]s") and '*' widths end the fold with a
// hole, since operands no longer line up.
func (f *Folder) sprintf(st *state, format string, argExprs []ast.Expr, depth int) Value {
	args := make([]fmtArg, len(argExprs))
	for i, a := range argExprs {
		args[i] = f.fmtArg(st, a, depth)
	}
	var out Value
	end := len(format)
	argNum := 0
	for i := 0; i < end; {
		lasti := i
		for i < end && format[i] != '%' {
			i++
		}
		if i > lasti {
			out = out.add(Part{Lit: format[lasti:i]})
		}
		if i >= end {
			break
		}
		start := i
		i++
		// Flags.
		plain := true
		for ; i < end; i++ {
			c := format[i]
			if c != '#' && c != '0' && c != '+' && c != '-' && c != ' ' {
				break
			}
			plain = false
		}
		if i < end && format[i] == '[' {
			return out.add(Part{Hole: true, HoleKind: FormatVerb})
		}
		// Width.
		if i < end && format[i] == '*' {
			return out.add(Part{Hole: true, HoleKind: FormatVerb})
		}
		var isnum bool
		isnum, i = parsenum(format, i, end)
		if isnum {
			plain = false
		}
		// Precision.
		if i+1 < end && format[i] == '.' {
			i++
			plain = false
			if format[i] == '[' || format[i] == '*' {
				return out.add(Part{Hole: true, HoleKind: FormatVerb})
			}
			_, i = parsenum(format, i, end)
		}
		if i < end && format[i] == '[' {
			return out.add(Part{Hole: true, HoleKind: FormatVerb})
		}
		if i >= end {
			out = out.add(Part{Lit: fmt.Sprintf(format[start:], noArgs...)}) // %!(NOVERB)
			break
		}
		verb, size := utf8.DecodeRuneInString(format[i:])
		i += size
		spec := format[start:i]
		switch {
		case verb == '%':
			out = out.add(Part{Lit: "%"})
			continue
		case argNum >= len(args):
			out = out.add(Part{Lit: fmt.Sprintf(spec, noArgs...)}) // %!v(MISSING)
			continue
		}
		a := args[argNum]
		argNum++
		switch {
		case a.known && !(a.named && verb == 'T'):
			out = out.add(Part{Lit: fmt.Sprintf(spec, a.val)})
		case a.isStr && plain && (verb == 's' || verb == 'v'):
			out = Concat(out, a.str)
		default:
			out = out.add(Part{Hole: true, HoleKind: FormatVerb})
		}
	}
	if argNum < len(args) {
		extra := make([]any, 0, len(args)-argNum)
		for _, a := range args[argNum:] {
			if !a.known || a.named {
				return out.add(Part{Hole: true, HoleKind: FormatVerb})
			}
			extra = append(extra, a.val)
		}
		out = out.add(Part{Lit: fmt.Sprintf(emptyFormat, extra...)})
	}
	return out
}

// parsenum mirrors fmt's parsenum: it skips a decimal number and reports
// whether there was one; an absurdly long number swallows the rest of the
// format, as in fmt.
func parsenum(s string, i, end int) (isnum bool, newi int) {
	num := 0
	for newi = i; newi < end && '0' <= s[newi] && s[newi] <= '9'; newi++ {
		if num > 1e6 {
			return false, end
		}
		num = num*10 + int(s[newi]-'0')
		isnum = true
	}
	return isnum, newi
}

// literalPrefix returns format up to its first verb.
func literalPrefix(format string) string {
	if i := strings.IndexByte(format, '%'); i >= 0 {
		return format[:i]
	}
	return format
}

// fmtArg classifies one Sprintf operand.
func (f *Folder) fmtArg(st *state, e ast.Expr, depth int) fmtArg {
	tv := f.info.Types[e]
	if tv.Type == nil {
		return fmtArg{}
	}
	t := types.Unalias(tv.Type)
	_, named := t.(*types.Named)
	if named && hasFmtMethod(t) {
		return fmtArg{}
	}
	if tv.Value != nil {
		if b, ok := t.Underlying().(*types.Basic); ok {
			if v, ok := goValue(tv.Value, b); ok {
				return fmtArg{val: v, known: true, named: named}
			}
		}
		return fmtArg{}
	}
	if !typesutil.IsString(t) {
		return fmtArg{}
	}
	v := f.fold(st, e, depth)
	if s, ok := v.Complete(); ok {
		return fmtArg{val: s, known: true, named: named}
	}
	return fmtArg{str: v, isStr: true}
}

// hasFmtMethod reports whether fmt would call a method of a value of type t
// instead of printing its underlying value.
func hasFmtMethod(t types.Type) bool {
	ms := types.NewMethodSet(t)
	for _, name := range []string{"String", "Error", "Format", "GoString"} {
		if ms.Lookup(nil, name) != nil {
			return true
		}
	}
	return false
}

// goValue converts a constant to the Go value that a ...any parameter
// receives: the constant's own basic type, or the default type of an
// untyped constant. int and uint are those of the machine running the
// analyzer.
func goValue(c constant.Value, b *types.Basic) (any, bool) {
	i64 := func() (int64, bool) { return constant.Int64Val(constant.ToInt(c)) }
	u64 := func() (uint64, bool) { return constant.Uint64Val(constant.ToInt(c)) }
	switch b.Kind() {
	case types.Bool, types.UntypedBool:
		return constant.BoolVal(c), true
	case types.String, types.UntypedString:
		return constant.StringVal(c), true
	case types.Int, types.UntypedInt:
		v, ok := i64()
		return int(v), ok && int64(int(v)) == v
	case types.Int8:
		v, ok := i64()
		return int8(v), ok
	case types.Int16:
		v, ok := i64()
		return int16(v), ok
	case types.Int32, types.UntypedRune:
		v, ok := i64()
		return int32(v), ok
	case types.Int64:
		v, ok := i64()
		return v, ok
	case types.Uint:
		v, ok := u64()
		return uint(v), ok
	case types.Uint8:
		v, ok := u64()
		return uint8(v), ok
	case types.Uint16:
		v, ok := u64()
		return uint16(v), ok
	case types.Uint32:
		v, ok := u64()
		return uint32(v), ok
	case types.Uint64:
		v, ok := u64()
		return v, ok
	case types.Uintptr:
		v, ok := u64()
		return uintptr(v), ok
	case types.Float32:
		v, _ := constant.Float32Val(constant.ToFloat(c))
		return v, true
	case types.Float64, types.UntypedFloat:
		v, _ := constant.Float64Val(constant.ToFloat(c))
		return v, true
	case types.Complex64:
		re, _ := constant.Float32Val(constant.ToFloat(constant.Real(c)))
		im, _ := constant.Float32Val(constant.ToFloat(constant.Imag(c)))
		return complex(re, im), true
	case types.Complex128, types.UntypedComplex:
		re, _ := constant.Float64Val(constant.ToFloat(constant.Real(c)))
		im, _ := constant.Float64Val(constant.ToFloat(constant.Imag(c)))
		return complex(re, im), true
	}
	return nil, false
}
