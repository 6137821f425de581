package secrets

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// FileMatch is a secret found in a file by [ScanFiles].
type FileMatch struct {
	Path   string // as given to ScanFiles: relative to its root, with '/' separators
	Line   int    // 1-based
	Column int    // 1-based, in bytes, of the secret's first byte
	Match
}

// MaxFileSize is the size above which [ScanFiles] skips a file: secrets are
// committed in configuration files and scripts, not in data dumps.
const MaxFileSize = 4 << 20

// ScanFiles scans the files at paths (relative to root, separated by '/')
// with the detector, for the CLI's scan of non-Go files (.env, YAML, JSON,
// TOML, scripts). Unlike [D.Scan] it keeps gitleaks' generic-api-key rule
// and applies gitleaks' path allowlists (go.sum, lock files, vendored
// code). Binary files (a NUL byte in the first 8 KB) and files larger than
// [MaxFileSize] are skipped, and so are symbolic links: git commits a
// link's target path, not the content it points to (which, inside the
// repository, is scanned as its own file). Findings are in the order of
// paths, then of position. A file that cannot be read does not stop the
// scan: the error names every such file (errors.Join), and the matches
// are those of the other files.
//
// gitleaks' own file source (sources.Files with DetectSource) is not used:
// DetectSource accumulates findings in the detector, which is shared, and
// its line and column numbers are 0-based and drift; ScanFiles computes
// positions from byte offsets instead.
func ScanFiles(root string, paths []string) ([]FileMatch, error) {
	return scanFilesWith(root, paths, ScanContent)
}

// scanFilesWith reads each of paths below root and scans what can be read
// with scan; an unreadable file is skipped, its error joined to the others.
func scanFilesWith(root string, paths []string, scan func(path string, data []byte) []FileMatch) ([]FileMatch, error) {
	var out []FileMatch
	var errs []error
	for _, p := range paths {
		data, err := readScannable(filepath.Join(root, filepath.FromSlash(p)))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if data != nil {
			out = append(out, scan(p, data)...)
		}
	}
	return out, errors.Join(errs...)
}

// ScanContent scans data, the content of the file at path (relative to
// its root, '/'-separated), as [ScanFiles] scans a file: with every rule
// and the path allowlists, skipping binary content and content larger than
// [MaxFileSize]. It serves content that is not in a file, such as staged
// blobs read from git.
func ScanContent(path string, data []byte) []FileMatch {
	if !scannable(data) || !CandidateLiteral(string(data)) {
		return nil
	}
	text := string(data)
	lineStarts := lineOffsets(text)
	var out []FileMatch
	for _, m := range dropNoise(text, Detector().scan(text, path, true)) {
		line, col := position(lineStarts, m.Start)
		out = append(out, FileMatch{Path: path, Line: line, Column: col, Match: m})
	}
	return out
}

// scannable reports whether content is scanned: text (no NUL byte in its
// first 8 KiB) of at most MaxFileSize bytes. Every scan of content asks it.
func scannable(data []byte) bool {
	return len(data) <= MaxFileSize && bytes.IndexByte(data[:min(len(data), 8<<10)], 0) < 0
}

// readScannable returns the content of a file, or nil for a file that is
// skipped without reading it (too large, a symbolic link or not a regular
// file); the scan of the content skips binary content (scannable).
func readScannable(name string) ([]byte, error) {
	fi, err := os.Lstat(name)
	if err != nil {
		return nil, fmt.Errorf("cannot scan %w", err)
	}
	if !fi.Mode().IsRegular() || fi.Size() > MaxFileSize {
		return nil, nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("cannot scan %w", err)
	}
	return data, nil
}

// position converts a byte offset to a 1-based line and a 1-based byte
// column, as go/token counts them.
func position(lineStarts []int, off int) (line, col int) {
	// The last line start at or before off.
	lo, hi := 0, len(lineStarts)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if lineStarts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1, off - lineStarts[lo] + 1
}
