//go:build unix

package fsutil

import (
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
		// never through a link: a dangling .vitae.lock would have vitae
		// create the file it names, anywhere
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0o666)
		if errors.Is(err, syscall.ELOOP) {
			return nil, fmt.Errorf("cannot take the lock on %s: %s is a symbolic link; remove it", dir, path)
		}
		if err != nil {
			return nil, fmt.Errorf("cannot take the lock on %s: %w", dir, err)
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
		// The holder before us may have removed the file between our open
		// and our lock: then the lock is on a file no one else will see.
		held, err1 := f.Stat()
		now, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return func() {
				os.Remove(path)
				syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
				f.Close()
			}, nil
		}
		f.Close()
	}
	return nil, fmt.Errorf("cannot take the lock on %s", dir)
}
