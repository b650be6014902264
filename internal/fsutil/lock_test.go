//go:build unix

package fsutil

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The lock: taken on a fresh folder and on one a killed run left its lock
// file in; refused, naming the folder, while held, and when the lock file
// is a link (a dangling one made vitae create the file it named) or a
// folder; a lock file that exists is held by someone.
func TestLock(t *testing.T) {
	dir := t.TempDir()
	unlock, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Lock(dir); !errors.As(err, new(*BusyError)) {
		t.Errorf("while held: %v", err)
	}
	unlock()
	if _, err := os.Lstat(filepath.Join(dir, ".vitae.lock")); err == nil {
		t.Error("the lock file stays after unlock")
	}
	os.WriteFile(filepath.Join(dir, ".vitae.lock"), nil, 0o644) // left by kill -9
	if unlock, err := Lock(dir); err != nil {
		t.Errorf("a stale lock file: %v", err)
	} else {
		unlock()
	}
	outside := filepath.Join(t.TempDir(), "created")
	os.Symlink(outside, filepath.Join(dir, ".vitae.lock"))
	if _, err := Lock(dir); err == nil || !strings.Contains(err.Error(), "is a symbolic link") {
		t.Errorf("a dangling link: %v", err)
	}
	if _, err := os.Lstat(outside); err == nil {
		t.Error("the link's target was created")
	}
	os.Remove(filepath.Join(dir, ".vitae.lock"))
	os.Mkdir(filepath.Join(dir, ".vitae.lock"), 0o755)
	if _, err := Lock(dir); err == nil || errors.As(err, new(*BusyError)) {
		t.Errorf("a folder as the lock: %v", err)
	}
	// whoever sees the lock file sees it held: 200 races of a second taker
	// against a first that has just made the file
	for i := 0; i < 200; i++ {
		d := t.TempDir()
		first := make(chan func(), 1)
		go func() {
			u, err := Lock(d)
			if err != nil {
				t.Error(err)
			}
			first <- u
		}()
		for {
			if _, err := os.Lstat(filepath.Join(d, ".vitae.lock")); err == nil {
				break
			}
		}
		if u, err := Lock(d); err == nil {
			u()
			t.Fatalf("round %d: the lock file was there, not yet held", i)
		}
		if u := <-first; u != nil {
			u()
		}
	}
}
