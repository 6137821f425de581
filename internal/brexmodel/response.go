package brexmodel

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/brexlint/brexlint/internal/brexapi"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// The response-flow half of the model: where the response to a Brex
// request goes once it is sent. Its files:
//
//   - response.go: which responses are Brex's, the facts, and the answers
//     about bodies and decoded types (IsBrexResponseBody, DecodedFromBrex);
//   - response_flow.go: the flow inside one function (responses, bodies,
//     bytes, decoders; decodes, status checks, returns);
//   - response_exec.go: what happens after a send when the status is 429,
//     401 or 200 (a small abstract interpreter);
//   - response_retry.go: retries of 429 (loops, retry libraries), their
//     waits and bounds, and jobs handed back to a queue;
//   - response_client.go: the client a request is sent through, and
//     whether its transport retries 429;
//   - response_ratelimit.go: the 429 handling of each send (Sends,
//     InjectedClients), for the ratelimit check;
//   - response_status.go: decodes and their status checks (Decodes), the
//     destinations Brex responses are decoded into (DecodeTargets), and
//     what a 401 from a Brex Cash endpoint leads to (Cash401Effects), for
//     the statuscheck, pagination and moneyfloat checks.
//
// A response is a Brex response when its request reaches Brex: a request of
// Model.Requests sent in this package (its Call when it sends itself, its
// Sends), and, inside this package, the sends of the functions such a
// request goes through (the wrapper it is made with, the sender helpers it
// is handed to, transitively), and the parameters of the functions of this
// package that such a response, its body or bytes read from it are passed
// to. A wrapper whose own URL names a Brex API host or a BREX_* base URL, or
// that is taught //brexlint:client, sends Brex requests even when no caller
// is in its package. A wrapper of another package whose callers alone say
// it reaches Brex (a base URL from a field, a path parameter) is judged at
// each call: its callers see its facts, but inside it the model does not
// know that its responses are Brex's.
//
// Not followed: responses, bodies and errors stored in struct fields, maps,
// channels or package variables; values passed to functions of other
// packages other than through their facts (and the standard library's
// readers and decoders, which are modelled); more than 64 sources in one
// function.

// ResponseFact marks a function that yields the response to a request it
// sends (a wrapper, a sender helper), or that takes a response, a body,
// bytes or a decoder as a parameter, and says what becomes of them.
type ResponseFact struct {
	// Returns is the set of kinds (1<<kind: response, body, bytes,
	// decoder, buffer) of its first result that carry the response to its
	// own request.
	Returns uint8
	// DecodesInto are the parameters its response is decoded into
	// (func do(ctx, method, path string, in, out any)).
	DecodesInto []int
	// StatusChecked: it looks at the status of its own response (before
	// returning the response or decoding it).
	StatusChecked bool
	// Err200, Err401 and Err429 say whether its error result is non-nil
	// (1) or nil (2) when its response has that status; 0 if unknown.
	Err200, Err401, Err429 uint8
	// Handles429: its own sends are retried on 429 inside it or by their
	// client (or the model cannot tell); its callers need not.
	Handles429 bool
	// Judged: its package knows that it sends Brex requests, and reported
	// there what is wrong with their handling.
	Judged bool
	// Params say what it does with the response values it is given.
	Params []ParamFlow
}

// ParamFlow is what a function does with a response value it takes as
// parameter Param.
type ParamFlow struct {
	Param int
	// Returns is the set of kinds of its first result that carry the
	// parameter's value (func readBody(resp *http.Response) ([]byte, error)).
	Returns uint8
	// DecodesInto are the parameters the value is decoded into
	// (func decodeJSON(r io.Reader, out any) error).
	DecodesInto []int
	// Decodes: the value is decoded (into anything); DecodesFirst: before
	// any look at its status.
	Decodes, DecodesFirst bool
	// ChecksStatus: the function looks at the status of the response it
	// is given (func checkResponse(resp *http.Response) error).
	ChecksStatus bool
}

