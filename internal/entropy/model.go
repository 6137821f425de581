package entropy

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"go/ast"
	"go/types"
	"net/url"
	"strconv"
	"strings"
	"sync"
)

// Package paths of the modeled third-party packages, without their
// major-version suffix (see modulePath).
const (
	googleUUID = "github.com/google/uuid"
	gofrsUUID  = "github.com/gofrs/uuid"
	satoriUUID = "github.com/satori/go.uuid"
	oauth2Pkg  = "golang.org/x/oauth2"
	randV1     = "math/rand"
	randV2     = "math/rand/v2"
)

// modulePath returns path without a trailing major-version element ("/v5")
// when path is outside the standard library (its first element has a dot),
// so that every major version of a modeled module is recognised.
// math/rand/v2 is a different package and keeps its suffix.
func modulePath(path string) string {
	first, _, _ := strings.Cut(path, "/")
	if !strings.Contains(first, ".") {
		return path
	}
	i := strings.LastIndexByte(path, '/')
	if i < 0 {
		return path
	}
	last := path[i+1:]
	if len(last) < 2 || last[0] != 'v' {
		return path
	}
	for _, r := range last[1:] {
		if r < '0' || r > '9' {
			return path
		}
	}
	return path[:i]
}

// recvType returns the package path (see modulePath) and name of the named
// type of fn's receiver (through a pointer); ok is false for functions and
// for methods of unnamed types.
func recvType(fn *types.Func) (path, name string, ok bool) {
	recv := fn.Signature().Recv()
	if recv == nil {
		return "", "", false
	}
	t := types.Unalias(recv.Type())
	if p, isPtr := t.(*types.Pointer); isPtr {
		t = types.Unalias(p.Elem())
	}
	n, isNamed := t.(*types.Named)
	if !isNamed || n.Obj().Pkg() == nil {
		return "", "", false
	}
	return modulePath(n.Obj().Pkg().Path()), n.Obj().Name(), true
}

// funcKey identifies fn in the model tables: "path.Name" for a package
// function, "path.Type.Name" for a method of a named type or interface
// (pointer receivers included); "" for functions without a package
// (error.Error) and methods of unnamed types.
func funcKey(fn *types.Func) string {
	if fn.Signature().Recv() != nil {
		path, name, ok := recvType(fn)
		if !ok {
			return ""
		}
		return path + "." + name + "." + fn.Name()
	}
	if fn.Pkg() == nil {
		return ""
	}
	return modulePath(fn.Pkg().Path()) + "." + fn.Name()
}

// keyOf returns funcKey(fn), memoized: the scan asks it of every call.
func (c *Classifier) keyOf(fn *types.Func) string {
	k, ok := c.keys[fn]
	if !ok {
		k = funcKey(fn)
		c.keys[fn] = k
	}
	return k
}

// varKey identifies a package-level variable: "path.Name"; "" otherwise.
func varKey(v *types.Var) string {
	if v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return ""
	}
	return modulePath(v.Pkg().Path()) + "." + v.Name()
}

// knownVars are package-level variables of other packages whose values are
// known.
var knownVars = map[string]Kind{
	"crypto/rand.Reader": CryptoRandom,
}

func init() {
	for _, p := range []string{googleUUID, gofrsUUID, satoriUUID} {
		for _, name := range []string{"Nil", "Max", "NameSpaceDNS", "NameSpaceURL", "NameSpaceOID", "NameSpaceX500",
			"NamespaceDNS", "NamespaceURL", "NamespaceOID", "NamespaceX500"} {
			knownVars[p+"."+name] = Constant
		}
	}
}

// recvArg stands for the receiver in model argument lists.
const recvArg = -1

// op says how a modeled call's value is computed.
type op uint8

const (
	opNone    op = iota // no value of interest: Identifier
	opGen               // a fresh value of kind, generated at the call
	opReader            // drawn from the io.Reader at args[0]: kind when it is crypto/rand, its math/rand kinds when it is a math/rand source, Identifier otherwise; generated at the call
	opArgs              // the concatenation of args (rest: and all arguments after the last one)
	opMix               // the mix of args (Constant dropped when other kinds are present)
	opName              // a name-based UUID of args[0]: UUIDName and the name's kinds
	opSprintf           // fmt.Sprintf-like: args[0] is the format, the operands follow
	opSprint            // fmt.Sprint-like: args[0] and the following operands
	opCounter           // an atomic add: Counter, generated at the call
)

