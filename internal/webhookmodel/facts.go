package webhookmodel

import "golang.org/x/tools/go/analysis"

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
	Library  string
	Returns  Origin
	Sites    []Site
}

func (*FuncFact) AFact() {}

func (f *FuncFact) String() string { return "webhook(" + f.Library + ")" }

// FactTypes are the facts of the webhook model, declared by the Brex model
// analyzer.
func FactTypes() []analysis.Fact { return []analysis.Fact{new(FuncFact)} }

// fact returns the fact to export for s, or nil when callers learn
// nothing from it.
func (s *Summary) fact() *FuncFact {
	ret := s.Returns
	ret.Flags &^= Unknown
	if s.Headers == 0 && !s.Verifies && len(s.Sites) == 0 && ret.Flags == 0 && s.Returns.Params == 0 {
		return nil
	}
	f := &FuncFact{Headers: s.Headers, Verifies: s.Verifies, Clock: s.Clock, Library: s.Library, Returns: s.Returns}
	for _, site := range s.Sites {
		site.pos = 0
		f.Sites = append(f.Sites, site)
	}
	return f
}

// summary is the fact as a summary; in names the function, for the sites'
// messages.
func (f *FuncFact) summary(in string) *Summary {
	s := &Summary{Headers: f.Headers, Verifies: f.Verifies, Clock: f.Clock, Library: f.Library, Returns: f.Returns}
	for _, site := range f.Sites {
		if site.In == "" {
			site.In = in
		}
		s.Sites = append(s.Sites, site)
	}
	return s
}
