package checklist

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/brexlint/brexlint/internal/checks"
)

// Key identifies a finding across edits that only move it: its check,
// category, file (relative to the module root), enclosing function and a
// content hash, never its line or column. Baselines and SARIF fingerprints
// are keyed on it.
//
// The hash covers the finding's line of code with all white space removed,
// so inserting a line above it, reindenting it or renaming an unrelated
// function keeps the key, while editing the line itself, moving it to
// another function or renaming its function makes it a new finding. For
// hardcodedsecret, whose line holds the secret, the hash covers the message
// instead (it shows at most the secret's first characters), so that no
// baseline or SARIF file carries a hash from which a weak secret could be
// guessed. A finding without a line (Code empty) hashes its message too.
// Only the message's "what" counts ([checks.MessageWhat]): a release that
// rewords why a finding matters or what to do keeps its key.
type Key struct {
	Check    string `json:"check"`
	Category string `json:"category,omitempty"`
	File     string `json:"file"`
	Function string `json:"function,omitempty"`
	Hash     string `json:"hash"`
}

// Key returns f's [Key].
func (f Finding) Key() Key {
	h := sha256.New()
	if f.Check == checks.HardcodedSecret || strings.TrimSpace(f.Code) == "" {
		fmt.Fprintf(h, "message\x00%s", checks.MessageWhat(f.Message))
	} else {
		fmt.Fprintf(h, "code\x00%s", strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, f.Code))
	}
	return Key{
		Check:    f.Check,
		Category: f.Category,
		File:     f.File,
		Function: f.Function,
		Hash:     hex.EncodeToString(h.Sum(nil)[:8]),
	}
}

// Fingerprint is the key as one string, for SARIF partialFingerprints.
func (k Key) Fingerprint() string {
	sum := sha256.Sum256([]byte(strings.Join([]string{k.Check, k.Category, k.File, k.Function, k.Hash}, "\x00")))
	return hex.EncodeToString(sum[:16])
}

// BaselineFormat is the value of a baseline file's "brexlint_baseline"
// field: the version of its format.
const BaselineFormat = 1

// Baseline records accepted findings: with it, the gate fails only on
// findings it does not record. Its file is JSON, meant to be committed and
// reviewed:
//
//	{
//	  "brexlint_baseline": 1,
//	  "findings": [{
//	    "check": string, "category": string (omitted if empty),
//	    "file": string,             // relative to the module root
//	    "function": string,         // enclosing function (omitted at package level)
//	    "hash": string,             // see Key
//	    "count": int,               // how many findings have this key
//	    "message": string           // for the reader; not part of the key
//	  }]
//	}
//
// Entries are sorted by file, function, check, category and hash, so that
// rewriting a baseline after a change shows only what changed.
type Baseline struct {
	Format   int             `json:"brexlint_baseline"`
	Findings []BaselineEntry `json:"findings"`
}

// BaselineEntry is one key of a [Baseline] with the number of findings
// that have it.
type BaselineEntry struct {
	Key
	Count   int    `json:"count"`
	Message string `json:"message"`
}

// NewBaseline records findings.
func NewBaseline(findings []Finding) Baseline {
	byKey := map[Key]*BaselineEntry{}
	var entries []*BaselineEntry
	for _, f := range findings {
		k := f.Key()
		if e, ok := byKey[k]; ok {
			e.Count++
			continue
		}
		e := &BaselineEntry{Key: k, Count: 1, Message: f.Message}
		byKey[k] = e
		entries = append(entries, e)
	}
	b := Baseline{Format: BaselineFormat, Findings: []BaselineEntry{}}
	for _, e := range entries {
		b.Findings = append(b.Findings, *e)
	}
	slices.SortFunc(b.Findings, func(x, y BaselineEntry) int {
		return cmp.Or(
			cmp.Compare(x.File, y.File),
			cmp.Compare(x.Function, y.Function),
			cmp.Compare(x.Check, y.Check),
			cmp.Compare(x.Category, y.Category),
			cmp.Compare(x.Hash, y.Hash),
		)
	})
	return b
}

// ReadBaseline parses a baseline file.
func ReadBaseline(r io.Reader) (Baseline, error) {
	var b Baseline
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return Baseline{}, fmt.Errorf("not a brexlint baseline: %v", err)
	}
	// One JSON value and nothing else: a baseline followed by the rest of
	// a merge conflict or a second baseline is not silently half-read.
	if _, err := dec.Token(); err != io.EOF {
		return Baseline{}, fmt.Errorf("not a brexlint baseline: data after the baseline's JSON value (at byte %d)", dec.InputOffset())
	}
	if b.Format != BaselineFormat {
		return Baseline{}, fmt.Errorf("baseline format %d, want %d (rewrite it with -write-baseline)", b.Format, BaselineFormat)
	}
	for _, e := range b.Findings {
		if e.Check == "" || e.File == "" || e.Hash == "" || e.Count < 1 {
			return Baseline{}, fmt.Errorf("baseline entry %+v: check, file, hash and a positive count are required", e.Key)
		}
	}
	return b, nil
}

// Write writes the baseline as indented JSON followed by a newline.
func (b Baseline) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(b)
}

// Filter splits findings into those the baseline does not record (fresh)
// and those it accepts. Each entry accepts at most Count findings of its
// key, so a second copy of an accepted problem in the same function is
// fresh (the later one by position). stale is the number of recorded findings that did not occur: fixed
// since the baseline was written. An entry without a category accepts a
// finding of any category of its check that matches the rest of its key:
// it was written before its check gave its findings one (pagination and
// pagelimit did so in 2026-12), and a check that gives its findings a
// category later is no reason to fail the gate.
func (b Baseline) Filter(findings []Finding) (fresh, accepted []Finding, stale int) {
	left := map[Key]int{}
	for _, e := range b.Findings {
		left[e.Key] += e.Count
	}
	sorted := slices.Clone(findings)
	slices.SortStableFunc(sorted, compareFindings) // the first ones by position are accepted
	for _, f := range sorted {
		k := f.Key()
		uncategorized := k
		uncategorized.Category = ""
		switch {
		case left[k] > 0:
			left[k]--
		case k.Category != "" && left[uncategorized] > 0:
			left[uncategorized]--
		default:
			fresh = append(fresh, f)
			continue
		}
		accepted = append(accepted, f)
	}
	for _, n := range left {
		stale += n
	}
	return fresh, accepted, stale
}
