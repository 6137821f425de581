package brexapi

import (
	"sort"
	"strings"
)

// Matching runs for every HTTP request literal in every analyzed package, so
// the templates are compiled once into segments and bucketed by their first
// two segments ("v2/users"). A lookup slices the input string in place: it
// does not allocate (except PathEndpoints' result).

type segment struct {
	lit   string
	param bool
}

type template struct {
	path string
	segs []segment
	eps  []*Endpoint // sorted by method
}

type resourceInfo struct {
	versions []string // sorted
	brexOnly bool
}

var (
	// templates keyed by "version/first", most specific first.
	byPrefix = map[string][]*template{}
	// knownBad templates from the overlay, keyed the same way.
	badByPrefix = map[string][]*template{}
	// resources by name ("users", "accounts/cash").
	resources = map[string]*resourceInfo{}
)

func init() {
	tmpls := map[string]*template{}
	for _, e := range endpoints {
		t := tmpls[e.Path]
		if t == nil {
			t = compile(e.Path)
			tmpls[e.Path] = t
			key := t.segs[0].lit + "/" + t.segs[1].lit
			byPrefix[key] = append(byPrefix[key], t)
			addResources(t)
		}
		t.eps = append(t.eps, e)
	}
	for _, list := range byPrefix {
		sortBySpecificity(list)
		for _, t := range list {
			sort.Slice(t.eps, func(i, j int) bool { return t.eps[i].Method < t.eps[j].Method })
		}
	}
	for _, p := range knownBadPaths {
		t := compile(p)
		key := t.segs[0].lit + "/" + t.segs[1].lit
		badByPrefix[key] = append(badByPrefix[key], t)
	}
	for _, name := range brexOnlyResources {
		if r := resources[name]; r != nil {
			r.brexOnly = true
		}
	}
}

func compile(path string) *template {
	t := &template{path: path}
	for _, s := range strings.Split(strings.TrimPrefix(path, "/"), "/") {
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
			t.segs = append(t.segs, segment{param: true})
		} else {
			t.segs = append(t.segs, segment{lit: s})
		}
	}
	if len(t.segs) < 2 || t.segs[0].param || t.segs[1].param {
		// Every Brex path starts /vN/resource; the generator's data never
		// violates this, and a violation would break the index.
		panic("brexapi: bad path template " + path)
	}
	return t
}

// addResources registers the documented resources of a template: its first
// segment after the version ("users", "accounts") and, when the template
// goes on past a second literal segment, that pair ("accounts/cash",
// "expenses/card", "webhooks/groups"). A final literal such as "/users/me"
// or "/webhooks/secrets" is a single endpoint, not a resource.
func addResources(t *template) {
	v := t.segs[0].lit
	add := func(name string) {
		r := resources[name]
		if r == nil {
			r = &resourceInfo{}
			resources[name] = r
		}
		i := sort.SearchStrings(r.versions, v)
		if i == len(r.versions) || r.versions[i] != v {
			r.versions = append(r.versions, "")
			copy(r.versions[i+1:], r.versions[i:])
			r.versions[i] = v
		}
	}
	add(t.segs[1].lit)
	if len(t.segs) > 3 && !t.segs[2].param {
		add(t.segs[1].lit + "/" + t.segs[2].lit)
	}
}

// sortBySpecificity orders templates so that, at the first position where
// two differ in kind, the literal one comes first: /v2/users/me before
// /v2/users/{id}.
func sortBySpecificity(list []*template) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i].segs, list[j].segs
		for k := 0; k < len(a) && k < len(b); k++ {
			if a[k].param != b[k].param {
				return !a[k].param
			}
		}
		if len(a) != len(b) {
			return len(a) < len(b)
		}
		return list[i].path < list[j].path
	})
}

// normPath reduces a path (or a whole URL) to "v2/users/x": no scheme or
// host, no query or fragment, no leading or trailing slashes.
func normPath(p string) string {
	if strings.Contains(p, "://") || strings.HasPrefix(p, "//") {
		_, p = splitURL(p)
	} else if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	p = strings.TrimPrefix(p, "/")
	for strings.HasSuffix(p, "/") {
		p = p[:len(p)-1]
	}
	return p
}

// prefixKey returns the first two segments of a normalized path.
func prefixKey(p string) string {
	i := strings.IndexByte(p, '/')
	if i < 0 {
		return p
	}
	if j := strings.IndexByte(p[i+1:], '/'); j >= 0 {
		return p[:i+1+j]
	}
	return p
}

// match reports whether the normalized path p fits the template. A literal
// segment must be equal; a parameter segment takes any non-empty segment,
// which covers concrete ids ("tr_123") and the placeholders that constant
// folding leaves ("{id}", "%s", "*"). A placeholder never matches a literal
// segment, so "/v2/users/%s" is /v2/users/{id}, never /v2/users/me.
func (t *template) match(p string) bool {
	last := len(t.segs) - 1
	for i, sg := range t.segs {
		var s string
		j := strings.IndexByte(p, '/')
		if j < 0 {
			if i != last {
				return false
			}
			s, p = p, ""
		} else {
			if i == last {
				return false
			}
			s, p = p[:j], p[j+1:]
		}
		if sg.param {
			if s == "" {
				return false
			}
		} else if s != sg.lit {
			return false
		}
	}
	return true
}

