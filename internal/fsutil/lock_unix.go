//go:build unix

package fsutil

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// Lock takes dir for this process: a second vitae writing to the same
// folder fails at once instead of mixing its files with this one's. The
// lock goes with the process however it ends (even kill -9); unlock
// releases it and removes the lock file.
func Lock(dir string) (unlock func(), err error) {
	path := filepath.Join(dir, ".vitae.lock")
	for try := 0; try < 5; try++ {
		f, err := lockFresh(path)
		if errors.Is(err, os.ErrExist) {
			f, err = lockExisting(dir, path)
		}
		if err != nil {
			return nil, err
		}
		if f == nil {
			continue // gone or replaced meanwhile: again
		}
		return func() {
			os.Remove(path)
			_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN) // closing the file releases it in any case
			f.Close()
		}, nil
	}
	return nil, fmt.Errorf("cannot take the lock on %s", dir)
}

// lockFresh makes the lock file locked before it appears: a file of its own
// (created exclusively), locked, then linked into place. Whoever sees the
// lock file sees it held. os.ErrExist: there is one already.
func lockFresh(path string) (*os.File, error) {
	var rnd [6]byte
	rand.Read(rnd[:])
	tmp := filepath.Join(filepath.Dir(path), tempPrefix+hex.EncodeToString(rnd[:])+".tmp")
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0o666)
	if err != nil {
		return nil, fmt.Errorf("cannot take the lock on %s: %w", filepath.Dir(path), pathless(err))
	}
	defer os.Remove(tmp)
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, fmt.Errorf("cannot take the lock on %s: %w", filepath.Dir(path), err)
	}
	if err := os.Link(tmp, path); err != nil { // never follows a link at path: it is one more name
		f.Close()
		if errors.Is(err, os.ErrExist) {
			return nil, os.ErrExist
		}
		return nil, fmt.Errorf("cannot take the lock on %s: %w", filepath.Dir(path), pathless(err))
	}
	return f, nil
}

// lockExisting takes the lock file that is there: one another vitae holds
// (busy), or one a killed run left. nil, nil: it went away meanwhile.
func lockExisting(dir, path string) (*os.File, error) {
	// never through a link: a dangling .vitae.lock would have vitae
	// create or open the file it names, anywhere
	f, err := os.OpenFile(path, os.O_RDWR|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	switch {
	case errors.Is(err, syscall.ELOOP):
		return nil, fmt.Errorf("cannot take the lock on %s: %s is a symbolic link; remove it", dir, path)
	case errors.Is(err, os.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("cannot take the lock on %s: %w", dir, pathless(err))
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("cannot take the lock on %s: %s is not a regular file", dir, path)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, &BusyError{Dir: dir}
		}
		return nil, fmt.Errorf("cannot take the lock on %s: %w", dir, err)
	}
	// The holder before us may have removed the file between our open and
	// our lock: then the lock is on a file no one else will see.
	held, err1 := f.Stat()
	now, err2 := os.Lstat(path)
	if err1 == nil && err2 == nil && os.SameFile(held, now) {
		return f, nil
	}
	f.Close()
	return nil, nil
}

// pathless is err without the path it names (the messages name the folder).
func pathless(err error) error {
	var pe *os.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}
