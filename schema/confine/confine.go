// Package confine keeps the files a résumé names inside the folders it may
// name files in.
//
// Files a résumé names — the file it extends, its photo, its theme — are
// read relative to the file that names them, and only from the résumé's own
// folder (and those below it), the current folder, or a folder allowed with
// --allow-path: a résumé someone sent must not make vitae read
// /etc/shadow or ~/.ssh. Files named on the command line are the user's own
// choice and are not confined.
package confine

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Roots are the folders a résumé may name files in: its own, the current
// one, and the allowed ones, absolute and with links resolved.
func Roots(input string, allow []string) []string {
	var out []string
	add := func(dir string) {
		if a, err := filepath.Abs(dir); err == nil {
			if r, err := filepath.EvalSymlinks(a); err == nil {
				a = r
			}
			out = append(out, a)
		}
	}
	add(filepath.Dir(input))
	if wd, err := os.Getwd(); err == nil {
		add(wd)
	}
	for _, d := range allow {
		add(d)
	}
	return out
}

// Inside reports whether path lies in one of the folders (links resolved,
// so that a link cannot lead out).
func Inside(path string, folders []string) bool {
	a, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	if r, err := filepath.EvalSymlinks(a); err == nil {
		a = r
	} else if r, err := filepath.EvalSymlinks(filepath.Dir(a)); err == nil {
		a = filepath.Join(r, filepath.Base(a)) // the file may not exist yet: its folder decides
	}
	for _, f := range folders {
		if a == f || strings.HasPrefix(a, f+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// Check says whether a file named by what a résumé names (the theme
// file's own `extends:` and fallback font) may be read: nil inside the
// folders the résumé at input may name files in (its own, the current one,
// allow), else the error to show.
func Check(input string, allow []string) func(path string) error {
	folders := Roots(input, allow)
	return func(path string) error {
		if Inside(path, folders) {
			return nil
		}
		return errors.New(Outside(path))
	}
}

// Outside is the message for a file outside the folders: what to do.
func Outside(path string) string {
	return fmt.Sprintf("%s is outside the résumé's folder and the current folder; vitae reads only files there: move it, or allow its folder with --allow-path %s", path, filepath.Dir(path))
}