// StatusFieldFact marks a struct field that its package fills with a
// response's status code (APIError{StatusCode: resp.StatusCode}): reading
// it from an error that a Brex call returned reads the status.
type StatusFieldFact struct{}

// DecodedFact marks a type of this package whose values are decoded from
// Brex responses here: the target of a decode of a Brex response, or a
// type reachable from one through fields, pointers, slices, arrays and map
// elements.
type DecodedFact struct{}

func (*ResponseFact) AFact()    {}
func (*DecodedFact) AFact()     {}
func (*StatusFieldFact) AFact() {}

func (*StatusFieldFact) String() string { return "statusfield" }

var kindNames = [nKinds]string{"resp", "body", "bytes", "decoder", "buffer"}

func kindsString(m uint8) string {
	var s []string
	for k := valKind(0); k < nKinds; k++ {
		if m&(1<<k) != 0 {
			s = append(s, kindNames[k])
		}
	}
	return strings.Join(s, "|")
}

func paramsString(ps []int) string {
	var s []string
	for _, p := range ps {
		s = append(s, fmt.Sprintf("$%d", p))
	}
	return strings.Join(s, ",")
}

func (f *ResponseFact) String() string {
	var parts []string
	if f.Returns != 0 {
		parts = append(parts, "returns="+kindsString(f.Returns))
	}
	if len(f.DecodesInto) > 0 {
		parts = append(parts, "decodes="+paramsString(f.DecodesInto))
	}
	if f.StatusChecked {
		parts = append(parts, "checked")
	}
	if f.Handles429 {
		parts = append(parts, "handles429")
	}
	if f.Judged {
		parts = append(parts, "judged")
	}
	for _, e := range []struct {
		code int
		v    uint8
	}{{429, f.Err429}, {401, f.Err401}} {
		switch tri(e.v) {
		case triTrue:
			parts = append(parts, fmt.Sprintf("err@%d", e.code))
		case triFalse:
			parts = append(parts, fmt.Sprintf("nil@%d", e.code))
		}
	}
	for _, p := range f.Params {
		var ps []string
		if p.Returns != 0 {
			ps = append(ps, "returns="+kindsString(p.Returns))
		}
		if len(p.DecodesInto) > 0 {
			ps = append(ps, "decodes="+paramsString(p.DecodesInto))
		} else if p.Decodes {
			ps = append(ps, "decodes")
		}
		if p.DecodesFirst {
			ps = append(ps, "unchecked")
		}
		if p.ChecksStatus {
			ps = append(ps, "checks")
		}
		parts = append(parts, fmt.Sprintf("$%d:%s", p.Param, strings.Join(ps, ",")))
	}
	return "response(" + strings.Join(parts, " ") + ")"
}

func (*DecodedFact) String() string { return "decoded" }

// responseFactTypes are the facts of the response-flow half of the model.
func responseFactTypes() []analysis.Fact {
	return []analysis.Fact{new(ResponseFact), new(DecodedFact), new(StatusFieldFact),
		new(ClientParamFact), new(ClientFieldFact), new(Retries429Fact), new(CredentialFact), new(CredentialKeyFact)}
}

// respSummary is what the model knows of a function's handling of
// responses: its fact, and whether it sends a request itself.
type respSummary struct {
	ResponseFact
	// Sends: the function sends its own request (a wrapper that sends, a
	// sender helper).
	Sends bool
}

// sends reports whether a call of the function yields a response, or
// sends a request: such a call is a source of the caller's flow.
func (s *respSummary) sends() bool {
	return s.Sends || s.Returns != 0 || len(s.DecodesInto) > 0
}

func (s *respSummary) empty() bool {
	return s.Returns == 0 && len(s.DecodesInto) == 0 && len(s.Params) == 0 &&
		s.Err401 == 0 && s.Err429 == 0
}

// errAt returns what the function's error result is when its response has
// the given status.
func (s *respSummary) errAt(status int64) tri {
	switch status {
	case 200:
		return tri(s.Err200)
	case 401:
		return tri(s.Err401)
	case 429:
		return tri(s.Err429)
	}
	return triUnknown
}

