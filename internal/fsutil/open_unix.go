//go:build unix

package fsutil

import "syscall"

// openFlags open for reading without waiting: opening a FIFO for reading
// waits for a writer, but not with O_NONBLOCK (and on a regular file the
// flag does nothing).
const openFlags = syscall.O_RDONLY | syscall.O_NONBLOCK | syscall.O_CLOEXEC