// effect is what a modeled call does to a variable, which the scan
// records as a write.
type effect uint8

const (
	effNone       effect = iota
	effFill              // fills the bytes of args target from source
	effIncr              // increments the variable at target (&x or the receiver)
	effStore             // stores argument src into the variable at target
	effSeed              // reseeds the receiver with all its arguments
	effGlobalSeed        // math/rand.Seed
)

// fillSource is where the bytes of a fill come from.
type fillSource uint8

const (
	fillCrypto     fillSource = iota + 1 // crypto/rand
	fillMathGlobal                       // the top-level math/rand source
	fillReader                           // the io.Reader or math/rand source at src
	fillCopy                             // the value at src, as is
)

// model describes a modeled function or method.
type model struct {
	op   op
	kind Kind
	args []int
	rest bool
	// fold computes the exact result from the exact arguments, when they
	// are known (argument index recvArg is the receiver).
	fold func(c *Classifier, ci callInfo, arg func(i int) val) (string, bool)
	// size computes the length of the result from the arguments when the
	// exact value is not known (the encoding of a random buffer).
	size func(c *Classifier, ci callInfo, arg func(i int) val) (int, bool)

	eff         effect
	target, src int
	from        fillSource
}

func gen(k Kind) model        { return model{op: opGen, kind: k} }
func argsOf(idx ...int) model { return model{op: opArgs, args: idx} }
func mixOf(idx ...int) model  { return model{op: opMix, args: idx} }
func restFrom(idx int) model  { return model{op: opArgs, args: []int{idx}, rest: true} }
func nameOf(idx int) model    { return model{op: opName, args: []int{idx}} }
func reader(k Kind) model     { return model{op: opReader, kind: k, args: []int{0}} }
func fill(target int, from fillSource, src int) model {
	return model{eff: effFill, target: target, from: from, src: src}
}

// folded returns m with fold f.
func (m model) folded(f func(c *Classifier, ci callInfo, arg func(i int) val) (string, bool)) model {
	m.fold = f
	return m
}

func (m model) sized(f func(c *Classifier, ci callInfo, arg func(i int) val) (int, bool)) model {
	m.size = f
	return m
}

// sizeConst is the size of a result of fixed length.
func sizeConst(n int) func(*Classifier, callInfo, func(int) val) (int, bool) {
	return func(*Classifier, callInfo, func(int) val) (int, bool) { return n, true }
}

// sizeHex is the length of the hexadecimal encoding of argument 0.
func sizeHex(_ *Classifier, _ callInfo, arg func(int) val) (int, bool) {
	n, ok := arg(0).length()
	return hex.EncodedLen(n), ok
}

// sizeEncoded is the length of (*Encoding).EncodeToString of argument 0,
// when the receiver is one of the package's encoding variables.
func sizeEncoded(c *Classifier, ci callInfo, arg func(int) val) (int, bool) {
	n, ok := arg(0).length()
	if !ok || ci.recv == nil {
		return 0, false
	}
	v := c.namedVar(ci.recv)
	if v == nil {
		return 0, false
	}
	enc, ok := encodings[varKey(v)]
	if !ok {
		return 0, false
	}
	return enc.EncodedLen(n), true
}

// Folds of one string argument.
func fold1(f func(string) string) func(*Classifier, callInfo, func(int) val) (string, bool) {
	return func(_ *Classifier, _ callInfo, arg func(int) val) (string, bool) {
		a := arg(0)
		if !a.strOK {
			return "", false
		}
		return f(a.str), true
	}
}

func fold2(f func(string, string) string) func(*Classifier, callInfo, func(int) val) (string, bool) {
	return func(_ *Classifier, _ callInfo, arg func(int) val) (string, bool) {
		a, b := arg(0), arg(1)
		if !a.strOK || !b.strOK {
			return "", false
		}
		return f(a.str, b.str), true
	}
}