// responseAnalysis is the state of the response flow for one package.
type responseAnalysis struct {
	pass  *analysis.Pass
	http  *httpAnalysis
	model *Model

	flows    map[*types.Func]*respFlow // nil entry: in progress
	imported map[*types.Func]*respSummary
	ordered  []*respFlow // in declaration order

	brexFuncs  map[*types.Func]bool
	brexCalls  map[*ast.CallExpr]bool
	brexParams map[*types.Func]map[int]bool
	masks      map[*respFlow]uint64

	decodedNamed map[*types.TypeName]bool
	decodedOther typeutil.Map // unnamed types (struct{...}) → true

	statusFields map[*types.Var]bool

	// The requests sent at each call, and through each function.
	callReqs map[*ast.CallExpr][]*Request
	funcReqs map[*types.Func][]*Request

	// Rate limits.
	cj          *clientJudge
	sends       map[sendKey]*sendInfo
	callSites   map[*types.Func][]sendKey
	callersMemo map[*types.Func]bool
	handlesMemo map[*types.Func]bool
	injParams   map[paramKey][]string
	perCall     map[paramKey]bool
	injFields   map[*types.Var][]string
	changed     bool
	activities  map[*types.Func]bool
	sendsOut    []*Send
	injected    []*InjectedClient

	// Status checks.
	decodesOut []*Decode
	targetsOut []*DecodeTarget
	creds      *credentials
	seenEffect map[ast.Node]bool
	// genHelpers are the functions of this package that return the parsed
	// response of a generated Brex operation, with its requests.
	genHelpers map[*types.Func][]*Request
	effectsOut []*CredentialEffect

	// exported are the facts exported, in order (for tests).
	exported []exportedFact
}

type exportedFact struct {
	obj  types.Object
	fact analysis.Fact
}

// export exports an object fact of the response flow.
func (r *responseAnalysis) export(obj types.Object, fact analysis.Fact) {
	r.pass.ExportObjectFact(obj, fact)
	r.exported = append(r.exported, exportedFact{obj, fact})
}

// analyzeResponses follows the responses of the package's requests; it
// runs after analyzeHTTP, whose scans and summaries it reads.
func (m *Model) analyzeResponses(a *httpAnalysis) {
	r := &responseAnalysis{
		pass:         a.pass,
		http:         a,
		model:        m,
		flows:        map[*types.Func]*respFlow{},
		imported:     map[*types.Func]*respSummary{},
		brexFuncs:    map[*types.Func]bool{},
		brexCalls:    map[*ast.CallExpr]bool{},
		brexParams:   map[*types.Func]map[int]bool{},
		masks:        map[*respFlow]uint64{},
		decodedNamed: map[*types.TypeName]bool{},
		statusFields: map[*types.Var]bool{},
		callReqs:     map[*ast.CallExpr][]*Request{},
		funcReqs:     map[*types.Func][]*Request{},
		sends:        map[sendKey]*sendInfo{},
		callSites:    map[*types.Func][]sendKey{},
		callersMemo:  map[*types.Func]bool{},
		handlesMemo:  map[*types.Func]bool{},
		injParams:    map[paramKey][]string{},
		perCall:      map[paramKey]bool{},
		injFields:    map[*types.Var][]string{},
		seenEffect:   map[ast.Node]bool{},
		genHelpers:   map[*types.Func][]*Request{},
	}
	if inGOROOT(a.pass) {
		// The standard library sends no Brex request, and its helpers
		// (io.ReadAll, json.NewDecoder ...) are modelled directly.
		return
	}
	m.resp = r
	for fn := range m.funcs.All() {
		r.summaryOf(fn)
	}
	r.resolve()
	r.buildSends()
	r.buildDecodes()
	r.buildDecodeTargets()
	r.buildEffects()
	for _, f := range r.ordered {
		f.sum.Judged = f.sum.Sends && r.brexFuncs[f.fn]
		f.sum.Handles429 = f.sum.Sends && r.calleeHandles(f.fn)
		if !f.sum.empty() || f.sum.Judged || f.sum.Handles429 {
			rf := f.sum.ResponseFact
			r.export(f.fn, &rf)
		}
		r.exportRetries(f)
		mask := r.masks[f]
		for _, ev := range f.decodes {
			if ev.tags&mask != 0 && ev.typ != nil {
				r.addDecoded(ev.typ)
			}
		}
	}
	r.exportCtors()
	for tn := range r.decodedNamed {
		if tn.Pkg() == a.pass.Pkg {
			r.export(tn, &DecodedFact{})
		}
	}
	for v := range r.statusFields {
		r.export(v, &StatusFieldFact{})
	}
}

