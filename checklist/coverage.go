package checklist

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Subject is a kind of thing that the checks of an item examine: what the
// item counts when it passes ("pass (14 Brex calls)"), and what makes it
// n/a when the module has none ("no Brex call recognised"). An item that
// lists subjects is [NotApplicable] when every one of them was counted and
// none was found.
//
// A new subject needs an ID here and a count where the caller measures the
// module (the CLI counts from the Brex model's results): a subject that the
// caller does not count leaves its items as they would be without coverage.
type Subject struct {
	// ID is stable: it keys [Coverage] and the JSON and SARIF output.
	ID string `json:"id"`
	// One and Many name one and several of the subject ("Brex call",
	// "Brex calls").
	One  string `json:"-"`
	Many string `json:"-"`
	// None is the reason an item is n/a when there is none ("no Brex call
	// recognised").
	None string `json:"-"`
}

// The subjects of the launch checklist's items.
var (
	// BrexCalls are the HTTP requests that the Brex model recognises as
	// going to Brex, outside tests.
	BrexCalls = Subject{ID: "brex-calls", One: "Brex call", Many: "Brex calls", None: "no Brex call recognised"}
	// BrexOAuthConfigs are the Brex OAuth flows of the module: OAuth
	// configurations on a Brex auth host, or flows built by hand to one,
	// outside tests.
	BrexOAuthConfigs = Subject{ID: "brex-oauth-configs", One: "Brex OAuth configuration", Many: "Brex OAuth configurations", None: "no Brex OAuth flow"}
	// GoFiles are the module's Go files that the checks read.
	GoFiles = Subject{ID: "go-files", One: "Go file", Many: "Go files", None: "no Go file"}
	// OtherFiles are the module's non-Go files that the secret scan read.
	OtherFiles = Subject{ID: "other-files", One: "other file", Many: "other files", None: "no other file"}
	// BrexWebhookReceivers are the handlers that receive Brex webhooks,
	// as the webhooksignature check finds them.
	BrexWebhookReceivers = Subject{ID: "brex-webhook-receivers", One: "Brex webhook receiver", Many: "Brex webhook receivers", None: "no Brex webhook receiver"}
)

// Count renders n of the subject: "1 Brex call", "14 Brex calls".
func (s Subject) Count(n int) string {
	if n == 1 {
		return "1 " + s.One
	}
	return fmt.Sprintf("%d %s", n, s.Many)
}

// Coverage is how many of each subject (by ID) the caller found in the
// module. A subject without an entry was not counted.
type Coverage map[string]int

// Examined is one subject that an item examined, and how many of it.
type Examined struct {
	Subject string `json:"subject"` // the Subject's ID
	Count   int    `json:"count"`
	Text    string `json:"text"` // "14 Brex calls"
}

// cover sets res's Examined from cov and, when the item would pass and
// every one of its subjects was counted with none found, makes it n/a with
// the reasons. A finding always fails the item, whatever the counts say:
// the checks saw something that the counts missed.
func (res *ItemResult) cover(cov Coverage) {
	if cov == nil || len(res.Item.Examines) == 0 {
		return
	}
	counted, found := 0, 0
	var reasons []string
	for _, s := range res.Item.Examines {
		n, ok := cov[s.ID]
		if !ok {
			continue
		}
		counted++
		if n == 0 {
			reasons = append(reasons, s.None)
			continue
		}
		found++
		res.Examined = append(res.Examined, Examined{Subject: s.ID, Count: n, Text: s.Count(n)})
	}
	if res.Status == Pass && counted == len(res.Item.Examines) && found == 0 {
		res.Status = NotApplicable
		res.Reason = strings.Join(reasons, ", ")
	}
}

// examinedText is "14 Brex calls, 2 Brex OAuth configurations", or "".
func (res ItemResult) examinedText() string {
	var parts []string
	for _, e := range res.Examined {
		parts = append(parts, e.Text)
	}
	return strings.Join(parts, ", ")
}

// Warning is something the report says about the module as a whole that
// fails no item: today the blind spot, where the module shows signs of Brex
// that the Brex model recognised no call for. With [Report.Strict] a
// warning fails the report.
type Warning struct {
	// Kind is stable: "blind-spot".
	Kind string `json:"kind"`
	// Message is one sentence (or two) for people.
	Message string `json:"message"`
	// Files are the files the warning is about, relative to the module
	// root, slash-separated, sorted.
	Files []string `json:"files"`
	// Hint says what to do about it.
	Hint string `json:"hint"`
}

// WarningBlindSpot is the [Warning] kind of a blind spot.
const WarningBlindSpot = "blind-spot"

// text is the warning as one paragraph: message, files and hint, in
// Markdown (escaped, files as code) when md is set.
func (w Warning) text(md bool) string {
	esc, file := func(s string) string { return s }, func(s string) string { return s }
	if md {
		esc = mdEscape
		file = func(s string) string { return "`" + strings.ReplaceAll(s, "`", "") + "`" }
	}
	t := esc(w.Message)
	if len(w.Files) > 0 {
		fs := make([]string, len(w.Files))
		for i, f := range w.Files {
			fs[i] = file(f)
		}
		t += ": " + strings.Join(fs, ", ")
	}
	t += "."
	if w.Hint != "" {
		t += " " + esc(w.Hint)
	}
	return t
}

// subjects are the known subjects, for reading a report back.
var subjects = []Subject{BrexCalls, BrexOAuthConfigs, GoFiles, OtherFiles, BrexWebhookReceivers}

// MarshalJSON writes a subject as its ID.
func (s Subject) MarshalJSON() ([]byte, error) { return json.Marshal(s.ID) }

// UnmarshalJSON reads a subject from its ID; an ID this build does not
// know keeps only its ID.
func (s *Subject) UnmarshalJSON(data []byte) error {
	var id string
	if err := json.Unmarshal(data, &id); err != nil {
		return err
	}
	*s = Subject{ID: id}
	for _, k := range subjects {
		if k.ID == id {
			*s = k
		}
	}
	return nil
}

// Plural returns one when n is 1 and many otherwise: the one helper for
// counted words in reports (Plural(k, "1 warning", "3 warnings")).
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