func identity(s string) string { return s }

func foldFormatInt(unsigned bool) func(*Classifier, callInfo, func(int) val) (string, bool) {
	return func(_ *Classifier, _ callInfo, arg func(int) val) (string, bool) {
		x, base := arg(0), arg(1)
		if !x.strOK || !base.strOK {
			return "", false
		}
		b, err := strconv.Atoi(base.str)
		if err != nil || b < 2 || b > 36 {
			return "", false
		}
		if unsigned {
			n, err := strconv.ParseUint(x.str, 10, 64)
			if err != nil {
				return "", false
			}
			return strconv.FormatUint(n, b), true
		}
		n, err := strconv.ParseInt(x.str, 10, 64)
		if err != nil {
			return "", false
		}
		return strconv.FormatInt(n, b), true
	}
}

func foldRepeat(_ *Classifier, _ callInfo, arg func(int) val) (string, bool) {
	s, n := arg(0), arg(1)
	if !s.strOK || !n.strOK {
		return "", false
	}
	k, err := strconv.Atoi(n.str)
	if err != nil || k < 0 || k*len(s.str) > maxStr {
		return "", false
	}
	return strings.Repeat(s.str, k), true
}

func foldReplaceAll(_ *Classifier, _ callInfo, arg func(int) val) (string, bool) {
	s, o, n := arg(0), arg(1), arg(2)
	if !s.strOK || !o.strOK || !n.strOK {
		return "", false
	}
	return strings.ReplaceAll(s.str, o.str, n.str), true
}

func sum(f func([]byte) []byte) func(*Classifier, callInfo, func(int) val) (string, bool) {
	return fold1(func(s string) string { return string(f([]byte(s))) })
}

// encodings are the encoding/base64 and encoding/base32 variables whose
// EncodeToString can be replayed.
var encodings = map[string]interface {
	EncodeToString([]byte) string
	EncodedLen(int) int
}{
	"encoding/base64.StdEncoding":    base64.StdEncoding,
	"encoding/base64.URLEncoding":    base64.URLEncoding,
	"encoding/base64.RawStdEncoding": base64.RawStdEncoding,
	"encoding/base64.RawURLEncoding": base64.RawURLEncoding,
	"encoding/base32.StdEncoding":    base32.StdEncoding,
	"encoding/base32.HexEncoding":    base32.HexEncoding,
}

// foldEncodeToString replays (*Encoding).EncodeToString when the receiver
// is one of the package's encoding variables.
func foldEncodeToString(c *Classifier, ci callInfo, arg func(int) val) (string, bool) {
	a := arg(0)
	if !a.strOK || ci.recv == nil {
		return "", false
	}
	v := c.namedVar(ci.recv)
	if v == nil {
		return "", false
	}
	enc, ok := encodings[varKey(v)]
	if !ok {
		return "", false
	}
	return enc.EncodeToString([]byte(a.str)), true
}

