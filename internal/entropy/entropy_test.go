package entropy

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/internal/typesutil"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/ast/inspector"
)

// The standard library is type-checked from source once per test binary;
// the third-party packages are the stubs under testdata/src.
var (
	fset   = token.NewFileSet()
	stdImp = importer.ForCompiler(fset, "source", nil)
	stubs  = map[string]*types.Package{}
)

// stubImporter imports testdata/src/<path> when it exists, the standard
// library otherwise.
type stubImporter struct{}

func (stubImporter) Import(path string) (*types.Package, error) {
	if p := stubs[path]; p != nil {
		return p, nil
	}
	dir := filepath.Join("testdata", "src", filepath.FromSlash(path))
	entries, err := os.ReadDir(dir)
	if err != nil {
		return stdImp.Import(path)
	}
	var files []*ast.File
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, 0)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	conf := types.Config{Importer: stubImporter{}}
	pkg, err := conf.Check(path, fset, files, nil)
	if err != nil {
		return nil, err
	}
	stubs[path] = pkg
	return pkg, nil
}

type loaded struct {
	pkg   *types.Package
	info  *types.Info
	file  *ast.File
	lines []string
}

// load type-checks src, a file of package p, with func sink(any) added.
func load(t *testing.T, src, goVersion string) *loaded {
	t.Helper()
	src += "\nfunc sink(any) {}\n"
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Implicits:    map[ast.Node]types.Object{},
		FileVersions: map[*ast.File]string{},
	}
	conf := types.Config{Importer: stubImporter{}, GoVersion: goVersion}
	pkg, err := conf.Check("example.com/p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return &loaded{pkg, info, f, strings.Split(src, "\n")}
}

// sinkArg returns the argument of the only call of sink.
func (l *loaded) sinkArg(t *testing.T) ast.Expr {
	t.Helper()
	sink := l.pkg.Scope().Lookup("sink")
	var args []ast.Expr
	ast.Inspect(l.file, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && l.info.Uses[id] == sink {
				args = append(args, call.Args[0])
			}
		}
		return true
	})
	if len(args) != 1 {
		t.Fatalf("want one call of sink, have %d", len(args))
	}
	return args[0]
}

// funcDecl returns the declaration of the package-level function name.
func (l *loaded) funcDecl(t *testing.T, name string) *ast.FuncDecl {
	t.Helper()
	obj := l.pkg.Scope().Lookup(name)
	for _, d := range l.file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && l.info.Defs[fd.Name] == obj {
			return fd
		}
	}
	t.Fatalf("no function %s", name)
	return nil
}

// genLines are the lines marked "//gen", once per marker.
func (l *loaded) genLines() []int {
	var lines []int
	for i, s := range l.lines {
		for range strings.Count(s, "//gen") {
			lines = append(lines, i+1)
		}
	}
	return lines
}

// got is a Value with positions as line numbers.
type got struct {
	Kinds    Kind
	Gen      []int
	ConstLen int
}

func lines(v Value) got {
	g := got{Kinds: v.Kinds, ConstLen: v.ConstLen}
	for _, p := range v.Gen {
		g.Gen = append(g.Gen, fset.Position(p).Line)
	}
	return g
}

// fakeOracle reports the functions of example.com/helpers listed in random
// as random, and, as a KindOracle, those in kinds.
type fakeOracle struct {
	random map[string]bool
	kinds  map[string]Kind
}

func (o fakeOracle) Random(fn *types.Func) bool { return o.random[fn.Pkg().Path()+"."+fn.Name()] }

type fakeKindOracle struct{ fakeOracle }

func (o fakeKindOracle) Kinds(fn *types.Func) (Kind, bool) {
	k, ok := o.kinds[fn.Pkg().Path()+"."+fn.Name()]
	return k, ok
}

var helperOracle = fakeKindOracle{fakeOracle{
	random: map[string]bool{"example.com/helpers.NewToken": true},
	kinds:  map[string]Kind{"example.com/helpers.Key": Time},
}}

type classifyCase struct {
	name  string
	src   string // a file of package p; "//gen" marks the lines of the expected Gen positions
	kinds Kind
	clen  int    // the expected ConstLen when kinds is Constant (-1 otherwise)
	goVer string // types.Config.GoVersion
	// oracle is given to New; nil means none.
	oracle Oracle
}