// Lookup finds the endpoint for method (any case) and path. The path may be
// a template ("/v1/transfers/{id}"), a concrete path ("/v1/transfers/tr_1"),
// or hold placeholders ("{x}", "%s", "*") wherever the template has a
// parameter; a whole URL is accepted too. The query string, fragment and
// trailing slashes are ignored. When several templates fit, the most
// specific one that has the method wins (GET /v2/users/me is its own
// endpoint; PUT /v2/users/me falls back to PUT /v2/users/{id}, so that an id
// that happens to look like a literal never causes a false finding).
func Lookup(method, path string) (*Endpoint, bool) {
	p := normPath(path)
	n := strings.Count(p, "/") + 1
	for _, t := range byPrefix[prefixKey(p)] {
		if len(t.segs) != n || !t.match(p) {
			continue
		}
		for _, e := range t.eps {
			if strings.EqualFold(e.Method, method) {
				return e, true
			}
		}
	}
	return nil, false
}

// PathEndpoints returns the endpoints of every template that matches path
// (any method), most specific template first, then by method. An empty
// result with a non-empty Lookup miss means the path is not documented; a
// non-empty result without the caller's method means the method is not
// allowed on a documented path.
func PathEndpoints(path string) []*Endpoint {
	p := normPath(path)
	n := strings.Count(p, "/") + 1
	var out []*Endpoint
	for _, t := range byPrefix[prefixKey(p)] {
		if len(t.segs) == n && t.match(p) {
			out = append(out, t.eps...)
		}
	}
	return out
}

// Resource is a documented Brex resource at the version a path names.
// Name is the longest documented run of literal segments after the version,
// up to two: "users", "accounts/cash", "expenses/card"; a concrete id never
// extends it ("/v2/accounts/acc_1/transactions" is under "accounts").
type Resource struct {
	Version string // "v2"
	Name    string // "users", "accounts/cash", "expenses/card"
}

// String returns the resource as a path prefix, e.g. "/v2/users".
func (r Resource) String() string { return "/" + r.Version + "/" + r.Name }

// BrexOnly reports whether the resource exists only at Brex
// (spend_limits, accounts/cash, expenses/card, ...): a path under it is a
// Brex signal by itself, while users, transfers or cards are everyone's.
func (r Resource) BrexOnly() bool {
	info := resources[r.Name]
	return info != nil && info.brexOnly
}

// Versions returns the API versions at which the catalogue documents the
// resource, sorted ("v2" for users; "v1", "v2" for budgets).
func (r Resource) Versions() []string {
	if info := resources[r.Name]; info != nil {
		return append([]string(nil), info.versions...)
	}
	return nil
}

// Documented reports whether the catalogue has the resource at r.Version.
// False means a known resource at an undocumented version (/v1/cards).
func (r Resource) Documented() bool {
	if info := resources[r.Name]; info != nil {
		i := sort.SearchStrings(info.versions, r.Version)
		return i < len(info.versions) && info.versions[i] == r.Version
	}
	return false
}

// ResourceOf returns the documented resource that path belongs to, at the
// version the path names, whether or not the catalogue has that version:
// "/v2/users/{id}/status" is under users (v2, documented), "/v1/cards" is
// under cards (v1, not Documented). ok is false when the path has no
// "/vN/" prefix or names a resource the catalogue does not know at any
// version ("/v1/widgets"); callers must not report such paths, because Brex
// adds endpoints without notice.
func ResourceOf(path string) (Resource, bool) {
	p := normPath(path)
	v, rest, _ := strings.Cut(p, "/")
	if !isVersion(v) || rest == "" {
		return Resource{}, false
	}
	// Try "first/second", then "first".
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		two := rest
		if j := strings.IndexByte(rest[i+1:], '/'); j >= 0 {
			two = rest[:i+1+j]
		}
		if resources[two] != nil {
			return Resource{Version: v, Name: two}, true
		}
		rest = rest[:i]
	}
	if resources[rest] != nil {
		return Resource{Version: v, Name: rest}, true
	}
	return Resource{}, false
}

func isVersion(s string) bool {
	if len(s) < 2 || s[0] != 'v' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// KnownBad reports whether path is documented nowhere yet contradicts a
// documented resource: one of the paths the overlay lists because code was
// seen calling them (/v1/cards, /v2/users/{id}/status, ...), or any path
// under a documented resource (ResourceOf ok, at any version) that no
// catalogue template matches with any method. Paths under resources the
// catalogue does not know are never KnownBad.
func KnownBad(path string) bool {
	p := normPath(path)
	key := prefixKey(p)
	for _, t := range badByPrefix[key] {
		if t.match(p) {
			return true
		}
	}
	if _, ok := ResourceOf(p); !ok {
		return false
	}
	for _, t := range byPrefix[key] {
		if t.match(p) {
			return false
		}
	}
	return true
}