// models are the modeled functions and methods, by funcKey.
var models = map[string]model{
	// time
	"time.Now":       gen(Time),
	"time.Since":     gen(Time),
	"time.Until":     gen(Time),
	"time.Unix":      mixOf(0, 1),
	"time.UnixMilli": mixOf(0),
	"time.UnixMicro": mixOf(0),
	"time.Date":      mixOf(0, 1, 2, 3, 4, 5, 6),

	// crypto/rand
	"crypto/rand.Text":  gen(CryptoRandom).sized(sizeConst(26)), // 128 bits in base32
	"crypto/rand.Int":   reader(CryptoRandom),
	"crypto/rand.Prime": reader(CryptoRandom),
	"crypto/rand.Read":  fill(0, fillCrypto, 0),

	// golang.org/x/oauth2
	oauth2Pkg + ".GenerateVerifier": gen(CryptoRandom),
	oauth2Pkg + ".S256ChallengeFromVerifier": argsOf(0).folded(fold1(func(s string) string {
		h := sha256.Sum256([]byte(s))
		return base64.RawURLEncoding.EncodeToString(h[:])
	})),

	// github.com/google/uuid
	googleUUID + ".New":                 gen(UUIDRandom),
	googleUUID + ".NewString":           gen(UUIDRandom),
	googleUUID + ".NewRandom":           gen(UUIDRandom),
	googleUUID + ".NewV7":               gen(UUIDRandom),
	googleUUID + ".NewRandomFromReader": reader(UUIDRandom),
	googleUUID + ".NewV7FromReader":     reader(UUIDRandom),
	googleUUID + ".NewUUID":             gen(UUIDTime),
	googleUUID + ".NewV6":               gen(UUIDTime),
	googleUUID + ".NewDCEPerson":        gen(UUIDTime),
	googleUUID + ".NewDCEGroup":         gen(UUIDTime),
	googleUUID + ".NewDCESecurity":      gen(UUIDTime),
	googleUUID + ".NewMD5":              nameOf(1),
	googleUUID + ".NewSHA1":             nameOf(1),
	googleUUID + ".NewHash":             nameOf(2),
	googleUUID + ".Must":                argsOf(0),
	googleUUID + ".Parse":               argsOf(0),
	googleUUID + ".ParseBytes":          argsOf(0),
	googleUUID + ".MustParse":           argsOf(0),
	googleUUID + ".FromBytes":           argsOf(0),

	// github.com/satori/go.uuid
	satoriUUID + ".NewV4":           gen(UUIDRandom),
	satoriUUID + ".NewV1":           gen(UUIDTime),
	satoriUUID + ".NewV2":           gen(UUIDTime),
	satoriUUID + ".NewV3":           nameOf(1),
	satoriUUID + ".NewV5":           nameOf(1),
	satoriUUID + ".Must":            argsOf(0),
	satoriUUID + ".FromString":      argsOf(0),
	satoriUUID + ".FromStringOrNil": argsOf(0),
	satoriUUID + ".FromBytes":       argsOf(0),
	satoriUUID + ".FromBytesOrNil":  argsOf(0),

	// fmt, strconv, strings, encodings, hashes
	"fmt.Sprint":           {op: opSprint},
	"fmt.Sprintln":         {op: opSprint},
	"fmt.Sprintf":          {op: opSprintf},
	"fmt.Append":           restFrom(0),
	"fmt.Appendln":         restFrom(0),
	"fmt.Appendf":          restFrom(0),
	"strconv.Itoa":         argsOf(0).folded(fold1(identity)),
	"strconv.FormatInt":    argsOf(0).folded(foldFormatInt(false)),
	"strconv.FormatUint":   argsOf(0).folded(foldFormatInt(true)),
	"strconv.FormatFloat":  argsOf(0),
	"strconv.FormatBool":   argsOf(0).folded(fold1(identity)),
	"strconv.Quote":        argsOf(0).folded(fold1(strconv.Quote)),
	"strconv.QuoteToASCII": argsOf(0).folded(fold1(strconv.QuoteToASCII)),
	"strconv.AppendInt":    argsOf(0, 1),
	"strconv.AppendUint":   argsOf(0, 1),
	"strconv.AppendQuote":  argsOf(0, 1),
	"strings.ToUpper":      argsOf(0).folded(fold1(strings.ToUpper)),
	"strings.ToLower":      argsOf(0).folded(fold1(strings.ToLower)),
	"strings.ToTitle":      argsOf(0).folded(fold1(strings.ToTitle)),
	"strings.TrimSpace":    argsOf(0).folded(fold1(strings.TrimSpace)),
	"strings.Clone":        argsOf(0).folded(fold1(identity)),
	"strings.TrimPrefix":   argsOf(0).folded(fold2(strings.TrimPrefix)),
	"strings.TrimSuffix":   argsOf(0).folded(fold2(strings.TrimSuffix)),
	"strings.Trim":         argsOf(0).folded(fold2(strings.Trim)),
	"strings.TrimLeft":     argsOf(0).folded(fold2(strings.TrimLeft)),
	"strings.TrimRight":    argsOf(0).folded(fold2(strings.TrimRight)),
	"strings.Repeat":       argsOf(0).folded(foldRepeat),
	"strings.ReplaceAll":   argsOf(0, 2).folded(foldReplaceAll),
	"strings.Replace":      argsOf(0, 2),
	"strings.Join":         argsOf(0, 1),
	"strings.Map":          argsOf(1),
	"net/url.QueryEscape":  argsOf(0).folded(fold1(url.QueryEscape)),
	"net/url.PathEscape":   argsOf(0).folded(fold1(url.PathEscape)),
	"encoding/hex.EncodeToString": argsOf(0).sized(sizeHex).folded(fold1(func(s string) string {
		return hex.EncodeToString([]byte(s))
	})),
	"encoding/hex.AppendEncode":                 argsOf(0, 1),
	"encoding/hex.Encode":                       fill(0, fillCopy, 1),
	"encoding/base64.Encoding.EncodeToString":   argsOf(0).folded(foldEncodeToString).sized(sizeEncoded),
	"encoding/base64.Encoding.AppendEncode":     argsOf(0, 1),
	"encoding/base64.Encoding.Encode":           fill(0, fillCopy, 1),
	"encoding/base32.Encoding.EncodeToString":   argsOf(0).folded(foldEncodeToString).sized(sizeEncoded),
	"encoding/base32.Encoding.AppendEncode":     argsOf(0, 1),
	"encoding/base32.Encoding.Encode":           fill(0, fillCopy, 1),
	"encoding/binary.bigEndian.Uint16":          argsOf(0),
	"encoding/binary.bigEndian.Uint32":          argsOf(0),
	"encoding/binary.bigEndian.Uint64":          argsOf(0),
	"encoding/binary.littleEndian.Uint16":       argsOf(0),
	"encoding/binary.littleEndian.Uint32":       argsOf(0),
	"encoding/binary.littleEndian.Uint64":       argsOf(0),
	"encoding/binary.bigEndian.PutUint16":       fill(0, fillCopy, 1),
	"encoding/binary.bigEndian.PutUint32":       fill(0, fillCopy, 1),
	"encoding/binary.bigEndian.PutUint64":       fill(0, fillCopy, 1),
	"encoding/binary.littleEndian.PutUint16":    fill(0, fillCopy, 1),
	"encoding/binary.littleEndian.PutUint32":    fill(0, fillCopy, 1),
	"encoding/binary.littleEndian.PutUint64":    fill(0, fillCopy, 1),
	"encoding/binary.bigEndian.AppendUint64":    argsOf(0, 1),
	"encoding/binary.littleEndian.AppendUint64": argsOf(0, 1),
	"crypto/sha256.Sum256":                      argsOf(0).folded(sum(func(b []byte) []byte { h := sha256.Sum256(b); return h[:] })),
	"crypto/sha256.Sum224":                      argsOf(0).folded(sum(func(b []byte) []byte { h := sha256.Sum224(b); return h[:] })),
	"crypto/sha512.Sum512":                      argsOf(0).folded(sum(func(b []byte) []byte { h := sha512.Sum512(b); return h[:] })),
	"crypto/sha512.Sum384":                      argsOf(0).folded(sum(func(b []byte) []byte { h := sha512.Sum384(b); return h[:] })),
	"crypto/sha1.Sum":                           argsOf(0).folded(sum(func(b []byte) []byte { h := sha1.Sum(b); return h[:] })),
	"crypto/md5.Sum":                            argsOf(0).folded(sum(func(b []byte) []byte { h := md5.Sum(b); return h[:] })),
	"math/big.NewInt":                           argsOf(0).folded(fold1(identity)),
	"math/big.Int.String":                       argsOf(recvArg).folded(foldRecv),
	"math/big.Int.Text":                         argsOf(recvArg),
	"math/big.Int.Int64":                        argsOf(recvArg).folded(foldRecv),
	"math/big.Int.Uint64":                       argsOf(recvArg).folded(foldRecv),
	"math/big.Int.Bytes":                        argsOf(recvArg),

	// io: fills from readers.
	"io.ReadFull":    fill(1, fillReader, 0),
	"io.ReadAtLeast": fill(1, fillReader, 0),
	"io.Reader.Read": fill(0, fillReader, recvArg),

	// Calls that read a slice without writing it, so that passing a buffer
	// to them is not an unknown write.
	"io.Writer.Write":                   {},
	"bytes.Buffer.Write":                {},
	"bytes.Equal":                       {},
	"crypto/subtle.ConstantTimeCompare": {},
	"crypto/hmac.Equal":                 {},
	"net/http.ResponseWriter.Write":     {},
}

