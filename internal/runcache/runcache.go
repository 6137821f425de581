// Package runcache answers a brexlint run on code that has not changed since
// an identical earlier run with that run's recorded output.
//
// A pre-commit hook runs brexlint on every commit, mostly on code it has
// seen before; go vet -vettool answers such runs from the go command's
// cache and golangci-lint keeps a cache of its own. brexlint's standalone
// commands (brexlint ./... and brexlint checklist) need the whole module at
// once (facts flow between packages, and the checklist reads non-Go files
// too), so the unit of caching is the whole run: its standard output, its
// standard error and its exit status, under a key that covers everything
// the run reads:
//
//   - the brexlint executable's content (a rebuilt brexlint is another tool);
//   - the arguments and the working directory;
//   - the go command's view of the build (go env: version, GOFLAGS, GOOS,
//     GOARCH, CGO_ENABLED, GOEXPERIMENT, the module and workspace files)
//     and the environment variables that can change a run (GO*, CGO_*,
//     BREXLINT_*);
//   - every file under the main module's root (or the workspace's), by path,
//     mode and content, except the .git directory. Dependencies are named
//     exactly by go.mod and go.sum, which are among those files; the module
//     cache they come from is read-only.
//
// A run is not cached when its output is not a function of that key: when
// it writes files (-fix, -write-baseline, -sarif, profiles), names a path
// outside the module (an absolute or ../ pattern or file), or the module
// replaces a dependency with a directory outside its root. A run whose exit
// status says it failed (1) is not recorded either: the failure may be the
// machine's (a proxy that did not answer), not the code's. The key is
// computed again when the run ends and the output is recorded only if it is
// unchanged, so an edit made during a run never poisons the cache.
//
// Entries live in $BREXLINT_CACHE, or in brexlint under the user cache
// directory (os.UserCacheDir: $XDG_CACHE_HOME or ~/.cache on Linux,
// ~/Library/Caches on macOS); BREXLINT_CACHE=off disables the cache. Entries
// unused for a week are removed, at most once a day.
package runcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/brexlint/brexlint/internal/atomicfile"
	"golang.org/x/mod/modfile"
)

// Entry is a recorded run.
type Entry struct {
	Stdout []byte
	Stderr []byte
	Exit   int
}

// Dir returns the cache directory, and false when the cache is disabled
// (BREXLINT_CACHE=off) or there is no place for it.
func Dir() (string, bool) {
	switch v := os.Getenv("BREXLINT_CACHE"); v {
	case "off":
		return "", false
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return "", false
		}
		return filepath.Join(base, "brexlint"), true
	default:
		return v, filepath.IsAbs(v)
	}
}

// Run is what a run reads, apart from the files under its module root.
type Run struct {
	Executable string   // the brexlint binary
	Args       []string // its arguments, the subcommand included
	WorkDir    string   // absolute
	Env        []string // as os.Environ
}

// ErrUncacheable says why a run cannot be answered from the cache.
type ErrUncacheable struct{ Reason string }

func (e *ErrUncacheable) Error() string { return "not cacheable: " + e.Reason }

// writers are the flags whose runs write files, or whose output depends on
// more than the key covers.
var writers = []string{"fix", "diff", "write-baseline", "sarif", "cpuprofile", "memprofile", "staged"}

// Key returns the key of r, or an *ErrUncacheable (or another error) when r
// cannot be cached.
func Key(r Run) (string, error) {
	for _, a := range r.Args {
		if name, val, ok := flagOf(a); ok {
			if slices.Contains(writers, name) {
				return "", &ErrUncacheable{"-" + name + " writes files"}
			}
			a = val
		}
		if filepath.IsAbs(a) || a == ".." || strings.HasPrefix(filepath.ToSlash(a), "../") {
			return "", &ErrUncacheable{"an argument names a path outside the working directory"}
		}
	}
	goenv, err := goEnv(r.WorkDir, r.Env)
	if err != nil {
		return "", err
	}
	root, err := moduleRoot(goenv)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	exe, err := fileDigest(r.Executable)
	if err != nil {
		return "", err
	}
	field := func(name string, vals ...string) {
		fmt.Fprintf(h, "%s %d\n", name, len(vals))
		for _, v := range vals {
			fmt.Fprintf(h, "%q\n", v)
		}
	}
	field("runcache", "1")
	field("exe", exe)
	field("args", r.Args...)
	field("wd", r.WorkDir)
	field("goenv", goenv.raw)
	field("env", relevantEnv(r.Env)...)
	skip := ""
	if dir, ok := Dir(); ok {
		skip = dir // a cache inside the module changes as it is used
	}
	if err := hashTree(h, root, skip); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// flagOf splits a command-line flag (-name, --name, -name=value).
func flagOf(arg string) (name, value string, ok bool) {
	if !strings.HasPrefix(arg, "-") || arg == "-" {
		return "", "", false
	}
	name, value, _ = strings.Cut(strings.TrimLeft(arg, "-"), "=")
	return name, value, true
}

// Disabled reports whether args turn the cache off (-cache=false).
func Disabled(args []string) bool {
	for _, a := range args {
		if name, val, ok := flagOf(a); ok && name == "cache" && val != "" {
			if on, err := strconv.ParseBool(val); err == nil && !on {
				return true
			}
		}
	}
	return false
}

// relevantEnv keeps the variables that can change a run, sorted.
func relevantEnv(env []string) []string {
	var keep []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "BREXLINT_CACHE") {
			continue // where the cache is does not change the answer
		}
		if strings.HasPrefix(name, "GO") || strings.HasPrefix(name, "CGO_") || strings.HasPrefix(name, "BREXLINT_") {
			keep = append(keep, kv)
		}
	}
	slices.Sort(keep)
	return keep
}