var classifyCases = []classifyCase{
	// Constants.
	{name: "literal", kinds: Constant, clen: 3, src: `package p
func f() { sink("abc") }`},
	{name: "named constant of another package", kinds: Constant, clen: 25, src: `package p
import "time"
func f() { sink(time.RFC3339) }`},
	{name: "unexported package var never reassigned", kinds: Constant, clen: 6, src: `package p
var key = "idem-1"
func f() { sink(key) }`},
	{name: "exported package var", kinds: Identifier, src: `package p
var Key = "idem-1"
func f() { sink(Key) }`},
	{name: "reassigned package var", kinds: Constant | Identifier, src: `package p
var key = "idem-1"
func set(k string) { key = k }
func f() { sink(key) }`},
	{name: "sprintf of constants", kinds: Constant, clen: 4, src: `package p
import "fmt"
func f() { sink(fmt.Sprintf("%s-%d", "a", 42)) }`},
	{name: "sprint of constants", kinds: Constant, clen: 5, src: `package p
import "fmt"
func f() { sink(fmt.Sprint(12, 34)) }`},
	{name: "local constant", kinds: Constant, clen: 5, src: `package p
func f() {
	s := "state"
	sink(s)
}`},
	{name: "itoa of a constant", kinds: Constant, clen: 8, src: `package p
import "strconv"
func f() { sink(strconv.Itoa(12345678)) }`},
	{name: "formatint base 16", kinds: Constant, clen: 2, src: `package p
import "strconv"
func f() { sink(strconv.FormatInt(255, 16)) }`},
	{name: "hex of a constant", kinds: Constant, clen: 4, src: `package p
import "encoding/hex"
func f() { sink(hex.EncodeToString([]byte("ab"))) }`},
	{name: "base64 of a constant", kinds: Constant, clen: 4, src: `package p
import "encoding/base64"
func f() { sink(base64.RawURLEncoding.EncodeToString([]byte("abc"))) }`},
	{name: "sha256 hex of a constant", kinds: Constant, clen: 64, src: `package p
import (
	"crypto/sha256"
	"encoding/hex"
)
func f() {
	sum := sha256.Sum256([]byte("seed"))
	sink(hex.EncodeToString(sum[:]))
}`},
	{name: "strings transform", kinds: Constant, clen: 3, src: `package p
import "strings"
func f() { sink(strings.ToUpper(strings.TrimPrefix("st_abc", "st_"))) }`},
	{name: "zero value", kinds: Constant, clen: 0, src: `package p
func f() {
	var s string
	sink(s)
}`},
	{name: "nil bytes", kinds: Constant, clen: 0, src: `package p
func f() { sink(string([]byte(nil))) }`},
	{name: "slice of a constant", kinds: Constant, clen: 4, src: `package p
func f() {
	s := "abcdefghij"
	sink(s[:4])
}`},
	{name: "uuid.Nil", kinds: Constant, clen: -1, src: `package p
import "github.com/google/uuid"
func f() { sink(uuid.Nil.String()) }`},
	{name: "uuid.MustParse of a constant", kinds: Constant, clen: -1, src: `package p
import "github.com/google/uuid"
func f() { sink(uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8").String()) }`},
	{name: "zero buffer never filled", kinds: Constant, clen: -1, src: `package p
import "encoding/hex"
func f() {
	b := make([]byte, 16)
	sink(hex.EncodeToString(b))
}`},
	{name: "helper returning a constant", kinds: Constant, clen: 7, src: `package p
func state() string { return "fixed12" }
func f() { sink(state()) }`},
	{name: "concatenation overflow keeps Constant, drops length", kinds: Constant, clen: -1, src: `package p
func f() {
	x0 := "abcdefgh"
	x1 := x0 + x0
	x2 := x1 + x1
	x3 := x2 + x2
	x4 := x3 + x3
	x5 := x4 + x4
	x6 := x5 + x5
	x7 := x6 + x6
	x8 := x7 + x7
	x9 := x8 + x8
	x10 := x9 + x9
	sink(x10)
}`},

	// UUIDs.
	{name: "uuid.NewString", kinds: UUIDRandom, src: `package p
import "github.com/google/uuid"
func f() { sink(uuid.NewString()) //gen
}`},
	{name: "uuid.New().String()", kinds: UUIDRandom, src: `package p
import "github.com/google/uuid"
func f() { sink(uuid.New().String()) //gen
}`},
	{name: "uuid.Must(uuid.NewRandom())", kinds: UUIDRandom, src: `package p
import "github.com/google/uuid"
func f() { sink(uuid.Must(uuid.NewRandom()).String()) //gen
}`},
	{name: "uuid.NewV7 through a tuple definition", kinds: UUIDRandom, src: `package p
import "github.com/google/uuid"
func f() error {
	id, err := uuid.NewV7() //gen
	if err != nil {
		return err
	}
	sink(id.String())
	return nil
}`},
	{name: "dot import", kinds: UUIDRandom, src: `package p
import . "github.com/google/uuid"
func f() { sink(NewString()) //gen
}`},
	{name: "renamed import", kinds: UUIDRandom, src: `package p
import guuid "github.com/google/uuid"
func f() { sink(guuid.NewString()) //gen
}`},
	{name: "gofrs v5 NewV4", kinds: UUIDRandom, src: `package p
import "github.com/gofrs/uuid/v5"
func f() { sink(uuid.Must(uuid.NewV4()).String()) //gen
}`},
	{name: "gofrs Gen method", kinds: UUIDRandom, src: `package p
import "github.com/gofrs/uuid/v5"
func f() {
	u, _ := uuid.NewGen().NewV7() //gen
	sink(u.String())
}`},
	{name: "gofrs Generator interface method", kinds: UUIDRandom, src: `package p
import "github.com/gofrs/uuid/v5"
func f() {
	u, _ := uuid.DefaultGenerator.NewV4() //gen
	sink(u.Bytes())
}`},
	{name: "satori NewV4", kinds: UUIDRandom, src: `package p
import uuid "github.com/satori/go.uuid"
func f() { sink(uuid.NewV4().String()) //gen
}`},
	{name: "uuid from a crypto reader", kinds: UUIDRandom, src: `package p
import (
	"crypto/rand"
	"github.com/google/uuid"
)
func f() {
	u, _ := uuid.NewRandomFromReader(rand.Reader) //gen
	sink(u)
}`},
	{name: "uuid from a seeded math/rand reader", kinds: MathRandSeeded, src: `package p
import (
	"math/rand"
	"github.com/google/uuid"
)
func f() {
	u, _ := uuid.NewRandomFromReader(rand.New(rand.NewSource(1))) //gen
	sink(u)
}`},
	{name: "uuid version 1", kinds: UUIDTime, src: `package p
import "github.com/google/uuid"
func f() {
	u, _ := uuid.NewUUID() //gen
	sink(u.String())
}`},
	{name: "satori version 1", kinds: UUIDTime, src: `package p
import uuid "github.com/satori/go.uuid"
func f() { sink(uuid.NewV1().String()) //gen
}`},
	{name: "name-based uuid of constants", kinds: UUIDName | Constant, src: `package p
import "github.com/google/uuid"
func f() { sink(uuid.NewSHA1(uuid.NameSpaceURL, []byte("transfer")).String()) }`},
	{name: "name-based uuid of an identifier", kinds: UUIDName | Identifier, src: `package p
import "github.com/google/uuid"
type Invoice struct{ ID string }
func f(inv Invoice) { sink(uuid.NewMD5(uuid.NameSpaceDNS, []byte(inv.ID)).String()) }`},
	{name: "gofrs NewV5", kinds: UUIDName | Constant, src: `package p
import "github.com/gofrs/uuid/v5"
func f() { sink(uuid.NewV5(uuid.NamespaceURL, "x").String()) }`},

	// crypto/rand and oauth2.
	{name: "rand.Text", kinds: CryptoRandom, src: `package p
import "crypto/rand"
func f() { sink(rand.Text()) //gen
}`},
	{name: "rand.Read fills a buffer", kinds: CryptoRandom, src: `package p
import (
	"crypto/rand"
	"encoding/hex"
)
func f() {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil { //gen
		panic(err)
	}
	sink(hex.EncodeToString(b))
}`},
	{name: "io.ReadFull into an array", kinds: CryptoRandom, src: `package p
import (
	"crypto/rand"
	"encoding/base64"
	"io"
)
func f() {
	var b [32]byte
	io.ReadFull(rand.Reader, b[:]) //gen
	sink(base64.RawURLEncoding.EncodeToString(b[:]))
}`},
	{name: "rand.Reader.Read", kinds: CryptoRandom, src: `package p
import (
	"crypto/rand"
	"fmt"
)
func f() {
	b := make([]byte, 16)
	rand.Reader.Read(b) //gen
	sink(fmt.Sprintf("%x", b))
}`},
	{name: "reading into a buffer is not writing it", kinds: CryptoRandom, src: `package p
import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
)
func f() {
	b := make([]byte, 16)
	rand.Read(b) //gen
	fmt.Println(b)
	sink(hex.EncodeToString(b))
}`},
	{name: "copy of a random buffer", kinds: UUIDRandom, src: `package p
import "github.com/google/uuid"
func f() {
	src := []byte(uuid.NewString()) //gen
	dst := make([]byte, len(src))
	copy(dst, src)
	sink(string(dst))
}`},
	{name: "rand.Int", kinds: CryptoRandom, src: `package p
import (
	"crypto/rand"
	"math/big"
)
func f() {
	n, _ := rand.Int(rand.Reader, big.NewInt(1<<62)) //gen
	sink(n.String())
}`},
	{name: "oauth2.GenerateVerifier", kinds: CryptoRandom, src: `package p
import "golang.org/x/oauth2"
func f(c *oauth2.Config) { sink(oauth2.GenerateVerifier()) //gen
}`},
	{name: "constant prefix and random", kinds: Constant | CryptoRandom, src: `package p
import "crypto/rand"
func f() { sink("st_" + rand.Text()) //gen
}`},

	// Time.
	{name: "UnixNano formatted", kinds: Time, src: `package p
import (
	"strconv"
	"time"
)
func f() { sink(strconv.FormatInt(time.Now().UnixNano(), 10)) //gen
}`},
	{name: "time Format", kinds: Time, src: `package p
import "time"
func f() { sink(time.Now().UTC().Format(time.RFC3339Nano)) //gen
}`},
	{name: "constant plus time", kinds: Constant | Time, src: `package p
import "time"
func f() { sink("key-" + time.Now().String()) //gen
}`},
	{name: "sprintf of time drops the format", kinds: Time, src: `package p
import (
	"fmt"
	"time"
)
func f() { sink(fmt.Sprintf("key-%d", time.Now().Unix())) //gen
}`},
	{name: "time arithmetic", kinds: Time, src: `package p
import "time"
func f() { sink(time.Now().Unix() / 60) //gen
}`},
	{name: "time.Since", kinds: Time, src: `package p
import "time"
func f(start time.Time) { sink(time.Since(start).String()) //gen
}`},

	// math/rand.
	{name: "Int63", kinds: MathRandGlobal, src: `package p
import "math/rand"
func f() { sink(rand.Int63()) //gen
}`},
	{name: "Intn small constant", kinds: MathRandSmall, src: `package p
import "math/rand"
func f() { sink(rand.Intn(1000)) //gen
}`},
	{name: "Intn bound through a local constant", kinds: MathRandSmall, src: `package p
import "math/rand"
func f() {
	n := 1000
	sink(rand.Intn(n)) //gen
}`},
	{name: "Intn unknown bound", kinds: MathRandGlobal, src: `package p
import "math/rand"
func f(n int) { sink(rand.Intn(n)) //gen
}`},
	{name: "Int63n large bound", kinds: MathRandGlobal, src: `package p
import "math/rand"
func f() { sink(rand.Int63n(1 << 40)) //gen
}`},
	{name: "Int31", kinds: MathRandSmall, src: `package p
import "math/rand"
func f() { sink(rand.Int31()) //gen
}`},
	{name: "Float64", kinds: MathRandSmall, src: `package p
import "math/rand"
func f() { sink(rand.Float64()) //gen
}`},
	{name: "v2 IntN", kinds: MathRandSmall, src: `package p
import "math/rand/v2"
func f() { sink(rand.IntN(1000)) //gen
}`},
	{name: "v2 Uint32", kinds: MathRandSmall, src: `package p
import "math/rand/v2"
func f() { sink(rand.Uint32()) //gen
}`},
	{name: "v2 Uint64", kinds: MathRandGlobal, src: `package p
import "math/rand/v2"
func f() { sink(rand.Uint64()) //gen
}`},
	{name: "v2 N with a large duration", kinds: MathRandGlobal, src: `package p
import (
	"math/rand/v2"
	"time"
)
func f() { sink(rand.N(10 * time.Minute)) //gen
}`},
	{name: "modulo makes it small", kinds: MathRandSmall, src: `package p
import "math/rand"
func f() { sink(rand.Int63() % 1000) //gen
}`},
	{name: "constant seed", kinds: MathRandSeeded, src: `package p
import "math/rand"
func f() {
	r := rand.New(rand.NewSource(42))
	sink(r.Int63()) //gen
}`},
	{name: "time seed, small range", kinds: MathRandSeeded | MathRandSmall, src: `package p
import (
	"math/rand"
	"time"
)
func f() {
	src := rand.NewSource(time.Now().UnixNano())
	r := rand.New(src)
	sink(r.Intn(10)) //gen
}`},
	{name: "v2 PCG constant seed", kinds: MathRandSeeded, src: `package p
import "math/rand/v2"
func f() {
	r := rand.New(rand.NewPCG(1, 2))
	sink(r.Uint64()) //gen
}`},
	{name: "v2 ChaCha8 crypto seed", kinds: MathRandGlobal, src: `package p
import (
	crand "crypto/rand"
	"math/rand/v2"
)
func f() {
	var seed [32]byte
	crand.Read(seed[:])
	r := rand.New(rand.NewChaCha8(seed))
	sink(r.Uint64()) //gen
}`},
	{name: "parameter source", kinds: MathRandGlobal, src: `package p
import "math/rand"
func f(r *rand.Rand) { sink(r.Int63()) //gen
}`},
	{name: "package-level time-seeded source", kinds: MathRandSeeded, src: `package p
import (
	"math/rand"
	"time"
)
var rng = rand.New(rand.NewSource(time.Now().UnixNano()))
func f() { sink(rng.Int63()) //gen
}`},
	{name: "reseeded source", kinds: MathRandSeeded | MathRandGlobal, src: `package p
import "math/rand"
func f(seed int64) {
	r := rand.New(rand.NewSource(seed))
	r.Seed(7)
	sink(r.Int63()) //gen
}`},
	{name: "method expression", kinds: MathRandSeeded, src: `package p
import "math/rand"
func f() {
	r := rand.New(rand.NewSource(1))
	sink((*rand.Rand).Int63(r)) //gen
}`},
	{name: "Seed before Go 1.24 seeds the top-level functions", kinds: MathRandSeeded, goVer: "go1.22", src: `package p
import "math/rand"
func init() { rand.Seed(1) }
func f() { sink(rand.Int63()) //gen
}`},
	{name: "Seed is a no-op from Go 1.24", kinds: MathRandGlobal, goVer: "go1.24", src: `package p
import "math/rand"
func init() { rand.Seed(1) }
func f() { sink(rand.Int63()) //gen
}`},
	{name: "random Seed before Go 1.24", kinds: MathRandGlobal, goVer: "go1.22", src: `package p
import "math/rand"
func setup(seed int64) { rand.Seed(seed) }
func f() { sink(rand.Uint64()) //gen
}`},
	{name: "math/rand Read", kinds: MathRandGlobal, src: `package p
import (
	"encoding/hex"
	"math/rand"
)
func f() {
	b := make([]byte, 8)
	rand.Read(b) //gen
	sink(hex.EncodeToString(b))
}`},

	// Counters.
	{name: "package counter", kinds: Counter, src: `package p
import "strconv"
var seq int64
func next() { seq++ }
func f() { sink(strconv.FormatInt(seq, 10)) //gen
}`},
	{name: "atomic add", kinds: Counter, src: `package p
import "sync/atomic"
var seq int64
func f() { sink(atomic.AddInt64(&seq, 1)) //gen
}`},
	{name: "atomic load of a counter", kinds: Counter, src: `package p
import "sync/atomic"
var seq int64
func next() { atomic.AddInt64(&seq, 1) }
func f() { sink(atomic.LoadInt64(&seq)) //gen
}`},
	{name: "atomic.Int64 field", kinds: Counter, src: `package p
import "sync/atomic"
type S struct{ n atomic.Int64 }
func (s *S) next() { s.n.Add(1) }
func (s *S) f() { sink(s.n.Load()) //gen
}`},
	{name: "local loop counter", kinds: Constant | Counter, src: `package p
import "fmt"
func f() {
	for i := 0; i < 3; i++ {
		sink(fmt.Sprint("k", i)) //gen
	}
}`},
	{name: "range index", kinds: Counter, src: `package p
import "strconv"
func f(items []string) {
	for i := range items {
		sink(strconv.Itoa(i)) //gen
	}
}`},
	{name: "range value", kinds: Identifier, src: `package p
func f(items []string) {
	for _, it := range items {
		sink(it)
	}
}`},
	{name: "self-referential integer", kinds: Counter, src: `package p
var n int
func bump() { n = n + 1 }
func f() { sink(n) //gen
}`},
	{name: "field incremented", kinds: Counter, src: `package p
type S struct{ n int }
func (s *S) f() {
	s.n++
	sink(s.n) //gen
}`},

	// Identifiers.
	{name: "parameter with a prefix", kinds: Constant | Identifier, src: `package p
func f(id string) { sink("payout-" + id) }`},
	{name: "field with a prefix", kinds: Constant | Identifier, src: `package p
type Invoice struct{ ID string }
func f(inv *Invoice) { sink("payout-" + inv.ID) }`},
	{name: "sprintf of a field", kinds: Identifier, src: `package p
import "fmt"
type Invoice struct{ ID string }
func f(inv Invoice) { sink(fmt.Sprintf("payout-%s", inv.ID)) }`},
	{name: "unmodeled call", kinds: Identifier, src: `package p
import "os"
func f() { sink(os.Getenv("KEY")) }`},
	{name: "map element", kinds: Identifier, src: `package p
var m = map[string]string{"k": "v"}
func f() { sink(m["k"]) }`},
	{name: "buffer filled by an unknown function", kinds: Identifier, src: `package p
import "encoding/hex"
func f(fill func([]byte)) {
	b := make([]byte, 16)
	fill(b)
	sink(hex.EncodeToString(b))
}`},
	{name: "address escapes", kinds: Constant | Identifier, src: `package p
import "encoding/json"
func f(data []byte) {
	k := "fixed"
	json.Unmarshal(data, &k)
	sink(k)
}`},
	{name: "pointer method on a local", kinds: Identifier, src: `package p
import "strings"
func f() {
	var sb strings.Builder
	sb.WriteString("x")
	sink(sb)
}`},
	{name: "function value", kinds: Identifier, src: `package p
import "github.com/google/uuid"
func f() {
	g := uuid.NewString
	sink(g())
}`},

	// Local-variable tracing and generation positions.
	{name: "several assignments", kinds: Constant | UUIDRandom, src: `package p
import "github.com/google/uuid"
func f(cond bool) {
	k := "fixed"
	if cond {
		k = uuid.NewString() //gen
	}
	sink(k)
}`},
	{name: "generated before the loop", kinds: UUIDRandom, src: `package p
import "github.com/google/uuid"
func f() {
	k := uuid.NewString() //gen
	for i := 0; i < 3; i++ {
		sink(k)
	}
}`},
	{name: "generated inside the loop", kinds: UUIDRandom, src: `package p
import "github.com/google/uuid"
func f() {
	for {
		k := uuid.NewString() //gen
		sink(k)
	}
}`},
	{name: "two generations", kinds: Time | MathRandSmall, src: `package p
import (
	"fmt"
	"math/rand"
	"time"
)
func f() {
	t := time.Now().UnixNano() //gen
	n := rand.Intn(100) //gen
	sink(fmt.Sprintf("%d-%d", t, n))
}`},
	{name: "assigned in a closure", kinds: Constant | CryptoRandom, src: `package p
import "crypto/rand"
func f() {
	k := ""
	func() { k = rand.Text() }() //gen
	sink(k)
}`},
	{name: "package-level generation", kinds: UUIDRandom, src: `package p
import "github.com/google/uuid"
var key = uuid.NewString() //gen
func f() { sink(key) }`},
	{name: "assigned in init", kinds: UUIDRandom, src: `package p
import "github.com/google/uuid"
var key string
func init() { key = uuid.NewString() } //gen
func f() { sink(key) }`},
	{name: "type switch variable", kinds: Constant, clen: 5, src: `package p
func f() {
	var x any = "abc"
	switch v := x.(type) {
	case string:
		sink("k-" + v)
	}
}`},
	{name: "type switch on a parameter", kinds: Constant | Identifier, src: `package p
func f(x any) {
	switch v := x.(type) {
	case string:
		sink("k-" + v)
	}
}`},
	{name: "cyclic strings end", kinds: Constant, clen: -1, src: `package p
func f(n int) {
	a := "x"
	b := a
	for i := 0; i < n; i++ {
		a = b + "y"
		b = a
	}
	sink(a)
}`},
	{name: "mutually recursive helpers end", kinds: Identifier, src: `package p
func a() string { return b() }
func b() string { return a() }
func f() { sink(a()) }`},
	{name: "too deep a chain stops with Identifier", kinds: Identifier, src: deepChain(maxDepth + 1)},
	{name: "a chain within the limit", kinds: UUIDRandom, src: deepChain(10)},

	// Same-package helpers and oracles.
	{name: "time helper in the package", kinds: Time, src: `package p
import (
	"strconv"
	"time"
)
func newKey() string { return strconv.FormatInt(time.Now().UnixNano(), 10) }
func f() {
	for {
		sink(newKey()) //gen
	}
}`},
	{name: "random helper in the package", kinds: CryptoRandom, src: `package p
import (
	"crypto/rand"
	"encoding/hex"
)
func newKey() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}
func f() {
	k, _ := newKey() //gen
	sink(k)
}`},
	{name: "oracle random", kinds: CryptoRandom, oracle: helperOracle, src: `package p
import "example.com/helpers"
func f() { sink(helpers.NewToken()) //gen
}`},
	{name: "without oracle", kinds: Identifier, src: `package p
import "example.com/helpers"
func f() { sink(helpers.NewToken()) }`},
	{name: "kind oracle", kinds: Time, oracle: helperOracle, src: `package p
import "example.com/helpers"
func f() { sink(helpers.Key()) //gen
}`},
	{name: "oracle does not know", kinds: Identifier, oracle: helperOracle, src: `package p
import "example.com/helpers"
func f() { sink(helpers.Other()) }`},
	{name: "plain oracle without kinds", kinds: Identifier, oracle: helperOracle.fakeOracle, src: `package p
import "example.com/helpers"
func f() { sink(helpers.Key()) }`},
}