func foldRecv(_ *Classifier, _ callInfo, arg func(int) val) (string, bool) {
	r := arg(recvArg)
	return r.str, r.strOK
}

func init() {
	// github.com/gofrs/uuid: package functions, and the same methods of
	// Gen and of the Generator interface.
	for _, prefix := range []string{gofrsUUID + ".", gofrsUUID + ".Gen.", gofrsUUID + ".Generator."} {
		models[prefix+"NewV4"] = gen(UUIDRandom)
		models[prefix+"NewV7"] = gen(UUIDRandom)
		models[prefix+"NewV1"] = gen(UUIDTime)
		models[prefix+"NewV6"] = gen(UUIDTime)
		models[prefix+"NewV3"] = nameOf(1)
		models[prefix+"NewV5"] = nameOf(1)
	}
	for _, name := range []string{"Must", "FromString", "FromStringOrNil", "FromBytes", "FromBytesOrNil"} {
		models[gofrsUUID+"."+name] = argsOf(0)
	}

	// sync/atomic: adds are counters, loads read, stores write.
	for _, t := range []string{"Int32", "Int64", "Uint32", "Uint64", "Uintptr"} {
		models["sync/atomic.Add"+t] = model{op: opCounter, eff: effIncr, target: 0}
		models["sync/atomic.Load"+t] = argsOf(0)
		models["sync/atomic.Store"+t] = model{eff: effStore, target: 0, src: 1}
		models["sync/atomic.Swap"+t] = model{op: opArgs, args: []int{0}, eff: effStore, target: 0, src: 1}
		models["sync/atomic.CompareAndSwap"+t] = model{eff: effStore, target: 0, src: 2}
		models["sync/atomic."+t+".Add"] = model{op: opCounter, eff: effIncr, target: recvArg}
		models["sync/atomic."+t+".Load"] = argsOf(recvArg)
		models["sync/atomic."+t+".Store"] = model{eff: effStore, target: recvArg, src: 0}
		models["sync/atomic."+t+".Swap"] = model{op: opArgs, args: []int{recvArg}, eff: effStore, target: recvArg, src: 0}
		models["sync/atomic."+t+".CompareAndSwap"] = model{eff: effStore, target: recvArg, src: 1}
	}

	// math/rand: the fills and seeds; values are computed by randCall.
	models[randV1+".Read"] = fill(0, fillMathGlobal, 0)
	models[randV1+".Rand.Read"] = fill(0, fillReader, recvArg)
	models[randV2+".ChaCha8.Read"] = fill(0, fillReader, recvArg)
	models[randV1+".Seed"] = model{eff: effGlobalSeed}
	for _, k := range []string{randV1 + ".Rand", randV1 + ".Source", randV2 + ".PCG", randV2 + ".ChaCha8"} {
		models[k+".Seed"] = model{eff: effSeed}
	}
}

