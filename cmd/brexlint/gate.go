package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/brexlint/brexlint/analyzers"
	"github.com/brexlint/brexlint/checklist"
	"github.com/brexlint/brexlint/internal/atomicfile"
	"github.com/brexlint/brexlint/internal/committed"
	"github.com/brexlint/brexlint/internal/moduleview"
)

// gateFlags are the flags of "brexlint checklist" that make it a CI gate
// beyond its -format: a baseline of accepted findings, and a SARIF file
// written next to the report on stdout (so that one run feeds both a
// pull-request summary and code scanning).
type gateFlags struct {
	baseline      string
	writeBaseline string
	sarif         string
}

func registerGateFlags(fs *flag.FlagSet) *gateFlags {
	g := new(gateFlags)
	fs.StringVar(&g.baseline, "baseline", "", "accept the findings recorded in this `file`: fail only on new ones")
	fs.StringVar(&g.writeBaseline, "write-baseline", "", "record every finding of this run in this `file`, and accept them")
	fs.StringVar(&g.sarif, "sarif", "", "also write the report as SARIF 2.1.0 to this `file`")
	return g
}

// apply reads each finding's line of code (for its checklist.Key; see
// moduleview.View.ReadCode), then applies the baseline flags: it returns
// the findings that fail the gate and those that a baseline accepts.
// -write-baseline records every finding and accepts them all; -baseline
// alone accepts those it records (checklist.Baseline.Filter).
func (g *gateFlags) apply(found []checklist.Finding, view *moduleview.View) (fresh, accepted []checklist.Finding, err error) {
	view.ReadCode(found)
	if g.writeBaseline != "" {
		if err := writeBaseline(g.writeBaseline, checklist.NewBaseline(found)); err != nil {
			return nil, nil, err
		}
		log.Printf("recorded %d findings in %s", len(found), g.writeBaseline)
		return nil, found, nil
	}
	if g.baseline == "" {
		return found, nil, nil
	}
	f, err := os.Open(g.baseline)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	b, err := checklist.ReadBaseline(f)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", g.baseline, err)
	}
	fresh, accepted, stale := b.Filter(found)
	if stale > 0 {
		log.Printf("%d findings recorded in %s no longer occur: -write-baseline %[2]s drops them", stale, g.baseline)
	}
	return fresh, accepted, nil
}

// finish completes the report (baselined findings, where the module sits
// in its repository) and writes the -sarif file.
func (g *gateFlags) finish(r *checklist.Report, accepted []checklist.Finding, view *moduleview.View) error {
	if accepted != nil {
		r.Baselined = accepted
	}
	if root := view.Root(); root != "" {
		r.RepoDir = committed.RepoDir(root)
	}
	if g.sarif == "" {
		return nil
	}
	var buf bytes.Buffer
	if err := r.WriteSARIF(&buf, sarifTool()); err != nil {
		return err
	}
	return atomicfile.Write(g.sarif, buf.Bytes(), 0o644)
}

// sarifTool describes this build of brexlint for SARIF: its version and
// the documentation of its checks, whole (as brexlint help CHECK prints
// it), since each message is one clause.
func sarifTool() checklist.SARIFTool {
	t := checklist.SARIFTool{Version: moduleVersion()}
	for _, a := range analyzers.All() {
		help, _ := analyzers.Documentation(a.Name)
		md, _ := analyzers.DocumentationMarkdown(a.Name)
		t.Checks = append(t.Checks, checklist.CheckDoc{Name: a.Name, Doc: a.Doc, Help: help, HelpMarkdown: md})
	}
	return t
}

func writeBaseline(name string, b checklist.Baseline) error {
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		return err
	}
	return atomicfile.Write(name, buf.Bytes(), 0o644) // never a half-written baseline
}
