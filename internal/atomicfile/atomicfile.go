// Package atomicfile replaces files whole or not at all: brexlint writes
// users' source files (-fix), baselines and reports, and a full disk or an
// interrupted run must leave the previous content, never a truncated file.
package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
)

// syncFile flushes a file to disk; tests replace it to fail as a full
// disk does.
var syncFile = (*os.File).Sync

// Write writes data to a temporary file in name's directory, syncs it and
// renames it over name. An existing file keeps its permissions; a new one
// gets perm. On any error name is left as it was.
func Write(name string, data []byte, perm os.FileMode) (err error) {
	if fi, err := os.Stat(name); err == nil {
		if !fi.Mode().IsRegular() {
			return &os.PathError{Op: "write", Path: name, Err: errors.New("not a regular file")}
		}
		perm = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".brexlint-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = syncFile(f); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}