// preservingTypes are the types all of whose methods return (a form of)
// the receiver's value: their kinds are the receiver's.
var preservingTypes = map[string]bool{
	"time.Time":          true,
	"time.Duration":      true,
	googleUUID + ".UUID": true,
	gofrsUUID + ".UUID":  true,
	satoriUUID + ".UUID": true,
}

// randTypes are the math/rand and math/rand/v2 types whose methods produce
// random values.
var randTypes = map[string]bool{
	randV1 + ".Rand":     true,
	randV1 + ".Source":   true,
	randV1 + ".Source64": true,
	randV1 + ".Zipf":     true,
	randV2 + ".Rand":     true,
	randV2 + ".Source":   true,
	randV2 + ".PCG":      true,
	randV2 + ".ChaCha8":  true,
	randV2 + ".Zipf":     true,
}

// size is the range of a math/rand function or method.
type size uint8

const (
	sizeLarge size = iota + 1 // 2^32 values or more
	sizeSmall                 // fewer than 2^32 values
	sizeBound                 // [0, args[0]): small when the bound is a constant below 2^32
)

// randSizes are the value-producing functions and methods of math/rand and
// math/rand/v2, by name.
var randSizes = map[string]map[string]size{
	randV1: {
		"Int63": sizeLarge, "Uint64": sizeLarge, "Int": sizeLarge,
		"Int63n": sizeBound, "Intn": sizeBound,
		"Int31": sizeSmall, "Int31n": sizeSmall, "Uint32": sizeSmall,
		"Float32": sizeSmall, "Float64": sizeSmall, "NormFloat64": sizeSmall,
		"ExpFloat64": sizeSmall, "Perm": sizeSmall,
	},
	randV2: {
		"Int": sizeLarge, "Int64": sizeLarge, "Uint": sizeLarge, "Uint64": sizeLarge,
		"IntN": sizeBound, "Int64N": sizeBound, "UintN": sizeBound, "Uint64N": sizeBound, "N": sizeBound,
		"Int32": sizeSmall, "Int32N": sizeSmall, "Uint32": sizeSmall, "Uint32N": sizeSmall,
		"Float32": sizeSmall, "Float64": sizeSmall, "NormFloat64": sizeSmall,
		"ExpFloat64": sizeSmall, "Perm": sizeSmall,
	},
}

