package secrets

import (
	"bytes"
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
// [MaxFileSize] are skipped. Findings are in the order of paths, then of
// position; a file that cannot be read is an error.
//
// gitleaks' own file source (sources.Files with DetectSource) is not used:
// DetectSource accumulates findings in the detector, which is shared, and
// its line and column numbers are 0-based and drift; ScanFiles computes
// positions from byte offsets instead.
func ScanFiles(root string, paths []string) ([]FileMatch, error) {
	var out []FileMatch
	var d *D
	for _, p := range paths {
		data, err := readScannable(filepath.Join(root, filepath.FromSlash(p)))
		if err != nil {
			return nil, err
		}
		if data == nil || !CandidateLiteral(string(data)) {
			continue
		}
		if d == nil {
			d = Detector()
		}
		text := string(data)
		lineStarts := lineOffsets(text)
		for _, m := range d.scan(text, filepath.ToSlash(p), true) {
			line, col := position(lineStarts, m.Start)
			out = append(out, FileMatch{Path: p, Line: line, Column: col, Match: m})
		}
	}
	return out, nil
}

// readScannable returns the content of a text file, or nil for a file that
// is skipped (binary, too large, not a regular file).
func readScannable(name string) ([]byte, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, fmt.Errorf("secrets: %w", err)
	}
	if !fi.Mode().IsRegular() || fi.Size() > MaxFileSize {
		return nil, nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("secrets: %w", err)
	}
	if bytes.IndexByte(data[:min(len(data), 8<<10)], 0) >= 0 {
		return nil, nil
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
