// Package fsutil reads and writes files safely: a reader never sees half a
// file vitae wrote, and vitae never reads what could hang it or exhaust it.
package fsutil

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// tempPrefix starts the name of every temporary file vitae writes, so that
// one left behind by a killed run can be recognised and removed.
const tempPrefix = ".vitae-"

// WriteAtomic writes data to a temporary file beside path, flushes it to the
// disk and renames it into place, then flushes the folder: path holds either
// its old content or all of the new, even after a crash. The file gets the
// usual permissions less the umask. Errors name path, not the temporary file.
func WriteAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	var rnd [6]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return err
	}
	tmp := filepath.Join(dir, tempPrefix+hex.EncodeToString(rnd[:])+".tmp") // short: any output name fits
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return named(path, err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return named(path, err)
	}
	if d, err := os.Open(dir); err == nil { // make the rename itself durable
		_ = d.Sync() // best effort: not every file system syncs a folder; the file itself was synced
		d.Close()
	}
	return nil
}

// named says what could not be written in terms of the output, not of the
// temporary file.
func named(path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return fmt.Errorf("cannot write %s: %w", path, pe.Err)
	case errors.As(err, &le):
		return fmt.Errorf("cannot write %s: %w", path, le.Err)
	}
	return fmt.Errorf("cannot write %s: %w", path, err)
}

// BusyError says that another vitae holds a folder's lock.
type BusyError struct{ Dir string }

func (e *BusyError) Error() string {
	return fmt.Sprintf("another vitae is writing to %s; wait for it to finish, or write elsewhere with --out", e.Dir)
}

// RemoveStaleTemps removes the temporary files a killed run left in dir.
func RemoveStaleTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if n := e.Name(); strings.HasPrefix(n, tempPrefix) && strings.HasSuffix(n, ".tmp") && e.Type().IsRegular() {
			os.Remove(filepath.Join(dir, n))
		}
	}
}

// Pending is a file written to a temporary name, to be put in place by
// Commit together with others.
type Pending struct {
	Temp, Path string
}

// WriteTemp writes data beside path under a temporary name, not yet
// flushed to disk: Commit flushes a whole batch at once, which is far
// cheaper than flushing each file.
func WriteTemp(path string, data []byte) (Pending, error) {
	var rnd [6]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return Pending{}, err
	}
	tmp := filepath.Join(filepath.Dir(path), tempPrefix+hex.EncodeToString(rnd[:])+".tmp")
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return Pending{}, named(path, err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return Pending{}, named(path, err)
	}
	return Pending{Temp: tmp, Path: path}, nil
}

// Commit flushes the pending files to disk, renames each into place and
// flushes their folders: each path then holds its old content or all of the
// new, even after a crash. It returns the error of each file that could not
// be put in place, by path.
func Commit(files []Pending) map[string]error {
	if len(files) == 0 {
		return nil
	}
	syncFiles(files)
	failed := map[string]error{}
	dirs := map[string]bool{}
	for _, p := range files {
		if err := os.Rename(p.Temp, p.Path); err != nil {
			os.Remove(p.Temp)
			failed[p.Path] = named(p.Path, err)
			continue
		}
		dirs[filepath.Dir(p.Path)] = true
	}
	for dir := range dirs {
		if d, err := os.Open(dir); err == nil {
			_ = d.Sync() // best effort, as in WriteAtomic
			d.Close()
		}
	}
	return failed
}
