package fsutil

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A file swapped for a FIFO between a check and the open never makes a
// read wait for a writer: what is opened is what is checked. The file is
// swapped back and forth while it is read; every read ends at once, with
// the file or with "not a regular file".
func TestReadNeverWaitsOnAFileSwappedForAFIFO(t *testing.T) {
	dir := t.TempDir()
	path, reg, fifo := filepath.Join(dir, "cv.yaml"), filepath.Join(dir, "reg"), filepath.Join(dir, "fifo")
	os.WriteFile(path, []byte("basics: {}\n"), 0o644)
	stop, stopped := make(chan struct{}), make(chan struct{})
	defer func() { // the swapping ends before the folder is removed
		close(stop)
		<-stopped
	}()
	go func() {
		defer close(stopped)
		for {
			select {
			case <-stop:
				return
			default:
			}
			// cv.yaml is a FIFO, then a regular file again
			os.WriteFile(reg, []byte("basics: {}\n"), 0o644)
			if syscall.Mkfifo(fifo, 0o644) != nil {
				return
			}
			os.Rename(fifo, path)
			os.Rename(reg, path)
		}
	}()
	fifos := 0
	for i := 0; i < 3000; i++ {
		done := make(chan error, 1)
		go func() {
			_, err := ReadFile(path, 1<<20)
			done <- err
		}()
		select {
		case err := <-done:
			if err != nil && strings.Contains(err.Error(), "FIFO") {
				fifos++
			}
		case <-time.After(2 * time.Second):
			t.Fatalf("read %d waits (a FIFO opened for reading)", i)
		}
	}
	if fifos == 0 {
		t.Log("the swap never landed on a read (slow machine?)")
	}
}

// Devices and folders are refused by what was opened.
func TestOpenRefusesWhatIsNotAFile(t *testing.T) {
	for path, kind := range map[string]string{"/dev/zero": "device", t.TempDir(): "folder"} {
		if _, _, err := Open(path); err == nil || !strings.Contains(err.Error(), "not a regular file (a "+kind+")") {
			t.Errorf("%s: %v", path, err)
		}
	}
}