// callInfo is a call with its callee resolved through go/types.
type callInfo struct {
	call    *ast.CallExpr
	fn      *types.Func // nil for builtins, conversions and calls of function values
	key     string      // funcKey(fn)
	recv    ast.Expr    // the receiver of a method call (or method expression)
	args    []ast.Expr  // the arguments, without a method expression's receiver
	builtin string      // the builtin's name
	conv    bool        // a conversion T(x)
}

// model returns the model of the callee, if any.
func (ci callInfo) model() (model, bool) {
	m, ok := models[ci.key]
	return m, ok
}

// modeled reports whether the callee is known to the classifier, so that
// passing a buffer to it is not an unknown write.
func (ci callInfo) modeled() bool {
	if ci.fn == nil {
		return false
	}
	if _, ok := models[ci.key]; ok {
		return true
	}
	if path, name, ok := recvType(ci.fn); ok {
		return preservingTypes[path+"."+name] || randTypes[path+"."+name]
	}
	if ci.fn.Pkg() == nil {
		return false // error.Error
	}
	p := ci.fn.Pkg().Path()
	return p == randV1 || p == randV2
}

// generators are the packages (as modulePath gives them) with a modeled
// function that generates a value: random, time, counter or UUID.
// Built on first use: init functions add to models.
var generators = sync.OnceValue(func() map[string]bool {
	// math/rand's functions are classified by eval, not by the tables.
	m := map[string]bool{randV1: true, randV2: true}
	for key, md := range models {
		if md.op == opGen || md.op == opReader || md.op == opCounter || md.op == opName || md.eff == effFill || md.eff == effIncr {
			// Keys are "path.Name" or "path.Type.Name"; paths may hold
			// dots (github.com/...) but not after their last slash.
			path := key
			if i := strings.LastIndexByte(path, '/'); i >= 0 {
				if j := strings.IndexByte(path[i:], '.'); j >= 0 {
					path = path[:i+j]
				}
			} else if j := strings.IndexByte(path, '.'); j >= 0 {
				path = path[:j]
			}
			m[path] = true
		}
	}
	return m
})

// Generates reports whether the package at path (any major version) has a
// function that entropy knows to generate values: crypto/rand, math/rand,
// time, sync/atomic, the UUID packages, x/oauth2's GenerateVerifier. A
// package importing none of them can still pass values through, but cannot
// make new ones, so a caller deciding whether a package's functions are
// worth classifying can skip it.
func Generates(path string) bool { return generators()[modulePath(path)] }
