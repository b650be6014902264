package main

import (
	"errors"

	"github.com/vitae-dev/vitae/layout"
)

// explain is an error as the command line says it: the libraries state
// what is wrong in their own terms; the flags that change it are the
// command's to name.
func explain(err error) string {
	msg := err.Error()
	var over *layout.OverflowError
	var missing *layout.MissingGlyphsError
	switch {
	case errors.As(err, &over):
		msg += " (--max-pages)"
	case errors.As(err, &missing):
		msg += ": --font-fallback FILE gives a fallback font, --allow-missing-glyphs leaves them out with a warning"
	}
	return msg
}
