//go:build unix

package fsutil

import "syscall"

// syncFiles flushes a batch of files with one call (sync(2) waits for the
// writes on Linux), not one fsync each.
func syncFiles([]Pending) { syscall.Sync() }