// deepChain returns a function in which x<n> is defined through n copies
// from uuid.NewString() (on the line marked //gen when that is expected to
// be reached).
func deepChain(n int) string {
	var b strings.Builder
	b.WriteString("package p\nimport \"github.com/google/uuid\"\nfunc f() {\n\tx0 := uuid.NewString()")
	if n <= 10 {
		b.WriteString(" //gen")
	}
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "\n\tx%d := x%d", i, i-1)
	}
	fmt.Fprintf(&b, "\n\tsink(x%d)\n}", n)
	return b.String()
}

func TestClassify(t *testing.T) {
	for _, tc := range classifyCases {
		t.Run(tc.name, func(t *testing.T) {
			l := load(t, tc.src, tc.goVer)
			c := New(fset, l.info, []*ast.File{l.file}, typesutil.NewFuncs(l.info, inspector.New([]*ast.File{l.file})), tc.oracle)
			want := got{Kinds: tc.kinds, Gen: l.genLines(), ConstLen: -1}
			if tc.kinds == Constant {
				want.ConstLen = tc.clen
			}
			if diff := cmp.Diff(want, lines(c.Classify(l.sinkArg(t)))); diff != "" {
				t.Errorf("Classify (-want +got):\n%s", diff)
			}
		})
	}
}

