package idempotencykey

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/brexlint/brexlint/internal/brexapi"
	"github.com/brexlint/brexlint/internal/brexmodel"
	"github.com/brexlint/brexlint/internal/checks"
	"github.com/brexlint/brexlint/internal/directives"
	"github.com/brexlint/brexlint/internal/entropy"
	"github.com/brexlint/brexlint/internal/typesutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer reports money-moving Brex calls without a unique, stable
// Idempotency-Key.
var Analyzer = &analysis.Analyzer{
	Name: checks.IdempotencyKey,
	Doc:  "report Brex calls to endpoints that require an Idempotency-Key sent without one, with a constant or colliding key, or with a fresh key per retry",
	URL:  checks.DocURL(checks.IdempotencyKey),
	// inspect.Analyzer: the key classifier walks the package with it (the
	// Brex model has already built it; without the requirement the pass
	// would not see it and typesutil.Inspector would build a second).
	Requires: []*analysis.Analyzer{brexmodel.Analyzer, directives.Analyzer, inspect.Analyzer},
	Run:      run,
}

// optional is the -idempotencykey.optional flag: also suggest a key where
// the catalogue says it is optional.
var optional bool

func init() {
	Analyzer.Flags.BoolVar(&optional, "optional", false, "also report endpoints where the Idempotency-Key is optional")
}

// headerName is the canonical name of the header.
const headerName = "Idempotency-Key"

// The kinds of finding (categories "idempotencykey/KIND").
const (
	kindMissing       = "missing-key"
	kindCannotCarry   = "no-header-support"
	kindConstant      = "constant-key"
	kindColliding     = "colliding-key"
	kindPerAttempt    = "key-per-attempt"
	kindOptionalUnset = "optional-key"
)

type checker struct {
	pass  *analysis.Pass
	r     *directives.Reporter
	model *brexmodel.Model
	ent   *entropy.Classifier
}

func run(pass *analysis.Pass) (any, error) {
	r := directives.NewReporter(pass)
	defer r.Finish()
	m := pass.ResultOf[brexmodel.Analyzer].(*brexmodel.Model)
	c := &checker{pass: pass, r: r, model: m}
	for _, req := range m.Requests {
		ep := req.Endpoint
		if req.InTest || ep == nil {
			continue
		}
		switch {
		case ep.Idempotency == brexapi.IdempotencyRequired:
			c.check(req, false)
		case ep.Idempotency == brexapi.IdempotencyOptional && optional:
			c.check(req, true)
		}
	}
	for _, kc := range m.KeyCalls {
		if kc.InTest {
			continue
		}
		method, path, _ := strings.Cut(kc.Endpoint, " ")
		r.Reportf(kc.Call.Pos(), kindPerAttempt, "%s", checks.Message(
			fmt.Sprintf("%s makes a new Idempotency-Key for %s on every call, and this retry calls it again", typesutil.FuncName(kc.Callee, pass.Pkg), kc.Endpoint),
			twice(method, path), fixOutside))
	}
	return nil, nil
}

// Why each kind of finding matters to Brex, and what to do, in the
// messages ([checks.Message]); doc.go says it at length.
const (
	whyShared       = "Brex drops all but the first"
	fixMissing      = "set one from crypto/rand.Text() and reuse it on retries"
	fixOutside      = "make the key before the retry"
	fixPerOperation = "use crypto/rand.Text() or an operation ID"
)

// duplicate says why a request to ep without a key matters: a POST to a
// collection (POST /v1/transfers) creates a second object; an update or
// an action on one object (PUT /v2/budgets/{id}, POST
// /v2/cards/{id}/secure_email) is applied twice.
func duplicate(ep *brexapi.Endpoint) string {
	if creates(ep.Method, ep.Path) {
		return "a retried timeout creates a second " + object(ep)
	}
	return "a retried timeout can apply it twice"
}

// twice says why a new key on each attempt of a request (method, path)
// matters.
func twice(method, path string) string {
	if creates(method, path) {
		return "a timed-out " + objectAt(path) + " can run twice"
	}
	return "a timed-out request can apply it twice"
}

