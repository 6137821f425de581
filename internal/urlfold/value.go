package urlfold

import (
	"go/types"
	"strings"
)

// HoleKind says where an unknown part of a folded string comes from, so that
// later analyses can tell a base URL read from the environment (a Brex signal
// when the name is BREX_*) from a wrapper's parameter (to be substituted with
// the caller's argument) from anything else.
type HoleKind uint8

const (
	// Unknown is a part the folder cannot see through: a call result, a
	// reassigned variable, a field, an index expression, ...
	Unknown HoleKind = iota
	// Env is the value of os.Getenv(EnvName) or the first result of
	// os.LookupEnv(EnvName). EnvName is empty when the name is not constant.
	Env
	// Param is a parameter of the enclosing function (or function literal)
	// that the function never reassigns; Part.Param names it so that a
	// wrapper analysis can substitute the caller's argument with FoldWith.
	Param
	// FormatVerb is a fmt.Sprintf verb whose operand is not constant or
	// whose formatting cannot be predicted (%d of a variable, %q or %5s of
	// an unknown string, ...).
	FormatVerb
)

// String returns the kind's name, for test output and debugging.
func (k HoleKind) String() string {
	switch k {
	case Env:
		return "Env"
	case Param:
		return "Param"
	case FormatVerb:
		return "FormatVerb"
	}
	return "Unknown"
}

// Part is one piece of a folded string: either literal text or a hole.
type Part struct {
	// Lit is the literal text; empty for a hole.
	Lit string
	// Hole is true for an unknown part.
	Hole bool
	// HoleKind says where a hole comes from.
	HoleKind HoleKind
	// EnvName is the variable name of an Env hole ("BREX_API_URL").
	EnvName string
	// Param is the parameter of a Param hole. It is compared by identity,
	// which is what FoldWith's map needs.
	Param *types.Var
}

// Value is a folded string: literal parts and holes, in order. Adjacent
// literals are always merged and empty literals dropped, so two Values for
// the same text compare equal; adjacent holes are kept apart because each
// carries its own origin. The zero Value is the empty string.
type Value struct {
	Parts []Part
}

// Lit returns the Value of a constant string.
func Lit(s string) Value {
	if s == "" {
		return Value{}
	}
	return Value{Parts: []Part{{Lit: s}}}
}

// Hole returns a Value that is a single unknown part of kind k.
func Hole(k HoleKind) Value {
	return Value{Parts: []Part{{Hole: true, HoleKind: k}}}
}

// Concat returns the concatenation of vs, normalized (adjacent literals
// merged, empty literals dropped).
func Concat(vs ...Value) Value {
	var out Value
	for _, v := range vs {
		for _, p := range v.Parts {
			out = out.add(p)
		}
	}
	return out
}

// add appends p in place where possible; callers own out's slice.
func (v Value) add(p Part) Value {
	if !p.Hole {
		if p.Lit == "" {
			return v
		}
		if n := len(v.Parts); n > 0 && !v.Parts[n-1].Hole {
			parts := make([]Part, n)
			copy(parts, v.Parts)
			parts[n-1].Lit += p.Lit
			return Value{Parts: parts}
		}
	}
	parts := make([]Part, len(v.Parts), len(v.Parts)+1)
	copy(parts, v.Parts)
	return Value{Parts: append(parts, p)}
}

// IsHole reports whether v is exactly one hole (nothing known at all).
func (v Value) IsHole() bool { return len(v.Parts) == 1 && v.Parts[0].Hole }

// HasHole reports whether any part of v is unknown.
func (v Value) HasHole() bool {
	for _, p := range v.Parts {
		if p.Hole {
			return true
		}
	}
	return false
}

// String renders v with each hole as "{}", e.g. "{}/v1/transfers/{}". The
// rendering is for matching and messages; it is ambiguous when a literal
// itself contains "{}".
func (v Value) String() string {
	var b strings.Builder
	for _, p := range v.Parts {
		if p.Hole {
			b.WriteString("{}")
		} else {
			b.WriteString(p.Lit)
		}
	}
	return b.String()
}

// Complete returns the constant string when v has no hole.
func (v Value) Complete() (string, bool) {
	if v.HasHole() {
		return "", false
	}
	return v.String(), true
}

// Env returns the names of the environment variables whose values v
// contains (Env holes with a constant name), in order, for the "BREX_* read
// with os.Getenv" signal.
func (v Value) Env() []string {
	var names []string
	for _, p := range v.Parts {
		if p.Hole && p.HoleKind == Env && p.EnvName != "" {
			names = append(names, p.EnvName)
		}
	}
	return names
}