// summaryOf returns what fn does with responses: from its facts for a
// function of another package, from its flow for one of this package
// (computed on demand; nil during recursion).
func (r *responseAnalysis) summaryOf(fn *types.Func) *respSummary {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() != r.pass.Pkg {
		if s, ok := r.imported[fn]; ok {
			return s
		}
		s := &respSummary{}
		r.pass.ImportObjectFact(fn, &s.ResponseFact)
		if hs := r.http.summaryOf(fn); hs != nil {
			s.Sends = hs.sender != nil || hs.wrapper != nil && hs.wrapper.Sends
		}
		r.imported[fn] = s
		return s
	}
	if f, ok := r.flows[fn]; ok {
		if f == nil {
			return nil
		}
		return f.sum
	}
	fd := r.http.funcDecl(fn)
	if fd == nil {
		return nil
	}
	r.flows[fn] = nil
	f := r.newFlow(fn, fd)
	f.run()
	r.noteStatusFields(f)
	f.sum = f.summary()
	f.sum.Err200 = uint8(f.ownErr(200))
	f.sum.Err401 = uint8(f.ownErr(401))
	f.sum.Err429 = uint8(f.ownErr(429))
	if hs := r.http.summaryOf(fn); hs != nil {
		f.sum.Sends = hs.sender != nil || hs.wrapper != nil && hs.wrapper.Sends
	}
	r.flows[fn] = f
	r.ordered = append(r.ordered, f)
	return f.sum
}

