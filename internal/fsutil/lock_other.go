//go:build !unix

package fsutil

// Lock does nothing where file locks are not to be had.
func Lock(dir string) (unlock func(), err error) { return func() {}, nil }
