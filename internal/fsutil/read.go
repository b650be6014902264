package fsutil

import (
	"fmt"
	"io"
	"os"
)

// Open opens a regular file for reading. The check and the open are one:
// the file is opened without waiting (a FIFO would wait for a writer), then
// what was opened is checked, so that a file swapped for a FIFO or a device
// between a check and the open is refused all the same. A device, a FIFO,
// a socket or a folder is refused: reading /dev/zero never ends.
func Open(path string) (*os.File, os.FileInfo, error) {
	f, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, fmt.Errorf("%s is not a regular file (a %s)", path, kindOf(st.Mode()))
	}
	return f, st, nil
}

// ReadFile reads a regular file of at most limit bytes (see Open).
func ReadFile(path string, limit int64) ([]byte, error) {
	f, st, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st.Size() > limit {
		return nil, fmt.Errorf("%s is larger than %s (%s)", path, Size(limit), Size(st.Size()))
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit { // it grew while being read
		return nil, fmt.Errorf("%s is larger than %s", path, Size(limit))
	}
	return data, nil
}

// IsRegular reports whether path is a regular file (following links).
func IsRegular(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

func kindOf(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "folder"
	case m&os.ModeNamedPipe != 0:
		return "FIFO"
	case m&os.ModeSocket != 0:
		return "socket"
	case m&os.ModeDevice != 0:
		return "device"
	}
	return "special file"
}

// Size writes a byte count for people: 4 MB, 512 KB.
func Size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
