// Package srclines reads the lines of code that brexlint prints (-c
// context, go vet -c) or hashes (checklist keys and baselines), in the one
// way that is safe for both: only the files that a package is made of,
// never the file a //line directive names; only regular files of bounded
// size; and with every secret redacted before the text is split into
// lines, so that a secret spanning lines is redacted too.
//
// A //line directive may name any file (//line /proc/self/environ:1,
// //line /dev/zero:1): positions it adjusts are for people to read, not
// for brexlint to open.
package srclines

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/brexlint/brexlint/internal/secrets"
)

// MaxSize is the largest file whose lines are read. Generated Go files
// reach a few megabytes; anything beyond this is not code to quote.
const MaxSize = 16 << 20

// Reader reads files' lines, each file once.
type Reader struct {
	// Mask hides secrets with secrets.MaskText, which keeps columns,
	// rather than secrets.RedactText, which is for reading.
	Mask  bool
	cache map[string][]string
}

// Lines returns the lines of the file name, without line terminators and
// with secrets redacted, if name is one of files (the files of the package
// the position belongs to: CompiledGoFiles, GoFiles, OtherFiles). It
// returns nil for any other file, and for a file that cannot be read, is
// not a regular file or is larger than [MaxSize].
func (r *Reader) Lines(name string, files []string) []string {
	if !member(name, files) {
		return nil
	}
	key := filepath.Clean(name)
	if ls, ok := r.cache[key]; ok {
		return ls
	}
	hide := secrets.RedactText
	if r.Mask {
		hide = secrets.MaskText
	}
	ls, _ := readLines(key, hide)
	if r.cache == nil {
		r.cache = map[string][]string{}
	}
	r.cache[key] = ls
	return ls
}

// Read returns the lines of the file name, redacted, or an error if it is
// not a regular file of at most [MaxSize] bytes. Callers must have
// established that name is a file of the code (see [Reader.Lines]).
func Read(name string) ([]string, error) {
	return readLines(name, secrets.RedactText)
}

func readLines(name string, hide func(string) string) ([]string, error) {
	text, _, err := read(name, hide)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines, nil
}

// Quotable reports whether a tool that knows nothing of secrets may print
// lines of the file name: it is one of files, can be read within the
// bounds of [Read], and holds no secret.
func Quotable(name string, files []string) bool {
	if !member(name, files) {
		return false
	}
	_, redacted, err := read(name, secrets.RedactText)
	return err == nil && !redacted
}

// read returns the text of the file name with its secrets hidden by hide,
// and whether hiding changed it.
func read(name string, hide func(string) string) (string, bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", false, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return "", false, err
	}
	if !fi.Mode().IsRegular() {
		return "", false, fmt.Errorf("%s: not a regular file", name)
	}
	// The size bound is enforced on what is read, not on what Stat says:
	// files in /proc report size 0.
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return "", false, err
	}
	if len(data) > MaxSize {
		return "", false, fmt.Errorf("%s: larger than %d bytes", name, MaxSize)
	}
	text := hide(string(data))
	return text, text != string(data), nil
}

// member reports whether name is one of files, compared as clean paths.
func member(name string, files []string) bool {
	if name == "" {
		return false
	}
	name = filepath.Clean(name)
	for _, f := range files {
		if filepath.Clean(f) == name {
			return true
		}
	}
	return false
}
