package brexapi

import (
	"slices"
	"strings"
	"testing"
)

// fitsTemplate is the reference matcher: segment by segment, a literal
// segment equal, a {param} segment any non-empty text.
func fitsTemplate(template, path string) bool {
	ts := strings.Split(strings.Trim(template, "/"), "/")
	ps := strings.Split(normPath(path), "/")
	if len(ts) != len(ps) {
		return false
	}
	for i, t := range ts {
		if strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") {
			if ps[i] == "" {
				return false
			}
		} else if t != ps[i] {
			return false
		}
	}
	return true
}

// FuzzLookup checks Lookup and PathEndpoints against the reference
// matcher on arbitrary methods and paths: a found endpoint has the method
// and fits the path; PathEndpoints lists exactly the endpoints that fit;
// Lookup misses only when none of them has the method.
//
//	go test -fuzz FuzzLookup ./internal/brexapi/
func FuzzLookup(f *testing.F) {
	for _, seed := range [][2]string{
		{"POST", "/v1/transfers"}, {"get", "/v2/users/me"}, {"PUT", "/v2/users/me"},
		{"GET", "https://platform.brexapis.com/v2/accounts/cash/acc_1/statements?cursor=x"},
		{"GET", "/v1/expenses/card/"}, {"DELETE", "//x/v1/webhooks/{id}#f"}, {"GET", "/v2/users/%s"},
		{"GET", ""}, {"PATCH", "/"}, {"GET", "/v1//transfers"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, method, path string) {
		ep, ok := Lookup(method, path)
		eps := PathEndpoints(path)
		var want []*Endpoint
		for _, e := range Endpoints() {
			if fitsTemplate(e.Path, path) {
				want = append(want, e)
			}
		}
		for _, e := range eps {
			if !slices.Contains(want, e) {
				t.Errorf("PathEndpoints(%q) lists %s, which does not fit", path, e)
			}
		}
		if len(eps) != len(want) {
			t.Errorf("PathEndpoints(%q) lists %d endpoints, %d fit", path, len(eps), len(want))
		}
		hasMethod := slices.ContainsFunc(want, func(e *Endpoint) bool { return strings.EqualFold(e.Method, method) })
		switch {
		case ok && (!strings.EqualFold(ep.Method, method) || !fitsTemplate(ep.Path, path)):
			t.Errorf("Lookup(%q, %q) = %s, which does not fit", method, path, ep)
		case !ok && hasMethod:
			t.Errorf("Lookup(%q, %q) missed, but an endpoint with the method fits", method, path)
		}
	})
}

// FuzzLookupConcrete fills every template of the catalogue with a fuzzed
// id and checks that Lookup finds an endpoint with the same method that
// fits: an id never hides a documented endpoint.
//
//	go test -fuzz FuzzLookupConcrete ./internal/brexapi/
func FuzzLookupConcrete(f *testing.F) {
	for _, id := range []string{"tr_123", "me", "{id}", "%s", "*", "cash", "x"} {
		f.Add(id)
	}
	f.Fuzz(func(t *testing.T, id string) {
		if id == "" || strings.ContainsAny(id, "/?#") || strings.Contains(id, "://") {
			return // not one path segment
		}
		for _, e := range Endpoints() {
			segs := strings.Split(e.Path, "/")
			for i, s := range segs {
				if strings.HasPrefix(s, "{") {
					segs[i] = id
				}
			}
			path := strings.Join(segs, "/")
			got, ok := Lookup(e.Method, path)
			if !ok || got.Method != e.Method || !fitsTemplate(got.Path, path) {
				t.Errorf("Lookup(%s, %q) = %v, %v; want an endpoint of that method that fits (from %s)", e.Method, path, got, ok, e)
			}
		}
	})
}