// creates reports whether method and path create an object: a POST to a
// collection, whose path names no object ({id}).
func creates(method, path string) bool {
	return method == "POST" && !strings.Contains(path, "{")
}

func (c *checker) classifier() *entropy.Classifier {
	if c.ent == nil {
		c.ent = entropy.New(c.pass.Fset, c.pass.TypesInfo, c.pass.Files, c.model.Funcs(), c.model)
	}
	return c.ent
}

func (c *checker) check(req *brexmodel.Request, opt bool) {
	ep := req.Endpoint
	if req.NoHeaders {
		c.r.Reportf(req.Pos(), kindCannotCarry, "%s", checks.Message(
			fmt.Sprintf("%s needs an Idempotency-Key, which %s cannot send", ep, c.shorthandName(req)),
			duplicate(ep), "build it with http.NewRequest and set the header"))
		return
	}
	var keys []*brexmodel.Header
	unknown := false
	for _, h := range req.Headers {
		switch h.Name {
		case headerName:
			keys = append(keys, h)
		case "":
			unknown = true
		}
	}
	if len(keys) == 0 {
		if !req.Sent || unknown {
			return // headers may be set where the request goes next, or from a map the model cannot read
		}
		if opt {
			c.r.Reportf(req.Pos(), kindOptionalUnset, "%s", checks.Message(
				fmt.Sprintf("%s accepts an Idempotency-Key but is sent without one", ep),
				"a retried timeout can apply it twice", fixMissing))
			return
		}
		d := analysis.Diagnostic{
			Pos:     req.Call.Pos(),
			End:     req.Call.End(),
			Message: checks.Message(fmt.Sprintf("%s is sent without an Idempotency-Key", ep), duplicate(ep), fixMissing),
		}
		if req.Via != nil && req.Var == nil {
			d.Message = checks.Message(fmt.Sprintf("%s is sent through %s without an Idempotency-Key", ep, req.Via.Name()), duplicate(ep), fixMissing)
		}
		if fix, ok := c.fix(req); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		d.Category = kindMissing
		c.r.Report(d)
		return
	}
	for _, h := range keys {
		c.checkKey(req, h)
	}
}

// checkKey judges one Idempotency-Key value.
func (c *checker) checkKey(req *brexmodel.Request, h *brexmodel.Header) {
	ep := req.Endpoint
	var v entropy.Value
	pos := h.Pos
	if h.Value != nil {
		v = c.classifier().Classify(h.Value)
	} else {
		v = entropy.Value{Kinds: entropy.Kind(h.Summary.Kinds)}
		pos = req.Pos()
		if h.Summary.InRetryLoop {
			c.r.Reportf(pos, kindPerAttempt, "%s", checks.Message(
				fmt.Sprintf("%s gets a new Idempotency-Key on every attempt inside %s's retry loop", ep, h.Helper.Name()),
				twice(ep.Method, ep.Path), fixOutside))
			return
		}
		if loop := c.model.RetryAround(req.Call.Pos()); v.Kinds&entropy.Random != 0 && v.Kinds&entropy.Identifier == 0 && loop != nil && c.model.SameInputs(loop, req.Call) {
			c.r.Reportf(pos, kindPerAttempt, "%s", checks.Message(
				fmt.Sprintf("%s makes a new Idempotency-Key for %s on every call, and this retry calls it again", h.Helper.Name(), ep),
				twice(ep.Method, ep.Path), fixOutside))
			return
		}
	}
	k := v.Kinds
	switch {
	case k == 0:
		return // nothing known
	case k&^(entropy.Constant|entropy.UUIDName) == 0:
		c.r.Reportf(pos, kindConstant, "%s", checks.Message(
			fmt.Sprintf("the Idempotency-Key of %s is a constant: every %s then shares one key", ep, object(ep)),
			whyShared, fixPerOperation))
		return
	case k&(entropy.CryptoRandom|entropy.UUIDRandom|entropy.MathRandGlobal|entropy.Identifier) == 0 &&
		k&(entropy.Time|entropy.MathRandSeeded|entropy.MathRandSmall|entropy.Counter) != 0:
		c.r.Reportf(pos, kindColliding, "%s", checks.Message(
			fmt.Sprintf("the Idempotency-Key of %s is made from %s, which collides", ep, weakSource(k)),
			fmt.Sprintf("Brex drops colliding %ss", object(ep)), fixPerOperation))
		return
	}
	// A random key, made once when the process starts and shared by
	// every request, with no part of its own per operation.
	if k&(entropy.Identifier|entropy.Counter) == 0 && c.onceAtStartup(v.Gen) {
		c.r.Reportf(pos, kindConstant, "%s", checks.Message(
			fmt.Sprintf("the Idempotency-Key of %s is made once, when the process starts, and shared by every request", ep),
			whyShared, fixPerOperation))
		return
	}
	// A good key, unless it is made anew on each attempt of a retry loop
	// that re-sends the same operation.
	for _, g := range v.Gen {
		loop := c.model.RetryAround(g)
		if loop == nil {
			continue
		}
		if !containsSend(loop, req) {
			continue
		}
		c.r.Reportf(g, kindPerAttempt, "%s", checks.Message(
			fmt.Sprintf("the Idempotency-Key of %s is made inside a retry loop: each attempt carries a new key", ep),
			twice(ep.Method, ep.Path), "make the key once, before the loop"))
		return
	}
}

