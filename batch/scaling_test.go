package batch

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/vitae-dev/vitae/render"
)

// allocated is the bytes allocated to read, build and render a one-line
// JSON résumé of n entries in the formats: work that a quadratic step makes
// grow with n², whatever the machine's speed.
func allocated(t *testing.T, n int, formats ...string) uint64 {
	t.Helper()
	var work []map[string]any
	for i := 0; i < n; i++ {
		work = append(work, map[string]any{"name": fmt.Sprintf("Company %d", i), "position": "Engineer",
			"startDate": "2019-01", "summary": "Built **things** that mattered.", "highlights": []string{fmt.Sprintf("Shipped feature %d.", i)}})
	}
	src, _ := json.Marshal(map[string]any{"basics": map[string]any{"name": "Scale"}, "work": work})
	dir := t.TempDir()
	in := filepath.Join(dir, "cv.json")
	if err := os.WriteFile(in, src, 0o644); err != nil {
		t.Fatal(err)
	}
	opts := Options{OutDir: filepath.Join(dir, "out"), Workers: 1}
	for _, name := range formats {
		f, err := render.Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		opts.Formats = append(opts.Formats, f)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	results, err := Run(context.Background(), []string{in}, opts)
	runtime.ReadMemStats(&after)
	if err != nil || results[0].Invalid() || results[0].Failed() {
		t.Fatalf("%v %v %v", err, results[0].Diagnostics, results[0].Errors)
	}
	return after.TotalAlloc - before.TotalAlloc
}

// Cost grows with the résumé's length, never with its square: four times
// the entries may cost at most six times the work.
func TestCostGrowsLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("renders two long résumés")
	}
	for _, format := range render.Names() {
		small, large := allocated(t, 250, format), allocated(t, 1000, format)
		if ratio := float64(large) / float64(small); ratio > 6 {
			t.Errorf("%s: 4× the entries allocated %.1f× the bytes (%d → %d): something is quadratic", format, ratio, small, large)
		} else {
			t.Logf("%s: 4× the entries, %.1f× the bytes", format, ratio)
		}
	}
}
