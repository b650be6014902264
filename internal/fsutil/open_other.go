//go:build !unix

package fsutil

import "os"

const openFlags = os.O_RDONLY