// resolve decides which sources of each flow carry Brex responses.
func (r *responseAnalysis) resolve() {
	for _, req := range r.model.Requests {
		if !req.Brex {
			continue
		}
		r.brexCalls[req.Call] = true
		r.markFunc(req.Via)
		for _, s := range req.Sends {
			r.brexCalls[s] = true
		}
		seen := map[ast.Node]bool{}
		r.spread(req, req.Call, seen)
		for _, s := range req.Sends {
			r.spread(req, s, seen)
		}
	}
	// A request built by a call written as the argument of a send
	// (hc.Do(newRequest(...))) is sent there.
	byCall := map[*ast.CallExpr]*Request{}
	for _, req := range r.model.Requests {
		if req.Brex {
			byCall[req.Call] = req
		}
	}
	for _, f := range r.ordered {
		for _, src := range f.sources {
			if src.call == nil {
				continue
			}
			for _, a := range src.call.Args {
				if c, ok := astutil.Unparen(a).(*ast.CallExpr); ok {
					if req := byCall[c]; req != nil {
						r.brexCalls[src.call] = true
						r.spread(req, src.call, map[ast.Node]bool{})
					}
				}
			}
		}
	}
	for fn, fs := range r.http.scans {
		if fs.wrapperOrigin != nil && r.intrinsicBrex(fn, fs.wrapperOrigin) {
			r.brexFuncs[fn] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for fn := range r.brexFuncs {
			for _, s := range r.ownSends(fn) {
				if !r.brexCalls[s] {
					r.brexCalls[s] = true
					changed = true
				}
			}
		}
		for call := range r.brexCalls {
			fn, _ := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
			if r.markFunc(fn) {
				changed = true
			}
		}
		for _, f := range r.ordered {
			var mask uint64
			for i, src := range f.sources {
				if src.call != nil && !r.brexCalls[src.call] && src.fn != nil && r.genHelpers[src.fn.Origin()] != nil {
					r.brexCalls[src.call] = true
					r.callReqs[src.call] = r.genHelpers[src.fn.Origin()]
				}
				if src.call != nil && r.brexCalls[src.call] || src.call == nil && r.brexParams[f.fn][src.param] {
					mask |= 1 << i
				}
			}
			if mask != r.masks[f] {
				r.masks[f] = mask
				changed = true
			}
			if r.genHelpers[f.fn] == nil && f.fn.Pkg() == r.pass.Pkg {
				// A helper that returns the parsed response of a
				// generated Brex operation (return
				// s.client.ListTransfersWithResponse(ctx, p)): its
				// callers' calls are the Brex sends, as for a wrapper.
				for i, src := range f.sources {
					if mask&(1<<i) != 0 && f.returned[kResp]&(1<<i) != 0 && r.http.genOp(src.fn) {
						r.genHelpers[f.fn] = append(r.genHelpers[f.fn], r.callReqs[src.call]...)
						changed = true
					}
				}
			}
			for _, p := range f.passes {
				if p.tags&mask == 0 || r.brexParams[p.callee][p.param] {
					continue
				}
				if r.brexParams[p.callee] == nil {
					r.brexParams[p.callee] = map[int]bool{}
				}
				r.brexParams[p.callee][p.param] = true
				changed = true
			}
		}
	}
}

// spread records that req is sent at call, and through the function call
// calls (and the sends of that function's own request, transitively).
func (r *responseAnalysis) spread(req *Request, call *ast.CallExpr, seen map[ast.Node]bool) {
	if seen[call] {
		return
	}
	seen[call] = true
	r.callReqs[call] = append(r.callReqs[call], req)
	fn, _ := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Origin().Pkg() != r.pass.Pkg || r.http.scans[fn.Origin()] == nil {
		return
	}
	fn = fn.Origin()
	r.funcReqs[fn] = append(r.funcReqs[fn], req)
	for _, s := range r.ownSends(fn) {
		r.spread(req, s, seen)
	}
}

// markFunc records that fn, when it is a function of this package that
// sends requests, sends Brex requests; it reports whether that is new.
func (r *responseAnalysis) markFunc(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	if fn.Pkg() != r.pass.Pkg || r.brexFuncs[fn] || r.http.scans[fn] == nil {
		return false
	}
	r.brexFuncs[fn] = true
	return true
}

// ownSends returns the calls that send fn's own request: the request of a
// wrapper, or the request parameter of a sender helper.
func (r *responseAnalysis) ownSends(fn *types.Func) []*ast.CallExpr {
	fs := r.http.scans[fn]
	if fs == nil {
		return nil
	}
	var out []*ast.CallExpr
	if o := fs.wrapperOrigin; o != nil {
		if o.sendsItself {
			out = append(out, o.site.call)
		}
		if v := fs.callVar[o.site.call]; v != nil {
			out = append(out, fs.sends[v]...)
		}
	}
	for v := range fs.params {
		if isRequestPtr(v.Type()) {
			out = append(out, fs.sends[v]...)
		}
	}
	return out
}

// intrinsicBrex reports whether a wrapper reaches Brex whatever its
// callers pass: its URL has a Brex API host or a BREX_* base URL, or it is
// taught //brexlint:client.
func (r *responseAnalysis) intrinsicBrex(fn *types.Func, o *origin) bool {
	if host, ok := o.url.Host(); ok && (brexapi.IsAPIHost(host) || brexapi.IsPCIHost(host)) {
		return true
	}
	return hasBrexEnv(o.url) || r.http.taughtClient(fn)
}

// addDecoded records t, and the types reachable from it through fields,
// pointers, slices, arrays and map elements, as decoded from Brex.
func (r *responseAnalysis) addDecoded(t types.Type) {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		tn := t.Origin().Obj()
		if r.decodedNamed[tn] {
			return
		}
		if tn.Pkg() == nil {
			return // error
		}
		r.decodedNamed[tn] = true
		r.addDecoded(t.Underlying())
	case *types.Pointer:
		r.addDecoded(t.Elem())
	case *types.Slice:
		r.addDecoded(t.Elem())
	case *types.Array:
		r.addDecoded(t.Elem())
	case *types.Map:
		r.addDecoded(t.Elem())
	case *types.Struct:
		if r.decodedOther.At(t) != nil {
			return
		}
		r.decodedOther.Set(t, true)
		for i := 0; i < t.NumFields(); i++ {
			if fld := t.Field(i); fld.Exported() || fld.Embedded() {
				r.addDecoded(fld.Type())
			}
		}
	}
}