// TestClassifyMemo classifies twice with one Classifier: memoized
// variables and summaries give the same answer.
func TestClassifyMemo(t *testing.T) {
	l := load(t, `package p
import (
	"github.com/google/uuid"
	"time"
)
func stamp() int64 { return time.Now().Unix() }
func f() {
	k := uuid.NewString() + string(rune(stamp()))
	sink(k)
}`, "")
	c := New(fset, l.info, []*ast.File{l.file}, typesutil.NewFuncs(l.info, inspector.New([]*ast.File{l.file})), nil)
	first := c.Classify(l.sinkArg(t))
	second := c.Classify(l.sinkArg(t))
	if diff := cmp.Diff(first, second); diff != "" {
		t.Errorf("second Classify differs (-first +second):\n%s", diff)
	}
	if first.Kinds != UUIDRandom|Time {
		t.Errorf("Kinds = %v, want UUIDRandom|Time", first.Kinds)
	}
}

var returnsRandomCases = []struct {
	name   string
	src    string // declares f
	want   bool
	oracle Oracle
}{
	{name: "hex of a crypto buffer", want: true, src: `package p
import (
	"crypto/rand"
	"encoding/hex"
)
func f() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}`},
	{name: "error path left out", want: true, src: `package p
import (
	"crypto/rand"
	"encoding/base64"
	"io"
)
func f() (string, error) {
	var b [32]byte
	if _, err := io.ReadFull(rand.Reader, b[:]); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}`},
	{name: "uuid", want: true, src: `package p
import "github.com/google/uuid"
func f() string { return uuid.NewString() }`},
	{name: "uuid value", want: true, src: `package p
import "github.com/google/uuid"
func f() uuid.UUID { return uuid.New() }`},
	{name: "constant prefix", want: true, src: `package p
import "crypto/rand"
func f() string { return "st_" + rand.Text() }`},
	{name: "tuple return", want: true, src: `package p
import "github.com/google/uuid"
func f() (uuid.UUID, error) { return uuid.NewRandom() }`},
	{name: "named result", want: true, src: `package p
import "crypto/rand"
func f() (s string) {
	s = rand.Text()
	return
}`},
	{name: "through a random helper", want: true, src: `package p
import "crypto/rand"
func g() string { return rand.Text() }
func f() string { return "x" + g() }`},
	{name: "through the oracle", want: true, oracle: helperOracle, src: `package p
import "example.com/helpers"
func f() string { return helpers.NewToken() }`},
	{name: "unknown helper without oracle", want: false, src: `package p
import "example.com/helpers"
func f() string { return helpers.NewToken() }`},
	{name: "time", want: false, src: `package p
import (
	"strconv"
	"time"
)
func f() string { return strconv.FormatInt(time.Now().UnixNano(), 10) }`},
	{name: "math/rand", want: false, src: `package p
import (
	"fmt"
	"math/rand"
)
func f() string { return fmt.Sprint(rand.Int63()) }`},
	{name: "math/rand Read", want: false, src: `package p
import (
	"encoding/hex"
	"math/rand"
)
func f() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}`},
	{name: "constant fallback", want: false, src: `package p
import "crypto/rand"
func f(ok bool) string {
	if !ok {
		return "fallback"
	}
	return rand.Text()
}`},
	{name: "random and a parameter", want: false, src: `package p
import "crypto/rand"
func f(prefix string) string { return prefix + rand.Text() }`},
	{name: "buffer never filled", want: false, src: `package p
import "encoding/hex"
func f() string {
	b := make([]byte, 16)
	return hex.EncodeToString(b)
}`},
	{name: "no return", want: false, src: `package p
func f() string { panic("no") }`},
	{name: "error first", want: false, src: `package p
func f() error { return nil }`},
	{name: "no result", want: false, src: `package p
import "crypto/rand"
func f() { _ = rand.Text() }`},
	{name: "return inside a closure does not count", want: false, src: `package p
import "crypto/rand"
func f() string {
	g := func() string { return rand.Text() }
	_ = g
	return "x"
}`},
}

