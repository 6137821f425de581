package entropy

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/brexlint/brexlint/internal/typesutil"
)

// Kind is a bit set of value sources. The bit values are stable within a
// release: facts store them (brexmodel.ValueSummary.Kinds).
type Kind uint32

const (
	// Constant: a compile-time constant, or a value made only of constants
	// (a package-level variable never reassigned, fmt.Sprintf of constants,
	// a zero value, a name-based UUID of constants).
	Constant Kind = 1 << iota
	// CryptoRandom: crypto/rand (Read, Text, Int, Prime, Reader),
	// oauth2.GenerateVerifier, or a call of a function the Oracle reports
	// random.
	CryptoRandom
	// UUIDRandom: a random (version 4) or time-ordered random (version 7)
	// UUID: google/uuid New, NewString, NewRandom, NewV7, gofrs/uuid NewV4,
	// NewV7, satori/go.uuid NewV4.
	UUIDRandom
	// UUIDName: a name-based UUID (NewMD5, NewSHA1, NewV3, NewV5): as
	// unique as its name, which is classified too.
	UUIDName
	// Time: time.Now and everything derived from it.
	Time
	// MathRandGlobal: a 64-bit math/rand value from a source that is seeded
	// randomly (the top-level functions since Go 1.20) or that the
	// classifier cannot see (a parameter or field *rand.Rand).
	MathRandGlobal
	// MathRandSeeded: a math/rand value from a source seeded with a
	// constant, the time or a counter: the sequence repeats across runs
	// or collides across processes started at the same time.
	MathRandSeeded
	// MathRandSmall: a math/rand value of less than 2^32 possible values
	// (rand.Intn(1000), Int31, Uint32, the Float functions).
	MathRandSmall
	// Counter: a variable that is incremented, or an atomic add.
	Counter
	// Identifier: a value the package receives or cannot see into: a
	// parameter, a field, a map element, a call of a function that is not
	// modeled. Not evidence of a bug.
	Identifier
	// UUIDTime: a version 1, 2 or 6 UUID (time, clock sequence and node):
	// unique but predictable.
	UUIDTime
)

// Groups of kinds.
const (
	// Random are the unpredictable kinds.
	Random = CryptoRandom | UUIDRandom
	// MathRand are the math/rand kinds; every math/rand value has one.
	MathRand = MathRandGlobal | MathRandSeeded | MathRandSmall
	// Generated are the kinds whose values are produced at a call, whose
	// positions Value.Gen records.
	Generated = CryptoRandom | UUIDRandom | UUIDTime | Time | MathRand | Counter
)

var kindNames = [...]string{
	"Constant", "CryptoRandom", "UUIDRandom", "UUIDName", "Time",
	"MathRandGlobal", "MathRandSeeded", "MathRandSmall", "Counter",
	"Identifier", "UUIDTime",
}

// String returns the names of the kinds in k joined by "|" ("0" for none),
// for messages and test output.
func (k Kind) String() string {
	if k == 0 {
		return "0"
	}
	var parts []string
	for i, name := range kindNames {
		if k&(1<<i) != 0 {
			parts = append(parts, name)
			k &^= 1 << i
		}
	}
	if k != 0 {
		parts = append(parts, fmt.Sprintf("Kind(%#x)", uint32(k)))
	}
	return strings.Join(parts, "|")
}

// Value is the classification of an expression.
type Value struct {
	// Kinds are the sources that reach the value; never 0.
	Kinds Kind
	// Gen are the positions, in increasing order, of the calls that
	// generate the random, time or counter parts (uuid.NewString(),
	// time.Now(), rand.Intn(...), rand.Read(b), the call of a random
	// helper) and of counter reads, reached through local variables: where
	// the value is "generated", so that a check can ask whether that is
	// inside a retry loop.
	Gen []token.Pos
	// ConstLen is the length in characters of the value when Kinds is
	// Constant and the value can be computed (strings, byte slices and
	// integers, in decimal); -1 otherwise.
	ConstLen int
	// Len is the length in bytes of the value, whatever its kinds, when
	// it is known: a constant's, or that of a random buffer of constant
	// size (make([]byte, 3), [16]byte) filled by crypto/rand, of its
	// hexadecimal, base64 or base32 encoding, of crypto/rand.Text (26),
	// of concatenations and constant slices of those; -1 otherwise. A
	// random value is only as strong as it is long: hex.EncodeToString
	// of 3 random bytes is 6 characters.
	Len int
}

