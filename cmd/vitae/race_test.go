//go:build race

package main

// raceDetector is true when the tests run under the race detector, where
// the hostile inputs (100,000 entries, 200 pages) take ten times as long.
const raceDetector = true