func TestReturnsRandom(t *testing.T) {
	for _, tc := range returnsRandomCases {
		t.Run(tc.name, func(t *testing.T) {
			l := load(t, tc.src, "")
			c := New(fset, l.info, []*ast.File{l.file}, typesutil.NewFuncs(l.info, inspector.New([]*ast.File{l.file})), tc.oracle)
			if got := c.ReturnsRandom(l.funcDecl(t, "f")); got != tc.want {
				t.Errorf("ReturnsRandom = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestResults(t *testing.T) {
	l := load(t, `package p
import (
	"fmt"
	"errors"
	"time"
)
func f(fail bool) (string, error) {
	if fail {
		return "", errors.New("x")
	}
	if time.Now().Hour() > 12 {
		return "pm", nil
	}
	return fmt.Sprint(time.Now().Unix()), nil //gen
}
func g() error { return nil }`, "")
	c := New(fset, l.info, []*ast.File{l.file}, typesutil.NewFuncs(l.info, inspector.New([]*ast.File{l.file})), nil)
	want := got{Kinds: Constant | Time, Gen: l.genLines(), ConstLen: -1}
	if diff := cmp.Diff(want, lines(c.Results(l.funcDecl(t, "f")))); diff != "" {
		t.Errorf("Results(f) (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(got{Kinds: Identifier, ConstLen: -1}, lines(c.Results(l.funcDecl(t, "g")))); diff != "" {
		t.Errorf("Results(g) (-want +got):\n%s", diff)
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{
		0:                         "0",
		Constant:                  "Constant",
		Constant | Identifier:     "Constant|Identifier",
		MathRand:                  "MathRandGlobal|MathRandSeeded|MathRandSmall",
		UUIDTime | 1<<20:          "UUIDTime|Kind(0x100000)",
		Random | Time | Counter:   "CryptoRandom|UUIDRandom|Time|Counter",
		UUIDName | MathRandSeeded: "UUIDName|MathRandSeeded",
	} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%#x).String() = %q, want %q", uint32(k), got, want)
		}
	}
}

func TestValueHelpers(t *testing.T) {
	for _, tc := range []struct {
		v                  Value
		unpredictable      bool
		hasTime, onlyConst bool
	}{
		{Value{Kinds: CryptoRandom}, true, false, false},
		{Value{Kinds: UUIDRandom | Constant}, true, false, false},
		{Value{Kinds: Constant}, false, false, true},
		{Value{Kinds: Time | Constant}, false, true, false},
		{Value{}, false, false, false},
	} {
		if got := tc.v.Unpredictable(); got != tc.unpredictable {
			t.Errorf("%v.Unpredictable() = %v", tc.v.Kinds, got)
		}
		if got := tc.v.Has(Time); got != tc.hasTime {
			t.Errorf("%v.Has(Time) = %v", tc.v.Kinds, got)
		}
		if got := tc.v.Only(Constant); got != tc.onlyConst {
			t.Errorf("%v.Only(Constant) = %v", tc.v.Kinds, got)
		}
	}
}

func TestModulePath(t *testing.T) {
	for in, want := range map[string]string{
		"github.com/gofrs/uuid/v5": "github.com/gofrs/uuid",
		"github.com/gofrs/uuid":    "github.com/gofrs/uuid",
		"math/rand/v2":             "math/rand/v2",
		"example.com/x/vendor":     "example.com/x/vendor",
		"example.com/x/v":          "example.com/x/v",
		"gopkg.in/yaml.v3":         "gopkg.in/yaml.v3",
	} {
		if got := modulePath(in); got != want {
			t.Errorf("modulePath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGenerates(t *testing.T) {
	for path, want := range map[string]bool{
		"crypto/rand":              true,
		"math/rand":                true,
		"math/rand/v2":             true,
		"time":                     true,
		"sync/atomic":              true,
		"github.com/google/uuid":   true,
		"github.com/gofrs/uuid/v5": true,
		"golang.org/x/oauth2":      true,
		"fmt":                      false,
		"strings":                  false,
		"net/http":                 false,
		"example.com/ids":          false,
	} {
		if got := Generates(path); got != want {
			t.Errorf("Generates(%q) = %v, want %v", path, got, want)
		}
	}
}

// TestLen checks the length of random values: a state or key is only as
// strong as it is long, and encodings change the length.
func TestLen(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want int // -1: unknown
	}{
		{"hex of 3 random bytes", `package p
import ("crypto/rand"; "encoding/hex")
func f() { b := make([]byte, 3); rand.Read(b); sink(hex.EncodeToString(b)) }`, 6},
		{"base64 raw url of 16 random bytes", `package p
import ("crypto/rand"; "encoding/base64")
func f() { var b [16]byte; rand.Read(b[:]); sink(base64.RawURLEncoding.EncodeToString(b[:])) }`, 22},
		{"base64 std of 4 random bytes", `package p
import ("crypto/rand"; "encoding/base64")
func f() { b := make([]byte, 4); _, _ = rand.Read(b); sink(base64.StdEncoding.EncodeToString(b)) }`, 8},
		{"io.ReadFull of crypto/rand", `package p
import ("crypto/rand"; "encoding/hex"; "io")
func f() { b := make([]byte, 2); io.ReadFull(rand.Reader, b); sink(hex.EncodeToString(b)) }`, 4},
		{"prefix and hex", `package p
import ("crypto/rand"; "encoding/hex")
func f() { b := make([]byte, 3); rand.Read(b); sink("st-" + hex.EncodeToString(b)) }`, 9},
		{"rand.Text", `package p
import "crypto/rand"
func f() { sink(rand.Text()) }`, 26},
		{"rand.Text sliced", `package p
import "crypto/rand"
func f() { sink(rand.Text()[:6]) }`, 6},
		{"through a helper", `package p
import ("crypto/rand"; "encoding/hex")
func state() string { b := make([]byte, 3); rand.Read(b); return hex.EncodeToString(b) }
func f() { sink(state()) }`, 6},
		// Sizes that are not constant, or buffers given other storage.
		{"variable size", `package p
import ("crypto/rand"; "encoding/hex")
func f(n int) { b := make([]byte, n); rand.Read(b); sink(hex.EncodeToString(b)) }`, -1},
		{"reassigned buffer", `package p
import ("crypto/rand"; "encoding/hex")
func f(x []byte) { b := make([]byte, 3); if len(x) > 0 { b = x }; rand.Read(b); sink(hex.EncodeToString(b)) }`, -1},
		{"uuid", `package p
import "github.com/google/uuid"
func f() { sink(uuid.NewString()) }`, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := load(t, tt.src, "")
			c := New(fset, l.info, []*ast.File{l.file}, typesutil.NewFuncs(l.info, inspector.New([]*ast.File{l.file})), nil)
			if got := c.Classify(l.sinkArg(t)).Len; got != tt.want {
				t.Errorf("Len = %d, want %d", got, tt.want)
			}
		})
	}
}