// Has reports whether v has one of the kinds in k.
func (v Value) Has(k Kind) bool { return v.Kinds&k != 0 }

// Only reports whether all of v's kinds are in k.
func (v Value) Only(k Kind) bool { return v.Kinds != 0 && v.Kinds&^k == 0 }

// Unpredictable reports whether v has an unpredictable part (CryptoRandom or
// UUIDRandom).
func (v Value) Unpredictable() bool { return v.Has(Random) }

// Oracle answers for functions the classifier cannot see into, typically
// from facts: whether fn returns unpredictable values (a //brexlint:random
// directive, or a helper of another package for which ReturnsRandom held).
type Oracle interface {
	Random(fn *types.Func) bool
}

// A KindOracle is an Oracle that also knows the kinds a function of another
// package returns (from a fact holding Results(fd).Kinds), so that a helper
// such as
//
//	func NewKey() string { return strconv.FormatInt(time.Now().UnixNano(), 10) }
//
// is seen as Time where it is called. Kinds reports false for a function it
// knows nothing about.
type KindOracle interface {
	Oracle
	Kinds(fn *types.Func) (Kind, bool)
}

// Limits of one classification (see "Out of reach" in the package doc).
const (
	maxDepth = 64
	maxSteps = 20000
	maxStr   = 1 << 12 // longest exact value kept
)

// Classifier classifies expressions of one type-checked package. It scans
// the package once when built and memoizes what it learns about variables
// and functions; it is not safe for concurrent use.
type Classifier struct {
	fset   *token.FileSet
	info   *types.Info
	files  []*ast.File
	funcs  *typesutil.Funcs // the package's functions, on the package's one inspector
	oracle Oracle
	kinds  KindOracle // oracle, when it is a KindOracle

	// From the scan.
	writes   map[*types.Var][]write
	params   map[*types.Var]bool    // parameters and receivers
	counters map[*types.Var]bool    // incremented variables and fields
	pkgVars  map[*types.Var]bool    // package-level variables declared in files
	keys     map[*types.Func]string // memo of funcKey
	seeds    []*ast.CallExpr        // calls of math/rand.Seed

	// Memoized results and the evaluation state.
	varMemo  map[*types.Var]val
	funcMemo map[*types.Func]val
	selfRef  map[*types.Var]bool // integer variables whose value refers to itself
	active   map[any]int         // variables and functions being evaluated: index in stack
	stack    []frame
	steps    int
	v1Done   bool
	v1       Kind // the kind of the math/rand top-level functions
}

// frame is a variable or function being evaluated. incomplete is set when
// its value used a cut cycle or ran out of budget: it is then not memoized.
type frame struct {
	key        any
	incomplete bool
}

// New returns a Classifier for the package whose files, index of
// functions and type information are given (pass.Files; the package's one
// typesutil.Funcs, the Brex model's Funcs, on the package's one
// inspector; pass.TypesInfo). info must record Types, Defs, Uses and
// Selections; FileVersions is used for math/rand.Seed. oracle may be nil.
func New(fset *token.FileSet, info *types.Info, files []*ast.File, funcs *typesutil.Funcs, oracle Oracle) *Classifier {
	c := &Classifier{
		fset:     fset,
		info:     info,
		files:    files,
		funcs:    funcs,
		oracle:   oracle,
		writes:   map[*types.Var][]write{},
		params:   map[*types.Var]bool{},
		counters: map[*types.Var]bool{},
		pkgVars:  map[*types.Var]bool{},
		keys:     map[*types.Func]string{},
		varMemo:  map[*types.Var]val{},
		funcMemo: map[*types.Func]val{},
		selfRef:  map[*types.Var]bool{},
		active:   map[any]int{},
	}
	if oracle != nil {
		c.kinds, _ = oracle.(KindOracle)
	}
	c.scan()
	return c
}

// Classify returns the classification of e, an expression of the package.
func (c *Classifier) Classify(e ast.Expr) Value {
	c.begin()
	return c.eval(e, 0).value()
}

// Results returns the union of the values fd returns (its first result),
// leaving out returns with a non-nil error as last result: what a caller
// that checks the error receives. Its Kinds are what a fact about fd should
// carry for a KindOracle. A function without a body or whose first result
// is an error gives Identifier.
func (c *Classifier) Results(fd *ast.FuncDecl) Value {
	c.begin()
	var r val
	for _, v := range c.returns(fd, 0) {
		r = join(r, v)
	}
	return r.value()
}

