package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/brexlint/brexlint/internal/secrets"
	"github.com/brexlint/brexlint/internal/srclines"
)

// vetChildEnv marks the process that runs x/tools' unit checker for go
// vet, under a parent that filters what it prints.
const vetChildEnv = "BREXLINT_VET_CHILD"

// vetMain runs one go vet unit (the .cfg file, the last of args) in a
// child process, x/tools' unit checker, and filters what it prints.
//
// The unit checker prints type errors as they are, quoting the constants
// they could not use: its standard error is redacted. Since Go 1.26, go vet
// asks for -json and prints -c context lines itself, reading the file that
// each position names, raw: that may be a file a //line directive names
// (/proc/self/environ), or a line holding a secret. So a position in a file
// that the package is not made of, or whose text holds a secret, is given
// without its column ("file:line"): go vet then prints the finding and
// reads no line of the file. Messages are redacted by the checks
// themselves. It returns the child's exit status.
func vetMain(args []string) int {
	exe, err := os.Executable()
	if err != nil {
		log.Print(err)
		return 1
	}
	cfg := readVetConfig(args[len(args)-1])
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), vetChildEnv+"=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, &stdout, &stderr
	err = cmd.Run()
	files := cfg.files()
	if cfg.Stdout != "" {
		// The unit checker wrote its standard output there.
		if data, rerr := os.ReadFile(cfg.Stdout); rerr == nil && len(data) > 0 {
			if out, ok := unquotableColumns(data, files); ok {
				if werr := os.WriteFile(cfg.Stdout, out, 0o666); werr != nil {
					log.Print(werr)
					return 1
				}
			}
		}
	}
	out := stdout.Bytes()
	if fixed, ok := unquotableColumns(out, files); ok {
		out = fixed
	}
	os.Stdout.Write(out)
	filterVetOutput(os.Stderr, stderr.String(), files)
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		log.Print(err)
		return 1
	}
	return 0
}

// vetConfig is the part of a go vet .cfg file that vetMain reads.
type vetConfig struct {
	GoFiles, NonGoFiles, IgnoredFiles []string
	Stdout                            string // where the unit checker writes its standard output
	VetxOnly                          bool   // the unit is run for facts only, and prints nothing
}

func readVetConfig(name string) vetConfig {
	var cfg vetConfig
	if data, err := os.ReadFile(name); err == nil {
		json.Unmarshal(data, &cfg) // an unreadable .cfg is the child's error to report
	}
	return cfg
}

// files returns the files the package is made of.
func (c vetConfig) files() []string {
	return slices.Concat(c.GoFiles, c.NonGoFiles, c.IgnoredFiles)
}

// unquotableColumns rewrites the positions of the unit checker's -json
// output (a stream of package → analyzer → diagnostics objects) that are in
// files whose lines may not be quoted (see srclines.Quotable) to
// "file:line". It reports false, leaving the output as it is, when the
// output is empty or not such JSON.
func unquotableColumns(data []byte, files []string) ([]byte, bool) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, false
	}
	quotable := map[string]bool{}
	fix := func(m map[string]any, key string) {
		posn, _ := m[key].(string)
		i := strings.LastIndexByte(posn, ':')
		if i < 0 {
			return
		}
		j := strings.LastIndexByte(posn[:i], ':')
		if j < 0 {
			return
		}
		file := posn[:j]
		q, ok := quotable[file]
		if !ok {
			q = srclines.Quotable(file, files)
			quotable[file] = q
		}
		if !q {
			m[key] = posn[:i]
		}
	}
	var out bytes.Buffer
	dec := json.NewDecoder(bytes.NewReader(data))
	for dec.More() {
		var tree map[string]map[string]any
		if err := dec.Decode(&tree); err != nil {
			return nil, false
		}
		for _, byCheck := range tree {
			for _, res := range byCheck {
				if m, ok := res.(map[string]any); ok {
					// An analysis error ({"error": "..."}) is text the
					// standalone driver redacts too.
					if e, ok := m["error"].(string); ok {
						m["error"] = secrets.RedactText(e)
					}
				}
				diags, _ := res.([]any)
				for _, d := range diags {
					dm, ok := d.(map[string]any)
					if !ok {
						continue
					}
					fix(dm, "posn")
					fix(dm, "end")
					rel, _ := dm["related"].([]any)
					for _, r := range rel {
						if rm, ok := r.(map[string]any); ok {
							fix(rm, "posn")
							fix(rm, "end")
						}
					}
				}
			}
		}
		enc, err := json.MarshalIndent(tree, "", "\t")
		if err != nil {
			return nil, false
		}
		out.Write(enc)
		out.WriteByte('\n')
	}
	return out.Bytes(), true
}

var (
	vetContextLine = regexp.MustCompile(`^(\d+)\t`)
	vetPosition    = regexp.MustCompile(`^(.+?):(\d+)(?::\d+)?: `)
)

// filterVetOutput writes the unit checker's standard error to w, redacted.
// In plain-text mode (go vet before Go 1.26 and other drivers) the unit
// checker prints -c context lines ("N\ttext" after a "file:line:col:
// message" line) read from the file the position names: each is replaced
// by the redacted line of that file if it is one of files, else dropped.
func filterVetOutput(w io.Writer, out string, files []string) {
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	var src srclines.Reader
	var lines []string // of the file of the last position printed
	for _, l := range strings.SplitAfter(out, "\n") {
		if l == "" {
			continue
		}
		if m := vetContextLine.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1])
			if 1 <= n && n <= len(lines) {
				fmt.Fprintf(bw, "%d\t%s\n", n, lines[n-1])
			}
			continue
		}
		if m := vetPosition.FindStringSubmatch(l); m != nil {
			lines = src.Lines(m[1], files)
		}
		bw.WriteString(secrets.RedactText(l))
	}
}