// flowAt returns the flow of the function declaration holding pos.
func (r *responseAnalysis) flowAt(e ast.Node) *respFlow {
	for _, f := range r.ordered {
		if f.fd.Pos() <= e.Pos() && e.End() <= f.fd.End() {
			return f
		}
	}
	return nil
}

// DecodedFromBrex reports whether values of type t are decoded from Brex
// responses: t, or the element type of t when t is a pointer, slice, array
// or map, is the target of a json decode of a Brex response body in this
// package or a type reachable from such a target through exported
// fields, pointers, slices, arrays and map elements; or t is a named type of
// another package that its own package decodes from Brex (DecodedFact).
//
// Types of a third package that this package decodes are known here but
// not to this package's importers (facts can only be attached to a
// package's own objects).
func (m *Model) DecodedFromBrex(t types.Type) bool {
	if t == nil {
		return false
	}
	for {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		case *types.Array:
			t = u.Elem()
			continue
		case *types.Map:
			t = u.Elem()
			continue
		}
		break
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		tn := t.Origin().Obj()
		if m.resp != nil && m.resp.decodedNamed[tn] {
			return true
		}
		if m.pass != nil && tn.Pkg() != nil && tn.Pkg() != m.pass.Pkg {
			return m.pass.ImportObjectFact(tn, new(DecodedFact))
		}
	case *types.Struct:
		return m.resp != nil && m.resp.decodedOther.At(t) != nil
	}
	return false
}

// IsBrexResponseBody reports whether e, an expression of this package, is
// the body of a response to a Brex request (resp.Body, a reader wrapping
// it), bytes read from one (io.ReadAll, a filled bytes.Buffer, a string
// conversion), a reader over such bytes, or a json.Decoder over either.
func (m *Model) IsBrexResponseBody(e ast.Expr) bool {
	if m.resp == nil || e == nil {
		return false
	}
	f := m.resp.flowAt(e)
	if f == nil {
		return false
	}
	mask := m.resp.masks[f]
	if mask == 0 {
		return false
	}
	v := f.eval(e)
	return (v.reader()|v.bytes()|v[kDecoder])&mask != 0
}

// EndpointList names the endpoints of a finding for its message: "POST
// /v1/transfers", "A and B", "A, B and 3 more"; none when there are none.
func EndpointList(eps []string, none string) string {
	switch len(eps) {
	case 0:
		return none
	case 1:
		return eps[0]
	case 2:
		return eps[0] + " and " + eps[1]
	}
	return fmt.Sprintf("%s, %s and %d more", eps[0], eps[1], len(eps)-2)
}

// EndpointsRelated names every endpoint of a finding whose message,
// through [EndpointList], names only two and counts the rest: one related
// information per endpoint ("endpoint: GET /v1/vendors"), at the finding's
// position pos, in order. -json prints them as the diagnostic's "related"
// and the checklist's SARIF as the result's relatedLocations, so machines
// get the whole list while the message stays one line. It is nil when the
// message names them all.
func EndpointsRelated(pos token.Pos, eps []string) []analysis.RelatedInformation {
	if len(eps) <= 2 {
		return nil
	}
	rel := make([]analysis.RelatedInformation, len(eps))
	for i, ep := range eps {
		rel[i] = analysis.RelatedInformation{Pos: pos, Message: "endpoint: " + ep}
	}
	return rel
}