// Params returns the parameters whose values v contains, in order of
// appearance, so a wrapper analysis can tell which argument flows into the
// URL.
func (v Value) Params() []*types.Var {
	var ps []*types.Var
	for _, p := range v.Parts {
		if p.Hole && p.HoleKind == Param && p.Param != nil {
			ps = append(ps, p.Param)
		}
	}
	return ps
}

// schemeEnd returns the index just after "scheme://" at the start of s, or
// -1. A scheme is a letter followed by letters, digits, '+', '-' or '.'
// (RFC 3986 §3.1).
func schemeEnd(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			if strings.HasPrefix(s[i:], "://") {
				return i + 3
			}
			return -1
		default:
			return -1
		}
	}
	return -1
}

// Host returns the host (with port, if any) when v starts with a literal
// "scheme://host". The host ends at the first '/', '?' or '#', or at the end
// of v. When a hole follows the host text directly ("https://api.brex.com" +
// path) the hole is assumed to begin the port or path, not to extend the host
// name: code that builds a host name from pieces is rare, and a host that
// merely starts like a Brex host cannot be matched anyway. A trailing ':'
// before such a hole (a port from elsewhere) is dropped.
func (v Value) Host() (string, bool) {
	h, _, ok := v.splitHost()
	return h, ok
}

// splitHost returns the host and the parts after it (starting with the
// host's terminator, or with the hole that ends the host).
func (v Value) splitHost() (host string, rest []Part, ok bool) {
	if len(v.Parts) == 0 || v.Parts[0].Hole {
		return "", nil, false
	}
	lit := v.Parts[0].Lit
	i := schemeEnd(lit)
	if i < 0 {
		return "", nil, false
	}
	after := lit[i:]
	if k := strings.IndexAny(after, "/?#"); k >= 0 {
		host = after[:k]
		rest = append([]Part{{Lit: after[k:]}}, v.Parts[1:]...)
	} else {
		host = strings.TrimSuffix(after, ":")
		rest = v.Parts[1:]
	}
	if host == "" {
		return "", nil, false
	}
	return host, rest, true
}

// Path returns the URL path of v with holes rendered as "{}", without query
// or fragment, in a form brexapi.Lookup accepts (a "{}" segment matches a
// template parameter). It is determinable
//   - after a literal host (see Host); an empty path is "/";
//   - after a leading hole (a base URL from config or the environment) when
//     the literal that follows the hole starts with "/": the base URL may
//     carry a path prefix of its own, which is unknown and not included;
//   - when v itself starts with a literal "/" (a path or a wrapper's path
//     argument).
//
// Consecutive holes inside the path render as a single "{}".
func (v Value) Path() (string, bool) {
	if _, rest, ok := v.splitHost(); ok {
		if len(rest) > 0 && rest[0].Hole {
			return pathAfterHole(rest)
		}
		p := renderPath(rest)
		if p == "" {
			p = "/"
		}
		return p, true
	}
	if len(v.Parts) == 0 {
		return "", false
	}
	if v.Parts[0].Hole {
		return pathAfterHole(v.Parts)
	}
	if strings.HasPrefix(v.Parts[0].Lit, "/") && !strings.HasPrefix(v.Parts[0].Lit, "//") {
		return renderPath(v.Parts), true
	}
	return "", false
}

// pathAfterHole skips the leading holes of parts and renders the rest when
// it starts with a literal "/".
func pathAfterHole(parts []Part) (string, bool) {
	i := 0
	for i < len(parts) && parts[i].Hole {
		i++
	}
	if i == len(parts) || !strings.HasPrefix(parts[i].Lit, "/") {
		return "", false
	}
	return renderPath(parts[i:]), true
}

// renderPath renders parts up to the first '?' or '#' in a literal.
func renderPath(parts []Part) string {
	var b strings.Builder
	lastHole := false
	for _, p := range parts {
		if p.Hole {
			if !lastHole {
				b.WriteString("{}")
			}
			lastHole = true
			continue
		}
		lastHole = false
		if k := strings.IndexAny(p.Lit, "?#"); k >= 0 {
			b.WriteString(p.Lit[:k])
			break
		}
		b.WriteString(p.Lit)
	}
	return b.String()
}

