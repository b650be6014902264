package main

import (
	"os"
	"runtime/debug"
)

// fewCollections tunes the garbage collector for the run's number of
// résumés. A GOGC set by the user wins.
//
// One or two: rendering one allocates about 7 MB in all (the sample, PDF
// and Word), and at Go's default the collector ran three times on the way —
// 5 ms of a 65 ms run on this machine's two cores. At GOGC=400 the heap may
// reach 16 MB before a first collection, so a résumé renders without one; a
// long résumé still collects, in proportion.
//
// More: a batch's live heap stays flat (fonts, caches and the résumés being
// rendered), and the heap may grow to 1 + GOGC/100 times it. The collector's
// marking shares the two cores with rendering: 1,000 résumés to PDF and
// Word took 3.38–3.51 s in 34 MB at the default, 2.67–2.75 s in 46–49 MB at
// GOGC=200 (four interleaved runs each), 2.57–2.69 s in 53–57 MB at 300.
// 200 is taken for the time; it leaves the batch over the 40 MB goal of
// make bench (50–56 MB), which GOGC=100 would meet for 12 % more work.
func fewCollections(inputs int) {
	if os.Getenv("GOGC") != "" {
		return
	}
	if inputs <= 2 {
		debug.SetGCPercent(400)
	} else {
		debug.SetGCPercent(200)
	}
}
