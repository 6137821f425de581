package webhookmodel

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// FuncFact is the summary of a function for the callers of other packages:
// an object fact on a function or method (object facts reach every
// importer under every driver). Exported only for functions that read a
// Standard Webhooks header, compute or compare a MAC, call a verifying
// library, or return something the model follows. Gob-encoded by go vet:
// plain exported fields only.
type FuncFact struct {
	Headers  Flags
	Verifies bool
	Clock    bool
	Opaque   bool
	Library  string
	Returns  Origin
	Sites    []Site
}

func (*FuncFact) AFact() {}

func (f *FuncFact) String() string {
	var parts []string
	for _, h := range []struct {
		f    Flags
		name string
	}{{FromID, "id"}, {FromTimestamp, "timestamp"}, {FromSignature, "signature"}} {
		if f.Headers&h.f != 0 {
			parts = append(parts, h.name)
		}
	}
	if f.Verifies {
		parts = append(parts, "verifies")
	}
	if f.Clock {
		parts = append(parts, "clock")
	}
	if f.Opaque {
		parts = append(parts, "opaque")
	}
	if f.Library != "" {
		parts = append(parts, "library="+f.Library)
	}
	if len(f.Sites) > 0 {
		parts = append(parts, fmt.Sprintf("sites=%d", len(f.Sites)))
	}
	return "webhook(" + strings.Join(parts, " ") + ")"
}

// FactTypes are the facts of the webhook model, declared by the Brex model
// analyzer.
func FactTypes() []analysis.Fact { return []analysis.Fact{new(FuncFact)} }

// fact returns the fact to export for s, or nil when callers learn
// nothing from it.
func (s *Summary) fact() *FuncFact {
	// What a function returns matters to callers only when it carries a
	// flag: a function that merely passes its parameters through (there
	// are many) gets no fact, and is followed in its own package only.
	if s.Headers == 0 && !s.Verifies && !s.Opaque && len(s.Sites) == 0 && s.Returns.Flags&^Unknown == 0 {
		return nil
	}
	f := &FuncFact{Headers: s.Headers, Verifies: s.Verifies, Clock: s.Clock, Opaque: s.Opaque, Library: s.Library, Returns: s.Returns}
	for _, site := range s.Sites {
		site.pos = 0
		f.Sites = append(f.Sites, site)
	}
	return f
}

// summary is the fact as a summary; in names the function, for the sites'
// messages.
func (f *FuncFact) summary(in string) *Summary {
	s := &Summary{Headers: f.Headers, Verifies: f.Verifies, Clock: f.Clock, Opaque: f.Opaque, Library: f.Library, Returns: f.Returns}
	for _, site := range f.Sites {
		if site.In == "" {
			site.In = in
		}
		s.Sites = append(s.Sites, site)
	}
	return s
}