// Join returns what is known of a value that is either a or b: the value of
// a variable at a use reached by two definitions. The join keeps what a
// check needs and never invents a path:
//   - equal values are kept;
//   - a single hole joined with itself behind a "/" is the hole, and with
//     itself followed by a "/" is that (see joinSlash1);
//   - values that differ only after the path (in the query or fragment:
//     a cursor or a query appended behind an if) keep the part before it,
//     followed by "?" and a hole;
//   - an unset value (empty, or a single hole: a base URL from the
//     environment, a parameter, an option) joined with a value that has a
//     literal host is that value: the host is the default the code falls
//     back to (v := os.Getenv(...); if v == "" { v = "https://..." });
//   - values with the same literal scheme and host but different paths
//     keep the scheme and host, followed by a hole (Path is then unknown);
//   - anything else is one Unknown hole.
//
// Holes are equal when they are the same kind with the same name or
// parameter; two different holes in the same place join to an Unknown hole.
func Join(a, b Value) Value {
	if a.equal(b) {
		return a
	}
	if qa, qb := cutQuery(a), cutQuery(b); qa.equal(qb) {
		return Concat(qa, Lit("?"), Hole(Unknown))
	}
	if j, ok := joinSlash1(a, b); ok {
		return j
	}
	if j, ok := joinSlash1(b, a); ok {
		return j
	}
	if _, ok := b.Host(); ok && a.unset() {
		return b
	}
	if _, ok := a.Host(); ok && b.unset() {
		return a
	}
	prefix, restA, restB := commonPrefix(a, b)
	if strings.ContainsAny(prefix.String(), "?#") {
		return Concat(prefix, Hole(Unknown))
	}
	if len(restA) == 0 && len(restB) == 0 {
		return prefix // only holes differ
	}
	if queryOrEnd(restA) && queryOrEnd(restB) {
		return Concat(prefix, Lit("?"), Hole(Unknown))
	}
	ha, _, oka := a.splitHost()
	hb, _, okb := b.splitHost()
	if oka && okb && ha == hb {
		lit := a.Parts[0].Lit
		if blit := b.Parts[0].Lit; lit[:schemeEnd(lit)] == blit[:schemeEnd(blit)] {
			return Concat(Lit(lit[:schemeEnd(lit)]+ha), Hole(Unknown))
		}
	}
	return Hole(Unknown)
}

// joinSlash1 joins a single hole h with itself slash-normalized, the way
// helpers make sure of the slash between a base URL and a path: path =
// "/" + path joins to the path as given (a caller that passes "/v1/..."
// is exact, and one that passes "v1/..." leaves no determinable path rather
// than a doubled slash), base += "/" to the base with its slash.
func joinSlash1(h, v Value) (Value, bool) {
	if !h.IsHole() || len(v.Parts) != 2 {
		return Value{}, false
	}
	switch {
	case v.Parts[0] == Part{Lit: "/"} && v.Parts[1] == h.Parts[0]:
		return h, true
	case v.Parts[0] == h.Parts[0] && v.Parts[1] == Part{Lit: "/"}:
		return v, true
	}
	return Value{}, false
}

// unset reports whether v is empty or a single hole.
func (v Value) unset() bool { return len(v.Parts) == 0 || v.IsHole() }

func (v Value) equal(w Value) bool {
	if len(v.Parts) != len(w.Parts) {
		return false
	}
	for i := range v.Parts {
		if v.Parts[i] != w.Parts[i] {
			return false
		}
	}
	return true
}

// commonPrefix returns the longest common prefix of a and b, in which two
// different holes become one Unknown hole, and the rest of each.
func commonPrefix(a, b Value) (prefix Value, restA, restB []Part) {
	i := 0
	for ; i < len(a.Parts) && i < len(b.Parts); i++ {
		pa, pb := a.Parts[i], b.Parts[i]
		switch {
		case pa == pb:
			prefix = prefix.add(pa)
			continue
		case pa.Hole && pb.Hole:
			prefix = prefix.add(Part{Hole: true, HoleKind: Unknown})
			continue
		case !pa.Hole && !pb.Hole:
			n := 0
			for n < len(pa.Lit) && n < len(pb.Lit) && pa.Lit[n] == pb.Lit[n] {
				n++
			}
			prefix = prefix.add(Part{Lit: pa.Lit[:n]})
			restA = append([]Part{{Lit: pa.Lit[n:]}}, a.Parts[i+1:]...)
			restB = append([]Part{{Lit: pb.Lit[n:]}}, b.Parts[i+1:]...)
			return prefix, trimEmpty(restA), trimEmpty(restB)
		}
		break
	}
	return prefix, a.Parts[i:], b.Parts[i:]
}

func trimEmpty(parts []Part) []Part {
	if len(parts) > 0 && !parts[0].Hole && parts[0].Lit == "" {
		return parts[1:]
	}
	return parts
}

// queryOrEnd reports whether parts are empty or start a query or fragment.
func queryOrEnd(parts []Part) bool {
	return len(parts) == 0 || !parts[0].Hole && strings.ContainsAny(parts[0].Lit[:1], "?#")
}