// ReturnsRandom reports whether every return of fd's body (leaving out
// returns with a non-nil error) yields an unpredictable value: CryptoRandom
// or UUIDRandom, possibly formatted, encoded or joined to constants, and
// nothing else. It is how a "random helper" fact is decided for
//
//	func newKey() string {
//		b := make([]byte, 16)
//		rand.Read(b)
//		return hex.EncodeToString(b)
//	}
func (c *Classifier) ReturnsRandom(fd *ast.FuncDecl) bool {
	c.begin()
	vals := c.returns(fd, 0)
	for _, v := range vals {
		if v.kinds&Random == 0 || v.kinds&^(Random|Constant) != 0 {
			return false
		}
	}
	return len(vals) > 0
}

// begin starts a public query with a fresh budget.
func (c *Classifier) begin() {
	c.steps = 0
	c.stack = c.stack[:0]
	clear(c.active)
}

// val is the internal form of a Value: kinds, sorted generation positions,
// and the exact value when known (str: the characters of a string, the
// bytes of a byte slice or array, the decimal form of an integer).
type val struct {
	kinds Kind
	gen   []token.Pos
	str   string
	strOK bool
	// n is the length in bytes when nOK and the exact value is not
	// known (see Value.Len).
	n   int
	nOK bool
}

// length returns the length of v in bytes, when known.
func (v val) length() (int, bool) {
	if v.strOK {
		return len(v.str), true
	}
	return v.n, v.nOK
}

// withLen records that v is n bytes long.
func (v val) withLen(n int) val {
	if !v.strOK {
		v.n, v.nOK = n, true
	}
	return v
}

// unknown is the value of what the classifier cannot see.
var unknown = val{kinds: Identifier}

func (v val) value() Value {
	if v.kinds == 0 {
		v = unknown
	}
	out := Value{Kinds: v.kinds, ConstLen: -1, Len: -1}
	if n, ok := v.length(); ok {
		out.Len = n
	}
	if len(v.gen) > 0 {
		out.Gen = slices.Clone(v.gen)
	}
	if v.kinds == Constant && v.strOK {
		out.ConstLen = utf8.RuneCountInString(v.str)
	}
	return out
}

// noStr forgets the exact value, and its length.
func (v val) noStr() val {
	v.str, v.strOK = "", false
	v.n, v.nOK = 0, false
	return v
}

// capped forgets an exact value longer than maxStr, keeping its length.
func (v val) capped() val {
	if len(v.str) > maxStr {
		return v.noStr().withLen(len(v.str))
	}
	return v
}

// withGen replaces the generation positions by the one at pos when v has a
// generated kind, and drops them otherwise.
func (v val) withGen(pos token.Pos) val {
	v.gen = nil
	if v.kinds&Generated != 0 {
		v.gen = []token.Pos{pos}
	}
	return v
}

// join is the union of two alternatives (two assignments of a variable):
// the exact value survives only when both agree. An empty val (a cut cycle)
// is neutral.
func join(a, b val) val {
	switch {
	case a.kinds == 0 && !a.strOK:
		return b
	case b.kinds == 0 && !b.strOK:
		return a
	}
	r := val{kinds: a.kinds | b.kinds, gen: mergeGen(a.gen, b.gen)}
	if a.strOK && b.strOK && a.str == b.str {
		r.str, r.strOK = a.str, true
	} else if na, ok := a.length(); ok {
		if nb, ok := b.length(); ok && na == nb {
			r = r.withLen(na)
		}
	}
	return r
}

// cat is the value of a followed by b (concatenation): the union of kinds,
// with the exact value when both are known.
func cat(a, b val) val {
	r := val{kinds: a.kinds | b.kinds, gen: mergeGen(a.gen, b.gen)}
	if a.strOK && b.strOK && len(a.str)+len(b.str) <= maxStr {
		r.str, r.strOK = a.str+b.str, true
	} else if na, ok := a.length(); ok {
		if nb, ok := b.length(); ok {
			r = r.withLen(na + nb)
		}
	}
	return r
}

// mix is the union of operands of a computation that is not a
// concatenation (arithmetic, time.Unix): a constant operand adds nothing
// to a value that has other sources.
func mix(vs ...val) val {
	var r val
	for _, v := range vs {
		r.kinds |= v.kinds
		r.gen = mergeGen(r.gen, v.gen)
	}
	if r.kinds&^Constant != 0 {
		r.kinds &^= Constant
	}
	return r
}

// mergeGen merges two sorted position lists without duplicates.
func mergeGen(a, b []token.Pos) []token.Pos {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := make([]token.Pos, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}
