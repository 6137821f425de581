// Package committed knows what a repository commits: the files git would
// commit below a directory, the files staged for the next commit and their
// content, whether git ignores or tracks a path, where a directory sits in
// its repository; and, from those, the secrets item's rules on non-Go
// files (see [Scan]). It runs git; the analyzers never do, so only the CLI
// uses it.
//
// Outside a git work tree, [Files] lists every regular file (skipping
// version-control and dependency folders) and the rules that need git's
// ignore rules say nothing.
package committed

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/brexlint/brexlint/internal/secrets"
)

// Files lists the files below root that git would commit: tracked
// files and untracked ones that .gitignore does not exclude. Outside a git
// work tree it lists every regular file, skipping version-control and
// dependency folders. Paths are relative to root and slash-separated.
func Files(root string) ([]string, error) {
	out, err := git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ".")
	if err == nil {
		return splitZ(out), nil
	}
	if !errors.Is(err, ErrNotGit) {
		return nil, err
	}
	var files []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "vendor", "node_modules":
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			rel, _ := filepath.Rel(root, path)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	return files, err
}

// StagedFile is a file that the next commit adds or changes: its path
// relative to the directory git ran in, its mode and the object ID of its
// staged content.
type StagedFile struct {
	Path string
	Mode string // "100644", "100755", "120000" (symlink), "160000" (submodule)
	OID  string
}

// Staged lists the files added, copied, modified or renamed in git's index
// below root, relative to root, with the object ID of their staged
// content: what the next commit will hold, which may differ from the work
// tree (git add -p, or a file edited after git add).
func Staged(root string) ([]StagedFile, error) {
	out, err := git(root, "diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames", "--relative", "--diff-filter=ACMR", "--", ".")
	if err != nil {
		return nil, err
	}
	// With -z each entry is ":srcmode dstmode srcoid dstoid status" NUL
	// path NUL; --no-renames keeps it to one path.
	fields := strings.Split(string(out), "\x00")
	var files []StagedFile
	for i := 0; i+1 < len(fields); i += 2 {
		meta := strings.Fields(strings.TrimPrefix(fields[i], ":"))
		if len(meta) < 5 {
			return nil, fmt.Errorf("git diff --raw: unexpected entry %q", fields[i])
		}
		files = append(files, StagedFile{Path: fields[i+1], Mode: meta[1], OID: meta[3]})
	}
	return files, nil
}

// ReadBlobs reads the content of the git objects of files, with one git
// cat-file --batch process run in root, and calls fn with each file's path
// and content, in memory: staged content is never copied to disk, where an
// interrupted run would leave plaintext secrets behind. Blobs larger than
// limit are skipped.
func ReadBlobs(root string, files []StagedFile, limit int64, fn func(path string, data []byte)) error {
	if len(files) == 0 {
		return nil
	}
	cmd := exec.Command("git", "cat-file", "--batch")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() {
		w := bufio.NewWriter(stdin)
		for _, f := range files {
			fmt.Fprintln(w, f.OID)
		}
		w.Flush()
		stdin.Close()
	}()
	r := bufio.NewReader(stdout)
	readErr := func() error {
		for _, f := range files {
			header, err := r.ReadString('\n')
			if err != nil {
				return fmt.Errorf("git cat-file: %v", err)
			}
			// "<oid> <type> <size>", or "<oid> missing".
			h := strings.Fields(header)
			if len(h) != 3 || h[1] != "blob" {
				return fmt.Errorf("git cat-file: staged content of %s: %q", f.Path, secrets.RedactText(strings.TrimSpace(header)))
			}
			size, err := strconv.ParseInt(h[2], 10, 64)
			if err != nil {
				return fmt.Errorf("git cat-file: bad header %q", secrets.RedactText(strings.TrimSpace(header)))
			}
			if size > limit {
				if _, err := io.CopyN(io.Discard, r, size+1); err != nil {
					return fmt.Errorf("git cat-file: %v", err)
				}
				continue
			}
			data := make([]byte, size)
			if _, err := io.ReadFull(r, data); err != nil {
				return fmt.Errorf("git cat-file: %v", err)
			}
			if _, err := r.Discard(1); err != nil { // the newline after the content
				return fmt.Errorf("git cat-file: %v", err)
			}
			fn(f.Path, data)
		}
		return nil
	}()
	if readErr != nil {
		cmd.Process.Kill()
		cmd.Wait()
		return readErr
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("git cat-file: %v: %s", err, secrets.RedactText(strings.TrimSpace(stderr.String())))
	}
	return nil
}

// CheckIgnored reports whether git would ignore the path (relative to
// root), whether or not it exists: check-ignore matches the name against
// the ignore rules only. The error is ErrNotGit outside a git work tree.
func CheckIgnored(root, rel string) (bool, error) {
	_, err := git(root, "check-ignore", "-q", "--no-index", "--", rel)
	if err == nil {
		return true, nil
	}
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) && ee.ExitCode() == 1 {
		return false, nil
	}
	return false, err
}

// ignored reports whether git would ignore the path (relative to root).
func ignored(root, rel string) bool {
	ign, _ := CheckIgnored(root, rel)
	return ign
}

// tracked reports whether git tracks the path (relative to root).
func tracked(root, rel string) bool {
	_, err := git(root, "ls-files", "--error-unmatch", "--", rel)
	return err == nil
}

// ErrNotGit is the error of git commands run outside a git work tree.
var ErrNotGit = errors.New("not a git work tree")

func git(dir string, args ...string) ([]byte, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, ErrNotGit
	}
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil && strings.Contains(stderr.String(), "not a git repository") {
		return nil, ErrNotGit
	}
	if err != nil {
		// Say what git said: "exit status 128" alone does not tell a
		// CI job about "detected dubious ownership".
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return out, fmt.Errorf("git %s: %w: %s", args[0], err, secrets.RedactText(msg))
		}
		return out, fmt.Errorf("git %s: %w", args[0], err)
	}
	return out, nil
}

func splitZ(b []byte) []string {
	var out []string
	for _, s := range strings.Split(string(b), "\x00") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// RepoDir is dir relative to the root of its git work tree, slash-separated,
// or "" at the root or outside git.
func RepoDir(dir string) string {
	out, err := git(dir, "rev-parse", "--show-prefix")
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(strings.TrimSpace(string(out)), "/")
}
