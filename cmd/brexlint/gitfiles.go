package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os/exec"
	"path/filepath"
	"strings"
)

// committable lists the files below root that git would commit: tracked
// files and untracked ones that .gitignore does not exclude. Outside a git
// work tree it lists every regular file, skipping version-control and
// dependency folders. Paths are relative to root and slash-separated.
func committable(root string) ([]string, error) {
	out, err := git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ".")
	if err == nil {
		return splitZ(out), nil
	}
	if !errors.Is(err, errNotGit) {
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

// staged lists the files added, copied, modified or renamed in git's index
// below root, relative to root: what the next commit will hold. pre-commit
// stashes unstaged changes before it runs hooks, so the work tree then holds
// exactly the staged content.
func staged(root string) ([]string, error) {
	out, err := git(root, "diff", "--cached", "--name-only", "-z", "--relative", "--diff-filter=ACMR", "--", ".")
	if err != nil {
		return nil, err
	}
	return splitZ(out), nil
}

// ignored reports whether git would ignore the path (relative to root).
func ignored(root, rel string) bool {
	_, err := git(root, "check-ignore", "-q", "--no-index", "--", rel)
	return err == nil
}

// tracked reports whether git tracks the path (relative to root).
func tracked(root, rel string) bool {
	_, err := git(root, "ls-files", "--error-unmatch", "--", rel)
	return err == nil
}

var errNotGit = errors.New("not a git work tree")

func git(dir string, args ...string) ([]byte, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, errNotGit
	}
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil && strings.Contains(stderr.String(), "not a git repository") {
		return nil, errNotGit
	}
	return out, err
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
