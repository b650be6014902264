//go:build !unix

package fsutil

import "os"

// syncFiles flushes each file.
func syncFiles(files []Pending) {
	for _, p := range files {
		if f, err := os.OpenFile(p.Temp, os.O_RDWR, 0); err == nil {
			f.Sync()
			f.Close()
		}
	}
}