type goEnvironment struct {
	raw    string
	GOMOD  string
	GOWORK string
}

// goEnv asks the go command for its view of the build in dir.
func goEnv(dir string, env []string) (*goEnvironment, error) {
	cmd := exec.Command("go", "env", "-json", "GOVERSION", "GOFLAGS", "GOOS", "GOARCH", "CGO_ENABLED", "GOEXPERIMENT", "GOMOD", "GOWORK", "GOTOOLCHAIN")
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %v", err)
	}
	e := &goEnvironment{raw: string(out)}
	if err := json.Unmarshal(out, e); err != nil {
		return nil, fmt.Errorf("go env: %v", err)
	}
	return e, nil
}

// moduleRoot returns the directory whose files the run can read: the
// workspace's or the main module's. Directories a go.work uses and
// replacements in a go.mod must lie inside it.
func moduleRoot(e *goEnvironment) (string, error) {
	var file string
	switch {
	case e.GOWORK != "" && e.GOWORK != "off":
		file = e.GOWORK
	case e.GOMOD != "" && e.GOMOD != os.DevNull:
		file = e.GOMOD
	default:
		return "", &ErrUncacheable{"no go.mod"}
	}
	root := filepath.Dir(file)
	data, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	var dirs []string
	if strings.HasSuffix(file, ".work") {
		wf, err := modfile.ParseWork(file, data, nil)
		if err != nil {
			return "", &ErrUncacheable{"go.work does not parse"}
		}
		for _, u := range wf.Use {
			dirs = append(dirs, u.Path)
		}
		for _, r := range wf.Replace {
			if modfile.IsDirectoryPath(r.New.Path) {
				dirs = append(dirs, r.New.Path)
			}
		}
	} else {
		mf, err := modfile.Parse(file, data, nil)
		if err != nil {
			return "", &ErrUncacheable{"go.mod does not parse"}
		}
		for _, r := range mf.Replace {
			if modfile.IsDirectoryPath(r.New.Path) {
				dirs = append(dirs, r.New.Path)
			}
		}
	}
	for _, d := range dirs {
		if !filepath.IsAbs(d) {
			d = filepath.Join(root, d)
		}
		if rel, err := filepath.Rel(root, d); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "", &ErrUncacheable{"a replacement or workspace module lies outside " + filepath.Base(root)}
		}
	}
	return root, nil
}

// hashTree writes into h every file under root but .git and skip: its
// path, its mode and the digest of its content (or a symbolic link's
// target).
func hashTree(h io.Writer, root, skip string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable entry changes what the run sees in ways
			// the key cannot follow.
			return &ErrUncacheable{"unreadable entry under the module root"}
		}
		if d.IsDir() && (d.Name() == ".git" || path == skip) {
			return filepath.SkipDir
		}
		rel, _ := filepath.Rel(root, path)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "link %q %q\n", rel, target)
		case d.Type().IsRegular():
			sum, err := fileDigest(path)
			if err != nil {
				return &ErrUncacheable{"unreadable file under the module root"}
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "file %q %o %s\n", rel, info.Mode().Perm(), sum)
		case d.IsDir():
			fmt.Fprintf(h, "dir %q\n", rel)
		default:
			// Devices, sockets and pipes are not source.
		}
		return nil
	})
}

func fileDigest(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// entryPath is where the entry of key lives.
func entryPath(dir, key string) string {
	return filepath.Join(dir, key[:2], key+"-run")
}

// Get returns the entry recorded under key.
func Get(dir, key string) (*Entry, bool) {
	name := entryPath(dir, key)
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	var e Entry
	if err := json.Unmarshal(data, &e); err != nil {
		return nil, false // a damaged entry is a miss; Put replaces it
	}
	now := time.Now()
	_ = os.Chtimes(name, now, now) // used: keep it from trimming
	return &e, true
}

// Put records e under key, atomically: a reader sees the old entry, none,
// or the whole new one.
func Put(dir, key string, e *Entry) error {
	name := entryPath(dir, key)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if err := atomicfile.Write(name, data, 0o644); err != nil {
		return err
	}
	trim(dir, time.Now())
	return nil
}

const (
	unusedFor = 7 * 24 * time.Hour
	trimEvery = 24 * time.Hour
)

// trim removes the entries unused for a week, at most once a day.
func trim(dir string, now time.Time) {
	mark := filepath.Join(dir, "trim.txt")
	if data, err := os.ReadFile(mark); err == nil {
		if t, err := strconv.ParseInt(string(bytes.TrimSpace(data)), 10, 64); err == nil && now.Sub(time.Unix(t, 0)) < trimEvery {
			return
		}
	}
	_ = os.WriteFile(mark, []byte(strconv.FormatInt(now.Unix(), 10)), 0o644)
	subdirs, _ := os.ReadDir(dir)
	for _, sd := range subdirs {
		if !sd.IsDir() {
			continue
		}
		entries, _ := os.ReadDir(filepath.Join(dir, sd.Name()))
		for _, e := range entries {
			if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > unusedFor {
				os.Remove(filepath.Join(dir, sd.Name(), e.Name()))
			}
		}
	}
}
