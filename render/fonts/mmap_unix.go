//go:build unix

package fonts

import (
	"errors"
	"os"
	"syscall"
)

// mapFile maps a file read-only into memory; the mapping lives as long as
// the process (fonts are parsed once and kept).
func mapFile(f *os.File) ([]byte, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() <= 0 || st.Size() > 64<<20 {
		return nil, errors.New("font file size out of range")
	}
	return syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
}
