package urlfold

import "strings"

// Query returns the values of the query parameter name in v, in order: the
// text after "name=" up to the next "&" or "#", holes included. It reads
// only parameters whose "name=" is literal text after the first literal
// "?": a hole inside the query may hide more parameters, which Query does
// not guess at. It returns nil when v has no such parameter.
//
// Query("limit") of "{}/v2/users?limit=1000&cursor={}" is ["1000"]; of
// "{}/v2/users?limit={}" it is [{}], the hole the caller's argument fills.
func (v Value) Query(name string) []Value {
	// Cut v after its first literal "?".
	var rest []Part
	for i, p := range v.Parts {
		if p.Hole {
			continue
		}
		if j := strings.IndexByte(p.Lit, '?'); j >= 0 {
			rest = append([]Part{{Lit: p.Lit[j+1:]}}, v.Parts[i+1:]...)
			break
		}
	}
	if rest == nil {
		return nil
	}
	// Split at literal "&" into parameters, and stop at a literal "#".
	var params []Value
	var cur Value
	flush := func() { params = append(params, cur); cur = Value{} }
split:
	for _, p := range rest {
		if p.Hole {
			cur = cur.add(p)
			continue
		}
		lit := p.Lit
		for lit != "" {
			i := strings.IndexAny(lit, "&#")
			if i < 0 {
				cur = cur.add(Part{Lit: lit})
				break
			}
			cur = cur.add(Part{Lit: lit[:i]})
			if lit[i] == '#' {
				break split
			}
			flush()
			lit = lit[i+1:]
		}
	}
	flush()
	var out []Value
	for _, p := range params {
		if len(p.Parts) == 0 || p.Parts[0].Hole {
			continue
		}
		val, ok := strings.CutPrefix(p.Parts[0].Lit, name+"=")
		if !ok {
			continue
		}
		out = append(out, Concat(Lit(val), Value{Parts: p.Parts[1:]}))
	}
	return out
}