// onceAtStartup reports whether every generation of a value happens once
// per process: in a package-level variable's initializer, or in an init
// function or the main function of package main.
func (c *checker) onceAtStartup(gen []token.Pos) bool {
	if len(gen) == 0 {
		return false
	}
	for _, g := range gen {
		path := typesutil.EnclosingPath(c.pass.Files, g, g)
		if len(path) < 2 {
			return false
		}
		fd, ok := path[len(path)-2].(*ast.FuncDecl)
		if !ok {
			continue // a package-level declaration
		}
		if fd.Recv != nil || !(fd.Name.Name == "init" || fd.Name.Name == "main" && c.pass.Pkg.Name() == "main") {
			return false
		}
	}
	return true
}

// containsSend reports whether loop holds the request's call or one of its
// sends: the loop re-issues the request.
func containsSend(loop ast.Node, req *brexmodel.Request) bool {
	in := func(n ast.Node) bool { return loop.Pos() <= n.Pos() && n.End() <= loop.End() }
	if in(req.Call) {
		return true
	}
	return slices.ContainsFunc(req.Sends, func(s *ast.CallExpr) bool { return in(s) })
}

func weakSource(k entropy.Kind) string {
	switch {
	case k&entropy.Time != 0 && k&(entropy.MathRandSeeded|entropy.MathRandSmall) != 0:
		return "the clock and a weak random number"
	case k&entropy.Time != 0:
		return "the clock"
	case k&entropy.MathRandSeeded != 0:
		return "a math/rand source with a fixed or clock seed"
	case k&entropy.MathRandSmall != 0:
		return "a small random range"
	}
	return "a counter"
}

// object names what an endpoint creates, for messages: "transfer" for
// POST /v1/transfers.
func object(ep *brexapi.Endpoint) string { return objectAt(ep.Path) }

// objectAt names what the endpoint at path creates.
func objectAt(path string) string {
	if res, ok := brexapi.ResourceOf(path); ok && res.Name != "" {
		name := res.Name[strings.LastIndexByte(res.Name, '/')+1:]
		return strings.ReplaceAll(strings.TrimSuffix(name, "s"), "_", " ")
	}
	return "resource"
}

// shorthandName names the net/http shorthand that made the request.
func (c *checker) shorthandName(req *brexmodel.Request) string {
	fn, _ := typeutil.Callee(c.pass.TypesInfo, req.Call).(*types.Func)
	switch {
	case fn == nil:
		return "this call"
	case fn.Signature().Recv() != nil:
		return "(*http.Client)." + fn.Name()
	}
	return "http." + fn.Name()
}
