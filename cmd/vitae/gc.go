package main

import (
	"os"
	"runtime/debug"
)

// fewCollections tunes the garbage collector for a run over a few résumés:
// rendering one allocates about 8 MB in all (the sample, PDF and Word), and
// at Go's default the collector ran three times on the way — 5 ms of a
// 65 ms run on this machine's two cores. At GOGC=400 the heap may reach
// 16 MB before a first collection, so a résumé renders without one; a long
// résumé still collects, in proportion. Batches keep the default: their peak
// memory is what stays flat. A GOGC set by the user wins.
func fewCollections(inputs int) {
	if inputs <= 2 && os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}
